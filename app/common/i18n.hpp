#pragma once
// The person's language and the way their bank writes amounts and dates.
//
// Two parts, both set once when a program starts and read by everything that says something:
//   - The words: tr("Rent") and trn("%d day", "%d days", n) look a message up in the
//     "steadypay" catalogue of the language in use (gettext on the command line, wxTranslations
//     in the window). English is the source; a message without a translation is said in English.
//     Sentences with values are fmt patterns with numbered fields ("Pay {0} on {1}"), so a
//     translation may put the values in its own order; say() fills them and falls back to the
//     English pattern if a translation's fields are broken.
//   - The formats: amounts with the currency's symbol, grouping and decimal sign of the locale
//     ("₪4,200.00" in he_IL, "1.234,50 €" in de_DE, Arabic-Indic digits in ar_EG), dates the way
//     the locale writes them, and amounts as people type them. In the C locale (scripts, tests)
//     amounts stay plain ("4200.00") and dates as core writes them ("Dec 8").
//
// Names and numbers placed inside a sentence are wrapped in Unicode bidi isolates (FSI ... PDI)
// when the sentence or the value is right to left, so "Pay ועד הבית (₪120.00) on Dec 3" and its
// Hebrew translation both keep their order; English output of Latin names gets no marks.

#include "core/dates.hpp"
#include "core/money.hpp"

#include <fmt/format.h>

#include <memory>
#include <string>
#include <string_view>

namespace steadypay::app {

// Where the words come from. The default says everything in English.
class Translator {
public:
    virtual ~Translator() = default;
    [[nodiscard]] virtual std::string get(const char* msgid) const { return msgid; }
    [[nodiscard]] virtual std::string get_plural(const char* singular, const char* plural, unsigned long n) const {
        return n == 1 ? singular : plural;
    }
};

// The command line's: libintl's catalogue "steadypay" found under `localedir`, in the language of
// LC_MESSAGES (the C library's locale must have been set from the environment first).
[[nodiscard]] std::unique_ptr<Translator> gettext_translator(const std::string& localedir);

// Where the compiled catalogues are (<dir>/<lang>/LC_MESSAGES/steadypay.mo): $STEADYPAY_LOCALEDIR,
// else next to the program (<prefix>/share/locale once installed, the build tree's locale/ when
// run from it), else the install prefix's.
[[nodiscard]] std::string find_locale_dir();

// The command line's language and formats from the environment (LC_ALL, LC_MESSAGES, LANG,
// LANGUAGE): sets the C library's locale (numbers read and written by the C library stay in the C
// locale), the gettext translator and the formats. Returns the translator to keep alive.
[[nodiscard]] std::unique_ptr<Translator> use_environment_language();

// Installs the translator everything uses from now on (kept alive by the caller); nullptr: English.
void set_translator(const Translator* translator);
[[nodiscard]] const Translator* current_translator();

[[nodiscard]] std::string tr(const char* msgid);
// Marks a message for the catalogue without translating it where it stands (tables of names).
constexpr const char* mark(const char* msgid) { return msgid; }
[[nodiscard]] std::string trn(const char* singular, const char* plural, unsigned long n);

class Formats {
public:
    // The C locale's formats: plain amounts, core's dates, left to right.
    Formats();
    // An ICU locale name ("he_IL", "ar_EG", "de_DE", "en_US"); a C library locale name is
    // accepted too ("he_IL.UTF-8@euro"). "", "C", "POSIX" and "C.UTF-8" give the C formats.
    explicit Formats(std::string_view locale);
    ~Formats();
    Formats(const Formats&);
    Formats& operator=(const Formats&);

    [[nodiscard]] bool plain() const noexcept { return m_locale.empty(); }
    [[nodiscard]] const std::string& locale() const noexcept { return m_locale; }
    // The language is written right to left (Hebrew, Arabic, Persian, Urdu...).
    [[nodiscard]] bool rtl() const noexcept { return m_rtl; }

    // "₪4,200.00"; "-₪150.00"; plain: "4200.00".
    [[nodiscard]] std::string money(const core::Money& m) const;
    // With an explicit '+' for credits: "+₪7,400.00"; plain "+7400.00".
    [[nodiscard]] std::string signed_money(const core::Money& m) const;
    // A whole number in the locale's digits and grouping: "1,234", "١٬٢٣٤".
    [[nodiscard]] std::string number(long long n) const;
    // A day in the current year as the locale writes it ("Dec 8", "8 בדצמ׳"); with the year when
    // it is not `context`'s ("Jan 5, 2027"). Plain: core::to_short.
    [[nodiscard]] std::string day(core::Date d, core::Date context) const;
    // A day with its weekday: "Tue, Dec 8"; plain: "Tue Dec 8".
    [[nodiscard]] std::string weekday_day(core::Date d, core::Date context) const;
    // A day with its weekday and year, as tables and headings say it: "Tue, Dec 8, 2026"; plain:
    // "Tue 2026-12-08".
    [[nodiscard]] std::string full_day(core::Date d) const;
    // The weekday's short name, Monday = 0: "Mon", "יום ב׳", "الاثنين".
    [[nodiscard]] std::string weekday_short(int monday_based) const;
    // "December 2026", "דצמבר 2026".
    [[nodiscard]] std::string month_year(core::Date d) const;

    // An amount as a person types it: "$1,150.00", "1150", "1.150,00" (decimal-comma locale),
    // "١٢٣٫٤٥", "-80", "(80.00)", with or without the currency's symbol or code.
    [[nodiscard]] core::Result<core::Money> parse_money(std::string_view text, core::Currency currency) const;
    // The amount as the person would type it back: grouped, the locale's decimal sign, no symbol.
    [[nodiscard]] std::string editable(const core::Money& m) const;

private:
    struct Icu;
    std::string m_locale;
    bool m_rtl = false;
    std::shared_ptr<const Icu> m_icu;
};

void set_formats(Formats formats);
[[nodiscard]] const Formats& formats();

// A C library locale name ("he_IL.UTF-8") as the ICU one ("he_IL"); "" for the C locale.
[[nodiscard]] std::string icu_locale_name(std::string_view c_locale);

// Text of `text` wrapped in bidi isolates (U+2068 ... U+2069) if the language in use is right to
// left or `text` holds right-to-left letters; otherwise `text` unchanged.
[[nodiscard]] std::string isolate(std::string_view text);
// The columns `text` takes on a terminal: marks that join a letter and bidi controls take none, a
// wide East Asian character two. Columns of a table line up by it, whatever the script.
[[nodiscard]] std::size_t display_width(std::string_view text);
// `text` with spaces after it (pad_end) or before it (pad_start) up to `width` columns.
[[nodiscard]] std::string pad_end(std::string_view text, std::size_t width);
[[nodiscard]] std::string pad_start(std::string_view text, std::size_t width);
// Whether `text` holds a letter of a right-to-left script.
[[nodiscard]] bool has_rtl(std::string_view text);

// A sentence: the message's translation with its numbered fields filled in, each value
// isolated; if the translation's fields are broken, the English message. The values are strings
// (already formatted: names, amounts, dates) or whole numbers (written in the locale's digits).
template <class... Args> [[nodiscard]] std::string say(const char* msgid, const Args&... args);
// The same with the plural form for `n` (the catalogue's rule: Arabic has six forms).
template <class... Args>
[[nodiscard]] std::string sayn(const char* singular, const char* plural, unsigned long n, const Args&... args);

namespace detail {
[[nodiscard]] std::string fill(const std::string& pattern, const char* english, fmt::format_args args);
inline std::string field(const std::string& s) { return isolate(s); }
inline std::string field(const char* s) { return isolate(s); }
inline std::string field(long long n) { return isolate(formats().number(n)); }
inline std::string field(int n) { return field(static_cast<long long>(n)); }
inline std::string field(long n) { return field(static_cast<long long>(n)); }
inline std::string field(unsigned long n) { return field(static_cast<long long>(n)); }
template <class... Args> std::string fill_fields(const std::string& pattern, const char* english, const Args&... args) {
    const auto fields = std::make_tuple(field(args)...);
    return std::apply([&](const auto&... f) { return fill(pattern, english, fmt::make_format_args(f...)); }, fields);
}
} // namespace detail

template <class... Args> std::string say(const char* msgid, const Args&... args) {
    return detail::fill_fields(tr(msgid), msgid, args...);
}

template <class... Args>
std::string sayn(const char* singular, const char* plural, unsigned long n, const Args&... args) {
    return detail::fill_fields(trn(singular, plural, n), n == 1 ? singular : plural, args...);
}

} // namespace steadypay::app
