#include "core/business_calendar.hpp"

#include "core/text.hpp"

#include <algorithm>

namespace steadypay::core {

Result<BusinessDayRule> parse_business_day_rule(std::string_view text) {
    if (text == "none") {
        return BusinessDayRule::none;
    }
    if (text == "preceding") {
        return BusinessDayRule::preceding;
    }
    if (text == "following") {
        return BusinessDayRule::following;
    }
    if (text == "modified_following") {
        return BusinessDayRule::modified_following;
    }
    return bad_input("{0} is not a business-day rule (none, preceding, following or modified_following)",
                     quote_input(text));
}

std::string_view to_string(BusinessDayRule rule) {
    switch (rule) {
    case BusinessDayRule::none:
        return "none";
    case BusinessDayRule::preceding:
        return "preceding";
    case BusinessDayRule::following:
        return "following";
    case BusinessDayRule::modified_following:
        return "modified_following";
    }
    return "none";
}

BusinessCalendar::BusinessCalendar() {
    m_weekend[date::Saturday.c_encoding()] = true;
    m_weekend[date::Sunday.c_encoding()] = true;
    m_max_run = 2;
}

namespace {

void sort_unique(std::vector<Date>& dates) {
    std::sort(dates.begin(), dates.end());
    dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
}

} // namespace

Result<BusinessCalendar> BusinessCalendar::make(const std::vector<date::weekday>& weekend, std::vector<Date> holidays,
                                                std::shared_ptr<const std::vector<Date>> region,
                                                std::vector<Date> removed) {
    BusinessCalendar cal;
    cal.m_weekend = {};
    for (auto wd : weekend) {
        cal.m_weekend[wd.c_encoding()] = true;
    }
    if (std::all_of(cal.m_weekend.begin(), cal.m_weekend.end(), [](bool b) { return b; })) {
        return bad_input("every day of the week is a weekend day: at least one must be a business day");
    }
    sort_unique(holidays);
    sort_unique(removed);
    cal.m_holidays = std::move(holidays);
    cal.m_region = std::move(region);
    cal.m_removed = std::move(removed);

    // Longest weekend run, going round the week.
    int run = 0;
    int best = 0;
    for (int i = 0; i < 14; ++i) {
        run = cal.m_weekend[static_cast<std::size_t>(i % 7)] ? run + 1 : 0;
        best = std::max(best, run);
    }
    // Holidays can join weekend runs: measure the runs around each holiday kept (a region's day
    // the person removed is a business day, and starts no run).
    const auto measure = [&](Date h) {
        if (cal.is_business_day(h)) {
            return;
        }
        Date first = h;
        while (first > k_min_date && !cal.is_business_day(first - date::days{1})) {
            first -= date::days{1};
        }
        Date last = h;
        while (last < k_max_date && !cal.is_business_day(last + date::days{1})) {
            last += date::days{1};
        }
        best = std::max(best, days_between(first, last) + 1);
    };
    std::for_each(cal.m_holidays.begin(), cal.m_holidays.end(), measure);
    if (cal.m_region) {
        std::for_each(cal.m_region->begin(), cal.m_region->end(), measure);
    }
    cal.m_max_run = best;
    return cal;
}

bool BusinessCalendar::is_business_day(Date d) const {
    if (m_weekend[date::weekday{d}.c_encoding()]) {
        return false;
    }
    return !is_holiday(d);
}

bool BusinessCalendar::is_holiday(Date d) const {
    if (std::binary_search(m_holidays.begin(), m_holidays.end(), d)) {
        return true;
    }
    return m_region && std::binary_search(m_region->begin(), m_region->end(), d) &&
           !std::binary_search(m_removed.begin(), m_removed.end(), d);
}

Date BusinessCalendar::adjust(Date d, BusinessDayRule rule) const {
    // A move never leaves the dates this program works with (years 1 to 9999): at either end it
    // goes the other way, as modified_following does at the end of a month.
    const auto forward = [this](Date x) -> std::optional<Date> {
        while (!is_business_day(x)) {
            if (x >= k_max_date) {
                return std::nullopt;
            }
            x += date::days{1};
        }
        return x;
    };
    const auto backward = [this](Date x) -> std::optional<Date> {
        while (!is_business_day(x)) {
            if (x <= k_min_date) {
                return std::nullopt;
            }
            x -= date::days{1};
        }
        return x;
    };
    switch (rule) {
    case BusinessDayRule::none:
        return d;
    case BusinessDayRule::following:
        return forward(d).value_or(backward(d).value_or(d));
    case BusinessDayRule::preceding:
        return backward(d).value_or(forward(d).value_or(d));
    case BusinessDayRule::modified_following: {
        const auto f = forward(d);
        if (!f || date::year_month_day{*f}.month() != date::year_month_day{d}.month()) {
            return backward(d).value_or(f.value_or(d));
        }
        return *f;
    }
    }
    return d;
}

} // namespace steadypay::core
