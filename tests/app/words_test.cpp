// The facts of plans and warnings said in English: each sentence worked out by hand from the
// household in the test (the amounts, the dates and who to call).

#include "app/common/i18n.hpp"
#include "app/common/words.hpp"

#include "../core/warning_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace steadypay;
using namespace steadypay::core;
using namespace steadypay::test;

namespace {

// The example's account and paycheck with the names the sentences use.
Household named(Household h) {
    h.accounts[0].name = "Checking";
    h.incomes[0].name = "Paycheck";
    return h;
}

} // namespace


TEST_CASE("an overdraft is said with its depth, its end, its fees and the plan's way out", "[words]") {
    const auto h = named(short_household());
    const auto today = day("2026-11-30");
    const auto w = find(warnings_on(h, "2026-11-30"), WarningKind::overdraft);
    REQUIRE(w.has_value());
    const auto t = app::warning_text(h, *w, today);
    CHECK(t.title == "Checking would be overdrawn");
    // 100.00 - 160.00 = -60.00 from Sat Dec 5 until the paycheck day, Dec 10.
    CHECK(t.message == "From Dec 5, in 5 days, Checking would go as low as -60.00 (on Dec 5), until Dec 10; 1 "
                       "overdrawn item could cost 29.00 in fees.");
    REQUIRE_FALSE(t.actions.empty());
    // Moved to Dec 11, the first day the paycheck can be used (debits post first): 6 days after
    // its due date, inside its 7-day grace.
    CHECK(t.actions.front() == "Ask Metro Wireless to move Phone's autopay from Dec 5 to Dec 11: paying 160.00 on "
                               "Dec 5 would overdraw Checking on Dec 5; your Paycheck lands Dec 10. 6 days after its "
                               "due date, inside its 7-day grace: no fee.");
}

TEST_CASE("an autopay into overdraft and a declined payment are said with who takes it", "[words]") {
    auto h = named(short_household());
    const auto today = day("2026-11-30");
    const auto autopay = find(warnings_on(h, "2026-11-30"), WarningKind::autopay_insufficient_funds);
    REQUIRE(autopay.has_value());
    const auto a = app::warning_text(h, *autopay, today);
    CHECK(a.message == "Metro Wireless takes 160.00 on Dec 5, in 5 days, leaving Checking at -60.00: paid into "
                       "overdraft, for the bank's 29.00 fee.");
    CHECK(a.actions.back() ==
          "Move money into Checking before Dec 5, or ask Metro Wireless to take it on a later date.");

    h.accounts[0].when_uncovered = Uncovered::decline;
    h.accounts[0].returned_item_fee = money("34.00");
    h.bills[0].returned_payment_fee = money("15.00");
    h.bills[0].reported_late_after_days = 30;
    const auto declined = find(warnings_on(h, "2026-11-30"), WarningKind::payment_declined);
    REQUIRE(declined.has_value());
    const auto d = app::warning_text(h, *declined, today);
    CHECK(d.title == "Phone's payment would be declined");
    // 34.00 + 15.00 in fees; grace of 7 days from Dec 5; reported 30 days late, Jan 4, 2027.
    CHECK(d.message == "Phone (160.00) comes out Dec 5, in 5 days, when Checking holds 100.00: the bank returns it "
                       "unpaid (49.00 in fees: 34.00 the bank's, 15.00 Metro Wireless's), and it is still owed: a "
                       "late fee after Dec 12, reported late from Jan 4, 2027.");
}

TEST_CASE("a missed bill is said with what comes next", "[words]") {
    auto h = household("1000.00", "2026-11-22");
    auto& water = add_bill(h, "water", "60.00", "FREQ=MONTHLY;BYMONTHDAY=18", "2026-01-18", Priority::utilities);
    water.name = "Water";
    water.grace_days = 3;
    water.late_fee = money("10.00");
    water.shutoff_after_days = 45;
    water.hardship_contact = "City water, 555-0142";
    h.payments.push_back(Payment{"water", day("2026-11-18"), PaymentStatus::unpaid, {}, {}, {}});
    const auto w = find(warnings_on(h, "2026-11-24"), WarningKind::payment_missed);
    REQUIRE(w.has_value());
    const auto t = app::warning_text(h, *w, day("2026-11-24"));
    CHECK(t.title == "Water is overdue");
    // Due Nov 18, grace to Nov 21 (past on Nov 24), cut off 45 days after: Jan 2.
    CHECK(t.message == "Water (60.00) was due Nov 18, 6 days ago, and is not paid; past its grace period (10.00 late "
                       "fee); service may be cut off from Jan 2, 2027.");
    REQUIRE(t.actions.size() == 2);
    CHECK(t.actions[0] == "Pay it as soon as you can, then record the payment.");
    CHECK(t.actions[1] == "If you cannot, ask for more time: City water, 555-0142.");
}

TEST_CASE("plan reasons say the change, why, and what it costs", "[words]") {
    // 500.00 on Nov 30; a card of 300.00 (minimum 40.00) due Dec 1 and electricity of 250.00
    // due Dec 2; nothing comes in: paid in full the card leaves 200.00, and the electricity takes
    // the account to -50.00 on Dec 2. The card is paid at its minimum.
    auto h = household("500.00", "2026-11-30");
    h.accounts[0].name = "Checking";
    auto& card = add_bill(h, "card", "300.00", "FREQ=MONTHLY;BYMONTHDAY=1", "2026-01-01", Priority::credit_minimum);
    card.minimum = money("40.00");
    card.reported_late_after_days = 30;
    add_bill(h, "electric", "250.00", "FREQ=MONTHLY;BYMONTHDAY=2", "2026-01-02", Priority::utilities);
    auto p = make_plan(h, PlanOptions{.from = day("2026-11-30"), .days = 10, .look_ahead = 0});
    REQUIRE(p.ok());
    const PlanDecision* card_decision = nullptr;
    for (const auto& d : p->decisions) {
        if (h.bills[d.bill].id == "card") {
            card_decision = &d;
        }
    }
    REQUIRE(card_decision != nullptr);
    const auto reason = app::plan_reason(h, *card_decision, day("2026-11-30"));
    CHECK(reason == "Pay the 40.00 minimum of card instead of 300.00 on Dec 1: paying 300.00 on Dec 1 would "
                    "overdraw Checking on Dec 2. On time.");
}

TEST_CASE("the words follow the language's formats", "[words]") {
    const auto h = named(short_household());
    const auto w = find(warnings_on(h, "2026-11-30"), WarningKind::autopay_insufficient_funds);
    REQUIRE(w.has_value());
    app::set_formats(app::Formats("en_US"));
    const auto t = app::warning_text(h, *w, day("2026-11-30"));
    app::set_formats(app::Formats());
    CHECK(t.message == "Metro Wireless takes $160.00 on Dec 5, in 5 days, leaving Checking at -$60.00: paid into "
                       "overdraft, for the bank's $29.00 fee.");
    // The JSON's text fields stay English and plain whatever the language in use.
    app::set_formats(app::Formats("de_DE"));
    std::string english;
    {
        const app::EnglishScope scope;
        english = app::warning_text(h, *w, day("2026-11-30")).message;
    }
    CHECK(app::formats().locale() == "de_DE");
    app::set_formats(app::Formats());
    CHECK_THAT(english, Catch::Contains("takes 160.00 on Dec 5"));
}

TEST_CASE("schedules in words, as households have them", "[words]") {
    using core::PresetKind;
    using core::SchedulePreset;
    SchedulePreset biweekly{PresetKind::every_other_week};
    biweekly.weekday = date::Friday;
    SchedulePreset twice{PresetKind::twice_a_month, 15};
    twice.second_day = 1;
    SchedulePreset weekly{PresetKind::every_n_weeks};
    weekly.interval = 1;
    weekly.weekday = date::Thursday;
    SchedulePreset four_weeks{PresetKind::every_n_weeks};
    four_weeks.interval = 4;
    four_weeks.weekday = date::Monday;
    SchedulePreset yearly{PresetKind::yearly, 15};
    yearly.month = 4;
    SchedulePreset bimonthly{PresetKind::every_n_months, 20};
    bimonthly.interval = 2;
    SchedulePreset quarterly{PresetKind::every_n_months, 31};
    quarterly.interval = 3;
    CHECK(app::schedule_text({PresetKind::monthly_on_day, 10}) == "Monthly on the 10th");
    CHECK(app::schedule_text({PresetKind::monthly_on_day, 31}) == "Monthly on the 31st (skipped in months without one)");
    CHECK(app::schedule_text({PresetKind::monthly_on_day_or_last, 30}) ==
          "Monthly on the 30th, or the last day of a shorter month");
    CHECK(app::schedule_text({PresetKind::last_day_of_month}) == "On the last day of every month");
    CHECK(app::schedule_text(biweekly) == "Every other Friday");
    CHECK(app::schedule_text(twice) == "Twice a month, on the 1st and the 15th");
    CHECK(app::schedule_text(weekly) == "Every Thursday");
    CHECK(app::schedule_text(four_weeks) == "Every 4 weeks on Monday");
    CHECK(app::schedule_text(yearly) == "Every year on April 15");
    CHECK(app::schedule_text({PresetKind::once}) == "Once, on the start date");
    CHECK(app::schedule_text(bimonthly) == "Every 2 months on the 20th, counting from the start date's month");
    CHECK(app::schedule_text(quarterly) ==
          "Every 3 months on the 31st, counting from the start date's month (skipped in months without one)");
    // English ordinals: 11th-13th are the exceptions to 1st, 2nd, 3rd.
    for (const auto& [day, words] : std::vector<std::pair<int, const char*>>{
             {1, "Monthly on the 1st"}, {2, "Monthly on the 2nd"}, {3, "Monthly on the 3rd"}, {4, "Monthly on the 4th"},
             {11, "Monthly on the 11th"}, {12, "Monthly on the 12th"}, {13, "Monthly on the 13th"},
             {21, "Monthly on the 21st"}, {22, "Monthly on the 22nd"}, {23, "Monthly on the 23rd"}}) {
        CHECK(app::schedule_text({PresetKind::monthly_on_day, day}) == words);
    }
    CHECK(app::priority_name(core::Priority::credit_minimum) == "Credit minimum payments");
}
