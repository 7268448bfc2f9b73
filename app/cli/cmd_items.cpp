// steadypay accounts|incomes|bills list|add|edit|remove
//
// Every change is worked out from the household as the store holds it, inside the write
// transaction (Store::apply_with): the options become one core edit (add, change or remove one
// item), which core applies and validates exactly as a household file is validated. Errors name
// the option.

#include "app/cli/commands.hpp"
#include "app/cli/options.hpp"
#include "app/cli/store_access.hpp"

#include "app/common/clock.hpp"
#include "app/common/i18n.hpp"
#include "core/edits.hpp"
#include "core/recording.hpp"
#include "core/text.hpp"
#include "storage/household_file.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <ostream>

namespace steadypay::cli {

namespace {

enum class Kind { accounts, incomes, bills };

const char* list_name(Kind k) {
    return k == Kind::accounts ? "accounts" : k == Kind::incomes ? "incomes" : "bills";
}

core::Error no_such(Kind k, const std::string& id) {
    return (k == Kind::accounts  ? core::bad_input("no account has the id \"{0}\"", id)
            : k == Kind::incomes ? core::bad_input("no income has the id \"{0}\"", id)
                                 : core::bad_input("no bill has the id \"{0}\"", id))
        .context("ID");
}

// The options of `add` and `edit` (each subcommand has its own set).
struct Fields {
    std::string id;
    Opt name, balance, as_of, overdraft_limit, overdraft_fee, cushion, when_uncovered, returned_item_fee; // accounts
    Opt source, payee, account, amount, minimum, rrule, start, end, business_day;             // incomes, bills
    Opt priority, lead_days, grace_days, late_fee, returned_payment_fee, reported_late_after, shutoff_after,
        hardship_contact; // bills
    bool autopay = false;
    bool no_autopay = false;
    bool includes_today = false;
    CLI::Option* autopay_flag = nullptr;
    CLI::Option* no_autopay_flag = nullptr;
};

void add_fields(CLI::App& sub, Fields& f, Kind kind) {
    sub.add_option("id", f.id,
                   kind == Kind::accounts  ? app::mark("The account's id: lower-case letters, digits, _ and -")
                   : kind == Kind::incomes ? app::mark("The income's id: lower-case letters, digits, _ and -")
                                           : app::mark("The bill's id: lower-case letters, digits, _ and -"))
        ->required();
    add_opt(sub, f.name, "--name", "Its name, as you call it");
    if (kind == Kind::accounts) {
        add_opt(sub, f.balance, "--balance", "The balance, e.g. 1850.00 (negative when overdrawn)");
        add_opt(sub, f.as_of, "--as-of",
                "The day whose close that balance is (default: yesterday's close, so that "
                "today's payments still count as to come)");
        sub.add_flag("--includes-today", f.includes_today,
                     "The balance already includes today's payments and deposits (it is today's close)");
        add_opt(sub, f.overdraft_limit, "--overdraft-limit", "How far below zero the bank lets it go (default 0.00)");
        add_opt(sub, f.overdraft_fee, "--overdraft-fee",
                "What the bank charges per payment paid into overdraft (default 0.00)");
        add_opt(sub, f.when_uncovered, "--when-uncovered",
                "What the bank does with a payment the balance and the overdraft limit cannot cover: pay (into "
                "overdraft, the default) or decline");
        add_opt(sub, f.returned_item_fee, "--returned-item-fee",
                "What the bank charges per declined payment (default 0.00)");
        add_opt(sub, f.cushion, "--cushion", "The balance you never want to go below (default 0.00)");
        return;
    }
    if (kind == Kind::incomes) {
        add_opt(sub, f.source, "--source", "Who pays it");
    } else {
        add_opt(sub, f.payee, "--payee", "Whom it is paid to");
    }
    add_opt(sub, f.account, "--account", "The account id (default: the only account, if there is one)");
    add_opt(sub, f.amount, "--amount", "The amount, e.g. 1150.00, or a range for variable ones, e.g. 85.00..160.00");
    add_opt(sub, f.rrule, "--rrule", "When it repeats, e.g. \"FREQ=MONTHLY;BYMONTHDAY=1\" (see docs/schedules.md)");
    add_opt(sub, f.start, "--start", "The first day it exists, YYYY-MM-DD");
    add_opt(sub, f.end, "--end", "The last day it exists, YYYY-MM-DD, or \"none\"");
    add_opt(sub, f.business_day, "--business-day", "none, preceding, following or modified_following");
    if (kind == Kind::incomes) {
        return;
    }
    add_opt(
        sub, f.priority, "--priority",
        "housing, utilities, transportation, childcare, credit_minimum, other_debt, phone_internet or discretionary");
    add_opt(sub, f.minimum, "--minimum", "The least that keeps the account current, or \"none\"");
    f.autopay_flag = sub.add_flag("--autopay", f.autopay, "The biller pulls the payment itself");
    f.no_autopay_flag = sub.add_flag("--no-autopay", f.no_autopay, "You pay it yourself");
    f.autopay_flag->excludes(f.no_autopay_flag);
    add_opt(sub, f.lead_days, "--lead-days", "An autopay pulls this many days before the due date");
    add_opt(sub, f.grace_days, "--grace-days", "No late fee until this many days after the due date");
    add_opt(sub, f.late_fee, "--late-fee", "Charged once the grace period is over");
    add_opt(sub, f.returned_payment_fee, "--returned-payment-fee",
            "What the biller charges when the bank declines the payment (default 0.00)");
    add_opt(sub, f.reported_late_after, "--reported-late-after",
            "Reported to credit bureaus this many days late (typically 30), or \"none\"");
    add_opt(sub, f.shutoff_after, "--shutoff-after", "Service may be cut off this many days late, or \"none\"");
    add_opt(sub, f.hardship_contact, "--hardship-contact", "Whom to call or write to ask for more time");
}

// Applies the given options to `item`; each given option is also marked as written.
class Applier {
public:
    Applier(const Fields& f, const core::Household& h, core::KeySet& written) : m_f(f), m_h(h), m_written(written) {}

    core::Status text(const Opt& o, const char* key, std::string& target) {
        if (o.given()) {
            target = o.value;
            m_written.add(key);
        }
        return {};
    }
    core::Status money(const Opt& o, const char* option, const char* key, core::Money& target) {
        if (!o.given()) {
            return {};
        }
        auto m = money_option(option, o.value, m_h.currency);
        if (!m) {
            return std::move(m).error();
        }
        target = m.value();
        m_written.add(key);
        return {};
    }
    core::Status date_value(const Opt& o, const char* option, core::Date& target) {
        if (!o.given()) {
            return {};
        }
        auto d = date_option(option, o.value);
        if (!d) {
            return std::move(d).error();
        }
        target = d.value();
        return {};
    }
    core::Status count(const Opt& o, const char* option, const char* key, int& target) {
        if (!o.given()) {
            return {};
        }
        auto n = count_option(option, o.value, 0, 3650);
        if (!n) {
            return std::move(n).error();
        }
        target = static_cast<int>(n.value());
        m_written.add(key);
        return {};
    }
    core::Status nullable_count(const Opt& o, const char* option, const char* key, std::optional<int>& target) {
        if (!o.given()) {
            return {};
        }
        auto n = nullable_count_option(option, o.value, 1, 3650);
        if (!n) {
            return std::move(n).error();
        }
        target = n.value();
        m_written.add(key);
        return {};
    }
    template <class T, class F> core::Status choice(const Opt& o, const char* option, const char* key, T& target,
                                                    F&& parse) {
        if (!o.given()) {
            return {};
        }
        auto v = parse(o.value);
        if (!v) {
            return std::move(v).error().context(option);
        }
        target = v.value();
        m_written.add(key);
        return {};
    }

    // The account, amount and schedule of an income or bill.
    template <class Item> core::Status common(Item& item, bool adding) {
        if (auto s = text(m_f.name, "name", item.name); !s) {
            return s;
        }
        if (m_f.account.given()) {
            item.account = m_f.account.value;
        } else if (adding) {
            if (m_h.accounts.size() != 1) {
                return core::problem_n(core::Errc::bad_input, "give the account id (the household has {0} account)",
                                       "give the account id (the household has {0} accounts)", m_h.accounts.size(),
                                       m_h.accounts.size())
                    .context("--account");
            }
            item.account = m_h.accounts.front().id;
        }
        if (m_f.amount.given()) {
            auto a = amount_option("--amount", m_f.amount.value, m_h.currency);
            if (!a) {
                return std::move(a).error();
            }
            item.amount = a.value();
        }
        if (auto s = choice(m_f.business_day, "--business-day", "business_day", item.business_day,
                            core::parse_business_day_rule);
            !s) {
            return s;
        }
        auto& sched = item.schedule;
        if (m_f.rrule.given()) {
            auto rule = core::parse_rrule(m_f.rrule.value);
            if (!rule) {
                return std::move(rule).error().context("--rrule");
            }
            sched.rrule = m_f.rrule.value;
            sched.rule = rule.value();
        }
        if (auto s = date_value(m_f.start, "--start", sched.start); !s) {
            return s;
        }
        if (m_f.end.given()) {
            if (m_f.end.value == "none") {
                sched.end.reset();
            } else {
                core::Date e;
                if (auto s = date_value(m_f.end, "--end", e); !s) {
                    return s;
                }
                sched.end = e;
            }
        }
        return {};
    }

private:
    const Fields& m_f;
    const core::Household& m_h;
    core::KeySet& m_written;
};

core::Status require(const Fields& f, Kind kind) {
    std::vector<std::pair<const Opt*, const char*>> needed{{&f.name, "--name"}};
    if (kind == Kind::accounts) {
        needed.emplace_back(&f.balance, "--balance");
    } else {
        needed.emplace_back(&f.amount, "--amount");
        needed.emplace_back(&f.rrule, "--rrule");
        needed.emplace_back(&f.start, "--start");
        if (kind == Kind::bills) {
            needed.emplace_back(&f.priority, "--priority");
        }
    }
    for (const auto& [opt, name] : needed) {
        if (!opt->given()) {
            return kind == Kind::accounts  ? core::bad_input("{0} is required to add an account", name)
                   : kind == Kind::incomes ? core::bad_input("{0} is required to add an income", name)
                                           : core::bad_input("{0} is required to add a bill", name);
        }
    }
    return {};
}

core::Status apply_account(const Fields& f, core::Account& a, const core::Household& h, bool adding) {
    Applier ap(f, h, a.written);
    core::Status s = ap.text(f.name, "name", a.name);
    if (s) s = ap.money(f.balance, "--balance", "balance", a.balance);
    if (s && f.as_of.given()) {
        s = ap.date_value(f.as_of, "--as-of", a.as_of);
    } else if (s && (adding || f.balance.given())) {
        a.as_of = core::balance_as_of(app::clock().today(h.timezone), f.includes_today);
    }
    if (s) s = ap.money(f.overdraft_limit, "--overdraft-limit", "overdraft_limit", a.overdraft_limit);
    if (s) s = ap.money(f.overdraft_fee, "--overdraft-fee", "overdraft_fee", a.overdraft_fee);
    if (s) s = ap.money(f.cushion, "--cushion", "cushion", a.cushion);
    if (s) s = ap.choice(f.when_uncovered, "--when-uncovered", "when_uncovered", a.when_uncovered, core::parse_uncovered);
    if (s) s = ap.money(f.returned_item_fee, "--returned-item-fee", "returned_item_fee", a.returned_item_fee);
    return s;
}

core::Status apply_income(const Fields& f, core::Income& x, const core::Household& h, bool adding) {
    Applier ap(f, h, x.written);
    core::Status s = ap.common(x, adding);
    if (s) s = ap.text(f.source, "source", x.source);
    return s;
}

core::Status apply_bill(const Fields& f, core::Bill& b, const core::Household& h, bool adding) {
    Applier ap(f, h, b.written);
    core::Status s = ap.common(b, adding);
    if (s) s = ap.text(f.payee, "payee", b.payee);
    if (s) s = ap.choice(f.priority, "--priority", "priority", b.priority, core::parse_priority);
    if (s && f.minimum.given()) {
        if (f.minimum.value == "none") {
            b.minimum.reset();
        } else {
            auto m = money_option("--minimum", f.minimum.value, h.currency);
            if (!m) {
                return std::move(m).error();
            }
            b.minimum = m.value();
        }
        b.written.add("minimum");
    }
    if (f.autopay_flag && f.autopay_flag->count() > 0) {
        b.autopay = true;
        b.written.add("autopay");
    }
    if (f.no_autopay_flag && f.no_autopay_flag->count() > 0) {
        b.autopay = false;
        b.written.add("autopay");
    }
    if (s) s = ap.count(f.lead_days, "--lead-days", "autopay_lead_days", b.autopay_lead_days);
    if (s) s = ap.count(f.grace_days, "--grace-days", "grace_days", b.grace_days);
    if (s) s = ap.money(f.late_fee, "--late-fee", "late_fee", b.late_fee);
    if (s) s = ap.money(f.returned_payment_fee, "--returned-payment-fee", "returned_payment_fee", b.returned_payment_fee);
    if (s) s = ap.nullable_count(f.reported_late_after, "--reported-late-after", "reported_late_after_days",
                                 b.reported_late_after_days);
    if (s) s = ap.nullable_count(f.shutoff_after, "--shutoff-after", "shutoff_after_days", b.shutoff_after_days);
    if (s) s = ap.text(f.hardship_contact, "hardship_contact", b.hardship_contact);
    return s;
}

template <class Item> std::size_t index_of(const std::vector<Item>& items, const std::string& id) {
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].id == id) {
            return i;
        }
    }
    return items.size();
}

class ItemsCommand final : public Command {
public:
    explicit ItemsCommand(Kind kind) : m_kind(kind) {}

    void add_to(CLI::App& app, Context& ctx) override {
        const std::string what = list_name(m_kind);
        const auto said = [this](const char* accounts, const char* incomes, const char* bills) {
            return m_kind == Kind::accounts ? accounts : m_kind == Kind::incomes ? incomes : bills;
        };
        m_sub = app.add_subcommand(what, said(app::mark("List, add, edit or remove accounts"),
                                              app::mark("List, add, edit or remove incomes"),
                                              app::mark("List, add, edit or remove bills")));
        m_sub->require_subcommand(1);
        m_list = m_sub->add_subcommand(
            "list", said(app::mark("List the accounts"), app::mark("List the incomes"), app::mark("List the bills")));
        m_list->add_flag("--json", ctx.json, "Print a JSON list, in the household file's shape");
        m_add = m_sub->add_subcommand(
            "add", said(app::mark("Add an account"), app::mark("Add an income"), app::mark("Add a bill")));
        add_fields(*m_add, m_add_fields, m_kind);
        m_edit = m_sub->add_subcommand("edit", said(app::mark("Change what the options say about an account"),
                                                    app::mark("Change what the options say about an income"),
                                                    app::mark("Change what the options say about a bill")));
        add_fields(*m_edit, m_edit_fields, m_kind);
        m_remove = m_sub->add_subcommand("remove", said(app::mark("Remove an account no income or bill uses"),
                                                        app::mark("Remove an income, with its payment records"),
                                                        app::mark("Remove a bill, with its payment records")));
        m_remove->add_option("id", m_remove_id, "The id")->required();
    }

    int run(Context& ctx) override {
        auto store = open_store(ctx);
        if (!store) {
            return ctx.fail(store.error());
        }
        if (m_list->parsed()) {
            auto loaded = store->load();
            if (!loaded) {
                return ctx.fail(loaded.error());
            }
            return list(ctx, loaded.value());
        }
        std::string message;
        std::size_t index = 0;
        const std::string command = std::string(list_name(m_kind)) + " " +
                                    (m_add->parsed() ? "add" : m_edit->parsed() ? "edit" : "remove");
        auto applied = store->apply_with(
            [&](const core::Household& h) -> core::Result<core::Edit> {
                if (m_add->parsed()) {
                    return add_edit(h, index, message);
                }
                if (m_edit->parsed()) {
                    return change_edit(h, index, message);
                }
                return remove_edit(h, message);
            },
            change_context(command));
        if (!applied) {
            return ctx.fail(as_option_error(applied.error(), list_name(m_kind), index));
        }
        ctx.out << message << '\n';
        const auto& f = m_add->parsed() ? m_add_fields : m_edit_fields;
        if (m_kind == Kind::accounts && !m_remove->parsed() && f.balance.given() && !f.as_of.given()) {
            ctx.out << balance_note(applied->household, f.id, f.includes_today) << '\n';
        }
        return 0;
    }

private:
    // Which of today's payments and deposits the new balance counts as still to come.
    static std::string balance_note(const core::Household& h, const std::string& id, bool includes_today) {
        const auto* a = h.find_account(id);
        const auto today = app::clock().today(h.timezone);
        std::string items;
        for (const auto& o : core::landing_on(h, id, today)) {
            const bool bill = o.kind == core::ItemKind::bill;
            items += (items.empty() ? "" : ", ") + core::printable(core::item_name(h, o)) + " " +
                     app::formats().signed_money(bill ? -o.amount : o.amount);
        }
        const auto balance = app::formats().money(a->balance);
        if (includes_today) {
            return items.empty()
                       ? app::say("Its balance {0} includes today's payments and deposits.", balance)
                       : app::say("Its balance {0} includes today's payments and deposits ({1}).", balance, items);
        }
        const auto day = app::formats().full_day(a->as_of);
        return items.empty() ? app::say("Its balance {0} is the close of {1}; nothing lands on it today.", balance, day)
                             : app::say("Its balance {0} is the close of {1}; still to come today: {2} (if today's "
                                        "have already gone through, give --includes-today).",
                                        balance, day, items);
    }

    core::Result<core::Edit> add_edit(const core::Household& h, std::size_t& index, std::string& message) const {
        const auto& f = m_add_fields;
        if (auto s = require(f, m_kind); !s) {
            return std::move(s).error();
        }
        const auto taken = m_kind == Kind::accounts ? h.find_account(f.id) != nullptr
                                                    : (h.find_bill(f.id) != nullptr || h.find_income(f.id) != nullptr);
        if (taken) {
            return (m_kind == Kind::accounts
                        ? core::bad_input("\"{0}\" is already used by another account", f.id)
                        : core::bad_input("\"{0}\" is already used by another income or bill", f.id))
                .context("ID");
        }
        message = m_kind == Kind::accounts  ? app::say("Added account \"{0}\".", f.id)
                  : m_kind == Kind::incomes ? app::say("Added income \"{0}\".", f.id)
                                            : app::say("Added bill \"{0}\".", f.id);
        switch (m_kind) {
        case Kind::accounts: {
            core::Account a;
            a.id = f.id;
            a.balance = a.overdraft_limit = a.overdraft_fee = a.cushion = a.returned_item_fee = core::Money(h.currency);
            index = h.accounts.size();
            if (auto s = apply_account(f, a, h, true); !s) {
                return std::move(s).error();
            }
            return core::Edit{core::AddAccount{std::move(a)}};
        }
        case Kind::incomes: {
            core::Income x;
            x.id = f.id;
            index = h.incomes.size();
            if (auto s = apply_income(f, x, h, true); !s) {
                return std::move(s).error();
            }
            return core::Edit{core::AddIncome{std::move(x)}};
        }
        case Kind::bills:
            break;
        }
        core::Bill b;
        b.id = f.id;
        b.late_fee = b.returned_payment_fee = core::Money(h.currency);
        index = h.bills.size();
        if (auto s = apply_bill(f, b, h, true); !s) {
            return std::move(s).error();
        }
        return core::Edit{core::AddBill{std::move(b)}};
    }

    core::Result<core::Edit> change_edit(const core::Household& h, std::size_t& index, std::string& message) const {
        const auto& f = m_edit_fields;
        const auto missing = [&] { return no_such(m_kind, f.id); };
        message = m_kind == Kind::accounts  ? app::say("Changed account \"{0}\".", f.id)
                  : m_kind == Kind::incomes ? app::say("Changed income \"{0}\".", f.id)
                                            : app::say("Changed bill \"{0}\".", f.id);
        switch (m_kind) {
        case Kind::accounts: {
            index = index_of(h.accounts, f.id);
            if (index == h.accounts.size()) {
                return missing();
            }
            auto a = h.accounts[index];
            if (auto s = apply_account(f, a, h, false); !s) {
                return std::move(s).error();
            }
            return core::Edit{core::ChangeAccount{h.accounts[index], std::move(a)}};
        }
        case Kind::incomes: {
            index = index_of(h.incomes, f.id);
            if (index == h.incomes.size()) {
                return missing();
            }
            auto x = h.incomes[index];
            if (auto s = apply_income(f, x, h, false); !s) {
                return std::move(s).error();
            }
            return core::Edit{core::ChangeIncome{h.incomes[index], std::move(x)}};
        }
        case Kind::bills:
            break;
        }
        index = index_of(h.bills, f.id);
        if (index == h.bills.size()) {
            return missing();
        }
        auto b = h.bills[index];
        if (auto s = apply_bill(f, b, h, false); !s) {
            return std::move(s).error();
        }
        return core::Edit{core::ChangeBill{h.bills[index], std::move(b)}};
    }

    core::Result<core::Edit> remove_edit(const core::Household& h, std::string& message) const {
        const auto& id = m_remove_id;
        const auto exists = m_kind == Kind::accounts ? index_of(h.accounts, id) < h.accounts.size()
                            : m_kind == Kind::incomes ? index_of(h.incomes, id) < h.incomes.size()
                                                      : index_of(h.bills, id) < h.bills.size();
        if (!exists) {
            return no_such(m_kind, id);
        }
        if (m_kind == Kind::accounts) {
            message = app::say("Removed account \"{0}\".", id);
            return core::remove_account_edit(h, id);
        }
        auto edit = core::remove_item_edit(h, id);
        if (!edit) {
            return edit;
        }
        const auto records = std::get<core::RemoveItem>(edit.value()).payments.size();
        const auto n = static_cast<unsigned long>(records);
        if (m_kind == Kind::incomes) {
            message = records ? app::sayn("Removed income \"{0}\" and its {1} payment record.",
                                          "Removed income \"{0}\" and its {1} payment records.", n, id, n)
                              : app::say("Removed income \"{0}\".", id);
        } else {
            message = records ? app::sayn("Removed bill \"{0}\" and its {1} payment record.",
                                          "Removed bill \"{0}\" and its {1} payment records.", n, id, n)
                              : app::say("Removed bill \"{0}\".", id);
        }
        return edit;
    }

    int list(Context& ctx, const core::Household& h) {
        const core::Date today = app::clock().today(h.timezone);
        const auto next_due = [&](const std::string& id) -> std::string {
            const auto d = core::next_due(h, id, today);
            return d ? core::to_iso(*d) : "-";
        };
        if (ctx.json) {
            auto doc = nlohmann::ordered_json::parse(storage::household_to_json(h));
            auto items = doc.contains(list_name(m_kind)) ? doc[list_name(m_kind)] : nlohmann::ordered_json::array();
            for (std::size_t i = 0; i < items.size(); ++i) {
                if (m_kind == Kind::incomes) {
                    items[i]["next_due"] = next_due(h.incomes[i].id);
                } else if (m_kind == Kind::bills) {
                    items[i]["next_due"] = next_due(h.bills[i].id);
                }
            }
            ctx.out << items.dump(2) << '\n';
            return 0;
        }
        if (m_kind == Kind::accounts) {
            if (h.accounts.empty()) {
                ctx.out
                    << app::tr(
                           "No accounts yet (add one with: steadypay accounts add ID --name NAME --balance AMOUNT).")
                    << "\n";
                return 0;
            }
            ctx.out << fmt::format("{:<14} {:<28} {:>12} {:<11} {:>10} {:>10} {}\n", app::tr("ID"), app::tr("Name"),
                                   app::tr("Balance"), app::tr("As of"), app::tr("Cushion"), app::tr("Overdraft"),
                                   app::tr("Beyond it"));
            for (const auto& a : h.accounts) {
                ctx.out << fmt::format(
                    "{:<14} {:<28} {:>12} {:<11} {:>10} {:>10} {}\n", a.id, core::printable(a.name),
                    a.balance.to_string(), core::to_iso(a.as_of), a.cushion.to_string(), a.overdraft_limit.to_string(),
                    a.when_uncovered == core::Uncovered::pay ? app::tr("paid") : app::tr("declined"));
            }
            return 0;
        }
        if (m_kind == Kind::incomes) {
            if (h.incomes.empty()) {
                ctx.out << app::tr("No incomes yet.") << "\n";
                return 0;
            }
            ctx.out << fmt::format("{:<14} {:<24} {:>20} {:<11} {:<11} {}\n", app::tr("ID"), app::tr("Name"),
                                   app::tr("Amount"), app::tr("Account"), app::tr("Next"), app::tr("Schedule"));
            for (const auto& x : h.incomes) {
                ctx.out << fmt::format("{:<14} {:<24} {:>20} {:<11} {:<11} {}\n", x.id, core::printable(x.name),
                                       amount_text(x.amount), x.account, next_due(x.id), x.schedule.rrule);
            }
            return 0;
        }
        if (h.bills.empty()) {
            ctx.out << app::tr("No bills yet.") << "\n";
            return 0;
        }
        ctx.out << fmt::format("{:<14} {:<24} {:>20} {:<15} {:<11} {:<8} {}\n", app::tr("ID"), app::tr("Name"),
                               app::tr("Amount"), app::tr("Priority"), app::tr("Next due"), app::tr("Autopay"),
                               app::tr("Schedule"));
        for (const auto& b : h.bills) {
            ctx.out << fmt::format("{:<14} {:<24} {:>20} {:<15} {:<11} {:<8} {}\n", b.id, core::printable(b.name),
                                   amount_text(b.amount), core::to_string(b.priority), next_due(b.id),
                                   b.autopay ? app::tr("yes") : app::tr("no"), b.schedule.rrule);
        }
        return 0;
    }

    Kind m_kind;
    CLI::App* m_list = nullptr;
    CLI::App* m_add = nullptr;
    CLI::App* m_edit = nullptr;
    CLI::App* m_remove = nullptr;
    Fields m_add_fields;
    Fields m_edit_fields;
    std::string m_remove_id;
};

} // namespace

std::unique_ptr<Command> make_accounts_command() { return std::make_unique<ItemsCommand>(Kind::accounts); }
std::unique_ptr<Command> make_incomes_command() { return std::make_unique<ItemsCommand>(Kind::incomes); }
std::unique_ptr<Command> make_bills_command() { return std::make_unique<ItemsCommand>(Kind::bills); }

} // namespace steadypay::cli
