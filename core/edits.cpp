#include "core/edits.hpp"

#include "core/recording.hpp"

#include <algorithm>

namespace steadypay::core {

namespace {

template <class... F> struct Overloaded : F... {
    using F::operator()...;
};
template <class... F> Overloaded(F...) -> Overloaded<F...>;

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

// What an edit says about one kind of item when it cannot be applied.
struct ItemMessages {
    Marked missing; // "no account has the id {0}"
    Marked changed; // "account {0} changed since this change was prepared"
    Marked renamed; // "account {0}: its id cannot change"
};
constexpr ItemMessages k_account_messages{N_("no account has the id {0}"),
                                          N_("account {0} changed since this change was prepared"),
                                          N_("account {0}: its id cannot change")};
constexpr ItemMessages k_income_messages{N_("no income has the id {0}"),
                                         N_("income {0} changed since this change was prepared"),
                                         N_("income {0}: its id cannot change")};
constexpr ItemMessages k_bill_messages{N_("no bill has the id {0}"),
                                       N_("bill {0} changed since this change was prepared"),
                                       N_("bill {0}: its id cannot change")};

Error changed_since(const ItemMessages& what, std::string_view id) {
    return problem(Errc::conflict, what.changed, quoted(id));
}

// The item with this id in `list` (const or not), or nullptr.
Error record_changed(std::string_view item, Date due) {
    return problem(Errc::conflict, "the record of {0} due {1} changed since this change was prepared", quoted(item),
                   due);
}

template <class List> auto* find_by_id(List& list, std::string_view id) {
    const auto it = std::find_if(list.begin(), list.end(), [&](const auto& x) { return x.id == id; });
    return it == list.end() ? nullptr : &*it;
}

std::vector<Payment> payments_of(const Household& h, std::string_view item) {
    std::vector<Payment> out;
    std::copy_if(h.payments.begin(), h.payments.end(), std::back_inserter(out),
                 [&](const Payment& p) { return p.item == item; });
    return out;
}

std::optional<Payment> record_of(const Household& h, std::string_view item, Date due) {
    const auto* p = h.find_payment(item, due);
    return p ? std::optional<Payment>(*p) : std::nullopt;
}

// The same kind of thing in two lists: the one with the id in place of the old.
template <class T> Status replace(std::vector<T>& list, const T& before, const T& after, const ItemMessages& what) {
    T* current = find_by_id(list, before.id);
    if (!current) {
        return problem(Errc::not_found, what.missing, quoted(before.id));
    }
    if (!(*current == before)) {
        return changed_since(what, before.id);
    }
    if (after.id != before.id) {
        return bad_input(what.renamed, quoted(before.id));
    }
    *current = after;
    return {};
}

// A three-way merge of one kind of thing, field by field: a field only one side changed takes
// that side's value; a field both changed to different values is a clash.
template <class T> class Merge {
public:
    Merge(const T& base, const T& mine, const T& theirs) : m_base(base), m_mine(mine), m_theirs(theirs), m_out(theirs) {}

    template <class V> Merge& field(V T::*member, const char* name) {
        return decide(name, [member](const T& x) -> const V& { return x.*member; },
                      [&] { m_out.*member = m_mine.*member; });
    }
    // Two members that only make sense together (a balance and its date).
    template <class V, class W> Merge& pair(V T::*a, W T::*b, const char* name) {
        return decide(name, [a, b](const T& x) { return std::pair(x.*a, x.*b); }, [&] {
            m_out.*a = m_mine.*a;
            m_out.*b = m_mine.*b;
        });
    }    // The keys a household file spelled out: both sides' (a union never clashes).
    Merge& written() {
        for (const auto& k : m_mine.written.keys()) {
            m_out.written.add(k);
        }
        return *this;
    }
    [[nodiscard]] const std::vector<std::string>& clashes() const { return m_clashes; }
    // The fields `mine` changed from the base.
    [[nodiscard]] const std::vector<std::string>& changed() const { return m_changed; }
    [[nodiscard]] const T& result() const { return m_out; }

private:
    // One field, read through `of`: taken from mine (by `take`) when only mine changed it, a clash
    // when both changed it differently, left as theirs otherwise.
    template <class Of, class Take> Merge& decide(const char* name, Of&& of, Take&& take) {
        const bool mine_changed = !(of(m_mine) == of(m_base));
        const bool theirs_changed = !(of(m_theirs) == of(m_base));
        if (mine_changed) {
            m_changed.emplace_back(name);
        }
        if (mine_changed && theirs_changed && !(of(m_mine) == of(m_theirs))) {
            m_clashes.emplace_back(name);
        } else if (mine_changed) {
            take();
        }
        return *this;
    }

    const T& m_base;
    const T& m_mine;
    const T& m_theirs;
    T m_out;
    std::vector<std::string> m_clashes;
    std::vector<std::string> m_changed;
};

Merge<Account> merge(const Account& base, const Account& mine, const Account& theirs) {
    Merge<Account> m(base, mine, theirs);
    m.field(&Account::name, "name")
        .pair(&Account::balance, &Account::as_of, "balance")
        .field(&Account::overdraft_limit, "overdraft_limit")
        .field(&Account::overdraft_fee, "overdraft_fee")
        .field(&Account::cushion, "cushion")
        .field(&Account::when_uncovered, "when_uncovered")
        .field(&Account::returned_item_fee, "returned_item_fee")
        .written();
    return m;
}

Merge<Income> merge(const Income& base, const Income& mine, const Income& theirs) {
    Merge<Income> m(base, mine, theirs);
    m.field(&Income::name, "name")
        .field(&Income::source, "source")
        .field(&Income::account, "account")
        .field(&Income::amount, "amount")
        .field(&Income::schedule, "schedule")
        .field(&Income::business_day, "business_day")
        .written();
    return m;
}

Merge<Bill> merge(const Bill& base, const Bill& mine, const Bill& theirs) {
    Merge<Bill> m(base, mine, theirs);
    m.field(&Bill::name, "name")
        .field(&Bill::payee, "payee")
        .field(&Bill::account, "account")
        .field(&Bill::amount, "amount")
        .field(&Bill::minimum, "minimum")
        .field(&Bill::schedule, "schedule")
        .field(&Bill::business_day, "business_day")
        .field(&Bill::priority, "priority")
        .field(&Bill::autopay, "autopay")
        .field(&Bill::autopay_lead_days, "autopay_lead_days")
        .field(&Bill::grace_days, "grace_days")
        .field(&Bill::late_fee, "late_fee")
        .field(&Bill::returned_payment_fee, "returned_payment_fee")
        .field(&Bill::reported_late_after_days, "reported_late_after_days")
        .field(&Bill::shutoff_after_days, "shutoff_after_days")
        .field(&Bill::hardship_contact, "hardship_contact")
        .written();
    return m;
}

Merge<Settings> merge(const Settings& base, const Settings& mine, const Settings& theirs) {
    Merge<Settings> m(base, mine, theirs);
    m.field(&Settings::name, "name")
        .field(&Settings::currency, "currency")
        .field(&Settings::timezone, "timezone")
        .field(&Settings::weekend, "weekend")
        .field(&Settings::holiday_region, "holiday_region")
        .field(&Settings::holidays, "holidays")
        .field(&Settings::holidays_removed, "holidays_removed")
        .field(&Settings::intraday_order, "intraday_order")
        .field(&Settings::lead_times, "warning_lead_days")
        .written();
    return m;
}

void put_settings(Household& h, const Settings& s) {
    h.name = s.name;
    h.currency = s.currency;
    h.timezone = s.timezone;
    h.weekend = s.weekend;
    h.holiday_region = s.holiday_region;
    h.holidays = s.holidays;
    h.holidays_removed = s.holidays_removed;
    h.intraday_order = s.intraday_order;
    h.lead_times = s.lead_times;
    h.written = s.written;
}

Status check_currency_change(const Household& h, const Settings& after) {
    if (after.currency == h.currency) {
        return {};
    }
    if (!h.accounts.empty() || !h.incomes.empty() || !h.bills.empty()) {
        return bad_input("the currency cannot change once there are amounts ({0} to {1}): export the household, "
                         "change it in the file, and import it again",
                         h.currency.code(), after.currency.code())
            .context("household.currency");
    }
    return {};
}

Status apply_in_place(Household& h, const Edit& edit) {
    return std::visit(
        Overloaded{
            [&](const NoChange&) -> Status { return {}; },
            [&](const AddAccount& e) -> Status {
                h.accounts.push_back(e.account);
                return {};
            },
            [&](const ChangeAccount& e) { return replace(h.accounts, e.before, e.after, k_account_messages); },
            [&](const RemoveAccount& e) -> Status {
                const auto* current = h.find_account(e.before.id);
                if (!current) {
                    return problem(Errc::not_found, k_account_messages.missing, quoted(e.before.id));
                }
                if (!(*current == e.before)) {
                    return changed_since(k_account_messages, e.before.id);
                }
                return remove_account(h, e.before.id);
            },
            [&](const AddIncome& e) -> Status {
                h.incomes.push_back(e.income);
                return {};
            },
            [&](const ChangeIncome& e) { return replace(h.incomes, e.before, e.after, k_income_messages); },
            [&](const AddBill& e) -> Status {
                h.bills.push_back(e.bill);
                return {};
            },
            [&](const ChangeBill& e) { return replace(h.bills, e.before, e.after, k_bill_messages); },
            [&](const RemoveItem& e) -> Status {
                const auto* bill = h.find_bill(e.id);
                const auto* income = h.find_income(e.id);
                if (!bill && !income) {
                    return problem(Errc::not_found, "no bill or income has the id {0}", quoted(e.id));
                }
                const bool same = (bill ? e.bill && *e.bill == *bill : e.income && *e.income == *income) &&
                                  payments_of(h, e.id) == e.payments;
                if (!same) {
                    return changed_since(bill ? k_bill_messages : k_income_messages, e.id);
                }
                auto removed = remove_item(h, e.id);
                return removed ? Status{} : Status{std::move(removed).error()};
            },
            [&](const RecordPayment& e) -> Status {
                if (record_of(h, e.item, e.due) != e.before) {
                    return record_changed(e.item, e.due);
                }
                auto p = record_payment(h, e.item, e.due, e.status, e.date, e.amount);
                return p ? Status{} : Status{std::move(p).error()};
            },
            [&](const ClearPayment& e) -> Status {
                if (record_of(h, e.item, e.due) != e.before) {
                    return record_changed(e.item, e.due);
                }
                return clear_payment(h, e.item, e.due);
            },
            [&](const SetBalance& e) -> Status {
                Account* a = find_by_id(h.accounts, e.account);
                if (!a) {
                    return problem(Errc::not_found, k_account_messages.missing, quoted(e.account));
                }
                if (!(a->balance == e.before_balance) || a->as_of != e.before_as_of) {
                    return problem(Errc::conflict, "the balance of account {0} changed since this change was prepared",
                                   quoted(e.account));
                }
                a->balance = e.balance;
                a->as_of = e.as_of;
                return {};
            },
            [&](const ChangeSettings& e) -> Status {
                if (!(settings_of(h) == e.before)) {
                    return problem(Errc::conflict, "the household's settings changed since this change was prepared");
                }
                if (auto s = check_currency_change(h, e.after); !s) {
                    return s;
                }
                put_settings(h, e.after);
                return {};
            },
            [&](const ReplaceHousehold& e) -> Status {
                h = e.household;
                return {};
            },
        },
        edit);
}

} // namespace

Settings settings_of(const Household& h) {
    return Settings{h.name,     h.currency,         h.timezone,       h.weekend,    h.holiday_region,
                    h.holidays, h.holidays_removed, h.intraday_order, h.lead_times, h.written};
}

Result<Edit> remove_item_edit(const Household& h, std::string_view id) {
    RemoveItem e;
    e.id = std::string(id);
    if (const auto* b = h.find_bill(id)) {
        e.bill = *b;
    } else if (const auto* x = h.find_income(id)) {
        e.income = *x;
    } else {
        return problem(Errc::not_found, "no bill or income has the id {0}", quoted(id));
    }
    e.payments = payments_of(h, id);
    return Edit{std::move(e)};
}

Result<Edit> remove_account_edit(const Household& h, std::string_view id) {
    const auto* a = h.find_account(id);
    if (!a) {
        return problem(Errc::not_found, k_account_messages.missing, quoted(id));
    }
    return Edit{RemoveAccount{*a}};
}

RecordPayment record_edit(const Household& h, std::string item, Date due, PaymentStatus status, std::optional<Date> date,
                          std::optional<Money> amount) {
    auto before = record_of(h, item, due);
    return RecordPayment{std::move(item), due, status, date, amount, std::move(before)};
}

ClearPayment clear_edit(const Household& h, std::string item, Date due) {
    auto before = record_of(h, item, due);
    return ClearPayment{std::move(item), due, std::move(before)};
}

SetBalance balance_edit(const Account& account, Money balance, Date as_of) {
    return SetBalance{account.id, balance, as_of, account.balance, account.as_of};
}

ChangeSettings settings_edit(const Household& h, Settings after) { return ChangeSettings{settings_of(h), std::move(after)}; }

Result<Household> apply_edit(const Household& household, const Edit& edit) {
    Household h = household;
    try {
        if (auto s = apply_in_place(h, edit); !s) {
            return std::move(s).error();
        }
    } catch (const MoneyError& e) {
        return e.error();
    }
    if (std::holds_alternative<NoChange>(edit)) {
        return h;
    }
    if (auto s = validate(h); !s) {
        return std::move(s).error();
    }
    return h;
}

std::string_view to_string(EditTarget t) {
    switch (t) {
    case EditTarget::account:
        return "account";
    case EditTarget::income:
        return "income";
    case EditTarget::bill:
        return "bill";
    case EditTarget::payment:
        return "payment";
    case EditTarget::settings:
        return "settings";
    }
    return "bill";
}

namespace {

template <class T>
std::variant<Edit, Conflict> rebase_change(const T& before, const T& after, const std::vector<T>& list, EditTarget target,
                                           Edit (*make)(const T&, const T&)) {
    const T* current = find_by_id(list, before.id);
    if (!current) {
        return Conflict{ConflictKind::removed, target, before.id, std::nullopt, {}};
    }
    auto m = merge(before, after, *current);
    if (!m.clashes().empty()) {
        return Conflict{ConflictKind::changed, target, before.id, std::nullopt, m.clashes()};
    }
    if (m.result() == *current) {
        return Edit{NoChange{}};
    }
    return make(*current, m.result());
}

} // namespace

std::variant<Edit, Conflict> rebase(const Edit& edit, const Household& current) {
    return std::visit(
        Overloaded{
            [&](const NoChange& e) -> std::variant<Edit, Conflict> { return Edit{e}; },
            [&](const AddAccount& e) -> std::variant<Edit, Conflict> {
                if (current.find_account(e.account.id)) {
                    return Conflict{ConflictKind::taken, EditTarget::account, e.account.id, std::nullopt, {}};
                }
                return Edit{e};
            },
            [&](const ChangeAccount& e) {
                return rebase_change<Account>(e.before, e.after, current.accounts, EditTarget::account,
                                              [](const Account& b, const Account& a) { return Edit{ChangeAccount{b, a}}; });
            },
            [&](const RemoveAccount& e) -> std::variant<Edit, Conflict> {
                const auto* a = current.find_account(e.before.id);
                if (!a) {
                    return Edit{NoChange{}};
                }
                if (auto fields = merge(e.before, *a, e.before).changed(); !fields.empty()) {
                    return Conflict{ConflictKind::changed, EditTarget::account, e.before.id, std::nullopt,
                                    std::move(fields)};
                }
                return Edit{RemoveAccount{*a}};
            },
            [&](const AddIncome& e) -> std::variant<Edit, Conflict> {
                if (current.find_income(e.income.id) || current.find_bill(e.income.id)) {
                    return Conflict{ConflictKind::taken, EditTarget::income, e.income.id, std::nullopt, {}};
                }
                return Edit{e};
            },
            [&](const ChangeIncome& e) {
                return rebase_change<Income>(e.before, e.after, current.incomes, EditTarget::income,
                                             [](const Income& b, const Income& a) { return Edit{ChangeIncome{b, a}}; });
            },
            [&](const AddBill& e) -> std::variant<Edit, Conflict> {
                if (current.find_income(e.bill.id) || current.find_bill(e.bill.id)) {
                    return Conflict{ConflictKind::taken, EditTarget::bill, e.bill.id, std::nullopt, {}};
                }
                return Edit{e};
            },
            [&](const ChangeBill& e) {
                return rebase_change<Bill>(e.before, e.after, current.bills, EditTarget::bill,
                                           [](const Bill& b, const Bill& a) { return Edit{ChangeBill{b, a}}; });
            },
            [&](const RemoveItem& e) -> std::variant<Edit, Conflict> {
                const auto* bill = current.find_bill(e.id);
                const auto* income = current.find_income(e.id);
                if (!bill && !income) {
                    return Edit{NoChange{}};
                }
                // Only a change a person would notice stops the removal ("written" keys do not).
                std::vector<std::string> fields;
                if (bill) {
                    fields = e.bill ? merge(*e.bill, *bill, *e.bill).changed() : std::vector<std::string>{"kind"};
                } else {
                    fields = e.income ? merge(*e.income, *income, *e.income).changed() : std::vector<std::string>{"kind"};
                }
                if (payments_of(current, e.id) != e.payments) {
                    fields.emplace_back("payments");
                }
                if (!fields.empty()) {
                    return Conflict{ConflictKind::changed, bill ? EditTarget::bill : EditTarget::income, e.id,
                                    std::nullopt, fields};
                }
                auto out = remove_item_edit(current, e.id);
                return std::move(out).value();
            },
            [&](const RecordPayment& e) -> std::variant<Edit, Conflict> {
                if (!find_item(current, e.item)) {
                    return Conflict{ConflictKind::removed, EditTarget::payment, e.item, e.due, {}};
                }
                const auto now = record_of(current, e.item, e.due);
                if (now == e.before) {
                    return Edit{e};
                }
                // Someone else recorded this occurrence: the same thing is nothing to do.
                Household probe = current;
                auto p = record_payment(probe, e.item, e.due, e.status, e.date, e.amount);
                if (p && now && now->status == p->status && now->date == p->date && now->amount == p->amount) {
                    return Edit{NoChange{}};
                }
                return Conflict{ConflictKind::changed, EditTarget::payment, e.item, e.due, {"status"}};
            },
            [&](const ClearPayment& e) -> std::variant<Edit, Conflict> {
                const auto now = record_of(current, e.item, e.due);
                if (!now) {
                    return Edit{NoChange{}};
                }
                if (now == e.before) {
                    return Edit{e};
                }
                return Conflict{ConflictKind::changed, EditTarget::payment, e.item, e.due, {"status"}};
            },
            [&](const SetBalance& e) -> std::variant<Edit, Conflict> {
                const auto* a = current.find_account(e.account);
                if (!a) {
                    return Conflict{ConflictKind::removed, EditTarget::account, e.account, std::nullopt, {}};
                }
                if (a->balance == e.balance && a->as_of == e.as_of) {
                    return Edit{NoChange{}};
                }
                if (!(a->balance == e.before_balance) || a->as_of != e.before_as_of) {
                    return Conflict{ConflictKind::changed, EditTarget::account, e.account, std::nullopt, {"balance"}};
                }
                return Edit{e};
            },
            [&](const ChangeSettings& e) -> std::variant<Edit, Conflict> {
                const auto now = settings_of(current);
                auto m = merge(e.before, e.after, now);
                if (!m.clashes().empty()) {
                    return Conflict{ConflictKind::changed, EditTarget::settings, {}, std::nullopt, m.clashes()};
                }
                if (m.result() == now) {
                    return Edit{NoChange{}};
                }
                return Edit{ChangeSettings{now, m.result()}};
            },
            [&](const ReplaceHousehold& e) -> std::variant<Edit, Conflict> { return Edit{e}; },
        },
        edit);
}

std::string_view command_of(const Edit& edit) {
    return std::visit(Overloaded{
                          [](const NoChange&) { return std::string_view("none"); },
                          [](const AddAccount&) { return std::string_view("accounts add"); },
                          [](const ChangeAccount&) { return std::string_view("accounts edit"); },
                          [](const RemoveAccount&) { return std::string_view("accounts remove"); },
                          [](const AddIncome&) { return std::string_view("incomes add"); },
                          [](const ChangeIncome&) { return std::string_view("incomes edit"); },
                          [](const AddBill&) { return std::string_view("bills add"); },
                          [](const ChangeBill&) { return std::string_view("bills edit"); },
                          [](const RemoveItem& e) {
                              return std::string_view(e.bill ? "bills remove" : "incomes remove");
                          },
                          [](const RecordPayment& e) {
                              return std::string_view(e.status == PaymentStatus::paid      ? "pay"
                                                      : e.status == PaymentStatus::skipped ? "skip"
                                                                                           : "missed");
                          },
                          [](const ClearPayment&) { return std::string_view("unmark"); },
                          [](const SetBalance&) { return std::string_view("balance"); },
                          [](const ChangeSettings&) { return std::string_view("settings"); },
                          [](const ReplaceHousehold&) { return std::string_view("import-household"); },
                      },
                      edit);
}

} // namespace steadypay::core
