#include "core/money.hpp"

#include <catch2/catch.hpp>

#include <limits>

using namespace steadypay::core;

namespace {
Currency cur(const char* code) { return Currency::from_code(code).value(); }
} // namespace

TEST_CASE("currencies know their minor digits", "[money]") {
    struct Row {
        const char* code;
        int digits;
    };
    const Row rows[] = {{"USD", 2}, {"ILS", 2}, {"EUR", 2}, {"JPY", 0}, {"KRW", 0},
                        {"KWD", 3}, {"BHD", 3}, {"TND", 3}, {"CLF", 4}, {"ZAR", 2}};
    for (const auto& r : rows) {
        INFO(r.code);
        auto c = Currency::from_code(r.code);
        REQUIRE(c.ok());
        CHECK(c->minor_digits() == r.digits);
        CHECK(c->code() == r.code);
    }
}

TEST_CASE("unknown and malformed currency codes are rejected", "[money]") {
    for (const char* code : {"usd", "US", "USDD", "XYZ", "", "ABC"}) {
        INFO(code);
        auto c = Currency::from_code(code);
        REQUIRE_FALSE(c.ok());
        CHECK(c.error().code == Errc::bad_input);
    }
}

TEST_CASE("amounts parse exactly into minor units", "[money]") {
    struct Row {
        const char* text;
        const char* currency;
        std::int64_t minor;
        const char* printed;
    };
    const Row rows[] = {
        {"1234.50", "ILS", 123450, "1234.50"},  {"-80.00", "ILS", -8000, "-80.00"},
        {"0", "USD", 0, "0.00"},                {"12", "USD", 1200, "12.00"},
        {"12.5", "USD", 1250, "12.50"},         {"0.01", "USD", 1, "0.01"},
        {"-0.05", "USD", -5, "-0.05"},          {"1500", "JPY", 1500, "1500"},
        {"1.250", "KWD", 1250, "1.250"},        {"0.001", "KWD", 1, "0.001"},
        {"007.10", "EUR", 710, "7.10"},         {"-0", "USD", 0, "0.00"},
        {"92233720368547758.07", "USD", std::numeric_limits<std::int64_t>::max(), "92233720368547758.07"},
        {"-92233720368547758.07", "USD", -std::numeric_limits<std::int64_t>::max(), "-92233720368547758.07"},
    };
    for (const auto& r : rows) {
        INFO(r.text << " " << r.currency);
        auto m = Money::parse(r.text, cur(r.currency));
        REQUIRE(m.ok());
        CHECK(m->minor() == r.minor);
        CHECK(m->to_string() == r.printed);
    }
}

TEST_CASE("text that is not an exact amount is rejected with the reason", "[money]") {
    struct Row {
        const char* text;
        const char* currency;
        const char* reason;
    };
    const Row rows[] = {
        {"1,234.50", "USD", "thousands separators"},
        {"+5", "USD", "like \"1234.55\""},
        {".5", "USD", "like"},
        {"5.", "USD", "must be followed by digits"},
        {"1e3", "USD", "like"},
        {"12.345", "ILS", "ILS has 2 decimals"},
        {"1.5", "JPY", "JPY has 0 decimals"},
        {" 12", "USD", "no spaces"},
        {"12 ", "USD", "no spaces"},
        {"", "USD", "like"},
        {"-", "USD", "like"},
        {"--5", "USD", "like"},
        {"12.50 USD", "USD", "like"},
        {"١٢", "USD", "like"},
    };
    for (const auto& r : rows) {
        INFO(r.text);
        auto m = Money::parse(r.text, cur(r.currency));
        REQUIRE_FALSE(m.ok());
        CHECK(m.error().code == Errc::bad_input);
        CHECK_THAT(m.error().message(), Catch::Contains(r.reason));
    }
}

TEST_CASE("amounts beyond 64 bits are an overflow error, not a wrap", "[money]") {
    auto m = Money::parse("92233720368547758.08", cur("USD"));
    REQUIRE_FALSE(m.ok());
    CHECK(m.error().code == Errc::overflow);
    auto big = Money::parse("99999999999999999999999", cur("JPY"));
    REQUIRE_FALSE(big.ok());
    CHECK(big.error().code == Errc::overflow);
}

TEST_CASE("INT64_MIN prints correctly", "[money]") {
    const auto m = Money::from_minor(std::numeric_limits<std::int64_t>::min(), cur("USD"));
    CHECK(m.to_string() == "-92233720368547758.08");
}

TEST_CASE("checked arithmetic reports overflow and currency mismatch", "[money]") {
    const auto usd = cur("USD");
    const auto max = Money::from_minor(std::numeric_limits<std::int64_t>::max(), usd);
    const auto one = Money::from_minor(1, usd);
    auto sum = max.checked_add(one);
    REQUIRE_FALSE(sum.ok());
    CHECK(sum.error().code == Errc::overflow);

    auto diff = Money::from_minor(std::numeric_limits<std::int64_t>::min(), usd).checked_sub(one);
    REQUIRE_FALSE(diff.ok());
    CHECK(diff.error().code == Errc::overflow);

    auto product = max.checked_mul(2);
    REQUIRE_FALSE(product.ok());
    CHECK(product.error().code == Errc::overflow);

    auto mixed = one.checked_add(Money::from_minor(1, cur("EUR")));
    REQUIRE_FALSE(mixed.ok());
    CHECK(mixed.error().code == Errc::currency_mismatch);
    CHECK_THAT(mixed.error().message(), Catch::Contains("USD") && Catch::Contains("EUR"));

    CHECK_THROWS_AS(max + one, MoneyError);
    CHECK_THROWS_AS(-Money::from_minor(std::numeric_limits<std::int64_t>::min(), usd), MoneyError);
    CHECK_THROWS_AS(one < Money::from_minor(1, cur("ILS")), MoneyError);
}

TEST_CASE("arithmetic within one currency is exact", "[money]") {
    const auto ils = cur("ILS");
    const auto rent = Money::parse("4200.00", ils).value();
    const auto balance = Money::parse("1850.00", ils).value();
    CHECK((balance - rent).to_string() == "-2350.00");
    CHECK((rent * 3).to_string() == "12600.00");
    CHECK((2 * rent).to_string() == "8400.00");
    // 0.1 + 0.2 is exactly 0.3 here, unlike in binary floating point.
    CHECK((Money::parse("0.10", ils).value() + Money::parse("0.20", ils).value()) == Money::parse("0.30", ils).value());
    CHECK(rent > balance);
    CHECK(min(rent, balance) == balance);
    CHECK(max(rent, balance) == rent);
    CHECK_FALSE(Money::from_minor(5, ils) == Money::from_minor(5, cur("USD")));
}

TEST_CASE("the midpoint of a range rounds towards its first argument", "[money]") {
    const auto usd = cur("USD");
    const auto m = [&](const char* t) { return Money::parse(t, usd).value(); };
    CHECK(Money::midpoint(m("10.00"), m("10.05")).to_string() == "10.02");
    CHECK(Money::midpoint(m("10.05"), m("10.00")).to_string() == "10.03");
    CHECK(Money::midpoint(m("250.00"), m("520.00")).to_string() == "385.00");
    CHECK(Money::midpoint(m("-0.03"), m("0.00")).to_string() == "-0.02");
    CHECK(Money::midpoint(m("0.00"), m("-0.03")).to_string() == "-0.01");
    const auto lo = Money::from_minor(std::numeric_limits<std::int64_t>::min(), usd);
    const auto hi = Money::from_minor(std::numeric_limits<std::int64_t>::max(), usd);
    CHECK(Money::midpoint(lo, hi).minor() == -1);
    CHECK(Money::midpoint(hi, lo).minor() == 0);
}

TEST_CASE("a default Money has no currency and mixes with none", "[money]") {
    const Money placeholder;
    CHECK(placeholder.currency().code() == "XXX");
    CHECK_FALSE(placeholder.checked_add(Money::from_minor(1, cur("USD"))).ok());
}
