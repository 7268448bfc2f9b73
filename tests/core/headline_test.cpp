// The dashboard's headline: the most serious thing ahead, and the first thing to do. Worked by hand.

#include "core/headline.hpp"

#include "builders.hpp"

#include <catch2/catch.hpp>

using namespace steadypay::core;
using namespace steadypay::test;

namespace {

Forecast forecast_of(const Household& h, const std::string& from, int days) {
    REQUIRE(validate(h).ok());
    auto f = forecast(h, ForecastOptions{day(from), days, AmountBasis::conservative});
    REQUIRE(f);
    return std::move(f).value();
}

Plan plan_of(const Household& h, const std::string& from, int days) {
    auto p = make_plan(h, PlanOptions{.from = day(from), .days = days});
    REQUIRE(p);
    return std::move(p).value();
}

} // namespace

TEST_CASE("an overdraft the day after a dip below the cushion is the headline, with the plan's first change",
          "[headline]") {
    // 300.00 on Mon Nov 30, cushion 100.00. The car loan autopay takes 250.00 on Mon Dec 7 (50.00
    // left: below the cushion), the phone 80.00 on Tue Dec 8 (-30.00: overdrawn); the paycheck of
    // 500.00 comes on Fri Dec 11. The plan moves the phone to Sat Dec 12, inside its grace.
    auto h = household("300.00", "2026-11-30", "100.00");
    auto& car = add_bill(h, "car", "250.00", "FREQ=MONTHLY;BYMONTHDAY=7", "2026-01-07", Priority::transportation);
    car.autopay = true;
    auto& phone = add_bill(h, "phone", "80.00", "FREQ=MONTHLY;BYMONTHDAY=8", "2026-01-08", Priority::phone_internet);
    phone.autopay = true;
    phone.grace_days = 7;
    add_income(h, "pay", "500.00", "FREQ=MONTHLY;BYMONTHDAY=11", "2026-01-11");
    const auto f = forecast_of(h, "2026-11-30", 20);
    REQUIRE(f.shortfalls.size() == 2); // below the cushion from Dec 7, overdrawn from Dec 8

    const auto before = headline(f, Plan{}, 0);
    CHECK(before.kind == HeadlineKind::overdraft);
    CHECK(to_iso(before.date) == "2026-12-08");
    CHECK(before.amount.to_string() == "-30.00");
    CHECK_FALSE(before.action.has_value()); // no plan yet

    const auto plan = plan_of(h, "2026-11-30", 20);
    const auto with_plan = headline(f, plan, 0);
    CHECK(with_plan.kind == HeadlineKind::overdraft);
    REQUIRE(with_plan.action.has_value());
    const auto& action = plan.decisions[*with_plan.action];
    CHECK(h.bills[plan.occurrences[action.occurrence].item].id == "phone");
    CHECK(action.action == PlanAction::move);
    CHECK(to_iso(*action.pay_date) == "2026-12-12");
}

TEST_CASE("a payment the bank would decline comes before a dip below the cushion", "[headline]") {
    // A bank that declines what it cannot cover: the phone (80.00 on Dec 8) meets 50.00 and comes
    // back; the balance never goes below zero, but it is below the 100.00 cushion from Dec 7.
    auto h = household("300.00", "2026-11-30", "100.00");
    h.accounts[0].when_uncovered = Uncovered::decline;
    auto& car = add_bill(h, "car", "250.00", "FREQ=MONTHLY;BYMONTHDAY=7", "2026-01-07", Priority::transportation);
    car.autopay = true;
    auto& phone = add_bill(h, "phone", "80.00", "FREQ=MONTHLY;BYMONTHDAY=8", "2026-01-08", Priority::phone_internet);
    phone.autopay = true;
    add_income(h, "pay", "500.00", "FREQ=MONTHLY;BYMONTHDAY=11", "2026-01-11");
    const auto f = forecast_of(h, "2026-11-30", 20);
    const auto head = headline(f, Plan{}, 0);
    CHECK(head.kind == HeadlineKind::declined);
    CHECK(to_iso(head.date) == "2026-12-08");
    CHECK(head.amount.to_string() == "80.00");
    REQUIRE(head.occurrence.has_value());
    CHECK(h.bills[f.occurrences[*head.occurrence].item].id == "phone");
}

TEST_CASE("a bill past its grace comes before a dip below the cushion, and is its own action", "[headline]") {
    // Water (80.00, due Mon Nov 16, 3 days' grace) was not paid; from Tue Nov 24 the plan pays it at
    // once: past its grace since Fri Nov 20. The 300.00 balance stays above zero; the cushion of
    // 250.00 is crossed when it is paid.
    auto h = household("300.00", "2026-11-22", "250.00");
    auto& water = add_bill(h, "water", "80.00", "FREQ=MONTHLY;BYMONTHDAY=15", "2026-01-15", Priority::utilities);
    water.business_day = BusinessDayRule::following;
    water.grace_days = 3;
    h.payments.push_back(Payment{"water", day("2026-11-16"), PaymentStatus::unpaid, {}, {}, {}});
    const auto f = forecast_of(h, "2026-11-24", 7);
    const auto plan = plan_of(h, "2026-11-24", 7);
    const auto head = headline(f, plan, 0);
    CHECK(head.kind == HeadlineKind::past_grace);
    CHECK(to_iso(head.date) == "2026-11-20");
    REQUIRE(head.decision.has_value());
    CHECK(head.action == head.decision);
    CHECK(h.bills[plan.occurrences[plan.decisions[*head.decision].occurrence].item].id == "water");
}

TEST_CASE("nothing ahead is the all-clear", "[headline]") {
    auto h = household("5000.00", "2026-11-30");
    add_bill(h, "rent", "900.00", "FREQ=MONTHLY;BYMONTHDAY=1", "2026-01-01", Priority::housing);
    const auto f = forecast_of(h, "2026-11-30", 60);
    const auto head = headline(f, plan_of(h, "2026-11-30", 60), 0);
    CHECK(head.kind == HeadlineKind::all_clear);
    CHECK_FALSE(head.action.has_value());
}
