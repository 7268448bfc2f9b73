#pragma once
// Occurrences: the dated instances of a household's incomes and bills that touch the balance in
// a window, each with what is known about it. This applies the household file's rules:
//
// - An account's balance includes everything up to and including its `as_of`.
// - An occurrence's effective date is its due date, less the autopay lead days of an autopay bill.
// - A paid occurrence is applied on its payment date with its actual amount, when that date is
//   after `as_of` (otherwise it is already in the balance). A skipped one is never applied.
// - Any other occurrence with an effective date after `as_of` is applied on that date.
// - Any other occurrence with an effective date on or before `as_of` is settled, unless it is
//   marked unpaid: an unpaid bill is missed and, still owed, is applied on the first day shown;
//   an unpaid income has not arrived and is not counted on (it raises a warning instead).

#include "core/household.hpp"

#include <optional>
#include <vector>

namespace steadypay::core {

enum class ItemKind { income, bill };
[[nodiscard]] std::string_view to_string(ItemKind k);

enum class OccurrenceState {
    expected, // applied on its effective date
    paid,     // recorded paid after as_of: applied on its payment date, with its actual amount
    missed,   // a bill due on or before as_of and still unpaid: applied on the first day shown
    skipped,  // recorded as not happening: never applied
    missing,  // an income due on or before as_of that has not arrived: never applied
};
[[nodiscard]] std::string_view to_string(OccurrenceState s);

struct Occurrence {
    ItemKind kind = ItemKind::bill;
    std::size_t item = 0;    // index into household.incomes or household.bills
    std::size_t account = 0; // index into household.accounts
    DueDate due;             // scheduled and business-day-adjusted dates
    Date effective;          // when it is expected to hit the account
    Money amount;            // positive: what it is expected to be (times due.count)
    OccurrenceState state = OccurrenceState::expected;
    std::optional<Date> apply_date; // when the forecast applies it; none if never in the window
    Money applied_amount;           // positive: what is applied (the actual amount when paid)
};

// The occurrences that touch the balance between each account's as_of and `to`, the missed and
// missing ones, and the skipped ones in the window. They come item by item (incomes, then bills,
// in household order), each item's scheduled ones in date order, then those known from payment
// records; callers that need another order sort. `first_day` is the first day shown, where
// missed bills are applied.
[[nodiscard]] std::vector<Occurrence> collect_occurrences(const Household& household, const BusinessCalendar& calendar,
                                                          Date first_day, Date to, AmountBasis basis);

// The amount an occurrence is expected to be under `basis`: a bill's max or an income's min
// when conservative, the middle of the range when expected.
[[nodiscard]] Money expected_amount(const Amount& amount, ItemKind kind, AmountBasis basis);

// The name and id of an occurrence's item.
[[nodiscard]] const std::string& item_id(const Household& h, const Occurrence& o);
[[nodiscard]] const std::string& item_name(const Household& h, const Occurrence& o);

} // namespace steadypay::core
