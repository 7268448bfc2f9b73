#pragma once
// What statement files are written in: encodings, amounts in the forms banks print them, dates in
// the orders people write them. Shared by the QIF and CSV readers.

#include "core/money.hpp"
#include "core/result.hpp"

#include <date/date.h>

#include <string>
#include <string_view>
#include <vector>

namespace steadypay::integrations {

// The order of a date's day, month and year where the file does not say it: told by the person,
// or worked out from the whole file (a first number above 12 is a day, a second one is too).
enum class DateOrder { detect, dmy, mdy, ymd };
[[nodiscard]] core::Result<DateOrder> parse_date_order(std::string_view text); // "dmy", "mdy", "ymd"

// The file's bytes as UTF-8. `encoding` is "", "utf-8", "windows-1255" (Hebrew), "windows-1256"
// (Arabic) or any name ICU knows; "" takes UTF-8 (a byte order mark is dropped) when the bytes are
// valid UTF-8, else Windows-1255 or -1256, whichever the bytes' letters fit. NUL bytes are refused:
// no statement has them, and a binary file is not a statement.
[[nodiscard]] core::Result<std::string> to_utf8(std::string_view bytes, std::string_view encoding);

// An amount as statements print it, in exact minor units of `currency`: "1,234.50", "3.100,55",
// "-$0.95", "(12.00)", "12.00-", "₪ 1 234,50", "1'234.50". A single ',' or '.' followed by three
// digits groups thousands, unless `decimal` is that character. More decimals than the currency has
// (other than zeros) are refused, as are letters among the digits.
[[nodiscard]] core::Result<core::Money> parse_amount_text(std::string_view text, const core::Currency& currency,
                                                           char decimal = '.');

// A date as it is written, before its order is known.
struct DateText {
    std::string text;  // as written
    std::string place; // where, for errors ("file.csv:12")
};

// The dates of one file's column (or QIF's D lines), in the same order: ISO (2026-12-01, with or
// without a time after it), 20261201, day/month/year or month/day/year with '/', '.' or '-' and
// two- or four-digit years (QIF's 12/01'26 too), and English month names (Dec 1, 2026; 1-Dec-26).
// The order of numeric ones is `order`, else worked out from all of them; when they fit both
// orders, the error says so and asks for it.
[[nodiscard]] core::Result<std::vector<date::sys_days>> parse_dates(const std::vector<DateText>& dates,
                                                                    DateOrder order);

} // namespace steadypay::integrations
