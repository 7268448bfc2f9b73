#include "core/household.hpp"

#include "builders.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace steadypay::core;
using namespace steadypay::test;

namespace {

Household valid() {
    auto h = household("1000.00", "2026-11-22");
    add_income(h, "pay", "900.00", "FREQ=MONTHLY;BYMONTHDAY=1", "2026-01-01");
    add_bill(h, "rent", "700.00", "FREQ=MONTHLY;BYMONTHDAY=1", "2026-01-01", Priority::housing);
    return h;
}

void expect_invalid(const Household& h, const std::string& message) {
    auto s = validate(h);
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().code == Errc::bad_input);
    CHECK_THAT(s.error().message(), Catch::Contains(message));
}

} // namespace

TEST_CASE("a well-formed household validates", "[household]") { CHECK(validate(valid()).ok()); }

TEST_CASE("validation names the place of each problem", "[household]") {
    SECTION("an id that is not lower-case") {
        auto h = valid();
        h.bills[0].id = "Rent";
        expect_invalid(h, "bills[0].id: \"Rent\" is not a valid id");
    }
    SECTION("a bill that names no account") {
        auto h = valid();
        h.bills[0].account = "chequing";
        expect_invalid(h, "bills[0].account: \"chequing\" is not an account id");
    }
    SECTION("two accounts with one id") {
        auto h = valid();
        h.accounts.push_back(h.accounts[0]);
        expect_invalid(h, "accounts[1].id: \"checking\" is already used");
    }
    SECTION("an income and a bill sharing an id, which payments could not tell apart") {
        auto h = valid();
        h.bills[0].id = "pay";
        expect_invalid(h, "bills[0].id: \"pay\" is already used by another income or bill");
    }
    SECTION("a range whose max is below its min") {
        auto h = valid();
        h.bills[0].amount = Amount::range(money("90.00"), money("80.00"));
        expect_invalid(h, "bills[0].amount: max 80.00 is less than min 90.00");
    }
    SECTION("a negative amount") {
        auto h = valid();
        h.incomes[0].amount = Amount::fixed(money("-5.00"));
        expect_invalid(h, "incomes[0].amount: -5.00 must not be negative");
    }
    SECTION("a minimum above the amount") {
        auto h = valid();
        h.bills[0].minimum = money("800.00");
        expect_invalid(h, "bills[0].minimum: 800.00 is more than the amount 700.00");
    }
    SECTION("day counts out of range") {
        auto h = valid();
        h.bills[0].grace_days = -1;
        expect_invalid(h, "bills[0].grace_days: -1 is out of range");
        h.bills[0].grace_days = 0;
        h.bills[0].reported_late_after_days = 0;
        expect_invalid(h, "bills[0].reported_late_after_days: 0 is out of range (1..3650)");
    }
    SECTION("a negative cushion") {
        auto h = valid();
        h.accounts[0].cushion = money("-1.00");
        expect_invalid(h, "accounts[0].cushion: -1.00 must not be negative");
    }
    SECTION("a weekend of seven days") {
        auto h = valid();
        h.weekend = {date::Monday, date::Tuesday, date::Wednesday, date::Thursday, date::Friday, date::Saturday,
                     date::Sunday};
        expect_invalid(h, "household.weekend: every day of the week is a weekend day");
    }
    SECTION("a holiday listed twice") {
        auto h = valid();
        h.holidays = {day("2026-12-25"), day("2026-12-25")};
        expect_invalid(h, "household.holidays[1]: 2026-12-25 is listed twice");
    }
    SECTION("a payment for an item that does not exist") {
        auto h = valid();
        h.payments.push_back(Payment{"gym", day("2026-11-01"), PaymentStatus::skipped, {}, {}, {}});
        expect_invalid(h, "payments[0].item: \"gym\" is not a bill or income id");
    }
    SECTION("a payment for a day the item is not due") {
        auto h = valid();
        h.payments.push_back(Payment{"rent", day("2026-11-02"), PaymentStatus::skipped, {}, {}, {}});
        expect_invalid(h, "payments[0].due: \"rent\" is not due on 2026-11-02");
    }
    SECTION("a paid payment without its amount") {
        auto h = valid();
        h.payments.push_back(Payment{"rent", day("2026-11-01"), PaymentStatus::paid, day("2026-11-01"), {}, {}});
        expect_invalid(h, "payments[0].amount: a paid payment needs its amount");
    }
    SECTION("a skipped payment with a date") {
        auto h = valid();
        h.payments.push_back(Payment{"rent", day("2026-11-01"), PaymentStatus::skipped, day("2026-11-01"), {}, {}});
        expect_invalid(h, "payments[0].date: only a paid payment has a date and an amount");
    }
    SECTION("two records for one occurrence") {
        auto h = valid();
        h.payments.push_back(Payment{"rent", day("2026-11-01"), PaymentStatus::skipped, {}, {}, {}});
        h.payments.push_back(Payment{"rent", day("2026-11-01"), PaymentStatus::unpaid, {}, {}, {}});
        expect_invalid(h, "payments[1]: a second record for \"rent\" due 2026-11-01");
    }
}

TEST_CASE("priorities keep the counselling order and parse from their keys", "[household]") {
    const char* keys[] = {"housing",        "utilities",  "transportation", "childcare",
                          "credit_minimum", "other_debt", "phone_internet", "discretionary"};
    for (int i = 0; i < k_priority_count; ++i) {
        auto p = parse_priority(keys[i]);
        REQUIRE(p.ok());
        CHECK(rank(p.value()) == i + 1);
        CHECK(to_string(p.value()) == keys[i]);
    }
    CHECK_FALSE(parse_priority("rent").ok());
}

TEST_CASE("ids follow [a-z0-9][a-z0-9_-]*", "[household]") {
    for (const char* ok : {"rent", "card-min", "a", "0day", "car_loan_2"}) {
        CHECK(is_valid_id(ok));
    }
    const std::string too_long(65, 'a');
    for (const std::string& bad : {std::string(), std::string("-rent"), std::string("_x"), std::string("Rent"),
                                   std::string("car loan"), std::string("caf\xc3\xa9"), too_long}) {
        CHECK_FALSE(is_valid_id(bad));
    }
    CHECK(is_valid_id(std::string(64, 'a')));
}

TEST_CASE("new ids are made from names, and stay unique", "[household]") {
    const std::set<std::string> taken{"rent", "rent-2"};
    const auto is_taken = [&](std::string_view id) { return taken.count(std::string(id)) > 0; };
    CHECK(make_id("Car loan (Ford)", is_taken) == "car-loan-ford");
    CHECK(make_id("Rent", is_taken) == "rent-3");
    CHECK(make_id("  Phone & Internet!  ", is_taken) == "phone-internet");
    CHECK(make_id("\xd7\xa9\xd7\x9b\xd7\x99\xd7\xa8\xd7\x95\xd7\xaa", is_taken) == "item"); // Hebrew letters
    CHECK(is_valid_id(make_id("Électricité 2", is_taken)));
}

TEST_CASE("validation messages split into field and message", "[household]") {
    const Error e = bad_input("{0} is out of range ({1}..{2})", -1, 0, 365).context("bills[3].grace_days");
    CHECK(e.message() == "bills[3].grace_days: -1 is out of range (0..365)");
    const auto f = field_of(e, "bills", 3);
    REQUIRE(f.has_value());
    CHECK(f->field == "grace_days");
    CHECK(f->error.message() == "-1 is out of range (0..365)");
    CHECK(f->error.facts.size() == 3);
    CHECK_FALSE(field_of(e, "bills", 2).has_value());
    CHECK_FALSE(field_of(e, "bills", 30).has_value());
    CHECK_FALSE(field_of(e, "incomes", 3).has_value());
    const auto whole = field_of(bad_input("a second record").context("bills[3]"), "bills", 3);
    REQUIRE(whole.has_value());
    CHECK(whole->field.empty());
    CHECK(whole->error.message() == "a second record");
    CHECK(field_of(bad_input("bad").context("bills[0].schedule.rrule"), "bills", 0)->field == "schedule.rrule");
    CHECK_FALSE(field_of(bad_input("no place"), "bills", 0).has_value());
}

TEST_CASE("removing a bill or income takes its payment records; an account in use stays", "[household]") {
    auto h = valid(); // account "checking", income "pay", bill "rent"
    auto savings = h.accounts[0];
    savings.id = "savings";
    h.accounts.push_back(savings);
    h.payments = {Payment{"rent", day("2026-11-01"), PaymentStatus::paid, day("2026-11-01"), money("700.00"), {}},
                  Payment{"rent", day("2026-12-01"), PaymentStatus::skipped, std::nullopt, std::nullopt, {}},
                  Payment{"pay", day("2026-11-01"), PaymentStatus::paid, day("2026-11-01"), money("900.00"), {}}};
    const auto id = h.accounts[0].id;

    // An account in use is refused, naming its users (incomes first), and nothing changes.
    auto refused = remove_account(h, id);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == Errc::bad_input);
    CHECK(refused.error().message() == "account \"" + id + "\" is used by pay, rent: move or remove them first");
    CHECK(h.accounts.size() == 2);
    auto unknown = remove_account(h, "brokerage");
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().code == Errc::not_found);
    CHECK(h.accounts.size() == 2);
    REQUIRE(remove_account(h, "savings"));
    REQUIRE(h.accounts.size() == 1);
    CHECK(h.accounts[0].id == id);

    // A bill goes with its two records; the income's record stays.
    auto removed = remove_item(h, "rent");
    REQUIRE(removed);
    CHECK(*removed == 2);
    CHECK(h.bills.empty());
    REQUIRE(h.payments.size() == 1);
    CHECK(h.payments[0].item == "pay");
    auto again = remove_item(h, "rent");
    REQUIRE_FALSE(again);
    CHECK(again.error().code == Errc::not_found);
    CHECK(h.payments.size() == 1);
    removed = remove_item(h, "pay");
    REQUIRE(removed);
    CHECK(*removed == 1);
    CHECK(h.incomes.empty());
    CHECK(h.payments.empty());
    // With no users left, the account can go.
    CHECK(remove_account(h, id));
    CHECK(h.accounts.empty());
}
