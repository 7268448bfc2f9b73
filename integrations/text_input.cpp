#include "integrations/text_input.hpp"

#include "core/dates.hpp"
#include "core/text.hpp"

#include <unicode/ucnv.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

namespace steadypay::integrations {

using core::Error;
using core::Result;

namespace {

bool valid_utf8(std::string_view s) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
    const auto n = static_cast<std::int32_t>(s.size());
    std::int32_t i = 0;
    while (i < n) {
        UChar32 c = 0;
        U8_NEXT(p, i, n, c);
        if (c < 0) {
            return false;
        }
    }
    return true;
}

Result<std::string> convert(std::string_view bytes, const char* from) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter* in = ucnv_open(from, &status);
    if (U_FAILURE(status)) {
        return core::bad_input("{0} is not an encoding this program knows", core::quote_input(from));
    }
    UConverter* out = ucnv_open("UTF-8", &status);
    // A byte the encoding has no character for is an error, not a silent replacement.
    ucnv_setToUCallBack(in, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    std::string result(bytes.size() * 3 + 4, '\0');
    char* target = result.data();
    const char* source = bytes.data();
    ucnv_convertEx(out, in, &target, result.data() + result.size(), &source, bytes.data() + bytes.size(), nullptr,
                   nullptr, nullptr, nullptr, true, true, &status);
    ucnv_close(in);
    ucnv_close(out);
    if (U_FAILURE(status)) {
        return core::bad_input("byte {0} is not a character in {1}", static_cast<std::int64_t>(source - bytes.data()),
                               std::string(from));
    }
    result.resize(static_cast<std::size_t>(target - result.data()));
    return result;
}

// Windows-1255 or -1256 for bytes that are not UTF-8, by where their letters fall: Hebrew's 27
// letters are 0xE0..0xFA in 1255; most of Arabic's are 0xC1..0xDF in 1256, where 1255 has vowel
// points and few letters.
const char* guess_codepage(std::string_view bytes) {
    std::size_t hebrew = 0;
    std::size_t arabic = 0;
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0xE0 && u <= 0xFA) {
            ++hebrew;
        } else if (u >= 0xC1 && u <= 0xDF) {
            ++arabic;
        }
    }
    return arabic > hebrew ? "windows-1256" : "windows-1255";
}

bool is_space_at(std::string_view s, std::size_t i, std::size_t& width) {
    static constexpr std::array<std::string_view, 4> k_spaces{"\xC2\xA0", "\xE2\x80\xAF", "\xE2\x80\x89", "\xE2\x80\x8F"};
    if (s[i] == ' ' || s[i] == '\t') {
        width = 1;
        return true;
    }
    for (const auto sp : k_spaces) {
        if (s.substr(i, sp.size()) == sp) {
            width = sp.size();
            return true;
        }
    }
    return false;
}

constexpr std::array<std::string_view, 12> k_months{"jan", "feb", "mar", "apr", "may", "jun",
                                                     "jul", "aug", "sep", "oct", "nov", "dec"};

struct Parsed {
    enum Kind { exact, numeric, bad } kind = bad;
    date::sys_days day;      // exact
    int first = 0;           // numeric: the first two numbers, and the year
    int second = 0;
    int year = 0;
};

int two_digit_year(int y, bool apostrophe) {
    if (apostrophe) {
        return 2000 + y; // Quicken writes 12/01'26 for the years from 2000
    }
    return y < 70 ? 2000 + y : 1900 + y;
}

std::optional<date::sys_days> make_date(int y, int m, int d) {
    const date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(m)},
                                   date::day{static_cast<unsigned>(d)}};
    if (m < 1 || m > 12 || d < 1 || !ymd.ok() || y < 1900 || y > 2200) {
        return std::nullopt;
    }
    return date::sys_days{ymd};
}

Parsed parse_one(std::string_view raw) {
    std::string s;
    for (const char c : raw) {
        s.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    while (!s.empty() && (s.front() == ' ' || s.front() == '"')) {
        s.erase(s.begin());
    }
    // A time after the date ("2026-12-01 10:15:00", "2026-12-01T10:15:00Z", "12/01/2026 10:15") goes.
    if (const auto colon = s.find(':'); colon != std::string::npos) {
        if (const auto cut = s.find_last_of(" t", colon); cut != std::string::npos) {
            s.resize(cut);
        }
    }
    Parsed p;
    if (s.size() == 8 && std::all_of(s.begin(), s.end(), ::isdigit)) {
        if (auto d = make_date(std::stoi(s.substr(0, 4)), std::stoi(s.substr(4, 2)), std::stoi(s.substr(6, 2)))) {
            p.kind = Parsed::exact;
            p.day = *d;
        }
        return p;
    }
    // Split into numbers and words.
    std::vector<std::string> parts;
    bool apostrophe = false;
    std::string cur;
    const auto flush = [&] {
        if (!cur.empty()) {
            parts.push_back(cur);
            cur.clear();
        }
    };
    for (const char c : s) {
        if (std::isalnum(static_cast<unsigned char>(c))) {
            if (!cur.empty() && (std::isdigit(static_cast<unsigned char>(cur.back())) != 0) !=
                                    (std::isdigit(static_cast<unsigned char>(c)) != 0)) {
                flush();
            }
            cur.push_back(c);
        } else if (c == '/' || c == '-' || c == '.' || c == ',' || c == ' ' || c == '\'') {
            apostrophe = apostrophe || c == '\'';
            flush();
        } else {
            return p; // not a date's character
        }
    }
    flush();
    if (parts.size() != 3) {
        return p;
    }
    const auto number = [](const std::string& x) {
        return !x.empty() && x.size() <= 4 && std::all_of(x.begin(), x.end(), ::isdigit) ? std::stoi(x) : -1;
    };
    const auto month = [](const std::string& x) {
        for (std::size_t i = 0; i < k_months.size(); ++i) {
            if (x.size() >= 3 && x.compare(0, 3, k_months[i]) == 0) {
                return static_cast<int>(i) + 1;
            }
        }
        return -1;
    };
    const auto year = [&](const std::string& x) {
        const int y = number(x);
        return x.size() == 2 ? two_digit_year(y, apostrophe) : x.size() == 4 ? y : -1;
    };
    // Month names: "dec 1 2026", "1 dec 2026".
    for (int at = 0; at < 2; ++at) {
        if (const int m = month(parts[static_cast<std::size_t>(at)]); m > 0) {
            const int d = number(parts[at == 0 ? 1 : 0]);
            if (auto dt = make_date(year(parts[2]), m, d); dt && d > 0) {
                p.kind = Parsed::exact;
                p.day = *dt;
            }
            return p;
        }
    }
    if (parts[0].size() == 4) { // 2026/12/01
        if (auto d = make_date(number(parts[0]), number(parts[1]), number(parts[2]))) {
            p.kind = Parsed::exact;
            p.day = *d;
        }
        return p;
    }
    const int a = number(parts[0]);
    const int b = number(parts[1]);
    const int y = year(parts[2]);
    if (a < 1 || b < 1 || y < 0 || parts[0].size() > 2 || parts[1].size() > 2) {
        return p;
    }
    p.kind = Parsed::numeric;
    p.first = a;
    p.second = b;
    p.year = y;
    return p;
}

} // namespace

Result<DateOrder> parse_date_order(std::string_view text) {
    if (text == "dmy") return DateOrder::dmy;
    if (text == "mdy") return DateOrder::mdy;
    if (text == "ymd") return DateOrder::ymd;
    return core::bad_input("{0} is not a date order (dmy: day/month/year, mdy: month/day/year, ymd)",
                           core::quote_input(text));
}

Result<std::string> to_utf8(std::string_view bytes, std::string_view encoding) {
    if (bytes.find('\0') != std::string_view::npos) {
        return core::bad_input("is not a text file (it has NUL bytes)");
    }
    std::string name(encoding);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    if (name.empty() || name == "utf-8" || name == "utf8") {
        if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
            bytes.remove_prefix(3);
        }
        if (valid_utf8(bytes)) {
            return std::string(bytes);
        }
        if (!name.empty()) {
            return core::bad_input("is not valid UTF-8 (try the encoding it was written in: windows-1255, windows-1256)");
        }
        name = guess_codepage(bytes);
    }
    return convert(bytes, name.c_str());
}

Result<core::Money> parse_amount_text(std::string_view text, const core::Currency& currency, char decimal) {
    const auto bad = [&] { return core::bad_input("{0} is not an amount", core::quote_input(text)); };
    bool negative = false;
    std::string number; // digits and separators only
    bool in_number = false;
    bool after_number = false;
    int parens = 0;
    std::string letters; // an ISO code beside the number, if any
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        std::size_t width = 1;
        if (std::isdigit(static_cast<unsigned char>(c)) || ((c == '.' || c == ',' || c == '\'') && in_number)) {
            if (after_number) {
                return bad(); // "12 34": two numbers
            }
            in_number = true;
            number.push_back(c);
        } else if ((c == '.' || c == ',') && !in_number && i + 1 < text.size() &&
                   std::isdigit(static_cast<unsigned char>(text[i + 1]))) {
            in_number = true; // ".50"
            number.push_back(c);
        } else if (is_space_at(text, i, width)) {
            // "1 234,50": a space between digit groups groups thousands.
            if (in_number && i + width < text.size() && std::isdigit(static_cast<unsigned char>(text[i + width]))) {
                number.push_back(' ');
            } else if (in_number) {
                after_number = true;
                in_number = false;
            }
        } else if (c == '-' || text.substr(i, 3) == "\xE2\x88\x92") { // '-' or U+2212 minus
            width = c == '-' ? 1 : 3;
            if (negative) {
                return bad();
            }
            negative = true;
            if (in_number) {
                after_number = true;
                in_number = false;
            }
        } else if (c == '(' || c == ')') {
            parens += c == '(' ? 1 : 10;
            if (in_number) {
                after_number = true;
                in_number = false;
            }
        } else if (c == '+') {
            if (in_number) {
                return bad();
            }
        } else if (std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80 || c == '$') {
            // A currency's sign or code before or after the number ("$", "₪", "USD", "ج.م"), not inside it.
            if (in_number) {
                after_number = true;
                in_number = false;
            }
            if (std::isalpha(static_cast<unsigned char>(c))) {
                letters.push_back(c);
            }
            const auto u = static_cast<unsigned char>(c);
            width = u < 0x80 ? 1 : u >= 0xF0 ? 4 : u >= 0xE0 ? 3 : u >= 0xC0 ? 2 : 1;
        } else {
            return bad();
        }
        i += width;
    }
    // Letters beside the number are a currency's code ("USD 12"), not "12a" or "12.00 DR".
    if (!letters.empty() && (letters.size() != 3 || !std::all_of(letters.begin(), letters.end(), ::isupper))) {
        return bad();
    }
    if (parens == 11) {
        negative = !negative ? true : false;
    } else if (parens != 0) {
        return bad();
    }
    while (!number.empty() && number.back() == ' ') {
        number.pop_back();
    }
    if (number.empty() || !std::isdigit(static_cast<unsigned char>(number.back()))) {
        if (number.empty() || (number.back() != '.' && number.back() != ',')) {
            return bad();
        }
    }
    // Which separator is the decimal one.
    const auto last_dot = number.rfind('.');
    const auto last_comma = number.rfind(',');
    std::optional<std::size_t> point;
    if (last_dot != std::string::npos && last_comma != std::string::npos) {
        point = std::max(last_dot, last_comma);
    } else if (last_dot != std::string::npos || last_comma != std::string::npos) {
        const std::size_t at = last_dot != std::string::npos ? last_dot : last_comma;
        const char sep = number[at];
        const bool once = number.find(sep) == at;
        const std::size_t after = number.size() - at - 1;
        if (once && (after != 3 || sep == decimal)) {
            point = at;
        }
    }
    // Grouped digits come in threes (the last group before the point), twos or threes before it
    // (India's 1,23,456), one to three first: "12,3,4" is no amount.
    {
        std::vector<std::size_t> groups{0};
        for (std::size_t i = 0; i < (point ? *point : number.size()); ++i) {
            if (std::isdigit(static_cast<unsigned char>(number[i]))) {
                ++groups.back();
            } else {
                groups.push_back(0);
            }
        }
        if (groups.size() > 1) {
            const bool first_ok = groups.front() >= 1 && groups.front() <= 3;
            const bool last_ok = groups.back() == 3;
            const bool middle_ok = std::all_of(groups.begin() + 1, groups.end() - 1,
                                               [](std::size_t g) { return g == 2 || g == 3; });
            if (!first_ok || !last_ok || !middle_ok) {
                return bad();
            }
        }
    }
    std::string whole;
    std::string fraction;
    for (std::size_t i = 0; i < number.size(); ++i) {
        const char c = number[i];
        if (point && i == *point) {
            continue;
        }
        if (std::isdigit(static_cast<unsigned char>(c))) {
            (point && i > *point ? fraction : whole).push_back(c);
        } else if (point && i > *point) {
            return bad(); // a separator among the decimals
        }
    }
    if (whole.empty()) {
        whole = "0";
    }
    const auto digits = static_cast<std::size_t>(currency.minor_digits());
    while (fraction.size() > digits && fraction.back() == '0') {
        fraction.pop_back();
    }
    if (fraction.size() > digits) {
        return core::bad_input("{0} has more decimals than {1} has ({2})", core::quote_input(text),
                               std::string(currency.code()), currency.minor_digits());
    }
    fraction.resize(digits, '0');
    whole.erase(0, std::min(whole.find_first_not_of('0'), whole.size() - 1));
    if (whole.size() + fraction.size() > 15) {
        return core::bad_input("{0} is too large an amount", core::quote_input(text));
    }
    std::int64_t minor = std::stoll(whole + fraction);
    if (minor > core::k_max_amount_minor) {
        return core::bad_input("{0} is too large an amount", core::quote_input(text));
    }
    return core::Money::from_minor(negative ? -minor : minor, currency);
}

Result<std::vector<date::sys_days>> parse_dates(const std::vector<DateText>& dates, DateOrder order) {
    std::vector<Parsed> parsed;
    parsed.reserve(dates.size());
    const DateText* day_first = nullptr;   // a date whose first number can only be a day
    const DateText* month_first = nullptr; // one whose second can only be a day
    const DateText* open = nullptr;        // one that fits both orders
    for (const auto& d : dates) {
        parsed.push_back(parse_one(d.text));
        const auto& p = parsed.back();
        if (p.kind == Parsed::bad) {
            return core::bad_input("{0} is not a date", core::quote_input(d.text)).context(d.place);
        }
        if (p.kind == Parsed::numeric) {
            if (p.first > 12 && p.second <= 12) {
                day_first = day_first ? day_first : &d;
            } else if (p.second > 12 && p.first <= 12) {
                month_first = month_first ? month_first : &d;
            } else if (p.first <= 12 && p.second <= 12 && p.first != p.second) {
                open = open ? open : &d;
            }
        }
    }
    if (order == DateOrder::detect || order == DateOrder::ymd) {
        if (day_first && month_first) {
            return core::bad_input("the dates are written in two orders: {0} is day/month, {1} month/day",
                                   core::quote_input(day_first->text), core::quote_input(month_first->text))
                .context(month_first->place);
        }
        if (day_first) {
            order = DateOrder::dmy;
        } else if (month_first) {
            order = DateOrder::mdy;
        } else if (open) {
            return core::bad_input("{0} could be day/month or month/day: say which (dmy or mdy)",
                                   core::quote_input(open->text))
                .context(open->place);
        } else {
            order = DateOrder::dmy; // every date reads the same either way
        }
    }
    std::vector<date::sys_days> out;
    out.reserve(dates.size());
    for (std::size_t i = 0; i < dates.size(); ++i) {
        const auto& p = parsed[i];
        if (p.kind == Parsed::exact) {
            out.push_back(p.day);
            continue;
        }
        const int m = order == DateOrder::mdy ? p.first : p.second;
        const int d = order == DateOrder::mdy ? p.second : p.first;
        auto day = make_date(p.year, m, d);
        if (!day) {
            auto e = order == DateOrder::mdy
                         ? core::bad_input("{0} is not a date (month/day/year)", core::quote_input(dates[i].text))
                         : core::bad_input("{0} is not a date (day/month/year)", core::quote_input(dates[i].text));
            return std::move(e).context(dates[i].place);
        }
        out.push_back(*day);
    }
    return out;
}

} // namespace steadypay::integrations
