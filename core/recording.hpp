#pragma once
// Recording what happened to one occurrence of a bill or income (by its id and due date): paid,
// skipped, missed, or nothing recorded. Both front ends use these, so they agree on the rules.

#include "core/occurrence.hpp"

#include <optional>
#include <string>

namespace steadypay::core {

struct ItemRef {
    ItemKind kind = ItemKind::bill;
    const std::string* name = nullptr;
    const Schedule* schedule = nullptr;
    BusinessDayRule business_day = BusinessDayRule::none;
    const Amount* amount = nullptr;
};

// The bill or income with this id (bills first; ids are unique across both).
[[nodiscard]] std::optional<ItemRef> find_item(const Household& h, std::string_view id);

// Records a status for the occurrence of `item` due on `due`, replacing an earlier record. A paid
// record needs `date`, and `amount` unless the item's amount is fixed (then the amount times the
// occurrence's count). Errors name the field: "due: \"rent\" is not due on 2026-12-02 (due dates
// near it: 2026-11-01, 2026-12-01, 2027-01-01)", "amount: Electricity varies (90.00..150.00): give
// the amount paid".
[[nodiscard]] Result<Payment> record_payment(Household& h, const std::string& item, Date due, PaymentStatus status,
                                             std::optional<Date> date = {}, std::optional<Money> amount = {});

// Removes the record for that occurrence (it is expected again).
[[nodiscard]] Status clear_payment(Household& h, const std::string& item, Date due);

// The item's due dates from `from` to `to`, for pickers.
[[nodiscard]] std::vector<DueDate> item_due_dates(const Household& h, const std::string& item, Date from, Date to);

// The item's first due date on or after `from`, looking a little over a year ahead.
[[nodiscard]] std::optional<Date> next_due(const Household& h, const std::string& item, Date from);

// The date a balance read off the bank on `today` is kept as of. A balance counts everything up
// to and including its date; read in the morning, before the day's payments post, it is the
// close of the day before, so that today's payments and deposits still count as to come (the
// cautious reading, and the default). When the person says today's have already gone through,
// it is today's:
//   balance_as_of(Tue 2026-12-01, false) = Mon 2026-11-30   (the rent due today is still to come)
//   balance_as_of(Tue 2026-12-01, true)  = Tue 2026-12-01   (the rent is in the balance)
[[nodiscard]] Date balance_as_of(Date today, bool includes_today);

// The payments and deposits of `account` that land on `day` (autopay lead days applied) and are
// neither skipped nor recorded paid on another day: what a balance as of the day before counts as
// still to come. Empty when the account does not exist.
[[nodiscard]] std::vector<Occurrence> landing_on(const Household& h, std::string_view account, Date day);

} // namespace steadypay::core
