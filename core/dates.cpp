#include "core/dates.hpp"

#include "core/text.hpp"

#include "core/numbers.hpp"

#include <array>
#include <cstdio>

namespace steadypay::core {

namespace {
constexpr std::array<std::string_view, 7> k_codes{"SU", "MO", "TU", "WE", "TH", "FR", "SA"};
constexpr std::array<std::string_view, 7> k_short{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<std::string_view, 12> k_months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

bool all_digits(std::string_view s) {
    for (char c : s) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return !s.empty();
}

// At most four digits, checked by all_digits first: always fits.
int to_int(std::string_view s) { return static_cast<int>(parse_whole(s, 0, 9999).value); }
} // namespace

Result<Date> parse_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !all_digits(text.substr(0, 4)) ||
        !all_digits(text.substr(5, 2)) || !all_digits(text.substr(8, 2))) {
        return bad_input("{0} is not a date: write YYYY-MM-DD, like 2026-11-22", quote_input(text));
    }
    const int y = to_int(text.substr(0, 4));
    const auto m = static_cast<unsigned>(to_int(text.substr(5, 2)));
    const auto d = static_cast<unsigned>(to_int(text.substr(8, 2)));
    const date::year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
    if (y < 1 || !ymd.ok()) {
        return bad_input("{0} is not a date that exists", quote_input(text));
    }
    return Date{ymd};
}

std::string to_iso(Date d) {
    const date::year_month_day ymd{d};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return buf;
}

std::string to_weekday_iso(Date d) {
    return std::string(weekday_short_name(date::weekday{d})) + " " + to_iso(d);
}

std::string to_short(Date d, std::optional<date::year> context_year) {
    const date::year_month_day ymd{d};
    std::string s = std::string(k_months[static_cast<unsigned>(ymd.month()) - 1]) + " " +
                    std::to_string(static_cast<unsigned>(ymd.day()));
    if (context_year && *context_year != ymd.year()) {
        s += ", " + std::to_string(static_cast<int>(ymd.year()));
    }
    return s;
}

Result<date::weekday> parse_weekday_code(std::string_view code) {
    for (unsigned i = 0; i < 7; ++i) {
        if (k_codes[i] == code) {
            return date::weekday{i};
        }
    }
    return bad_input("{0} is not a weekday: use MO, TU, WE, TH, FR, SA or SU", quote_input(code));
}

std::string_view weekday_code(date::weekday wd) { return k_codes[wd.c_encoding()]; }
std::string_view weekday_short_name(date::weekday wd) { return k_short[wd.c_encoding()]; }

unsigned days_in_month(date::year_month ym) {
    static constexpr unsigned k_days[] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const unsigned m = static_cast<unsigned>(ym.month());
    return m == 2 && ym.year().is_leap() ? 29 : k_days[m];
}

} // namespace steadypay::core
