#include "app/common/i18n.hpp"

#include <unicode/dcfmtsym.h>
#include <unicode/dtfmtsym.h>
#include <unicode/dtptngen.h>
#include <unicode/locid.h>
#include <unicode/numberformatter.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/uchar.h>
#include <unicode/ucurr.h>
#include <unicode/unistr.h>

#include "core/text.hpp"

#include <libintl.h>

#include <clocale>
#include <cstdlib>
#include <filesystem>

#include <algorithm>
#include <array>
#include <cctype>
#include <mutex>
#include <optional>
#include <vector>

namespace steadypay::app {

namespace {

const Translator g_english;
const Translator* g_translator = &g_english;

Formats& current_formats() {
    static Formats f;
    return f;
}

std::string utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

class GettextTranslator final : public Translator {
public:
    explicit GettextTranslator(const std::string& localedir) {
        ::bindtextdomain("steadypay", localedir.c_str());
        ::bind_textdomain_codeset("steadypay", "UTF-8");
    }
    [[nodiscard]] std::string get(const char* msgid) const override { return ::dgettext("steadypay", msgid); }
    [[nodiscard]] std::string get_plural(const char* singular, const char* plural, unsigned long n) const override {
        return ::dngettext("steadypay", singular, plural, n);
    }
};

bool is_bidi_mark(UChar32 c) {
    return c == 0x200E || c == 0x200F || c == 0x061C || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

} // namespace

std::string find_locale_dir() {
    if (const char* env = std::getenv("STEADYPAY_LOCALEDIR"); env && *env) {
        return env;
    }
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const auto dir = exe.parent_path();
        for (const auto& candidate : {dir / ".." / "share" / "locale", dir / ".." / ".." / "locale"}) {
            if (std::filesystem::exists(candidate / "he" / "LC_MESSAGES" / "steadypay.mo", ec)) {
                return std::filesystem::weakly_canonical(candidate, ec).string();
            }
        }
    }
    return STEADYPAY_INSTALL_LOCALEDIR;
}

std::unique_ptr<Translator> use_environment_language() {
    const char* all = std::setlocale(LC_ALL, "");
    if (!all) {
        std::setlocale(LC_ALL, "C.UTF-8"); // a locale the system does not have: English, plain
    }
    std::setlocale(LC_NUMERIC, "C");
    auto translator = gettext_translator(find_locale_dir());
    set_translator(translator.get());
    const char* monetary = std::setlocale(LC_MONETARY, nullptr);
    set_formats(Formats(monetary ? monetary : ""));
    return translator;
}

std::unique_ptr<Translator> gettext_translator(const std::string& localedir) {
    return std::make_unique<GettextTranslator>(localedir);
}

void set_translator(const Translator* translator) {
    g_translator = translator ? translator : &g_english;
}

const Translator* current_translator() {
    return g_translator;
}

std::string tr(const char* msgid) {
    return g_translator->get(msgid);
}

std::string trn(const char* singular, const char* plural, unsigned long n) {
    return g_translator->get_plural(singular, plural, n);
}

std::string icu_locale_name(std::string_view c_locale) {
    std::string name(c_locale.substr(0, c_locale.find_first_of(".@")));
    if (name.empty() || name == "C" || name == "POSIX") {
        return {};
    }
    return name;
}

// What formatting in one locale needs, made once (ICU's formatters are costly to build).
struct Formats::Icu {
    icu::Locale locale;
    icu::number::LocalizedNumberFormatter integer;
    icu::number::LocalizedNumberFormatter decimal; // grouped, no symbol; precision set per call
    icu::UnicodeString decimal_sign;
    icu::UnicodeString grouping_sign;
    mutable std::mutex date_mutex; // ICU's date formats are not safe to share between threads
    mutable std::mutex amount_mutex;
    mutable std::optional<std::array<icu::number::LocalizedNumberFormatter, 3>> formatters;
    mutable std::string formatters_currency;
    std::unique_ptr<icu::SimpleDateFormat> day;
    std::unique_ptr<icu::SimpleDateFormat> day_year;
    std::unique_ptr<icu::SimpleDateFormat> weekday_day;
    std::unique_ptr<icu::SimpleDateFormat> weekday_day_year;
    std::unique_ptr<icu::SimpleDateFormat> month_year;
    std::array<std::string, 7> weekdays; // Monday first

    explicit Icu(const std::string& name) : locale(icu::Locale::createCanonical(name.c_str())) {
        UErrorCode status = U_ZERO_ERROR;
        // Bills and paydays fall on Gregorian dates, whatever calendar the locale prefers.
        locale.setKeywordValue("calendar", "gregorian", status);
        status = U_ZERO_ERROR;
        integer = icu::number::NumberFormatter::withLocale(locale);
        decimal = icu::number::NumberFormatter::withLocale(locale);
        const icu::DecimalFormatSymbols symbols(locale, status);
        if (U_SUCCESS(status)) {
            decimal_sign = symbols.getSymbol(icu::DecimalFormatSymbols::kDecimalSeparatorSymbol);
            grouping_sign = symbols.getSymbol(icu::DecimalFormatSymbols::kGroupingSeparatorSymbol);
        }
        std::unique_ptr<icu::DateTimePatternGenerator> gen(
            icu::DateTimePatternGenerator::createInstance(locale, status));
        const auto make = [&](const char16_t* skeleton) -> std::unique_ptr<icu::SimpleDateFormat> {
            if (!gen || U_FAILURE(status)) {
                return nullptr;
            }
            UErrorCode st = U_ZERO_ERROR;
            const auto pattern = gen->getBestPattern(icu::UnicodeString(skeleton), st);
            auto f = std::make_unique<icu::SimpleDateFormat>(pattern, locale, st);
            if (U_FAILURE(st)) {
                return nullptr;
            }
            f->setTimeZone(*icu::TimeZone::getGMT());
            return f;
        };
        day = make(u"MMMd");
        day_year = make(u"yMMMd");
        weekday_day = make(u"EEEMMMd");
        weekday_day_year = make(u"yMMMEd");
        month_year = make(u"yMMMM");
        const icu::DateFormatSymbols dfs(locale, status);
        if (U_SUCCESS(status)) {
            int32_t count = 0;
            const icu::UnicodeString* names =
                dfs.getWeekdays(count, icu::DateFormatSymbols::STANDALONE, icu::DateFormatSymbols::ABBREVIATED);
            for (int i = 0; i < 7 && names; ++i) {
                const int ucal = (i + 1) % 7 + 1; // UCAL_MONDAY = 2 ... UCAL_SUNDAY = 1
                if (ucal < count) {
                    weekdays[static_cast<std::size_t>(i)] = utf8(names[ucal]);
                }
            }
        }
    }

    // An amount in one of three styles. The formatters are made once per currency (a household
    // has one), since making one costs more than formatting with it.
    enum class Style { money, signed_money, editable };
    std::string amount(Style style, const core::Money& m) const {
        const std::string digits = m.to_string();
        const std::lock_guard lock(amount_mutex);
        if (!formatters || formatters_currency != m.currency().code()) {
            UErrorCode status = U_ZERO_ERROR;
            auto code = icu::UnicodeString::fromUTF8(std::string(m.currency().code()));
            const icu::CurrencyUnit unit(code.getTerminatedBuffer(), status);
            if (U_FAILURE(status)) {
                return style == Style::signed_money && !m.is_negative() ? "+" + digits : digits;
            }
            const auto precision = icu::number::Precision::fixedFraction(m.currency().minor_digits());
            formatters = std::array<icu::number::LocalizedNumberFormatter, 3>{
                decimal.unit(unit).precision(precision),
                decimal.unit(unit).sign(UNUM_SIGN_EXCEPT_ZERO).precision(precision), decimal.precision(precision)};
            formatters_currency = std::string(m.currency().code());
        }
        UErrorCode status = U_ZERO_ERROR;
        const auto out =
            (*formatters)[static_cast<std::size_t>(style)]
                .formatDecimal(icu::StringPiece(digits.data(), static_cast<int32_t>(digits.size())), status)
                .toString(status);
        if (U_FAILURE(status)) {
            return style == Style::signed_money && !m.is_negative() ? "+" + digits : digits;
        }
        return utf8(out);
    }

    std::string date(const std::unique_ptr<icu::SimpleDateFormat>& f, core::Date d) const {
        if (!f) {
            return core::to_iso(d);
        }
        const double ms = static_cast<double>(d.time_since_epoch().count()) * 86400000.0;
        icu::UnicodeString out;
        const std::lock_guard lock(date_mutex);
        f->format(ms, out);
        return utf8(out);
    }
};

Formats::Formats() = default;
Formats::~Formats() = default;
Formats::Formats(const Formats&) = default;
Formats& Formats::operator=(const Formats&) = default;

Formats::Formats(std::string_view locale) : m_locale(icu_locale_name(locale)) {
    if (m_locale.empty()) {
        return;
    }
    m_icu = std::make_shared<const Icu>(m_locale);
    m_rtl = m_icu->locale.isRightToLeft();
}

std::string Formats::money(const core::Money& m) const {
    return plain() ? m.to_string() : m_icu->amount(Icu::Style::money, m);
}

std::string Formats::signed_money(const core::Money& m) const {
    return plain() ? (m.is_negative() ? "" : "+") + m.to_string() : m_icu->amount(Icu::Style::signed_money, m);
}

std::string Formats::editable(const core::Money& m) const {
    return plain() ? m.to_string() : m_icu->amount(Icu::Style::editable, m);
}

std::string Formats::number(long long n) const {
    if (plain()) {
        return std::to_string(n);
    }
    UErrorCode status = U_ZERO_ERROR;
    const auto out = m_icu->integer.formatInt(n, status).toString(status);
    return U_SUCCESS(status) ? utf8(out) : std::to_string(n);
}

std::string Formats::day(core::Date d, core::Date context) const {
    const auto year = date::year_month_day{context}.year();
    if (plain()) {
        return core::to_short(d, year);
    }
    return m_icu->date(date::year_month_day{d}.year() == year ? m_icu->day : m_icu->day_year, d);
}

std::string Formats::weekday_day(core::Date d, core::Date context) const {
    const auto year = date::year_month_day{context}.year();
    if (plain()) {
        return weekday_short(static_cast<int>(date::weekday{d}.iso_encoding()) - 1) + " " + core::to_short(d, year);
    }
    return m_icu->date(date::year_month_day{d}.year() == year ? m_icu->weekday_day : m_icu->weekday_day_year, d);
}

std::string Formats::full_day(core::Date d) const {
    return plain() ? core::to_weekday_iso(d) : m_icu->date(m_icu->weekday_day_year, d);
}

std::string Formats::weekday_short(int monday_based) const {
    static constexpr const char* english[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    const auto i = static_cast<std::size_t>(((monday_based % 7) + 7) % 7);
    if (plain() || m_icu->weekdays[i].empty()) {
        return english[i];
    }
    return m_icu->weekdays[i];
}

std::string Formats::month_year(core::Date d) const {
    if (plain()) {
        static constexpr const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                                                 "July",    "August",   "September", "October", "November", "December"};
        const date::year_month_day ymd{d};
        return std::string(months[static_cast<unsigned>(ymd.month()) - 1]) + " " +
               std::to_string(static_cast<int>(ymd.year()));
    }
    return m_icu->date(m_icu->month_year, d);
}

core::Result<core::Money> Formats::parse_money(std::string_view text, core::Currency currency) const {
    icu::UnicodeString s =
        icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    // The currency's code and its symbol in this locale may be typed around the number.
    const std::string code(currency.code());
    s.findAndReplace(icu::UnicodeString::fromUTF8(code), icu::UnicodeString());
    {
        icu::UnicodeString lower = icu::UnicodeString::fromUTF8(code);
        s.findAndReplace(lower.toLower(), icu::UnicodeString());
    }
    if (!plain()) {
        UErrorCode status = U_ZERO_ERROR;
        auto code16 = icu::UnicodeString::fromUTF8(code);
        UBool is_choice = 0;
        int32_t len = 0;
        const UChar* symbol =
            ucurr_getName(code16.getTerminatedBuffer(), m_locale.c_str(), UCURR_SYMBOL_NAME, &is_choice, &len, &status);
        if (U_SUCCESS(status) && symbol && len > 0) {
            s.findAndReplace(icu::UnicodeString(symbol, len), icu::UnicodeString());
        }
    }
    const UChar32 locale_decimal =
        (!plain() && m_icu->decimal_sign.length() > 0) ? m_icu->decimal_sign.char32At(0) : '.';
    const UChar32 locale_grouping =
        (!plain() && m_icu->grouping_sign.length() > 0) ? m_icu->grouping_sign.char32At(0) : ',';

    // Digits of any script as ASCII, separators as they are, signs; anything else is an error.
    std::string digits;              // ASCII digits and separators
    std::vector<UChar32> seps;       // the separators, in order
    std::vector<std::size_t> sep_at; // their positions in `digits`
    bool negative = false;
    bool open_paren = false;
    bool close_paren = false;
    bool ended = false; // a sign or parenthesis after the number
    for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) {
        const UChar32 c = s.char32At(i);
        if (u_isUWhiteSpace(c) || is_bidi_mark(c) || c == 0x00A0 || c == 0x202F || u_charType(c) == U_CURRENCY_SYMBOL) {
            continue;
        }
        if (ended) {
            return core::bad_input("{0} is not an amount: something follows the number", core::quote_input(text));
        }
        const int32_t value = u_charDigitValue(c);
        if (value >= 0 && u_charType(c) == U_DECIMAL_DIGIT_NUMBER) {
            digits.push_back(static_cast<char>('0' + value));
            continue;
        }
        if (c == '-' || c == 0x2212) {
            if (negative) {
                return core::bad_input("{0} is not an amount: two minus signs", core::quote_input(text));
            }
            negative = true;
            ended = !digits.empty();
            continue;
        }
        if (c == '(' && digits.empty() && !open_paren) {
            open_paren = true;
            continue;
        }
        if (c == ')' && open_paren && !digits.empty()) {
            close_paren = true;
            ended = true;
            continue;
        }
        if (c == '.' || c == ',' || c == '\'' || c == 0x066B || c == 0x066C || c == 0x2019 || c == locale_decimal ||
            c == locale_grouping) {
            if (digits.empty() || !std::isdigit(static_cast<unsigned char>(digits.back()))) {
                return core::bad_input("{0} is not an amount: a separator is out of place", core::quote_input(text));
            }
            seps.push_back(c);
            sep_at.push_back(digits.size());
            digits.push_back('#');
            continue;
        }
        return core::bad_input("{0} is not an amount: type digits, with the decimal sign if there are cents",
                               core::quote_input(text));
    }
    if (open_paren != close_paren) {
        return core::bad_input("{0} is not an amount: a parenthesis is not closed", core::quote_input(text));
    }
    negative = negative || open_paren;
    if (digits.empty()) {
        return core::bad_input("{0} is not an amount: there are no digits", core::quote_input(text));
    }
    if (digits.back() == '#') {
        return core::bad_input("{0} is not an amount: it ends with a separator", core::quote_input(text));
    }

    // Which separator, if any, is the decimal sign: the locale's own once at the end; Arabic's
    // decimal sign; or the last one when it differs from the others or its group is not three digits.
    std::optional<std::size_t> decimal;
    if (!seps.empty()) {
        const UChar32 last = seps.back();
        const std::size_t last_count = static_cast<std::size_t>(std::count(seps.begin(), seps.end(), last));
        const bool grouping_fits = std::all_of(sep_at.begin(), sep_at.end(), [&](std::size_t at) {
            const auto next = digits.find('#', at + 1);
            return (next == std::string::npos ? digits.size() : next) - at - 1 == 3;
        });
        // A sign the locale does not use for grouping may stand for the decimal sign (a point typed
        // on an Arabic keyboard); the locale's grouping sign never does ("12,50" in en_US is an
        // error, not a guess).
        const bool foreign_decimal = (last == '.' || last == ',') && last != locale_grouping;
        const bool mixed = seps.size() > 1 && seps.front() != last;
        if (last != 0x066C && last_count == 1 &&
            (last == locale_decimal || last == 0x066B || mixed || (foreign_decimal && !grouping_fits))) {
            decimal = seps.size() - 1;
        } else if (!grouping_fits) {
            return core::bad_input("{0} is not an amount: a thousands separator is followed by three digits, and "
                                   "the decimal sign is {1}",
                                   core::quote_input(text),
                                   core::quote_input(utf8(icu::UnicodeString(locale_decimal))));
        }
    }
    std::string ascii = negative ? "-" : "";
    for (std::size_t i = 0, k = 0; i < digits.size(); ++i) {
        if (digits[i] != '#') {
            ascii.push_back(digits[i]);
            continue;
        }
        if (decimal && k == *decimal) {
            ascii.push_back('.');
        } else if (decimal && k > *decimal) {
            return core::bad_input("{0} is not an amount: a separator after the decimal sign", core::quote_input(text));
        }
        ++k;
    }
    auto m = core::Money::parse(ascii, currency);
    if (!m) {
        const auto point = ascii.find('.');
        const auto decimals = point == std::string::npos ? 0 : ascii.size() - point - 1;
        if (decimals > static_cast<std::size_t>(currency.minor_digits())) {
            return core::problem_n(core::Errc::bad_input, "{0} is not an amount in {1}: it has {2} decimal place",
                                   "{0} is not an amount in {1}: it has {2} decimal places",
                                   static_cast<unsigned long>(currency.minor_digits()), core::quote_input(text), code,
                                   currency.minor_digits());
        }
        return core::bad_input("{0} is too large an amount", core::quote_input(text));
    }
    return m;
}

void set_formats(Formats f) {
    current_formats() = std::move(f);
}

const Formats& formats() {
    return current_formats();
}

bool has_rtl(std::string_view text) {
    const auto s = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) {
        const auto dir = u_charDirection(s.char32At(i));
        if (dir == U_RIGHT_TO_LEFT || dir == U_RIGHT_TO_LEFT_ARABIC) {
            return true;
        }
    }
    return false;
}

std::string isolate(std::string_view text) {
    if (text.empty() || (!formats().rtl() && !has_rtl(text))) {
        return std::string(text);
    }
    std::string out;
    out.reserve(text.size() + 6);
    out += "\u2068";
    out += text;
    out += "\u2069";
    return out;
}

std::size_t display_width(std::string_view text) {
    // Bytes that are not UTF-8 become U+FFFD: one column each, as a terminal shows them.
    const auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    std::size_t width = 0;
    for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
        const UChar32 c = u.char32At(i);
        const auto type = static_cast<UCharCategory>(u_charType(c));
        if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR || type == U_CONTROL_CHAR) {
            continue;
        }
        const auto east_asian = static_cast<UEastAsianWidth>(u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH));
        width += east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH ? 2 : 1;
    }
    return width;
}

std::string pad_end(std::string_view text, std::size_t width) {
    const auto w = display_width(text);
    return std::string(text) + std::string(w < width ? width - w : 0, ' ');
}

std::string pad_start(std::string_view text, std::size_t width) {
    const auto w = display_width(text);
    return std::string(w < width ? width - w : 0, ' ') + std::string(text);
}

namespace detail {

std::string fill(const std::string& pattern, const char* english, fmt::format_args args) {
    try {
        return fmt::vformat(pattern, args);
    } catch (const fmt::format_error&) {
        try {
            return fmt::vformat(english, args);
        } catch (const fmt::format_error&) {
            return english;
        }
    }
}

} // namespace detail

} // namespace steadypay::app
