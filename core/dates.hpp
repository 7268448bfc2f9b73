#pragma once
// Calendar dates: `date::year_month_day` in fields, `date::sys_days` for arithmetic. Dates are
// printed and parsed as strict ISO 8601 "YYYY-MM-DD"; "2026-02-30", "2026-2-3" and
// "2026-02-03T00:00" are rejected.

#include "core/result.hpp"

#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>

namespace steadypay::core {

using Date = date::sys_days;

// Strict ISO date in years 1..9999.
[[nodiscard]] Result<Date> parse_iso_date(std::string_view text);
[[nodiscard]] std::string to_iso(Date d);
// "Tue 2026-12-01"
[[nodiscard]] std::string to_weekday_iso(Date d);
// "Dec 1" (with the year, "Dec 1, 2027", when it differs from `context_year`)
[[nodiscard]] std::string to_short(Date d, std::optional<date::year> context_year = std::nullopt);

// RFC 5545 two-letter weekday codes: "MO".."SU".
[[nodiscard]] Result<date::weekday> parse_weekday_code(std::string_view code);
[[nodiscard]] std::string_view weekday_code(date::weekday wd);
[[nodiscard]] std::string_view weekday_short_name(date::weekday wd); // "Mon"

// The number of days in the month of `ym`.
[[nodiscard]] unsigned days_in_month(date::year_month ym);

[[nodiscard]] inline int days_between(Date from, Date to) { return static_cast<int>((to - from).count()); }

// The first and last date this program accepts (RFC 5545 and ISO 8601 need four-digit years).
inline constexpr Date k_min_date = Date{date::year{1} / 1 / 1};
inline constexpr Date k_max_date = Date{date::year{9999} / 12 / 31};

} // namespace steadypay::core
