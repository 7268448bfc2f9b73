#pragma once
// Warnings: what needs a person's attention, early enough to act, computed from the forecast (what
// happens if nothing changes) and the plan (what can be done about it).
//
// Kinds:
//   overdraft                   an account is forecast below zero
//   below_cushion               an account is forecast below its cushion (but not below zero)
//   bill_at_risk                the plan cannot pay a bill by its due date
//   autopay_insufficient_funds  an autopay would pull money the account does not have
//   payment_declined            the bank would return a payment unpaid (an account that declines
//                               what it cannot cover): fees, and the bill still owed
//   payment_missed              a bill's due date passed and it is not marked paid
//   income_missing              an expected income has not arrived (or is not confirmed)
//   bill_amount_changed         a bill was paid at another amount than it is set to
//   possible_double_charge      two alike debits close together on a statement: one may be a
//                               charge taken twice, to dispute before its deadline
//
// With imported statements, a bill or income due in the days a statement covers that the
// statement does not show (no payment matched or recorded) is payment_missed or income_missing
// with `statement` set: "Rent was due Dec 1 and is not on your statement of Dec 3".
//
// Each warning about a future date is raised once that date is within its kind's lead time (a
// household setting: 7 days for an overdraft, 3 for a bill at risk, by default); warnings about
// the past are always raised. Every warning has a stable id made of its kind, the account or item
// and the date ("overdraft:checking:2026-12-08"), so it can be acknowledged and stays so.

#include "core/forecast.hpp"
#include "core/plan.hpp"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace steadypay::core {

enum class WarningKind {
    overdraft,
    below_cushion,
    bill_at_risk,
    autopay_insufficient_funds,
    payment_declined,
    payment_missed,
    income_missing,
    bill_amount_changed,
    possible_double_charge,
};
[[nodiscard]] std::string_view to_string(WarningKind k);

enum class Severity { critical, warning, info };
[[nodiscard]] std::string_view to_string(Severity s);

// What a person can do about a warning, most useful first. The words are the app's.
enum class WarningStep {
    follow_plan,             // the plan's change: `decision`
    move_money,              // move money into the account before `date`, or ask the bank about
                             // overdraft protection
    move_money_or_ask_later, // move money in before `date`, or ask the biller to take it later
    hold_spending,           // put off spending until `date`
    ask_more_time,           // ask the biller for more time before the due date (bill's hardship contact)
    pay_now,                 // pay it as soon as possible, then record the payment
    ask_more_time_if_not,    // if it cannot be paid, ask for more time (bill's hardship contact)
    record_paid_or_missed,   // record the payment, or record it as missed and pay it now
    check_with_bank,         // a payment that was probably returned: check, then record what happened
    ask_payer,               // ask the payer when the income will come; record it when it does
    update_balance,          // update the account's balance, or record the income as missed
    update_amount,           // the bill's amount changed: update it
    dispute_charge,          // if it was paid once, dispute the second charge by `date`
};
[[nodiscard]] std::string_view to_string(WarningStep s);

struct WarningAction {
    WarningStep step = WarningStep::follow_plan;
    Date date;
    std::optional<PlanDecision> decision; // follow_plan
};

// A warning as facts: its kind and the values that kind has (the rest stay empty).
struct Warning {
    std::string id;
    WarningKind kind = WarningKind::overdraft;
    Severity severity = Severity::warning;
    Date date;          // the day it is about: a shortfall's first day, a due date, a payment's date
    int days_until = 0; // from today (negative: days ago)
    std::string account; // the account id, if it is about one
    std::vector<std::string> items;   // bill or income ids involved
    // overdraft, below_cushion: the deepest balance; bills and incomes: the amount; a bill paid at
    // an unusual amount: what was paid.
    Money amount;
    Money balance;       // autopay_insufficient_funds: the balance left; payment_declined: the balance held
    Date end;            // overdraft, below_cushion: the last day
    Date low_date;       // overdraft: the deepest day
    Money usual_low;     // below_cushion: the cushion; bill_amount_changed: the usual amount (low end)
    Money usual_high;    // bill_amount_changed: the high end, if the bill's amount is a range
    bool range = false;  // bill_amount_changed: usual_low..usual_high
    Money fees;          // overdraft: what the overdrawn items could cost; autopay: the bank's overdraft fee
    Money bank_fee;      // payment_declined
    Money biller_fee;    // payment_declined
    int count = 0;       // overdraft: the items that would be overdrawn
    bool past = false;   // payment_declined: the day has passed
    bool recorded = false; // payment_missed, income_missing: recorded as missed (else not confirmed)
    bool past_grace = false; // payment_missed: past its grace period today
    bool reported = false;   // payment_missed: reported late to credit bureaus by today
    ConsequenceTimeline timeline; // bills: when the late fee, the report and a shut-off come
    std::optional<Date> statement; // payment_missed, income_missing: the statement (its last day) that does not show it
    std::string payee;             // possible_double_charge: as the statement writes it
    Date first_date; // possible_double_charge: the first of the two (`date` is the second); `end` the dispute deadline
    bool same_occurrence = false; // possible_double_charge: both debits fit one bill occurrence
    std::vector<WarningAction> actions;
    bool acknowledged = false;
};

// What imported statements say, for the warnings: the days each account's statements cover, and
// the possible double charges among their transactions.
struct StatementSeen {
    std::string account;
    Date from;
    Date through;
};
struct DoubleChargeSeen {
    std::string account;
    std::string payee;
    std::string key; // the second debit's transaction key: the warning's id
    Money amount;
    Date first;
    Date second;
    Date dispute_by;
    bool same_occurrence = false;
    std::optional<std::string> item; // the bill both fit, if they did
};
struct StatementFacts {
    std::vector<StatementSeen> statements;
    std::vector<DoubleChargeSeen> double_charges;
};

struct WarningOptions {
    Date today;
    std::set<std::string> acknowledged;
    StatementFacts statements;
};

// The warnings due now or within their lead time, most severe first, then soonest. `forecast`
// and `plan` must cover the same window, starting today.
[[nodiscard]] std::vector<Warning> compute_warnings(const Household& household, const Forecast& forecast,
                                                    const Plan& plan, const WarningOptions& options);

// The forecast and the plan from `today` for `days`, and the warnings from them.
[[nodiscard]] Result<std::vector<Warning>> warnings_for(const Household& household, Date today, int days,
                                                        const std::set<std::string>& acknowledged,
                                                        const StatementFacts& statements = {});

} // namespace steadypay::core
