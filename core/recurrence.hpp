#pragma once
// RFC 5545 recurrence rules (RRULE), for calendar dates.
//
// Supported: FREQ=DAILY|WEEKLY|MONTHLY|YEARLY, INTERVAL, COUNT, UNTIL, BYDAY (with ordinals such
// as 2FR or -1MO under MONTHLY and YEARLY), BYMONTHDAY (negative values count from the month's
// end), BYMONTH, BYSETPOS and WKST. Anything else (BYYEARDAY, BYWEEKNO, time-of-day parts,
// sub-daily frequencies) is rejected with an error that names the part.
//
// Expansion follows RFC 5545 exactly, with the DTSTART convention of python-dateutil and most
// calendar programs: the occurrences are the rule's dates on or after DTSTART; DTSTART itself is
// one only when it matches the rule, and COUNT counts only real occurrences. Dates that do not
// exist are skipped, never moved:
//
//   FREQ=MONTHLY;BYMONTHDAY=31 from 2026-01-31      -> Jan 31, Mar 31, May 31, Jul 31, ...
//                                                      (no February, April or June date)
//   FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1     -> the 30th, or the last day of a shorter
//                                                      month: Jan 30, Feb 28 (29 in leap years), Mar 30
//   FREQ=MONTHLY;BYMONTHDAY=-1                       -> the last day of every month
//   FREQ=WEEKLY;INTERVAL=2;BYDAY=FR from a Friday     -> every other Friday
//   FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1    -> the last weekday of the month
//   FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30              -> never; expansion still terminates
//
// Occurrence n is always computed from DTSTART's period, never from the previous occurrence, so
// a bill due on the 31st does not drift to the 28th after February.

#include "core/dates.hpp"
#include "core/result.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace steadypay::core {

enum class Frequency { daily, weekly, monthly, yearly };

struct WeekdayNum {
    int ordinal = 0; // 0: every such weekday of the period; n > 0: the nth; n < 0: the nth from the end
    date::weekday weekday;
    friend bool operator==(const WeekdayNum&, const WeekdayNum&) = default;
};

struct RecurrenceRule {
    Frequency freq = Frequency::monthly;
    int interval = 1;
    std::optional<int> count;
    std::optional<Date> until; // inclusive
    std::vector<WeekdayNum> by_day;
    std::vector<int> by_month_day; // 1..31 or -31..-1
    std::vector<int> by_month;     // 1..12
    std::vector<int> by_set_pos;   // 1..366 or -366..-1
    date::weekday wkst = date::Monday;

    friend bool operator==(const RecurrenceRule&, const RecurrenceRule&) = default;
};

// Parses an RRULE value ("FREQ=MONTHLY;BYMONTHDAY=1"; a leading "RRULE:" is accepted). Names and
// values are case-insensitive, as RFC 5545 says. Errors name the part:
// "BYMONTHDAY=32 is out of range (1..31 or -31..-1)".
[[nodiscard]] Result<RecurrenceRule> parse_rrule(std::string_view text);

// The canonical text of a rule: FREQ first, then INTERVAL, COUNT or UNTIL, BYMONTH, BYMONTHDAY,
// BYDAY, BYSETPOS, WKST; parts with their default value are left out.
[[nodiscard]] std::string to_string(const RecurrenceRule& rule);

// The rule's occurrences d with from <= d <= to (and d >= dtstart), in increasing order. COUNT
// counts from DTSTART whatever `from` is. Without COUNT, periods before `from` are skipped in
// constant time, so a window far from DTSTART costs no more than one near it.
[[nodiscard]] std::vector<Date> expand(const RecurrenceRule& rule, Date dtstart, Date from, Date to);
// The same into `out` (cleared first), reusing its capacity.
void expand_into(const RecurrenceRule& rule, Date dtstart, Date from, Date to, std::vector<Date>& out);

// Calls visit(d) for each occurrence in [from, to], in order, until visit returns false.
void for_each_occurrence(const RecurrenceRule& rule, Date dtstart, Date from, Date to,
                         const std::function<bool(Date)>& visit);

// The first `n` occurrences on or after dtstart and no later than `to` (year 9999 by default):
// fewer if the rule ends first or never occurs.
[[nodiscard]] std::vector<Date> first_occurrences(const RecurrenceRule& rule, Date dtstart, std::size_t n,
                                                  Date to = k_max_date);

} // namespace steadypay::core
