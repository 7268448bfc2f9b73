#pragma once
// The dashboard's headline, as facts: the most serious thing ahead on one account, its date, and
// the first thing to do about it. The words are the app's.
//
// Most serious first: a payment the bank would decline, or an overdraft; then a bill the plan
// cannot pay before it is reported late, or before its grace ends; then a dip below the cushion.
// Within a kind, the soonest. An overdraft the day after a dip below the cushion is what the
// headline names, not the dip.

#include "core/forecast.hpp"
#include "core/plan.hpp"

#include <optional>

namespace steadypay::core {

enum class HeadlineKind {
    all_clear,
    declined,      // a payment the bank would return (forecast, as scheduled): `occurrence`, `amount`
    overdraft,     // the balance below zero (forecast, as scheduled): `amount` is the deepest
    reported_late, // even with the plan, a bill reported late to the credit bureaus: `decision`
    past_grace,    // even with the plan, a bill paid past its grace period: `decision`
    below_cushion, // the balance below the cushion but not zero: `amount` is the deepest
};

struct Headline {
    HeadlineKind kind = HeadlineKind::all_clear;
    Date date;                              // when it starts (a late bill: the first day past its
                                            // grace, or the day it is reported)
    Money amount;                           // see the kinds
    std::optional<std::size_t> occurrence;  // into Forecast::occurrences (declined)
    std::optional<std::size_t> decision;    // into Plan::decisions (late bills)
    // The first thing to do: the plan's earliest change on the account on or before the date
    // (for a late bill, that bill's own decision), if the plan changes anything.
    std::optional<std::size_t> action;      // into Plan::decisions
};

// `plan` may be empty (not worked out yet): then only the forecast's kinds are found, and no action.
[[nodiscard]] Headline headline(const Forecast& forecast, const Plan& plan, std::size_t account);

} // namespace steadypay::core
