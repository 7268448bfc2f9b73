#pragma once
// The payment plan: when money is short, which bills to pay when, and what each choice costs.
//
// For every bill occurrence whose effective date falls in the window (and every missed one),
// the plan picks a pay date on or after the first day, or "not paid within the window", and an
// amount: in full, or the bill's minimum when it has one. Incomes arrive as the forecast has them
// (conservative amounts). The plan is the best schedule by this order of concerns, each breaking
// the ties of the one before (PlanCost compares in this order):
//
//   1. no day overdrawn (no intraday low below zero), whenever any schedule achieves it; counted
//      per account, so an account that cannot avoid an overdraft does not spoil the others;
//   2. the fewest payments late past their grace period in the highest priority class, then in
//      the next class, and so on (housing first, discretionary last);
//   3. the fewest payments reported late (days late >= reported_late_after_days);
//   4. the least in fees: late fees, and the bank's overdraft fees and returned-item fees and the
//      billers' returned-payment fees where no plan keeps an account covered (docs/fees.md);
//   5. the fewest payments reduced to their minimum;
//   6. the fewest total days late;
//   7. the fewest days below the cushion;
//   8. the fewest payments moved from their scheduled date (so the plan changes nothing it need not).
//
// Days late count from the due date (after business-day adjustment); an occurrence not paid
// within the window counts as paid on the window's last day. On a day with several payments, the
// plan pays them in priority order.
//
// Search: the objective adds up over accounts, so each account is planned on its own. A payment's
// useful dates are few: moving a debit later never lowers any day's balance, and never makes it
// less late, so the best date for one payment (the others fixed) is its scheduled date, its due
// date, the first day an income can be used, or not in the window (see plan.cpp for the argument).
// Over those choices, a branch and bound search (seeded by paying bills greedily in priority
// order) finds the best plan and proves it best, within `node_limit` search nodes; past that the
// best plan found is returned with `optimal` false. Windows of a few dozen payments finish well
// inside the limit.

#include "core/forecast.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace steadypay::core {

enum class PlanAction {
    pay,         // in full, on its scheduled date
    move,        // in full, later
    pay_minimum, // the bill's minimum (on its scheduled date or later)
    hold,        // not paid within the window
};
[[nodiscard]] std::string_view to_string(PlanAction a);

// What happens as a bill goes unpaid: the late fee after the grace period, then a report to the
// credit bureaus, then the risk of a shut-off.
struct ConsequenceTimeline {
    Date due;
    Date grace_ends;                       // the last day without a late fee
    std::optional<Date> reported_late_on;  // the first day it is reported late, if ever
    std::optional<Date> shutoff_risk_on;   // the first day service may be cut off, if ever
};
[[nodiscard]] ConsequenceTimeline consequence_timeline(const Bill& bill, Date due);

struct PlanDecision {
    std::size_t occurrence = 0;    // index into Plan::occurrences
    Date scheduled;                // when it would be paid if nothing changed
    std::optional<Date> pay_date;  // none: not paid within the window
    Money amount;                  // what is paid in the window (zero when held)
    Money full_amount;
    PlanAction action = PlanAction::pay;
    int days_late = 0;             // to the pay date, or to the window's last day when held
    bool late = false;             // past its grace period
    Money late_fee;
    bool reported_late = false;
    bool shutoff_risk = false;
    // Returned unpaid by the bank (an account that declines what it cannot cover, where no plan
    // covers everything): nothing is paid, it stays owed (days_late and the rest say how late it
    // is by the window's end), and these fees are charged.
    bool declined = false;
    Money bank_fee;
    Money biller_fee;
    ConsequenceTimeline timeline;
    std::string reason;            // one line a person can read
};

// The costs of a plan, compared in the order of the concerns above.
struct PlanCost {
    int overdrawn_accounts = 0;
    std::array<int, k_priority_count> late_by_priority{};
    int reported_late = 0;
    std::int64_t fees = 0; // minor units: late_fees + bank_fees
    int minimum_payments = 0;
    int days_late = 0;
    int days_below_cushion = 0;
    int moved = 0;
    // What the fees are made of (after every concern, so they never decide on their own).
    std::int64_t late_fees = 0;
    std::int64_t bank_fees = 0; // overdraft and returned-item fees, and the billers' returned-payment fees
    int overdrawn_payments = 0; // payments that left a balance below zero
    int declined_payments = 0;
    friend auto operator<=>(const PlanCost&, const PlanCost&) = default;
    PlanCost& operator+=(const PlanCost& o);
};

struct PlanOptions {
    Date from;
    int days = 90;
    std::size_t node_limit = 1'500'000;
};

struct Plan {
    Date from;
    Date to;
    bool feasible = true;  // no day overdrawn in any account
    bool optimal = true;   // the search proved no plan is better
    std::size_t nodes = 0; // search nodes visited
    std::vector<Occurrence> occurrences;
    std::vector<PlanDecision> decisions; // by pay date (held last), then priority
    PlanCost cost;
    Money late_fees;
    Money bank_fees;
    // The balances and postings if the plan is followed (a day's payments in priority order).
    std::vector<AccountForecast> accounts;
    std::vector<ForecastEvent> events;
    std::vector<DeclinedPayment> declined; // the payments of the plan the bank would still return
    std::vector<Shortfall> shortfalls;
};

[[nodiscard]] Result<Plan> make_plan(const Household& household, const PlanOptions& options);

} // namespace steadypay::core
