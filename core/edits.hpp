#pragma once
// The changes a person makes to a household, as operations on the state they apply to.
//
// Every writer (the window, the command line, imports, the daily check) turns what the person
// asked for into an Edit and hands it to the store, which applies it to the household as it is
// at that moment, inside one write transaction. Nobody writes back a whole household read
// earlier, so two writers never undo each other.
//
// An edit carries what it saw: a change of a bill carries the bill before and after. apply_edit()
// refuses an edit whose "before" is no longer what the household holds (Errc::conflict); a writer
// whose store moved on asks rebase() to carry the edit over to the new state:
//
//   the window changes Rent's name while the command line records Rent's payment:
//     the payment did not touch the bill's fields -> the rename applies as it is;
//   the window changes Rent's amount while the command line changed Rent's amount too:
//     both changed one field differently -> a Conflict naming Rent and "amount";
//   the window records Rent paid 1150.00 while the command line recorded it paid 1150.00:
//     the same record -> nothing left to do, the edit applies as a no-op.

#include "core/household.hpp"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace steadypay::core {

// What a household has besides its lists.
struct Settings {
    std::string name;
    Currency currency;
    std::string timezone;
    std::vector<date::weekday> weekend;
    HolidayRegion holiday_region = HolidayRegion::none;
    std::vector<Date> holidays;
    std::vector<Date> holidays_removed;
    IntradayOrder intraday_order = IntradayOrder::debits_first;
    WarningLeadTimes lead_times;
    KeySet written;
    friend bool operator==(const Settings&, const Settings&) = default;
};
[[nodiscard]] Settings settings_of(const Household& household);

// Nothing to do: what the edit asked for is already so (rebase() finds this).
struct NoChange {};
struct AddAccount {
    Account account;
};
struct ChangeAccount {
    Account before;
    Account after; // same id
};
struct RemoveAccount {
    Account before;
};
struct AddIncome {
    Income income;
};
struct ChangeIncome {
    Income before;
    Income after; // same id
};
struct AddBill {
    Bill bill;
};
struct ChangeBill {
    Bill before;
    Bill after; // same id
};
// Removes a bill or an income with its payment records (the audit log keeps their history).
struct RemoveItem {
    std::string id;
    std::optional<Bill> bill;         // the item as it was seen (one of the two)
    std::optional<Income> income;
    std::vector<Payment> payments;    // its records as they were seen
};
// Records what happened to one occurrence (core::record_payment's rules), replacing what was
// recorded before (`before`: nothing, or the record that was seen).
struct RecordPayment {
    std::string item;
    Date due;
    PaymentStatus status = PaymentStatus::paid;
    std::optional<Date> date;
    std::optional<Money> amount; // none: the item's fixed amount
    std::optional<Payment> before;
};
// Forgets what was recorded: the occurrence is expected again.
struct ClearPayment {
    std::string item;
    Date due;
    std::optional<Payment> before;
};
// A balance the person read off their bank: `balance` at the close of `as_of`.
struct SetBalance {
    std::string account;
    Money balance;
    Date as_of;
    Money before_balance;
    Date before_as_of;
};
struct ChangeSettings {
    Settings before;
    Settings after;
};
// Replaces everything (importing a household file, which the person confirmed as such).
struct ReplaceHousehold {
    Household household;
};

using Edit = std::variant<NoChange, AddAccount, ChangeAccount, RemoveAccount, AddIncome, ChangeIncome, AddBill, ChangeBill,
                          RemoveItem, RecordPayment, ClearPayment, SetBalance, ChangeSettings,
                          ReplaceHousehold>;

// The edits that read the current state to say what they change, built from it.
[[nodiscard]] Result<Edit> remove_item_edit(const Household& household, std::string_view id);
[[nodiscard]] Result<Edit> remove_account_edit(const Household& household, std::string_view id);
[[nodiscard]] RecordPayment record_edit(const Household& household, std::string item, Date due, PaymentStatus status,
                                        std::optional<Date> date = {}, std::optional<Money> amount = {});
[[nodiscard]] ClearPayment clear_edit(const Household& household, std::string item, Date due);
[[nodiscard]] SetBalance balance_edit(const Account& account, Money balance, Date as_of);
[[nodiscard]] ChangeSettings settings_edit(const Household& household, Settings after);

// The household with the edit applied, validated as a household file is. Refused, with nothing
// changed, when the edit breaks a rule (Errc::bad_input, naming the field: "bills[2].grace_days:
// ..."), when what it changes is not there (not_found), or when what it saw is no longer what the
// household holds (conflict).
[[nodiscard]] Result<Household> apply_edit(const Household& household, const Edit& edit);

// Why an edit made on an older state cannot be carried over to the current one.
enum class ConflictKind {
    changed, // both changed the same fields differently
    removed, // what the edit changes is gone
    taken,   // the id a new item would have is now used
};
enum class EditTarget { account, income, bill, payment, settings };
[[nodiscard]] std::string_view to_string(EditTarget t);

struct Conflict {
    ConflictKind kind = ConflictKind::changed;
    EditTarget target = EditTarget::bill;
    std::string id;                  // the account or item (empty for settings)
    std::optional<Date> due;         // payments: the occurrence
    std::vector<std::string> fields; // changed: the fields both changed ("amount", "schedule", ...)
    friend bool operator==(const Conflict&, const Conflict&) = default;
};

// The edit carried over to `current`: what it changes merged field by field with what others
// changed meanwhile, so that it applies to `current` as the person meant it; or the Conflict
// when that cannot be done without choosing between two people's changes.
[[nodiscard]] std::variant<Edit, Conflict> rebase(const Edit& edit, const Household& current);

// A short name of the edit for the audit log ("bills edit", "pay"...).
[[nodiscard]] std::string_view command_of(const Edit& edit);

} // namespace steadypay::core
