#pragma once
// The payment plan: when money is short, which bills to pay when, and what each choice costs.
//
// For every bill occurrence whose effective date falls in the window and its look-ahead (and every
// missed one), the plan picks a pay date on or after the first day, or "not paid", and an
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
// counts as paid on the look-ahead's last day. The days below the cushion count over the window
// and the look-ahead. On a day with several payments, the plan pays them in priority order. A
// payment goes to the oldest occurrence of a bill still owed, so a later occurrence is never paid
// before, or without, the one before it.
//
// The plan looks past the window it shows (PlanOptions::look_ahead, at least one pay cycle), so
// that it never buys a quiet window with a cliff just after it: bills that fall due in the
// look-ahead compete for the same money, a payment may be put off past the window's last day (its
// decision says so), and lateness counts to the end of the look-ahead.
//
// Search (docs/plan.md argues each step): each account is planned on its own, the objective adds
// up. A payment's useful dates are few (see plan.cpp). The days that can ever be overdrawn or below
// the cushion are found first: paying everything in full as scheduled gives every day its lowest
// balance, so a day safe then is safe in every plan; bills due after the last such day are paid as
// scheduled. On the rest, the top concerns (1-4) are an exact scheduling problem with a cumulative
// budget, solved by branch and bound over each payment's status (on time, late, reported) with
// Moore and Hodgson's rule as the bound; then the other concerns are improved by local search and
// a branch and bound over pay dates. All of it within a deterministic work budget: the plan says
// which concerns it proved best (a prefix of the order above) and, for the rest, lower bounds.

#include "core/forecast.hpp"

#include <array>
#include <atomic>
#include <cstdint>
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

// Why a payment is not made in full on its scheduled date: what doing so would do instead.
enum class PlanWhy {
    none,             // paid in full as scheduled
    would_overdraw,   // the account would go below zero on `overdrawn_on`
    below_cushion,    // the account would be below its cushion on more days
    crowds_out,       // too little would be left for bills that come first
};
[[nodiscard]] std::string_view to_string(PlanWhy w);

// A decision says everything the app needs to explain it (with the household), without the plan:
// the bill, the dates, the reason as a kind and its values, and what it costs.
struct PlanDecision {
    std::size_t occurrence = 0;    // index into Plan::occurrences
    std::size_t bill = 0;          // index into Household::bills
    std::size_t account = 0;       // index into Household::accounts
    Date due;                      // its due date (after the business-day rule)
    bool overdue = false;          // recorded missed: due before the window and still owed
    Date scheduled;                // when it would be paid if nothing changed
    std::optional<Date> pay_date;  // none: not paid within the window and its look-ahead
    bool beyond_window = false;    // paid after the window's last day, in the look-ahead
    bool in_look_ahead = false;    // scheduled after the window's last day: planned so the window
                                   // does not borrow from it
    Money amount;                  // what is paid in the window (zero when held)
    Money full_amount;
    PlanAction action = PlanAction::pay;
    int days_late = 0;             // to the pay date, or to the horizon's last day when held
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
    // Why it changes (for every action but pay): the day paying it in full was weighed (its
    // scheduled date; a minimum's pay date), and for an overdraft the first day below zero.
    PlanWhy why = PlanWhy::none;
    Date why_day;
    std::optional<Date> overdrawn_on;
    // The income whose arrival makes the new date work, if the payment waits for one.
    std::optional<std::size_t> waits_for; // index into Household::incomes
    Date income_date;
    Date horizon_to;               // the look-ahead's last day: a held bill is held past it
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

// The concerns in their order, for saying which the plan proved best.
enum class PlanConcern {
    overdraft,
    late_by_priority,
    reported_late,
    fees,
    minimum_payments,
    days_late,
    days_below_cushion,
    moved,
};
inline constexpr int k_concern_count = 8;
[[nodiscard]] std::string_view to_string(PlanConcern c);

struct PlanOptions {
    Date from;
    int days = 90;
    // Days planned past the window's last day; none: the longest gap between incomes (at least
    // 31 days, at most 92). Zero plans the window alone (lateness counts to its last day).
    std::optional<int> look_ahead = std::nullopt;
    // The search's deterministic budget, in units of work (about a nanosecond each on a current
    // machine): it bounds the time whatever the household, and the same inputs give the same plan.
    std::int64_t work_limit = 300'000'000;
    // Set from another thread to stop early (the best plan found so far is returned, unproven).
    const std::atomic<bool>* cancel = nullptr;
};

struct Plan {
    Date from;
    Date to;
    Date horizon_to;       // the look-ahead's last day (== to without a look-ahead)
    bool feasible = true;  // no day overdrawn in any account
    // The plan is proven best on the first `proven` concerns (in the order above): no plan is
    // better on them taken in that order. k_concern_count: proven best on everything.
    int proven = k_concern_count;
    bool optimal = true;   // proven == k_concern_count
    bool cancelled = false; // stopped by PlanOptions::cancel
    PlanCost bound;        // lower bounds, concern by concern (equal to cost on the proven ones)
    std::size_t nodes = 0; // search nodes visited
    std::int64_t work = 0; // units of work spent
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
