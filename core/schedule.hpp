#pragma once
// An item's schedule: an RRULE, its start (DTSTART) and an optional end, expanded to due dates
// and moved to business days.
//
// `end` bounds the rule's own dates, like UNTIL, before business-day adjustment. The adjusted
// date is kept beside the scheduled one (as QuantLib's Schedule does):
//
//   rent, FREQ=MONTHLY;BYMONTHDAY=1, following, Sat+Sun weekend:
//     scheduled 2026-11-01 (Sun) -> due 2026-11-02 (Mon)
//
// When adjustment makes several scheduled dates land on one business day (a daily item over a
// weekend, or a long run of holidays), they become one due date with `count` > 1: one payment
// of that many times the amount, identified, like any other, by the item and the due date.

#include "core/business_calendar.hpp"
#include "core/recurrence.hpp"

#include <optional>
#include <string>
#include <vector>

namespace steadypay::core {

struct Schedule {
    std::string rrule; // as written by the person, kept for display and round trips
    RecurrenceRule rule;
    Date start;
    std::optional<Date> end;

    // Parses the rule and checks that it can work with the dates.
    [[nodiscard]] static Result<Schedule> make(std::string_view rrule, Date start, std::optional<Date> end = {});
    friend bool operator==(const Schedule&, const Schedule&) = default;
};

struct DueDate {
    Date scheduled; // the first scheduled date that adjusts to `due`
    Date due;       // after business-day adjustment
    int count = 1;  // how many scheduled dates adjust to `due`
    friend bool operator==(const DueDate&, const DueDate&) = default;
};

// The due dates d with from <= d <= to, in order.
[[nodiscard]] std::vector<DueDate> due_dates(const Schedule& schedule, BusinessDayRule rule,
                                             const BusinessCalendar& calendar, Date from, Date to);

// The same, appended to `out`, with `scratch` for the scheduled dates: no allocation once both
// have grown (for computations that expand many schedules).
void append_due_dates(const Schedule& schedule, BusinessDayRule rule, const BusinessCalendar& calendar, Date from,
                      Date to, std::vector<DueDate>& out, std::vector<Date>& scratch);

// The first `n` due dates on or after the schedule's start and no later than `until`.
[[nodiscard]] std::vector<DueDate> first_due_dates(const Schedule& schedule, BusinessDayRule rule,
                                                   const BusinessCalendar& calendar, std::size_t n,
                                                   Date until = k_max_date);

// Whether `due` is one of the schedule's due dates.
[[nodiscard]] bool is_due_date(const Schedule& schedule, BusinessDayRule rule, const BusinessCalendar& calendar,
                               Date due);

} // namespace steadypay::core
