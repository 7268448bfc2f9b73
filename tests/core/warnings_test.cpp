#include "core/warnings.hpp"

#include "warning_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace steadypay::core;
using namespace steadypay::test;

TEST_CASE("an overdraft within its lead time is raised, with the plan's way out", "[warnings]") {
    const auto h = short_household();
    const auto ws = warnings_on(h, "2026-11-30");
    const auto w = find(ws, WarningKind::overdraft);
    REQUIRE(w.has_value());
    CHECK(w->id == "overdraft:checking:2026-12-05");
    CHECK(w->severity == Severity::critical);
    CHECK(w->days_until == 5);
    CHECK(w->account == "checking");
    CHECK(w->items == std::vector<std::string>{"phone"});
    CHECK(w->amount.to_string() == "-60.00");
    CHECK(w->fees.to_string() == "29.00");
    CHECK(w->count == 1);
    CHECK(to_iso(w->end) == "2026-12-10"); // debits first: the paycheck day starts below zero
    REQUIRE_FALSE(w->actions.empty());
    // The plan's way out: move the phone's autopay from Dec 5 to Dec 11 (after the paycheck).
    CHECK(w->actions.front().step == WarningStep::follow_plan);
    REQUIRE(w->actions.front().decision.has_value());
    CHECK(w->actions.front().decision->action == PlanAction::move);
    CHECK(to_iso(w->actions.front().decision->scheduled) == "2026-12-05");
    CHECK(to_iso(w->actions.front().decision->pay_date.value()) == "2026-12-11");
}

TEST_CASE("a warning is not raised before its lead time, and the lead time is a setting", "[warnings]") {
    auto h = short_household();
    // Seven days ahead by default: from Nov 27 the Dec 5 overdraft is 8 days away.
    CHECK(find(warnings_on(h, "2026-11-30"), WarningKind::overdraft).has_value());
    h.accounts[0].as_of = day("2026-11-27");
    CHECK(find(warnings_on(h, "2026-11-27"), WarningKind::overdraft) == std::nullopt);
    h.lead_times.overdraft = 10;
    CHECK(find(warnings_on(h, "2026-11-27"), WarningKind::overdraft).has_value());
}

TEST_CASE("an autopay that would pull money that is not there is raised", "[warnings]") {
    const auto ws = warnings_on(short_household(), "2026-11-30");
    const auto w = find(ws, WarningKind::autopay_insufficient_funds);
    REQUIRE(w.has_value());
    CHECK(w->id == "autopay_insufficient_funds:phone:2026-12-05");
    // The bank pays what it cannot cover into overdraft (the account says nothing else).
    CHECK(w->amount.to_string() == "160.00");
    CHECK(w->balance.to_string() == "-60.00");
    CHECK(w->fees.to_string() == "29.00");
    CHECK(w->actions.back().step == WarningStep::move_money_or_ask_later);
    CHECK(find(ws, WarningKind::payment_declined) == std::nullopt);
}

TEST_CASE("a payment the bank would decline is its own warning, with its fees and when the bill goes late",
          "[warnings][fees]") {
    auto h = short_household();
    h.accounts[0].when_uncovered = Uncovered::decline;
    h.accounts[0].returned_item_fee = money("34.00");
    h.bills[0].returned_payment_fee = money("15.00");
    h.bills[0].reported_late_after_days = 30;
    const auto ws = warnings_on(h, "2026-11-30");
    const auto w = find(ws, WarningKind::payment_declined);
    REQUIRE(w.has_value());
    CHECK(w->id == "payment_declined:phone:2026-12-05");
    CHECK(w->severity == Severity::critical);
    CHECK(w->days_until == 5);
    CHECK(w->items == std::vector<std::string>{"phone"});
    // 100.00 cannot cover 160.00: returned; 34.00 + 15.00; grace of 7 days from Dec 5.
    CHECK(w->balance.to_string() == "100.00");
    CHECK(w->bank_fee.to_string() == "34.00");
    CHECK(w->biller_fee.to_string() == "15.00");
    CHECK_FALSE(w->past);
    CHECK(to_iso(w->timeline.grace_ends) == "2026-12-12");
    CHECK(to_iso(w->timeline.reported_late_on.value()) == "2027-01-04");
    CHECK(w->actions.back().step == WarningStep::move_money_or_ask_later);
    CHECK(to_iso(w->actions.back().date) == "2026-12-05");
    // Not an overdraft, and not an autopay paid into one: the balance never goes below zero.
    CHECK(find(ws, WarningKind::overdraft) == std::nullopt);
    CHECK(find(ws, WarningKind::autopay_insufficient_funds) == std::nullopt);
}

TEST_CASE("a bill the plan cannot pay by its due date is at risk", "[warnings]") {
    // Nothing arrives until Dec 10 and the phone (160.00, due Dec 3) does not fit in 100.00.
    auto h = short_household();
    h.bills[0].schedule = schedule("FREQ=MONTHLY;BYMONTHDAY=3", "2026-01-03");
    h.bills[0].hardship_contact = "Metro Wireless billing, 555-0199";
    h.bills[0].grace_days = 10; // paid Dec 11, 8 days late: inside the grace
    const auto ws = warnings_on(h, "2026-11-30");
    const auto w = find(ws, WarningKind::bill_at_risk);
    REQUIRE(w.has_value());
    CHECK(w->id == "bill_at_risk:phone:2026-12-03");
    CHECK(w->days_until == 3);
    CHECK(w->severity == Severity::warning); // inside its grace, not reported, not housing
    CHECK(w->actions.back().step == WarningStep::ask_more_time);
    // Lead time 3: from one day earlier it is not raised yet.
    h.accounts[0].as_of = day("2026-11-29");
    CHECK(find(warnings_on(h, "2026-11-29"), WarningKind::bill_at_risk) == std::nullopt);
}

TEST_CASE("a dip below the cushion that stays above zero is its own warning", "[warnings]") {
    auto h = household("300.00", "2026-11-30", "200.00");
    add_bill(h, "gas", "150.00", "FREQ=MONTHLY;BYMONTHDAY=2", "2026-01-02", Priority::utilities);
    const auto ws = warnings_on(h, "2026-11-30");
    CHECK(find(ws, WarningKind::overdraft) == std::nullopt);
    const auto w = find(ws, WarningKind::below_cushion);
    REQUIRE(w.has_value());
    CHECK(w->id == "below_cushion:checking:2026-12-02");
    CHECK(w->severity == Severity::warning);
    CHECK(w->amount.to_string() == "150.00");
    CHECK(w->usual_low.to_string() == "200.00");
    CHECK(w->actions.back().step == WarningStep::hold_spending);
}

TEST_CASE("a bill recorded as missed is overdue, with its consequences", "[warnings]") {
    auto h = household("1000.00", "2026-11-22");
    auto& water = add_bill(h, "water", "60.00", "FREQ=MONTHLY;BYMONTHDAY=18", "2026-01-18", Priority::utilities);
    water.name = "Water";
    water.grace_days = 3;
    water.late_fee = money("10.00");
    water.shutoff_after_days = 45;
    h.payments.push_back(Payment{"water", day("2026-11-18"), PaymentStatus::unpaid, {}, {}, {}});
    const auto ws = warnings_on(h, "2026-11-24");
    const auto w = find(ws, WarningKind::payment_missed);
    REQUIRE(w.has_value());
    CHECK(w->id == "payment_missed:water:2026-11-18");
    CHECK(w->days_until == -6);
    CHECK(w->severity == Severity::critical); // past its 3-day grace
    CHECK(w->recorded);
    CHECK(w->past_grace);
    CHECK_FALSE(w->reported);
    CHECK(to_iso(w->timeline.shutoff_risk_on.value()) == "2027-01-02");
}

TEST_CASE("a bill paid by hand whose due date passed unrecorded is asked about", "[warnings]") {
    auto h = household("1000.00", "2026-11-20");
    auto& rent = add_bill(h, "rent", "700.00", "FREQ=MONTHLY;BYMONTHDAY=21", "2026-01-21", Priority::housing);
    rent.name = "Rent";
    auto& auto_bill = add_bill(h, "gym", "30.00", "FREQ=MONTHLY;BYMONTHDAY=21", "2026-01-21", Priority::discretionary);
    auto_bill.autopay = true;
    const auto ws = warnings_on(h, "2026-11-23");
    const auto w = find(ws, WarningKind::payment_missed);
    REQUIRE(w.has_value());
    CHECK(w->id == "payment_missed:rent:2026-11-21");
    CHECK_FALSE(w->recorded);
    CHECK(w->actions.front().step == WarningStep::record_paid_or_missed);
    // The autopay is assumed to have been taken: no warning for it.
    for (const auto& x : ws) {
        CHECK(x.id != "payment_missed:gym:2026-11-21");
    }
    // Recording it paid makes the warning go away.
    h.payments.push_back(Payment{"rent", day("2026-11-21"), PaymentStatus::paid, day("2026-11-21"), money("700.00"), {}});
    CHECK(find(warnings_on(h, "2026-11-23"), WarningKind::payment_missed) == std::nullopt);
}

TEST_CASE("an income that has not arrived is raised", "[warnings]") {
    auto h = household("100.00", "2026-11-22");
    add_income(h, "support", "300.00", "FREQ=MONTHLY;BYMONTHDAY=20", "2026-01-20");
    h.payments.push_back(Payment{"support", day("2026-11-20"), PaymentStatus::unpaid, {}, {}, {}});
    const auto w = find(warnings_on(h, "2026-11-22"), WarningKind::income_missing);
    REQUIRE(w.has_value());
    CHECK(w->id == "income_missing:support:2026-11-20");
    CHECK(w->severity == Severity::warning);
    CHECK(w->recorded);
    CHECK(w->actions.front().step == WarningStep::ask_payer);
    // One expected after the balance date and not confirmed is a note.
    auto g = household("100.00", "2026-11-18");
    add_income(g, "pay", "300.00", "FREQ=MONTHLY;BYMONTHDAY=20", "2026-01-20");
    const auto note = find(warnings_on(g, "2026-11-22"), WarningKind::income_missing);
    REQUIRE(note.has_value());
    CHECK(note->severity == Severity::info);
    CHECK_FALSE(note->recorded);
    CHECK(note->actions.front().step == WarningStep::update_balance);
}

TEST_CASE("a bill paid at another amount than it is set to is noted", "[warnings]") {
    auto h = household("1000.00", "2026-11-22");
    add_bill(h, "phone", "55.00", "FREQ=MONTHLY;BYMONTHDAY=8", "2026-01-08", Priority::phone_internet);
    h.payments.push_back(Payment{"phone", day("2026-11-09"), PaymentStatus::paid, day("2026-11-09"), money("62.40"), {}});
    h.bills[0].business_day = BusinessDayRule::following; // Sun Nov 8 -> Mon Nov 9
    const auto w = find(warnings_on(h, "2026-11-22"), WarningKind::bill_amount_changed);
    REQUIRE(w.has_value());
    CHECK(w->id == "bill_amount_changed:phone:2026-11-09");
    CHECK(w->severity == Severity::info);
    CHECK(w->amount.to_string() == "62.40");
    CHECK(w->usual_low.to_string() == "55.00");
    CHECK_FALSE(w->range);
    // Two months later it is no longer news.
    h.accounts[0].as_of = day("2027-01-20");
    CHECK(find(warnings_on(h, "2027-01-20"), WarningKind::bill_amount_changed) == std::nullopt);
}

TEST_CASE("warning ids are stable, and acknowledged ones stay acknowledged", "[warnings]") {
    const auto h = short_household();
    const auto first = warnings_on(h, "2026-11-30");
    const auto second = warnings_on(h, "2026-11-30");
    REQUIRE(first.size() == second.size());
    for (std::size_t i = 0; i < first.size(); ++i) {
        CHECK(first[i].id == second[i].id);
        CHECK_FALSE(first[i].acknowledged);
    }
    const auto acked = warnings_on(h, "2026-11-30", 30, {"overdraft:checking:2026-12-05"});
    const auto w = find(acked, WarningKind::overdraft);
    REQUIRE(w.has_value());
    CHECK(w->acknowledged);
    // The same overdraft seen a day later keeps its id.
    auto later = h;
    later.accounts[0].as_of = day("2026-12-01");
    const auto again = find(warnings_on(later, "2026-12-01", 30, {"overdraft:checking:2026-12-05"}), WarningKind::overdraft);
    REQUIRE(again.has_value());
    CHECK(again->acknowledged);
}

TEST_CASE("warnings come most severe first, then soonest", "[warnings]") {
    auto h = short_household();
    h.payments.push_back(Payment{"pay", day("2026-11-10"), PaymentStatus::unpaid, {}, {}, {}});
    const auto ws = warnings_on(h, "2026-11-30");
    REQUIRE(ws.size() >= 3);
    for (std::size_t i = 1; i < ws.size(); ++i) {
        CHECK(std::tuple(ws[i - 1].severity, ws[i - 1].date) <= std::tuple(ws[i].severity, ws[i].date));
    }
    CHECK(ws.front().severity == Severity::critical);
    CHECK(ws.back().kind == WarningKind::income_missing);
}

TEST_CASE("a payment declined between the balance date and today is said as past, not as paid", "[warnings][fees]") {
    // The balance is from Nov 30; the phone (160.00, paid by hand) came out Dec 5 and the bank,
    // which declines, would have returned it. Today is Dec 7.
    auto h = short_household();
    h.bills[0].autopay = false;
    h.accounts[0].when_uncovered = Uncovered::decline;
    auto f = forecast(h, ForecastOptions{day("2026-12-07"), 10, AmountBasis::conservative});
    REQUIRE(f);
    REQUIRE(f->declined.size() == 1); // listed though it is before the first day shown
    CHECK(to_iso(f->declined[0].date) == "2026-12-05");
    const auto ws = warnings_on(h, "2026-12-07");
    const auto w = find(ws, WarningKind::payment_declined);
    REQUIRE(w.has_value());
    CHECK(w->days_until == -2);
    CHECK(w->past);
    CHECK(w->balance.to_string() == "100.00");
    CHECK(w->actions.front().step == WarningStep::check_with_bank);
    // Not also "not marked paid, the forecast assumes it was paid": it does not.
    CHECK(find(ws, WarningKind::payment_missed) == std::nullopt);
}

namespace {
const Warning* find_warning(const std::vector<Warning>& ws, const std::string& id) {
    for (const auto& w : ws) {
        if (w.id == id) {
            return &w;
        }
    }
    return nullptr;
}
} // namespace

TEST_CASE("a bill a statement should show and does not is a warning naming the statement", "[warnings][statements]") {
    // Rent 1200.00 by autopay on the 1st; the balance comes from a statement of Nov 20..Dec 3 that
    // shows no rent. Pay 1500.00 on Fridays every other week from Nov 6: Nov 20 is recorded,
    // Dec 4 is after the statement's end.
    auto h = household("300.00", "2026-12-03");
    auto& rent = add_bill(h, "rent", "1200.00", "FREQ=MONTHLY;BYMONTHDAY=1", "2026-01-01", Priority::housing);
    rent.autopay = true;
    add_income(h, "pay", "1500.00", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "2026-11-06");
    h.payments.push_back(
        Payment{"pay", day("2026-11-20"), PaymentStatus::paid, day("2026-11-20"), money("1500.00"), {}});
    StatementFacts facts;
    facts.statements.push_back(StatementSeen{"checking", day("2026-11-20"), day("2026-12-03")});
    auto w = warnings_for(h, day("2026-12-04"), 30, {}, facts);
    REQUIRE(w.ok());
    const auto* missed = find_warning(w.value(), "payment_missed:rent:2026-12-01");
    REQUIRE(missed != nullptr);
    CHECK(missed->statement == day("2026-12-03"));
    CHECK(missed->severity == Severity::critical); // housing
    CHECK(missed->amount == money("1200.00"));
    CHECK(find_warning(w.value(), "income_missing:pay:2026-12-04") == nullptr);
    CHECK(find_warning(w.value(), "income_missing:pay:2026-11-20") == nullptr);
    // Without the statement, an autopay before the balance date is taken as paid: no warning.
    auto plain = warnings_for(h, day("2026-12-04"), 30, {});
    REQUIRE(plain.ok());
    CHECK(find_warning(plain.value(), "payment_missed:rent:2026-12-01") == nullptr);
    // Recorded paid: the statement's silence is explained.
    h.payments.push_back(
        Payment{"rent", day("2026-12-01"), PaymentStatus::paid, day("2026-11-30"), money("1200.00"), {}});
    auto paid = warnings_for(h, day("2026-12-04"), 30, {}, facts);
    REQUIRE(paid.ok());
    CHECK(find_warning(paid.value(), "payment_missed:rent:2026-12-01") == nullptr);
}

TEST_CASE("a possible double charge is a warning until its dispute deadline", "[warnings][statements]") {
    auto h = household("300.00", "2026-12-03");
    StatementFacts facts;
    facts.double_charges.push_back(DoubleChargeSeen{"checking",
                                                    "FitLife Gym",
                                                    "fp:x#2",
                                                    money("39.99"),
                                                    day("2026-12-01"),
                                                    day("2026-12-03"),
                                                    day("2027-04-02"),
                                                    false,
                                                    {}});
    auto w = warnings_for(h, day("2026-12-04"), 30, {}, facts);
    REQUIRE(w.ok());
    const auto* d = find_warning(w.value(), "possible_double_charge:checking:fp:x#2:2026-12-03");
    REQUIRE(d != nullptr);
    CHECK(d->end == day("2027-04-02"));
    CHECK(d->first_date == day("2026-12-01"));
    REQUIRE(d->actions.size() == 1);
    CHECK(d->actions[0].step == WarningStep::dispute_charge);
    // After the deadline there is nothing left to do about it.
    auto late = warnings_for(h, day("2027-04-03"), 30, {}, facts);
    REQUIRE(late.ok());
    CHECK(find_warning(late.value(), "possible_double_charge:checking:fp:x#2:2026-12-03") == nullptr);
}
