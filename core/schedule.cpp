#include "core/schedule.hpp"

#include <cassert>

namespace steadypay::core {

Result<Schedule> Schedule::make(std::string_view rrule, Date start, std::optional<Date> end) {
    auto rule = parse_rrule(rrule);
    if (!rule) {
        return std::move(rule).error();
    }
    if (end && *end < start) {
        return bad_input("the end {0} is before the start {1}", *end, start);
    }
    return Schedule{std::string(rrule), std::move(rule).value(), start, end};
}

namespace {

// Expands scheduled dates in [from, to] (clipped to the schedule's end), adjusts each, and
// groups equal due dates. `accept` returns false to stop. With a `scratch` vector the window is
// expanded in one go; without, date by date (for open-ended windows that stop early).
template <class Accept>
void adjusted(const Schedule& s, BusinessDayRule rule, const BusinessCalendar& cal, Date from, Date to,
              std::vector<Date>* scratch, Accept&& accept) {
    if (s.end) {
        to = std::min(to, *s.end);
    }
    std::optional<DueDate> pending;
    bool stopped = false;
    const auto each = [&](Date d) {
        const Date due = cal.adjust(d, rule);
        if (pending && pending->due == due) {
            ++pending->count;
            return true;
        }
        if (pending) {
            // Adjustment is monotonic: a later scheduled date never lands before an earlier one.
            assert(pending->due < due);
            if (!accept(*pending)) {
                stopped = true;
                return false;
            }
        }
        pending = DueDate{d, due, 1};
        return true;
    };
    if (scratch) {
        // A bounded window: one expansion into a vector, without a callback per date.
        expand_into(s.rule, s.start, from, to, *scratch);
        for (Date d : *scratch) {
            if (!each(d)) {
                break;
            }
        }
    } else {
        for_each_occurrence(s.rule, s.start, from, to, each);
    }
    if (pending && !stopped) {
        (void)accept(*pending);
    }
}

} // namespace

void append_due_dates(const Schedule& schedule, BusinessDayRule rule, const BusinessCalendar& calendar, Date from,
                      Date to, std::vector<DueDate>& out, std::vector<Date>& scratch) {
    if (to < from) {
        return;
    }
    // A scheduled date up to max_shift() days outside the window may be adjusted into it.
    const date::days margin{rule == BusinessDayRule::none ? 0 : calendar.max_shift()};
    const Date lo = from - margin < k_min_date ? k_min_date : from - margin;
    const Date hi = to + margin > k_max_date ? k_max_date : to + margin;
    adjusted(schedule, rule, calendar, lo, hi, &scratch, [&](const DueDate& d) {
        if (d.due > to) {
            return false;
        }
        if (d.due >= from) {
            out.push_back(d);
        }
        return true;
    });
}

std::vector<DueDate> due_dates(const Schedule& schedule, BusinessDayRule rule, const BusinessCalendar& calendar,
                               Date from, Date to) {
    std::vector<DueDate> out;
    std::vector<Date> scratch;
    append_due_dates(schedule, rule, calendar, from, to, out, scratch);
    return out;
}

std::vector<DueDate> first_due_dates(const Schedule& schedule, BusinessDayRule rule, const BusinessCalendar& calendar,
                                     std::size_t n, Date until) {
    std::vector<DueDate> out;
    if (n == 0) {
        return out;
    }
    const date::days margin{rule == BusinessDayRule::none ? 0 : calendar.max_shift()};
    const Date hi = until + margin > k_max_date ? k_max_date : until + margin;
    adjusted(schedule, rule, calendar, schedule.start, hi, nullptr, [&](const DueDate& d) {
        if (d.due > until) {
            return false;
        }
        out.push_back(d);
        return out.size() < n;
    });
    return out;
}

bool is_due_date(const Schedule& schedule, BusinessDayRule rule, const BusinessCalendar& calendar, Date due) {
    return !due_dates(schedule, rule, calendar, due, due).empty();
}

} // namespace steadypay::core
