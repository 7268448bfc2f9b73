#include "integrations/text_input.hpp"

#include "core/dates.hpp"

#include <catch2/catch.hpp>

using namespace steadypay;
using integrations::DateOrder;
using integrations::parse_amount_text;

namespace {

core::Currency code(const char* c) { return core::Currency::from_code(c).value(); }

std::int64_t minor(std::string_view text, const char* currency = "USD", char decimal = '.') {
    auto m = parse_amount_text(text, code(currency), decimal);
    INFO(std::string(text) << ": " << (m.ok() ? std::string() : m.error().message()));
    REQUIRE(m.ok());
    return m->minor();
}

std::string refused(std::string_view text, const char* currency = "USD") {
    auto m = parse_amount_text(text, code(currency));
    REQUIRE_FALSE(m.ok());
    return m.error().message();
}

core::Date day(const char* iso) { return core::parse_iso_date(iso).value(); }

std::vector<core::Date> dates(std::vector<std::string> texts, DateOrder order = DateOrder::detect) {
    std::vector<integrations::DateText> in;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        in.push_back({texts[i], "f.csv:" + std::to_string(i + 2)});
    }
    auto r = integrations::parse_dates(in, order);
    INFO((r.ok() ? std::string() : r.error().message()));
    REQUIRE(r.ok());
    return std::vector<core::Date>(r->begin(), r->end());
}

} // namespace

TEST_CASE("amounts as banks and platforms print them become exact minor units", "[integrations][amounts]") {
    CHECK(minor("1,234.50") == 123450);
    CHECK(minor("3.100,55") == 310055);
    CHECK(minor("-$0.95") == -95);
    CHECK(minor("$-0.95") == -95);
    CHECK(minor("(12.00)") == -1200);
    CHECK(minor("12.00-") == -1200);
    CHECK(minor("\xE2\x82\xAA 1\xC2\xA0" "234,50", "ILS") == 123450); // ₪ 1 234,50 with a no-break space
    CHECK(minor("1'234.50") == 123450);
    CHECK(minor("1 234,50") == 123450);
    CHECK(minor("USD 12") == 1200);
    CHECK(minor("12.00 â¬", "EUR") == 1200);
    CHECK(minor("12.5") == 1250);
    CHECK(minor("1,234") == 123400);     // a lone comma before three digits groups thousands
    // Unless the file's decimal is the comma: then it is 1.234, which a dinar has and a dollar has not.
    CHECK(minor("1,234", "KWD", ',') == 1234);
    CHECK_FALSE(parse_amount_text("1,234", code("USD"), ',').ok());
}

TEST_CASE("what is not an amount is refused, naming it", "[integrations][amounts]") {
    CHECK(refused("12a34") == "\"12a34\" is not an amount");
    CHECK(refused("12a") == "\"12a\" is not an amount");
    CHECK(refused("12.00 DR") == "\"12.00 DR\" is not an amount");
    CHECK(refused("") == "\"\" is not an amount");
    CHECK(refused("--5") == "\"--5\" is not an amount");
    CHECK(refused("1.234.5") == "\"1.234.5\" is not an amount");
    CHECK(refused("12.345") == "\"12.345\" has more decimals than USD has (2)");
    CHECK(refused("99999999999999999") == "\"99999999999999999\" is too large an amount");
    CHECK(minor("12.340") == 1234); // a zero past the currency's digits is no decimal
    CHECK(minor("12.345", "KWD") == 12345);
}

TEST_CASE("the order of a file's dates is worked out from all of them", "[integrations][dates]") {
    // 13/01 can only be day/month: every date of the file is then read that way.
    CHECK(dates({"02/01/2026", "13/01/2026"}) == std::vector{day("2026-01-02"), day("2026-01-13")});
    CHECK(dates({"02/01/2026", "01/13/2026"}) == std::vector{day("2026-02-01"), day("2026-01-13")});
    CHECK(dates({"2026-12-01", "20261202", "Dec 3, 2026", "4 Dec 2026", "05-Dec-26"}) ==
          std::vector{day("2026-12-01"), day("2026-12-02"), day("2026-12-03"), day("2026-12-04"), day("2026-12-05")});
    CHECK(dates({"12/01'26", "12/ 2'26"}, DateOrder::mdy) == std::vector{day("2026-12-01"), day("2026-12-02")});
    CHECK(dates({"2026-12-01 10:15:00", "2026-12-02T23:59:59Z", "12/13/2026 08:00"}) ==
          std::vector{day("2026-12-01"), day("2026-12-02"), day("2026-12-13")});
    CHECK(dates({"12. Dec. 2026"}) == std::vector{day("2026-12-12")});
    CHECK(dates({"01/01/2026", "05/05/2026"}) == std::vector{day("2026-01-01"), day("2026-05-05")}); // either way
}

TEST_CASE("dates that fit both orders are asked about, dates in two orders refused", "[integrations][dates]") {
    auto open = integrations::parse_dates({{"03/04/2026", "f.csv:2"}}, DateOrder::detect);
    REQUIRE_FALSE(open.ok());
    CHECK(open.error().message() == "f.csv:2: \"03/04/2026\" could be day/month or month/day: say which (dmy or mdy)");
    auto mixed = integrations::parse_dates({{"13/01/2026", "f.csv:2"}, {"01/13/2026", "f.csv:3"}}, DateOrder::detect);
    REQUIRE_FALSE(mixed.ok());
    CHECK(mixed.error().message() ==
          "f.csv:3: the dates are written in two orders: \"13/01/2026\" is day/month, \"01/13/2026\" month/day");
    auto bad = integrations::parse_dates({{"31/02/2026", "f.csv:9"}}, DateOrder::dmy);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message() == "f.csv:9: \"31/02/2026\" is not a date (day/month/year)");
    auto junk = integrations::parse_dates({{"yesterday", "f.csv:4"}}, DateOrder::dmy);
    REQUIRE_FALSE(junk.ok());
    CHECK(junk.error().message() == "f.csv:4: \"yesterday\" is not a date");
}

TEST_CASE("Hebrew and Arabic bank exports in Windows code pages become UTF-8", "[integrations][encoding]") {
    // "שלום" in Windows-1255 and "مرحبا" in Windows-1256, byte by byte from the code page tables.
    CHECK(integrations::to_utf8("\xF9\xEC\xE5\xED", "windows-1255").value() == "שלום");
    CHECK(integrations::to_utf8("\xE3\xD1\xCD\xC8\xC7", "windows-1256").value() == "مرحبا");
    // Not UTF-8, no encoding given: the letters say which.
    CHECK(integrations::to_utf8("date,\xF9\xEC\xE5\xED", "").value() == "date,שלום");
    CHECK(integrations::to_utf8("date,\xE3\xD1\xCD\xC8\xC7", "").value() == "date,مرحبا");
    // A byte order mark goes; UTF-8 stays as it is.
    CHECK(integrations::to_utf8("\xEF\xBB\xBF" "a,b", "").value() == "a,b");
    CHECK(integrations::to_utf8("שלום", "").value() == "שלום");
    auto binary = integrations::to_utf8(std::string_view("a\0b", 3), "");
    REQUIRE_FALSE(binary.ok());
    CHECK(binary.error().message() == "is not a text file (it has NUL bytes)");
    auto unknown = integrations::to_utf8("abc", "klingon-8");
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().message() == "\"klingon-8\" is not an encoding this program knows");
}
