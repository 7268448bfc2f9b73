// The language and formats layer: amounts, dates and numbers per locale as CLDR publishes them
// (https://cldr.unicode.org: he "‏#,##0.00 ‏¤", de "#,##0.00 ¤", en "¤#,##0.00", ar-EG with
// Arabic-Indic digits, "٫" as the decimal sign and "٬" for grouping), amounts as people type
// them, plural forms from real catalogues, and bidi isolation in mixed sentences.

#include "app/common/i18n.hpp"
#include "app/common/words.hpp"

#include <catch2/catch.hpp>

#include <clocale>
#include <memory>

using namespace steadypay;
using app::Formats;

namespace {

core::Currency cur(const char* code) { return core::Currency::from_code(code).value(); }
core::Money money(std::int64_t minor, const char* code) { return core::Money::from_minor(minor, cur(code)); }
core::Date day(int y, unsigned m, unsigned d) { return core::Date{date::year{y} / date::month{m} / date::day{d}}; }

std::string parsed(const Formats& f, const char* text, const char* code = "USD") {
    auto m = f.parse_money(text, cur(code));
    return m ? m.value().to_string() : "error: " + m.error().message();
}

// Formats set for one test and put back after it.
struct UseFormats {
    explicit UseFormats(const char* locale) { app::set_formats(Formats(locale)); }
    ~UseFormats() { app::set_formats(Formats()); }
};

} // namespace

TEST_CASE("amounts are written the way the locale's bank writes them", "[i18n]") {
    CHECK(Formats("en_US").money(money(420000, "ILS")) == "₪4,200.00");
    CHECK(Formats("en_US").money(money(-15000, "USD")) == "-$150.00");
    CHECK(Formats("en_US.UTF-8").signed_money(money(740000, "USD")) == "+$7,400.00");
    CHECK(Formats("de_DE").money(money(123450, "EUR")) == "1.234,50\u00a0€");
    CHECK(Formats("he_IL").money(money(420000, "ILS")) == "\u200f4,200.00\u00a0\u200f₪");
    CHECK(Formats("he_IL").money(money(-15000, "ILS")) == "\u200f\u200e-150.00\u00a0\u200f₪");
    // Arabic-Indic digits, the Arabic decimal and grouping signs.
    CHECK(Formats("ar_EG").money(money(123450, "EGP")) == "\u200f١٬٢٣٤٫٥٠\u00a0ج.م.\u200f");
    CHECK(Formats("ar_EG").number(1234) == "١٬٢٣٤");
    CHECK(Formats("en_US").money(money(150000, "JPY")) == "¥150,000");
    CHECK(Formats("en_US").money(money(1250, "KWD")) == "KWD\u00a01.250");
    // The C locale: plain, as scripts read them.
    CHECK(Formats("C").money(money(420000, "ILS")) == "4200.00");
    CHECK(Formats("C.UTF-8").signed_money(money(740000, "USD")) == "+7400.00");
    CHECK(Formats().signed_money(money(-5, "USD")) == "-0.05");
    CHECK(Formats("POSIX").number(1234) == "1234");
    CHECK(Formats("en_US").editable(money(115000, "USD")) == "1,150.00");
    CHECK(Formats("de_DE").editable(money(115000, "EUR")) == "1.150,00");
}

TEST_CASE("dates are written the way the locale writes them, in the Gregorian calendar", "[i18n]") {
    const auto d = day(2026, 12, 8); // a Tuesday
    CHECK(Formats("en_US").day(d, d) == "Dec 8");
    CHECK(Formats("en_US").day(d, day(2027, 1, 1)) == "Dec 8, 2026");
    CHECK(Formats("en_US").weekday_day(d, d) == "Tue, Dec 8");
    CHECK(Formats("de_DE").day(d, d) == "8. Dez.");
    CHECK(Formats("he_IL").day(d, d) == "8 בדצמ׳");
    CHECK(Formats("he_IL").month_year(d) == "דצמבר 2026");
    CHECK(Formats("ar_EG").day(d, d) == "٨ ديسمبر");
    // Saudi Arabia's default calendar is the Islamic one; bills fall on Gregorian dates.
    CHECK(Formats("ar_SA").month_year(d) == "ديسمبر ٢٠٢٦");
    CHECK(Formats("en_US").weekday_short(0) == "Mon");
    CHECK(Formats("en_US").weekday_short(6) == "Sun");
    CHECK(Formats("ar_EG").weekday_short(4) == "الجمعة");
    CHECK(Formats().day(d, d) == "Dec 8");
    CHECK(Formats().weekday_day(d, d) == "Tue Dec 8");
    CHECK(Formats().month_year(d) == "December 2026");
}

TEST_CASE("right to left is the language's", "[i18n]") {
    CHECK(Formats("he_IL").rtl());
    CHECK(Formats("ar_EG").rtl());
    CHECK_FALSE(Formats("en_US").rtl());
    CHECK_FALSE(Formats("de_DE").rtl());
    CHECK_FALSE(Formats().rtl());
    CHECK(app::icu_locale_name("he_IL.UTF-8") == "he_IL");
    CHECK(app::icu_locale_name("sr_RS@latin") == "sr_RS");
    CHECK(app::icu_locale_name("C.UTF-8").empty());
}

TEST_CASE("amounts are read as people type them", "[i18n]") {
    const Formats en("en_US");
    CHECK(parsed(en, "$1,150.00") == "1150.00");
    CHECK(parsed(en, "1150") == "1150.00");
    CHECK(parsed(en, " 1,150.5 ") == "1150.50");
    CHECK(parsed(en, "-80") == "-80.00");
    CHECK(parsed(en, "(80.00)") == "-80.00");
    CHECK(parsed(en, "80.00-") == "-80.00");
    CHECK(parsed(en, "USD 12.50") == "12.50");
    CHECK(parsed(en, "1,234,567.89") == "1234567.89");
    // The locale's thousands separator is never taken for the decimal sign.
    CHECK_THAT(parsed(en, "12,50"), Catch::Contains("a thousands separator is followed by three digits"));
    const Formats de("de_DE");
    CHECK(parsed(de, "1.150,00", "EUR") == "1150.00");
    CHECK(parsed(de, "1.150", "EUR") == "1150.00");
    CHECK(parsed(de, "12,5 €", "EUR") == "12.50");
    CHECK(parsed(de, "12.5", "EUR") ==
          "error: \"12.5\" is not an amount: a thousands separator is followed by three digits, and the decimal sign "
          "is \",\"");
    CHECK(parsed(de, "1,150.00", "EUR") == "1150.00"); // both signs: the last is the decimal
    const Formats ar("ar_EG");
    CHECK(parsed(ar, "١٢٣٫٤٥", "EGP") == "123.45");
    CHECK(parsed(ar, "١٬٢٣٤٫٥٠ ج.م.\u200f", "EGP") == "1234.50");
    CHECK(parsed(ar, "123.45", "EGP") == "123.45");
    const Formats he("he_IL");
    CHECK(parsed(he, "\u200f4,200.00 \u200f₪", "ILS") == "4200.00");
    CHECK(parsed(he, "₪ 4200", "ILS") == "4200.00");
    // What the person sees again is what they typed.
    CHECK(parsed(de, de.editable(money(115000, "EUR")).c_str(), "EUR") == "1150.00");
    CHECK(parsed(ar, ar.editable(money(115000, "EGP")).c_str(), "EGP") == "1150.00");
    const Formats c;
    CHECK(parsed(c, "1,150.00") == "1150.00");
    CHECK(parsed(c, "4200.00", "ILS") == "4200.00");
    CHECK_THAT(parsed(c, "12,50"), Catch::Contains("a thousands separator is followed by three digits"));
}

TEST_CASE("what is not an amount says why", "[i18n]") {
    const Formats en("en_US");
    CHECK_THAT(parsed(en, "abc"), Catch::Contains("\"abc\" is not an amount"));
    CHECK_THAT(parsed(en, ""), Catch::Contains("no digits"));
    CHECK(parsed(en, "12.345") == "error: \"12.345\" is not an amount in USD: it has 2 decimal places");
    CHECK(parsed(en, "100000000000000000000") == "error: \"100000000000000000000\" is too large an amount");
    // A long input is quoted short, so the message stays one readable line.
    CHECK(parsed(en, std::string(5000, '9').c_str()).size() < 200);
    CHECK_THAT(parsed(en, "1,2,3"), Catch::Contains("a thousands separator is followed by three digits"));
    CHECK(parsed(en, "1.000.000") == "1000000.00"); // typed the European way: only groups
    CHECK_THAT(parsed(en, "1.000.00"), Catch::Contains("a thousands separator is followed by three digits"));
    CHECK_THAT(parsed(en, "12."), Catch::Contains("ends with a separator"));
    CHECK_THAT(parsed(en, ",5"), Catch::Contains("out of place"));
    CHECK_THAT(parsed(en, "--5"), Catch::Contains("two minus signs"));
    CHECK_THAT(parsed(en, "(5"), Catch::Contains("parenthesis"));
    CHECK_THAT(parsed(en, "5 x"), Catch::StartsWith("error"));
    CHECK_THAT(parsed(en, "1.5.0"), Catch::StartsWith("error"));
}

TEST_CASE("names and numbers in a sentence are isolated when the text is right to left", "[i18n]") {
    // English with Latin names: no marks.
    CHECK(app::say("Pay {0} on {1}", std::string("Rent"), std::string("Dec 8")) == "Pay Rent on Dec 8");
    // English with a Hebrew name: the name is isolated, so its neighbours keep their order.
    CHECK(app::say("Pay {0} ({1})", std::string("ועד בית"), std::string("120.00")) ==
          "Pay \u2068ועד בית\u2069 (120.00)");
    CHECK(app::has_rtl("ועד"));
    CHECK(app::has_rtl("إيجار"));
    CHECK_FALSE(app::has_rtl("Rent 120.00"));
    {
        const UseFormats he("he_IL");
        // In a right-to-left language every value is isolated, Latin ones too.
        CHECK(app::say("Pay {0} on {1}", std::string("Metro Wireless"), std::string("Dec 8")) ==
              "Pay \u2068Metro Wireless\u2069 on \u2068Dec 8\u2069");
        CHECK(app::isolate("") .empty());
    }
    // Numbers are written in the locale's digits.
    {
        const UseFormats ar("ar_EG");
        CHECK(app::say("{0} days", 12) == "\u2068١٢\u2069 days");
    }
    CHECK(app::say("{0} days", 12) == "12 days");
    // Fields in another order, as a translation may put them.
    CHECK(app::detail::fill_fields("{1} / {0}", "{0} / {1}", std::string("a"), std::string("b")) == "b / a");
    // A translation with broken fields falls back to the English message.
    CHECK(app::detail::fill_fields("{0} {7}", "{0} ok", std::string("a")) == "a ok");
}

namespace {

// The real compiled catalogues of the build, in a language the C library's locale must know.
struct UseLanguage {
    std::unique_ptr<app::Translator> translator;
    std::string saved;
    explicit UseLanguage(const char* locale) : saved(std::setlocale(LC_MESSAGES, nullptr)) {
        INFO("the " << locale << " locale is generated by installer/install-deps.sh");
        REQUIRE(std::setlocale(LC_MESSAGES, locale) != nullptr);
        translator = app::gettext_translator(STEADYPAY_LOCALE_DIR);
        app::set_translator(translator.get());
    }
    ~UseLanguage() {
        app::set_translator(nullptr);
        std::setlocale(LC_MESSAGES, saved.c_str());
    }
};

} // namespace

TEST_CASE("plural forms follow each language's rule", "[i18n][catalogue]") {
    {
        // Arabic (CLDR): zero 0; one 1; two 2; few 3-10; many 11-99; other 100-102.
        const UseLanguage ar("ar_EG.UTF-8");
        const auto days = [](unsigned long n) { return app::trn("{0} day", "{0} days", n); };
        CHECK(days(0) == "{0} أيام");
        CHECK(days(1) == "يوم واحد");
        CHECK(days(2) == "يومان");
        CHECK(days(3) == "{0} أيام");
        CHECK(days(10) == "{0} أيام");
        CHECK(days(11) == "{0} يومًا");
        CHECK(days(99) == "{0} يومًا");
        CHECK(days(100) == "{0} يوم");
        CHECK(days(102) == "{0} يوم");
        CHECK(days(103) == "{0} أيام");
        CHECK(app::tr("Dashboard") == "لوحة المعلومات");
        // A sentence with its fields in the translation's order, in Arabic-Indic digits.
        app::set_formats(Formats("ar_EG"));
        CHECK(app::sayn("{0}, in {1} day", "{0}, in {1} days", 5, std::string("x"), 5) ==
              "\u2068x\u2069، بعد \u2068٥\u2069 أيام");
        app::set_formats(Formats());
    }
    {
        // Hebrew: one 1; other.
        const UseLanguage he("he_IL.UTF-8");
        CHECK(app::trn("{0} day", "{0} days", 1) == "יום אחד");
        CHECK(app::trn("{0} day", "{0} days", 2) == "{0} ימים");
        CHECK(app::tr("Plan") == "תוכנית");
    }
    // Back in English: the message itself.
    CHECK(app::tr("Plan") == "Plan");
    CHECK(app::trn("{0} day", "{0} days", 2) == "{0} days");
    // A plural form that says its number in words leaves the field out, and still reads right.
    {
        const UseLanguage ar("ar_EG.UTF-8");
        app::set_formats(Formats("ar_EG"));
        CHECK(app::sayn("{0} day", "{0} days", 2, 2) == "يومان");
        CHECK(app::sayn("{0} day", "{0} days", 11, 11) == "\u2068١١\u2069 يومًا");
        app::set_formats(Formats());
    }
}

TEST_CASE("errors are said in the person's language, their facts in the person's formats", "[i18n][catalogue]") {
    using core::bad_input;
    // English in the C locale: what core's message() writes, word for word.
    const core::Error negative =
        bad_input("{0} must not be negative", money(-15000, "ILS")).context("bills[0].late_fee");
    CHECK(app::describe(negative) == negative.message());
    CHECK(app::describe(negative) == "bills[0].late_fee: -150.00 must not be negative");
    const core::Error early =
        bad_input("{0} is before the start {1}", day(2026, 11, 2), day(2026, 11, 22)).context("bills[1].schedule.end");
    CHECK(app::describe(early) == "bills[1].schedule.end: 2026-11-02 is before the start 2026-11-22");
    {
        const UseLanguage he("he_IL.UTF-8");
        const UseFormats formats("he_IL");
        // The amount as an Israeli bank writes it (see the first test), every value isolated.
        CHECK(app::describe(negative) ==
              "\u2068bills[0].late_fee\u2069: \u2068\u200f\u200e-150.00\u00a0\u200f₪\u2069 אסור שיהיה שלילי");
        // A phrase inside the message is translated too.
        CHECK(app::describe(bad_input("must be a string, not {0}", core::N_("a boolean"))) ==
              "חייב להיות מחרוזת, לא \u2068ערך אמת/שקר\u2069");
        // The cause after the message, each in Hebrew.
        CHECK(app::describe(core::problem(core::Errc::io, "cannot write the backup")
                                .because(core::problem(core::Errc::io, "the disk is full; nothing was changed"))) ==
              "אי אפשר לכתוב את הגיבוי: הדיסק מלא; דבר לא שונה");
    }
    {
        const UseLanguage ar("ar_EG.UTF-8");
        const UseFormats formats("ar_EG");
        // Arabic's "two" form, the count in Arabic-Indic digits.
        CHECK(app::describe(core::problem_n(core::Errc::bad_input, "{0} has {1} decimal", "{0} has {1} decimals", 2,
                                            "JOD", 2)) == "\u2068JOD\u2069 له منزلتان عشريتان (\u2068٢\u2069)");
        // A list of names with the Arabic comma.
        core::ListFact users;
        users.names = {"pay", "rent"};
        CHECK(app::describe(bad_input("account \"{0}\" is used by {1}: move or remove them first", "checking",
                                      users)) == "الحساب \"\u2068checking\u2069\" يستخدمه \u2068\u2068pay\u2069، "
                                                 "\u2068rent\u2069\u2069: انقلها أو أزلها أولًا");
    }
    // Back in English.
    CHECK(app::describe(negative) == "bills[0].late_fee: -150.00 must not be negative");
}

TEST_CASE("columns line up by what a terminal shows", "[i18n]") {
    // Bidi marks take no column: ICU writes "‏309.50 ‏$" for he_IL, eight columns.
    CHECK(app::display_width("\u200f309.50\u00a0\u200f$") == 8);
    CHECK(app::display_width("שלום") == 4);
    // Hebrew points (niqqud) and Arabic vowel marks sit on their letter.
    CHECK(app::display_width("שָׁלוֹם") == 4);
    CHECK(app::display_width("مُحَمَّد") == 4);
    // Wide East Asian characters take two.
    CHECK(app::display_width("日本") == 4);
    CHECK(app::display_width("") == 0);
    CHECK(app::display_width("\xff") == 1); // not UTF-8: one replacement character
    CHECK(app::pad_end("ab", 4) == "ab  ");
    CHECK(app::pad_start("\u200f1", 3) == "  \u200f1");
    CHECK(app::pad_end("abcdef", 3) == "abcdef"); // never cut
}
