#include "core/forecast.hpp"

#include "builders.hpp"

#include <catch2/catch.hpp>

using namespace steadypay::core;
using namespace steadypay::test;

namespace {

Forecast run(const Household& h, const std::string& from, int days, AmountBasis basis = AmountBasis::conservative) {
    REQUIRE(validate(h).ok());
    auto f = forecast(h, ForecastOptions{day(from), days, basis});
    INFO((f.ok() ? std::string() : f.error().message()));
    REQUIRE(f.ok());
    return f.value();
}

const DayBalance& on(const Forecast& f, const std::string& iso, std::size_t account = 0) {
    for (const auto& d : f.accounts.at(account).days) {
        if (d.date == day(iso)) {
            return d;
        }
    }
    FAIL("no day " << iso);
    throw;
}

std::vector<std::string> event_items(const Household& h, const Forecast& f) {
    std::vector<std::string> out;
    for (const auto& e : f.events) {
        out.push_back(to_iso(e.date) + " " + item_id(h, f.occurrences[e.occurrence]) + " " + e.amount.to_string());
    }
    return out;
}

} // namespace

TEST_CASE("debits post before credits by default, and the low shows it", "[forecast]") {
    // 1000.00 on Nov 30; rent 1200.00 and a paycheck 900.00 both on Tue Dec 1.
    auto h = household("1000.00", "2026-11-30");
    add_bill(h, "rent", "1200.00", "FREQ=MONTHLY;BYMONTHDAY=1", "2026-01-01", Priority::housing);
    add_income(h, "pay", "900.00", "FREQ=MONTHLY;BYMONTHDAY=1", "2026-01-01");

    auto f = run(h, "2026-11-30", 3);
    CHECK(on(f, "2026-11-30").low.to_string() == "1000.00");
    CHECK(on(f, "2026-12-01").low.to_string() == "-200.00");
    CHECK(on(f, "2026-12-01").close.to_string() == "700.00");
    CHECK(event_items(h, f) == std::vector<std::string>{"2026-12-01 rent -1200.00", "2026-12-01 pay 900.00"});
    CHECK(f.events[0].balance_after.to_string() == "-200.00");

    h.intraday_order = IntradayOrder::credits_first;
    auto g = run(h, "2026-11-30", 3);
    CHECK(on(g, "2026-12-01").low.to_string() == "700.00"); // 1000 + 900 - 1200
    CHECK(on(g, "2026-12-01").close.to_string() == "700.00");
    CHECK(event_items(h, g) == std::vector<std::string>{"2026-12-01 pay 900.00", "2026-12-01 rent -1200.00"});
    CHECK(g.shortfalls.empty());
}

TEST_CASE("the largest debit posts first within a day", "[forecast]") {
    auto h = household("500.00", "2026-11-30");
    add_bill(h, "small", "20.00", "FREQ=MONTHLY;BYMONTHDAY=2", "2026-01-02");
    add_bill(h, "large", "600.00", "FREQ=MONTHLY;BYMONTHDAY=2", "2026-01-02");
    add_bill(h, "medium", "100.00", "FREQ=MONTHLY;BYMONTHDAY=2", "2026-01-02");
    h.accounts[0].overdraft_fee = money("35.00");
    auto f = run(h, "2026-12-01", 2);
    CHECK(event_items(h, f) == std::vector<std::string>{"2026-12-02 large -600.00", "2026-12-02 medium -100.00",
                                                        "2026-12-02 small -20.00"});
    // All three leave the balance below zero: three overdrawn items, three fees.
    REQUIRE(f.shortfalls.size() == 1);
    CHECK(f.shortfalls[0].overdrawn_items == 3);
    CHECK(f.shortfalls[0].fees.to_string() == "105.00");
    CHECK(f.accounts[0].expected_fees.to_string() == "105.00");
}

TEST_CASE("the balance holds everything up to as_of; the forecast applies what comes after", "[forecast]") {
    // as_of Nov 22: the Nov 15 bill is settled, the Nov 25 one is applied.
    auto h = household("800.00", "2026-11-22");
    add_bill(h, "phone", "50.00", "FREQ=MONTHLY;BYMONTHDAY=15", "2026-01-15");
    add_bill(h, "gym", "30.00", "FREQ=MONTHLY;BYMONTHDAY=25", "2026-01-25");
    add_bill(h, "same-day", "10.00", "FREQ=MONTHLY;BYMONTHDAY=22", "2026-01-22");
    auto f = run(h, "2026-11-22", 10);
    CHECK(event_items(h, f) == std::vector<std::string>{"2026-11-25 gym -30.00"});
    CHECK(on(f, "2026-11-22").close.to_string() == "800.00");
    CHECK(on(f, "2026-12-01").close.to_string() == "770.00");
}

TEST_CASE("a later start computes the days in between without showing them", "[forecast]") {
    auto h = household("800.00", "2026-11-22");
    add_bill(h, "gym", "30.00", "FREQ=MONTHLY;BYMONTHDAY=25", "2026-01-25");
    auto f = run(h, "2026-11-28", 5);
    REQUIRE(f.accounts[0].days.size() == 5);
    CHECK(to_iso(f.accounts[0].days.front().date) == "2026-11-28");
    CHECK(to_iso(f.to) == "2026-12-02");
    CHECK(f.accounts[0].opening.to_string() == "770.00");
    CHECK(on(f, "2026-11-28").low.to_string() == "770.00");
    CHECK(f.events.empty()); // the Nov 25 debit happened before the first day shown
}

TEST_CASE("autopay pulls the lead days before the due date", "[forecast]") {
    auto h = household("1000.00", "2026-11-22");
    auto& b = add_bill(h, "loan", "300.00", "FREQ=MONTHLY;BYMONTHDAY=1", "2026-01-01");
    b.autopay = true;
    b.autopay_lead_days = 3;
    auto f = run(h, "2026-11-22", 12);
    // Due Tue Dec 1, pulled Sat Nov 28.
    REQUIRE(f.events.size() == 1);
    CHECK(to_iso(f.events[0].date) == "2026-11-28");
    CHECK(to_iso(f.occurrences[f.events[0].occurrence].due.due) == "2026-12-01");

    // The lead days only apply to autopay: a manual bill is paid on its due date.
    h.bills[0].autopay = false;
    auto g = run(h, "2026-11-22", 12);
    REQUIRE(g.events.size() == 1);
    CHECK(to_iso(g.events[0].date) == "2026-12-01");
}

TEST_CASE("a bill due after the horizon is applied when its autopay pull is inside it", "[forecast]") {
    auto h = household("1000.00", "2026-11-22");
    auto& b = add_bill(h, "loan", "300.00", "FREQ=MONTHLY;BYMONTHDAY=3", "2026-01-03");
    b.autopay = true;
    b.autopay_lead_days = 5;
    // Horizon Nov 22 .. Nov 30; due Dec 3, pulled Nov 28.
    auto f = run(h, "2026-11-22", 9);
    REQUIRE(f.events.size() == 1);
    CHECK(to_iso(f.events[0].date) == "2026-11-28");
}

TEST_CASE("variable amounts use the conservative end unless the expected value is asked for", "[forecast]") {
    auto h = household("1000.00", "2026-11-22");
    auto& bill = add_bill(h, "electric", "0.00", "FREQ=MONTHLY;BYMONTHDAY=24", "2026-01-24");
    bill.amount = Amount::range(money("90.00"), money("161.00"));
    auto& pay = add_income(h, "gig", "0.00", "FREQ=MONTHLY;BYMONTHDAY=25", "2026-01-25");
    pay.amount = Amount::range(money("200.00"), money("401.00"));

    auto f = run(h, "2026-11-22", 5);
    CHECK(event_items(h, f) == std::vector<std::string>{"2026-11-24 electric -161.00", "2026-11-25 gig 200.00"});
    // The middle of each range, rounded towards the conservative end.
    auto g = run(h, "2026-11-22", 5, AmountBasis::expected);
    CHECK(event_items(h, g) == std::vector<std::string>{"2026-11-24 electric -125.50", "2026-11-25 gig 300.50"});
}

TEST_CASE("payments: paid after as_of on its date, skipped never, paid before as_of already in", "[forecast]") {
    auto h = household("1000.00", "2026-11-22");
    add_bill(h, "rent", "700.00", "FREQ=MONTHLY;BYMONTHDAY=1", "2026-01-01", Priority::housing);
    add_bill(h, "gym", "30.00", "FREQ=MONTHLY;BYMONTHDAY=24", "2026-01-24");
    add_bill(h, "card", "100.00", "FREQ=MONTHLY;BYMONTHDAY=26", "2026-01-26");
    // Rent due Dec 1, paid early on Nov 27 at a different amount.
    h.payments.push_back(Payment{"rent", day("2026-12-01"), PaymentStatus::paid, day("2026-11-27"), money("690.00"), {}});
    // The gym membership is frozen this month.
    h.payments.push_back(Payment{"gym", day("2026-11-24"), PaymentStatus::skipped, {}, {}, {}});
    // The card was paid before as_of: already in the balance.
    h.payments.push_back(Payment{"card", day("2026-11-26"), PaymentStatus::paid, day("2026-11-20"), money("100.00"), {}});

    auto f = run(h, "2026-11-22", 12);
    CHECK(event_items(h, f) == std::vector<std::string>{"2026-11-27 rent -690.00"});
    CHECK(on(f, "2026-12-03").close.to_string() == "310.00");
    bool skipped_listed = false;
    for (const auto& o : f.occurrences) {
        skipped_listed = skipped_listed || o.state == OccurrenceState::skipped;
    }
    CHECK(skipped_listed);
}

TEST_CASE("a missed bill is still owed and is applied on the first day shown", "[forecast]") {
    auto h = household("1000.00", "2026-11-22");
    add_bill(h, "water", "80.00", "FREQ=MONTHLY;BYMONTHDAY=15", "2026-01-15", Priority::utilities);
    // Due Sun Nov 15 -> Mon Nov 16 with `following`; still unpaid on as_of Nov 22.
    h.payments.push_back(Payment{"water", day("2026-11-16"), PaymentStatus::unpaid, {}, {}, {}});
    h.bills[0].business_day = BusinessDayRule::following;
    auto f = run(h, "2026-11-25", 3);
    REQUIRE(f.events.size() == 1);
    CHECK(to_iso(f.events[0].date) == "2026-11-25");
    CHECK(f.occurrences[f.events[0].occurrence].state == OccurrenceState::missed);
    CHECK(on(f, "2026-11-25").close.to_string() == "920.00");
}

TEST_CASE("an income marked unpaid before as_of is not counted on", "[forecast]") {
    auto h = household("100.00", "2026-11-22");
    add_income(h, "child-support", "300.00", "FREQ=MONTHLY;BYMONTHDAY=20", "2026-01-20");
    h.payments.push_back(Payment{"child-support", day("2026-11-20"), PaymentStatus::unpaid, {}, {}, {}});
    auto f = run(h, "2026-11-22", 5);
    CHECK(f.events.empty());
    bool missing = false;
    for (const auto& o : f.occurrences) {
        missing = missing || o.state == OccurrenceState::missing;
    }
    CHECK(missing);
}

TEST_CASE("shortfalls: overdraft runs and below-cushion runs, with their deepest points", "[forecast]") {
    // Cushion 100. Nov 23: 150 -> 50 (below cushion). Nov 25: -> -30 (overdraft). Nov 27: +500.
    auto h = household("150.00", "2026-11-22", "100.00");
    add_bill(h, "a", "100.00", "FREQ=MONTHLY;BYMONTHDAY=23", "2026-01-23");
    add_bill(h, "b", "80.00", "FREQ=MONTHLY;BYMONTHDAY=25", "2026-01-25");
    add_income(h, "pay", "500.00", "FREQ=MONTHLY;BYMONTHDAY=27", "2026-01-27");
    h.accounts[0].overdraft_fee = money("29.00");
    auto f = run(h, "2026-11-22", 9);

    REQUIRE(f.shortfalls.size() == 2);
    const auto& cushion = f.shortfalls[0];
    CHECK(cushion.kind == ShortfallKind::below_cushion);
    CHECK(to_iso(cushion.start) == "2026-11-23");
    CHECK(to_iso(cushion.end) == "2026-11-27"); // the Nov 27 low is before the paycheck lands
    CHECK(cushion.deepest.to_string() == "-30.00");
    CHECK(to_iso(cushion.deepest_date) == "2026-11-25");
    const auto& over = f.shortfalls[1];
    CHECK(over.kind == ShortfallKind::overdraft);
    CHECK(to_iso(over.start) == "2026-11-25");
    CHECK(to_iso(over.end) == "2026-11-27");
    CHECK(over.overdrawn_items == 1);
    CHECK(over.fees.to_string() == "29.00");

    const auto& a = f.accounts[0];
    CHECK(a.lowest.low.to_string() == "-30.00");
    CHECK(to_iso(a.lowest.date) == "2026-11-25");
    CHECK(a.safe_to_spend.to_string() == "0.00");
    REQUIRE(a.next_income.has_value());
    CHECK(to_iso(*a.next_income) == "2026-11-27");
}

TEST_CASE("safe to spend keeps every day of the horizon above the cushion", "[forecast]") {
    // 900 now, cushion 100; rent 600 on Dec 1 -> low 300; pay 1000 on Dec 4; bill 1100 on Dec 8 -> low 200.
    auto h = household("900.00", "2026-11-22", "100.00");
    add_bill(h, "rent", "600.00", "FREQ=MONTHLY;BYMONTHDAY=1", "2026-01-01");
    add_income(h, "pay", "1000.00", "FREQ=MONTHLY;BYMONTHDAY=4", "2026-01-04");
    add_bill(h, "car", "1100.00", "FREQ=MONTHLY;BYMONTHDAY=8", "2026-01-08");
    auto f = run(h, "2026-11-22", 20);
    const auto& a = f.accounts[0];
    CHECK(a.lowest.low.to_string() == "200.00");
    CHECK(a.safe_to_spend.to_string() == "100.00");
    // Until the paycheck on Dec 4 the lowest is 300: 200 could be spent before it, though the
    // Dec 8 bill would then dip below the cushion.
    CHECK(to_iso(*a.next_income) == "2026-12-04");
    CHECK(a.safe_to_spend_until_next_income.to_string() == "200.00");
    CHECK(f.shortfalls.empty());
}

TEST_CASE("the forecast has one day per calendar day and ends on from + days - 1", "[forecast]") {
    auto h = household("1850.00", "2026-11-22", "0.00", ils());
    auto f = run(h, "2026-11-22", 90);
    CHECK(to_iso(f.to) == "2027-02-19");
    CHECK(f.accounts[0].days.size() == 90);
    for (std::size_t i = 1; i < f.accounts[0].days.size(); ++i) {
        CHECK(f.accounts[0].days[i].date == f.accounts[0].days[i - 1].date + date::days{1});
    }
    CHECK(f.currency.code() == "ILS");
}

TEST_CASE("business-day adjustment moves a bill in the forecast", "[forecast]") {
    // Rent on the 1st: Sun Nov 1 2026 -> Mon Nov 2 with `following` and a Sat+Sun weekend, but a
    // Sunday is a business day with a Fri+Sat weekend.
    auto h = household("5000.00", "2026-10-25", "0.00", ils());
    auto& rent = add_bill(h, "rent", "4200.00", "FREQ=MONTHLY;BYMONTHDAY=1", "2026-01-01", Priority::housing);
    rent.business_day = BusinessDayRule::following;
    auto f = run(h, "2026-10-25", 10);
    REQUIRE(f.events.size() == 1);
    CHECK(to_iso(f.events[0].date) == "2026-11-02");
    h.weekend = {date::Friday, date::Saturday};
    auto g = run(h, "2026-10-25", 10);
    REQUIRE(g.events.size() == 1);
    CHECK(to_iso(g.events[0].date) == "2026-11-01");
}

TEST_CASE("several accounts are forecast separately", "[forecast]") {
    auto h = household("100.00", "2026-11-22");
    Account savings = h.accounts[0];
    savings.id = "savings";
    savings.name = "Savings";
    savings.balance = money("5000.00");
    h.accounts.push_back(savings);
    auto& b = add_bill(h, "rent", "700.00", "FREQ=MONTHLY;BYMONTHDAY=1", "2026-01-01");
    b.account = "checking";
    auto& i = add_income(h, "interest", "5.00", "FREQ=MONTHLY;BYMONTHDAY=30", "2026-01-30");
    i.account = "savings";
    auto f = run(h, "2026-11-22", 15);
    REQUIRE(f.accounts.size() == 2);
    CHECK(on(f, "2026-12-01", 0).close.to_string() == "-600.00");
    CHECK(on(f, "2026-12-01", 1).close.to_string() == "5005.00");
    REQUIRE(f.shortfalls.size() == 1);
    CHECK(f.shortfalls[0].account == 0);
    CHECK_FALSE(f.accounts[0].next_income.has_value());
}

TEST_CASE("the forecast refuses a start before a balance date, a bad length, or no accounts", "[forecast]") {
    auto h = household("100.00", "2026-11-22");
    auto early = forecast(h, ForecastOptions{day("2026-11-21"), 10, AmountBasis::conservative});
    REQUIRE_FALSE(early.ok());
    CHECK_THAT(early.error().message(), Catch::Contains("before the balance date 2026-11-22"));
    CHECK_FALSE(forecast(h, ForecastOptions{day("2026-11-22"), 0, AmountBasis::conservative}).ok());
    CHECK_FALSE(forecast(h, ForecastOptions{day("2026-11-22"), 40000, AmountBasis::conservative}).ok());
    Household empty = h;
    empty.accounts.clear();
    auto none = forecast(empty, ForecastOptions{day("2026-11-22"), 10, AmountBasis::conservative});
    REQUIRE_FALSE(none.ok());
    CHECK_THAT(none.error().message(), Catch::Contains("no accounts"));
    CHECK(to_iso(default_forecast_start(h, day("2026-11-01"))) == "2026-11-22");
    CHECK(to_iso(default_forecast_start(h, day("2026-12-01"))) == "2026-12-01");
}

TEST_CASE("a forecast whose sums overflow is an error, not a wrap", "[forecast]") {
    auto h = household("92233720368547758.00", "2026-11-22");
    add_income(h, "windfall", "1.00", "FREQ=DAILY", "2026-01-01");
    auto f = forecast(h, ForecastOptions{day("2026-11-22"), 10, AmountBasis::conservative});
    REQUIRE_FALSE(f.ok());
    CHECK(f.error().code == Errc::overflow);
    // It says where: INT64_MAX minor units is 92233720368547758.07, so the first 1.00, on the day
    // after the balance date, is past it.
    CHECK(f.error().message() == "adding windfall takes the balance of account \"" + h.accounts[0].id +
                                     "\" on 2026-11-23 past the largest amount Steadypay can count");
    // Such a balance is refused where it is entered.
    auto v = validate(h);
    REQUIRE_FALSE(v);
    CHECK(v.error().message() == "accounts[0].balance: 92233720368547758.00 is more than Steadypay counts (at most "
                                 "100000000000.00)");
}

namespace {

// Worked by hand (docs/fees.md): 300.00 at the close of Mon Dec 7; on Tue Dec 8 the car loan
// (280.00, transportation) and the phone (55.00, phone and internet) both come out; the paycheck
// (900.00) lands Fri Dec 11. Debits post first, the largest first: the car loan leaves 20.00 and
// the phone would leave -35.00.
Household short_on_the_8th() {
    auto h = household("300.00", "2026-12-07");
    add_bill(h, "car-loan", "280.00", "FREQ=MONTHLY;BYMONTHDAY=8", "2026-01-08", Priority::transportation);
    auto& phone = add_bill(h, "phone", "55.00", "FREQ=MONTHLY;BYMONTHDAY=8", "2026-01-08", Priority::phone_internet);
    phone.returned_payment_fee = money("15.00");
    add_income(h, "pay", "900.00", "FREQ=MONTHLY;BYMONTHDAY=11", "2026-01-11");
    h.accounts[0].overdraft_fee = money("29.00");
    h.accounts[0].returned_item_fee = money("34.00");
    return h;
}

} // namespace

TEST_CASE("a bank that pays into overdraft: the balance goes below zero, one overdraft fee", "[forecast][fees]") {
    auto h = short_on_the_8th(); // when_uncovered: pay, as every household that says nothing
    auto f = run(h, "2026-12-08", 5);
    CHECK(on(f, "2026-12-08").low.to_string() == "-35.00");
    CHECK(on(f, "2026-12-11").close.to_string() == "865.00"); // -35.00 + 900.00
    CHECK(f.declined.empty());
    REQUIRE(f.shortfalls.size() == 1);
    CHECK(f.shortfalls[0].overdrawn_items == 1);
    CHECK(f.shortfalls[0].fees.to_string() == "29.00");
    CHECK(f.accounts[0].expected_fees.to_string() == "29.00");
    CHECK(f.accounts[0].returned_fees.to_string() == "0.00");
}

TEST_CASE("a bank that declines what it cannot cover: the balance stays, the fees are the returned ones",
          "[forecast][fees]") {
    auto h = short_on_the_8th();
    h.accounts[0].when_uncovered = Uncovered::decline;
    auto f = run(h, "2026-12-08", 5);
    // The phone is returned: 20.00 stays 20.00, and the paycheck brings it to 920.00.
    CHECK(on(f, "2026-12-08").low.to_string() == "20.00");
    CHECK(on(f, "2026-12-11").close.to_string() == "920.00");
    CHECK(event_items(h, f) == std::vector<std::string>{"2026-12-08 car-loan -280.00", "2026-12-11 pay 900.00"});
    REQUIRE(f.declined.size() == 1);
    const auto& d = f.declined[0];
    CHECK(to_iso(d.date) == "2026-12-08");
    CHECK(item_id(h, f.occurrences[d.occurrence]) == "phone");
    CHECK(d.amount.to_string() == "55.00");
    CHECK(d.balance.to_string() == "20.00");
    CHECK(d.bank_fee.to_string() == "34.00");
    CHECK(d.biller_fee.to_string() == "15.00");
    CHECK(f.shortfalls.empty()); // never below zero
    CHECK(f.accounts[0].declined_payments == 1);
    CHECK(f.accounts[0].returned_fees.to_string() == "49.00");
    CHECK(f.accounts[0].expected_fees.to_string() == "0.00");
}

TEST_CASE("an overdraft limit covers what fits under it; beyond it the bank declines", "[forecast][fees]") {
    auto h = short_on_the_8th();
    h.accounts[0].when_uncovered = Uncovered::decline;
    SECTION("a limit of 50.00 covers -35.00: paid into overdraft, one overdraft fee") {
        h.accounts[0].overdraft_limit = money("50.00");
        auto f = run(h, "2026-12-08", 5);
        CHECK(f.declined.empty());
        CHECK(on(f, "2026-12-08").low.to_string() == "-35.00");
        REQUIRE(f.shortfalls.size() == 1);
        CHECK(f.shortfalls[0].fees.to_string() == "29.00");
    }
    SECTION("a limit of 35.00 covers exactly -35.00") {
        h.accounts[0].overdraft_limit = money("35.00");
        CHECK(run(h, "2026-12-08", 5).declined.empty());
    }
    SECTION("a limit of 34.99 does not: declined") {
        h.accounts[0].overdraft_limit = money("34.99");
        auto f = run(h, "2026-12-08", 5);
        REQUIRE(f.declined.size() == 1);
        CHECK(on(f, "2026-12-08").low.to_string() == "20.00");
    }
    SECTION("a payment recorded as made is a fact, never declined") {
        h.payments.push_back(Payment{"phone", day("2026-12-08"), PaymentStatus::paid, day("2026-12-08"),
                                     money("55.00"), {}});
        auto f = run(h, "2026-12-08", 5);
        CHECK(f.declined.empty());
        CHECK(on(f, "2026-12-08").low.to_string() == "-35.00");
    }
}
