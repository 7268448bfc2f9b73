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
//
// Each warning about a future date is raised once that date is within its kind's lead time (a
// household setting: 7 days for an overdraft, 3 for a bill at risk, by default); warnings about
// the past are always raised. Every warning has a stable id made of its kind, the account or item
// and the date ("overdraft:checking:2026-12-08"), so it can be acknowledged and stays so.

#include "core/forecast.hpp"
#include "core/plan.hpp"

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
};
[[nodiscard]] std::string_view to_string(WarningKind k);

enum class Severity { critical, warning, info };
[[nodiscard]] std::string_view to_string(Severity s);

struct Warning {
    std::string id;
    WarningKind kind = WarningKind::overdraft;
    Severity severity = Severity::warning;
    Date date;          // the day it is about
    int days_until = 0; // from today (negative: days ago)
    std::string account; // the account id, if it is about one
    std::vector<std::string> items;   // bill or income ids involved
    std::string title;                // a short line: "Credit union checking would be overdrawn"
    std::string message;              // the details, one or two sentences
    std::vector<std::string> actions; // what the person can do, most useful first
    bool acknowledged = false;
};

struct WarningOptions {
    Date today;
    std::set<std::string> acknowledged;
};

// The warnings due now or within their lead time, most severe first, then soonest. `forecast`
// and `plan` must cover the same window, starting today.
[[nodiscard]] std::vector<Warning> compute_warnings(const Household& household, const Forecast& forecast,
                                                    const Plan& plan, const WarningOptions& options);

// The forecast and the plan from `today` for `days`, and the warnings from them.
[[nodiscard]] Result<std::vector<Warning>> warnings_for(const Household& household, Date today, int days,
                                                        const std::set<std::string>& acknowledged);

} // namespace steadypay::core
