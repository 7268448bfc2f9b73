// Errors are facts: a message id, the values it names, where it happened and what caused it.
// message() writes them the way the household file writes values (ISO dates, plain amounts), which
// is what logs and scripts read; the words in other languages are the app's (tests/app).

#include "core/dates.hpp"
#include "core/money.hpp"
#include "core/result.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>

using namespace steadypay::core;

namespace {
Money usd(std::int64_t minor) {
    return Money::from_minor(minor, Currency::from_code("USD").value());
}
Date day(int y, unsigned m, unsigned d) {
    return Date{date::year{y} / date::month{m} / date::day{d}};
}
} // namespace

TEST_CASE("an error keeps its facts apart from its words", "[error]") {
    const Error e = bad_input("{0} is before the balance date {1} of account \"{2}\"", day(2026, 11, 2),
                              day(2026, 11, 22), "checking");
    CHECK(e.code == Errc::bad_input);
    CHECK(std::string(e.what) == "{0} is before the balance date {1} of account \"{2}\"");
    REQUIRE(e.facts.size() == 3);
    CHECK(std::get<Date>(e.facts[0]) == day(2026, 11, 2));
    CHECK(std::get<std::string>(e.facts[2]) == "checking");
    CHECK(e.message() == "2026-11-02 is before the balance date 2026-11-22 of account \"checking\"");

    const Error amounts = bad_input("{0} is more than the amount {1} ({2} days)", usd(-8050), usd(120000), 3);
    const auto& a = std::get<AmountFact>(amounts.facts[0]);
    CHECK(a.minor == -8050);
    CHECK(a.currency == "USD");
    CHECK(amounts.message() == "-80.50 is more than the amount 1200.00 (3 days)");
    CHECK(std::get<std::int64_t>(amounts.facts[2]) == 3);
}

TEST_CASE("where an error happened is said outermost first, and its cause after it", "[error]") {
    const Error inner =
        bad_input("{0} is out of range (1..{1})", "BYMONTH=13", "12").context("bills[2].schedule.rrule");
    const Error outer = std::move(Error(inner)).context("household.json");
    REQUIRE(outer.where.size() == 2);
    CHECK(outer.where.front() == "household.json");
    CHECK(outer.message() == "household.json: bills[2].schedule.rrule: BYMONTH=13 is out of range (1..12)");
    CHECK(inner.message() == "bills[2].schedule.rrule: BYMONTH=13 is out of range (1..12)");

    const Error caused = problem(Errc::io, "cannot write the backup")
                             .because(problem(Errc::io, "the disk is full; nothing was changed"));
    CHECK(caused.message() == "cannot write the backup: the disk is full; nothing was changed");
    CHECK(caused.text() == "cannot write the backup");
    REQUIRE(caused.cause);
    CHECK(caused.cause->code == Errc::io);
}

TEST_CASE("an error's plural message follows its count", "[error]") {
    const auto decimals = [](std::uint64_t n) {
        return problem_n(Errc::bad_input, "{0} has {1} decimal", "{0} has {1} decimals", n, "JOD", n);
    };
    CHECK(decimals(1).message() == "JOD has 1 decimal");
    CHECK(decimals(3).message() == "JOD has 3 decimals");
    CHECK(decimals(0).message() == "JOD has 0 decimals");
    CHECK(decimals(3).count == 3);
}

TEST_CASE("lists, phrases and numbers too large to count stay readable", "[error]") {
    ListFact users;
    users.names = {"pay", "phone", "internet"};
    CHECK(bad_input("account \"{0}\" is used by {1}", "checking", users).message() ==
          "account \"checking\" is used by pay, phone, internet");
    ListFact near;
    near.dates = {day(2026, 12, 1), day(2027, 1, 1)};
    CHECK(bad_input("due dates near it: {0}", near).message() == "due dates near it: 2026-12-01, 2027-01-01");
    CHECK(bad_input("must be a string, not {0}", N_("a boolean")).message() == "must be a string, not a boolean");
    CHECK(std::holds_alternative<Phrase>(bad_input("{0}", N_("a list")).facts[0]));
    // 2^64 - 1 is not wrapped into -1.
    CHECK(bad_input("{0} is out of range", std::numeric_limits<std::uint64_t>::max()).message() ==
          "18446744073709551615 is out of range");
    CHECK(bad_input("{0} is out of range", std::int64_t{-1}).message() == "-1 is out of range");
}

TEST_CASE("fields are filled as fmt fills them", "[error]") {
    CHECK(fill_fields("{1} / {0}", {"a", "b"}) == "b / a");
    CHECK(fill_fields("{{0}} is {0}", {"x"}) == "{0} is x");
    CHECK(fill_fields("a }} b", {}) == "a } b");
    // A field without a value, or not a number, stays as written.
    CHECK(fill_fields("{0} {3} {x}", {"a"}) == "a {3} {x}");
    CHECK(fill_fields("{", {}) == "{");
    CHECK(fill_fields("{12}", std::vector<std::string>(13, "v")) == "v");
}
