// steadypay import FILE [--account ID] [--format F] [--preset NAME] [--columns SPEC] ... [--dry-run]
// steadypay transactions [--account ID] [--from DATE] [--to DATE]
// steadypay imports [undo N]
// steadypay reconcile [--rule "PATTERN=ITEM"]
//
// Statements in: what the bank or the pay platform says happened, beside what was expected. An
// import is one write transaction; importing a file again adds nothing; `imports undo N` takes an
// import back as a whole.

#include "app/cli/commands.hpp"
#include "app/cli/options.hpp"
#include "app/cli/store_access.hpp"
#include "app/common/clock.hpp"
#include "app/common/i18n.hpp"
#include "core/dates.hpp"
#include "core/text.hpp"
#include "integrations/statement_file.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <ostream>
#include <sys/stat.h>

namespace steadypay::cli {

namespace {

namespace fs = std::filesystem;
using nlohmann::ordered_json;

// Where the person's own CSV mappings are kept: $XDG_CONFIG_HOME/steadypay/mappings/NAME.json.
fs::path mappings_dir() { return storage::xdg_base_dir("XDG_CONFIG_HOME", ".config") / "steadypay" / "mappings"; }

core::Result<integrations::CsvMapping> find_mapping(const std::string& name) {
    if (auto preset = integrations::csv_preset(name); preset) {
        return preset;
    }
    const auto file = mappings_dir() / (name + ".json");
    std::error_code ec;
    if (!core::is_valid_id(name) || !fs::exists(file, ec)) {
        return core::bad_input("{0} is not a preset ({1}) or a saved mapping", core::quote_input(name),
                               core::ListFact{integrations::csv_preset_names(), {}})
            .context("--preset");
    }
    std::ifstream in(file, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto m = integrations::mapping_from_json(text);
    if (!m) {
        return std::move(m).error().context(file.string());
    }
    return m;
}

core::Status save_mapping(const std::string& name, integrations::CsvMapping mapping) {
    if (!core::is_valid_id(name)) {
        return core::bad_input("{0} is not a name for a mapping (lower-case letters, digits, - and _)",
                               core::quote_input(name))
            .context("--save-mapping");
    }
    mapping.name = name;
    const auto dir = mappings_dir();
    std::error_code ec;
    fs::create_directories(dir, ec);
    const auto file = dir / (name + ".json");
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << integrations::mapping_to_json(mapping);
    if (!out) {
        return problem(core::Errc::io, "cannot write the mapping").context(file.string());
    }
    return {};
}

// The account a command is about: the one named, else the household's only one.
core::Result<std::string> account_of(const core::Household& h, const std::string& given) {
    if (!given.empty()) {
        if (h.find_account(given) == nullptr) {
            core::ListFact ids;
            for (const auto& a : h.accounts) {
                ids.names.push_back(a.id);
            }
            return problem(core::Errc::not_found, "{0} is not an account ({1})", core::quote_input(given), ids)
                .context("--account");
        }
        return given;
    }
    if (h.accounts.size() == 1) {
        return h.accounts.front().id;
    }
    core::ListFact ids;
    for (const auto& a : h.accounts) {
        ids.names.push_back(a.id);
    }
    return core::bad_input("the household has several accounts: say which with --account ({0})", ids);
}

std::string name_of(const core::Household& h, const std::string& item) {
    if (const auto* b = h.find_bill(item)) {
        return core::printable(b->name);
    }
    if (const auto* i = h.find_income(item)) {
        return core::printable(i->name);
    }
    return item;
}

ordered_json optional_date(const std::optional<core::Date>& d) {
    return d ? ordered_json(core::to_iso(*d)) : ordered_json(nullptr);
}

ordered_json transaction_json(const storage::StoredTransaction& t) {
    const auto& x = t.transaction;
    return ordered_json{{"id", t.id},
                        {"account", t.account},
                        {"import", t.import_id},
                        {"posted", core::to_iso(x.posted)},
                        {"amount", x.amount.to_string()},
                        {"payee", x.payee},
                        {"memo", x.memo},
                        {"source_id", x.source_id},
                        {"kind", std::string(core::to_string(x.kind))},
                        {"available", optional_date(x.available)},
                        {"matched", t.matched_item ? ordered_json{{"item", *t.matched_item},
                                                                  {"due", core::to_iso(*t.matched_due)}}
                                                   : ordered_json(nullptr)}};
}

ordered_json double_json(const storage::DoubleChargeFound& d) {
    return ordered_json{{"first", transaction_json(d.first)},
                        {"second", transaction_json(d.second)},
                        {"amount", d.at_stake.to_string()},
                        {"dispute_by", core::to_iso(d.dispute_by)},
                        {"same_occurrence", d.same_occurrence}};
}

ordered_json match_json(const core::Match& m) {
    return ordered_json{{"kind", std::string(core::to_string(m.kind))}, {"item", m.item},
                        {"due", core::to_iso(m.due)},                   {"date", core::to_iso(m.date)},
                        {"amount", m.amount.to_string()},               {"by_rule", m.by_rule}};
}

// "Rent due Tue, Dec 1, 2026: paid ₪4,200.00 on Tue, Dec 1, 2026"
std::string match_line(const core::Household& h, const core::Match& m) {
    const auto& f = app::formats();
    return m.kind == core::ItemKind::bill
               ? app::say("{0} due {1}: paid {2} on {3}", name_of(h, m.item), f.full_day(m.due), f.money(m.amount),
                          f.full_day(m.date))
               : app::say("{0} due {1}: {2} arrived on {3}", name_of(h, m.item), f.full_day(m.due), f.money(m.amount),
                          f.full_day(m.date));
}

std::string double_line(const storage::DoubleChargeFound& d) {
    const auto& f = app::formats();
    const auto& a = d.first.transaction;
    const auto& b = d.second.transaction;
    return app::say("Possible double charge: {0} {1} on {2} and again on {3}; dispute it by {4}.",
                    core::printable(b.payee), f.money(d.at_stake), f.full_day(a.posted), f.full_day(b.posted),
                    f.full_day(d.dispute_by));
}

class ImportCommand final : public Command {
public:
    void add_to(CLI::App& app, Context& ctx) override {
        m_sub = app.add_subcommand("import", "Import a bank or pay platform statement (OFX, QFX, QIF or CSV)");
        m_sub->add_option("file", m_file, "The statement file")->required();
        add_opt(*m_sub, m_account, "--account", "The account it is a statement of (default: the only one)");
        add_opt(*m_sub, m_format, "--format", "ofx, qfx, qif or csv (default: found from the file)");
        add_opt(*m_sub, m_preset, "--preset",
                "CSV: paypal, stripe, square, square-deposits, payoneer, bank, bank-headerless, "
                "bank-headerless-debit-credit, or a saved mapping (default: found from the header)");
        add_opt(*m_sub, m_columns, "--columns", "CSV: which column is which, as date=Posting Date,amount=Amount,...");
        add_opt(*m_sub, m_decimal, "--decimal", "CSV: the decimal separator, . or ,");
        add_opt(*m_sub, m_delimiter, "--delimiter", "CSV: the field separator, one of , ; tab |");
        add_opt(*m_sub, m_order, "--date-order", "QIF and CSV: dmy, mdy or ymd, when the dates do not tell");
        add_opt(*m_sub, m_encoding, "--encoding", "QIF and CSV: utf-8, windows-1255, windows-1256 (default: found)");
        add_opt(*m_sub, m_ofx_account, "--ofx-account", "OFX: the account of the file to take, when it has several");
        add_opt(*m_sub, m_save, "--save-mapping", "CSV: keep this file's mapping under a name for --preset");
        m_sub->add_flag("--dry-run", m_dry_run, "Show what the import would do, keep nothing");
        m_sub->add_flag("--json", ctx.json, "Print what was imported as JSON");
    }

    int run(Context& ctx) override {
        integrations::ReadOptions options;
        if (m_format.given()) {
            auto f = integrations::parse_file_format(m_format.value);
            if (!f) {
                return ctx.fail(f.error().context("--format"));
            }
            options.format = f.value();
        }
        if (m_order.given()) {
            auto o = integrations::parse_date_order(m_order.value);
            if (!o) {
                return ctx.fail(o.error().context("--date-order"));
            }
            options.date_order = o.value();
        }
        options.encoding = m_encoding.value;
        options.ofx.account = m_ofx_account.value;
        if (m_preset.given() || m_columns.given() || m_decimal.given() || m_delimiter.given()) {
            auto mapping = m_preset.given() ? find_mapping(m_preset.value) : integrations::csv_preset("bank");
            if (!mapping) {
                return ctx.fail(mapping.error());
            }
            if (!m_preset.given() && m_columns.given()) {
                mapping->columns = {}; // the person's columns alone
                mapping->name = "custom";
            }
            if (m_columns.given()) {
                mapping = integrations::with_columns(std::move(mapping).value(), m_columns.value);
                if (!mapping) {
                    return ctx.fail(mapping.error().context("--columns"));
                }
            }
            if (m_decimal.given()) {
                if (m_decimal.value != "." && m_decimal.value != ",") {
                    return ctx.fail(core::bad_input("{0} is not a decimal separator (. or ,)",
                                                    core::quote_input(m_decimal.value))
                                        .context("--decimal"));
                }
                mapping->decimal = m_decimal.value[0];
            }
            if (m_delimiter.given()) {
                const auto& d = m_delimiter.value;
                if (d != "," && d != ";" && d != "|" && d != "tab") {
                    return ctx.fail(core::bad_input("{0} is not a delimiter (one of , ; tab |)", core::quote_input(d))
                                        .context("--delimiter"));
                }
                mapping->delimiter = d == "tab" ? '\t' : d[0];
            }
            options.mapping = std::move(mapping).value();
        }
        auto store = open_store(ctx);
        if (!store) {
            return ctx.fail(store.error());
        }
        auto h = store->load();
        if (!h) {
            return ctx.fail(h.error());
        }
        auto account = account_of(h.value(), m_account.value);
        if (!account) {
            return ctx.fail(account.error());
        }
        auto file = integrations::read_statement_file(m_file, h->currency, options);
        if (!file) {
            return ctx.fail(file.error());
        }
        if (m_save.given()) {
            if (!options.mapping) {
                return ctx.fail(core::bad_input("give the mapping to save (--preset, --columns)").context("--save-mapping"));
            }
            if (auto s = save_mapping(m_save.value, *options.mapping); !s) {
                return ctx.fail(s.error());
            }
        }
        storage::StatementImport in;
        in.account = account.value();
        in.statement = std::move(file->statement);
        in.file = fs::path(m_file).filename().string();
        in.file_sha256 = file->sha256;
        in.dry_run = m_dry_run;
        in.today = app::clock().today(h->timezone);
        const auto skipped = in.statement.skipped;
        auto r = store->import_statement(in, change_context("import"));
        if (!r) {
            return ctx.fail(r.error());
        }
        auto after = store->load();
        if (!after) {
            return ctx.fail(after.error());
        }
        if (ctx.json) {
            ordered_json j{{"import", r->import_id == 0 ? ordered_json(nullptr) : ordered_json(r->import_id)},
                           {"dry_run", r->dry_run},
                           {"file", in.file},
                           {"format", in.statement.format},
                           {"account", in.account},
                           {"read", r->read},
                           {"added", r->added.size()},
                           {"duplicates", r->duplicates},
                           {"skipped", skipped}};
            j["transactions"] = ordered_json::array();
            for (const auto& t : r->added) {
                j["transactions"].push_back(transaction_json(t));
            }
            j["matches"] = ordered_json::array();
            for (const auto& m : r->matches) {
                auto mj = match_json(m);
                mj["transaction"] = r->added[m.transaction].id;
                j["matches"].push_back(mj);
            }
            j["balance"] = r->balance_set ? ordered_json{{"amount", r->balance_set->amount.to_string()},
                                                         {"as_of", core::to_iso(r->balance_set->as_of)}}
                                          : ordered_json(nullptr);
            j["double_charges"] = ordered_json::array();
            for (const auto& d : r->double_charges) {
                j["double_charges"].push_back(double_json(d));
            }
            ctx.out << j.dump(2) << '\n';
            return 0;
        }
        const auto& f = app::formats();
        const auto* acc = after->find_account(in.account);
        const auto account_name = core::printable(acc->name);
        ctx.out << (r->dry_run ? app::sayn("Would import {0} transaction from {1} into {2}; {3} already here.",
                                           "Would import {0} transactions from {1} into {2}; {3} already here.",
                                           r->added.size(), r->added.size(), in.file, account_name, r->duplicates)
                               : app::sayn("Imported {0} transaction from {1} into {2}; {3} already here.",
                                           "Imported {0} transactions from {1} into {2}; {3} already here.",
                                           r->added.size(), r->added.size(), in.file, account_name, r->duplicates))
                << '\n';
        if (skipped > 0) {
            ctx.out << app::sayn("Left out {0} row that moves no money here (a hold, a pending or foreign-currency row).",
                                 "Left out {0} rows that move no money here (holds, pending or foreign-currency rows).",
                                 skipped, skipped)
                    << '\n';
        }
        if (!r->matches.empty()) {
            ctx.out << app::tr("Matched from the statement:") << '\n';
            for (const auto& m : r->matches) {
                ctx.out << "  " << match_line(after.value(), m) << '\n';
            }
        }
        if (r->balance_set) {
            ctx.out << app::say("The balance of {0} is now {1} as of {2}, from the statement.", account_name,
                                f.money(r->balance_set->amount), f.full_day(r->balance_set->as_of))
                    << '\n';
        }
        for (const auto& d : r->double_charges) {
            ctx.out << double_line(d) << '\n';
        }
        if (r->import_id != 0) {
            ctx.out << app::say("To take it back: steadypay imports undo {0}", std::to_string(r->import_id)) << '\n';
        }
        return 0;
    }

private:
    std::string m_file;
    Opt m_account, m_format, m_preset, m_columns, m_decimal, m_delimiter, m_order, m_encoding, m_ofx_account, m_save;
    bool m_dry_run = false;
};

class TransactionsCommand final : public Command {
public:
    void add_to(CLI::App& app, Context& ctx) override {
        m_sub = app.add_subcommand("transactions", "List the transactions imported from statements");
        add_opt(*m_sub, m_account, "--account", "Only this account's");
        add_opt(*m_sub, m_from, "--from", "From this day, YYYY-MM-DD");
        add_opt(*m_sub, m_to, "--to", "Up to this day, YYYY-MM-DD");
        m_sub->add_flag("--json", ctx.json, "Print them as JSON");
    }
    int run(Context& ctx) override {
        std::optional<core::Date> from;
        std::optional<core::Date> to;
        for (auto [opt, name, out] : {std::tuple{&m_from, "--from", &from}, std::tuple{&m_to, "--to", &to}}) {
            if (opt->given()) {
                auto d = date_option(name, opt->value);
                if (!d) {
                    return ctx.fail(d.error());
                }
                *out = d.value();
            }
        }
        auto store = open_store(ctx);
        if (!store) {
            return ctx.fail(store.error());
        }
        auto h = store->load();
        if (!h) {
            return ctx.fail(h.error());
        }
        if (m_account.given()) {
            if (auto a = account_of(h.value(), m_account.value); !a) {
                return ctx.fail(a.error());
            }
        }
        auto list = store->transactions(m_account.value);
        if (!list) {
            return ctx.fail(list.error());
        }
        std::erase_if(list.value(), [&](const storage::StoredTransaction& t) {
            return (from && t.transaction.posted < *from) || (to && t.transaction.posted > *to);
        });
        if (ctx.json) {
            ordered_json j = ordered_json::array();
            for (const auto& t : list.value()) {
                j.push_back(transaction_json(t));
            }
            ctx.out << j.dump(2) << '\n';
            return 0;
        }
        if (list->empty()) {
            ctx.out << app::tr("No transactions imported (steadypay import FILE brings a statement in).") << '\n';
            return 0;
        }
        const auto& f = app::formats();
        std::vector<std::array<std::string, 5>> rows;
        rows.push_back({app::tr("Date"), app::tr("Amount"), app::tr("Payee"), app::tr("Matched"), app::tr("Account")});
        for (const auto& t : list.value()) {
            const auto& x = t.transaction;
            rows.push_back({f.full_day(x.posted), f.signed_money(x.amount), core::printable(x.payee),
                            t.matched_item ? app::say("{0} due {1}", name_of(h.value(), *t.matched_item),
                                                      f.day(*t.matched_due, x.posted))
                                           : std::string(),
                            t.account});
        }
        std::array<std::size_t, 5> width{};
        for (const auto& r : rows) {
            for (std::size_t c = 0; c < r.size(); ++c) {
                width[c] = std::max(width[c], app::display_width(r[c]));
            }
        }
        for (const auto& r : rows) {
            ctx.out << app::pad_end(r[0], width[0]) << "  " << app::pad_start(r[1], width[1]) << "  "
                    << app::pad_end(r[2], width[2]) << "  " << app::pad_end(r[3], width[3]) << "  " << r[4] << '\n';
        }
        return 0;
    }

private:
    Opt m_account, m_from, m_to;
};

class ImportsCommand final : public Command {
public:
    void add_to(CLI::App& app, Context& ctx) override {
        m_sub = app.add_subcommand("imports", "List the statements imported, or take one back");
        m_sub->add_flag("--json", ctx.json, "Print them as JSON");
        m_undo = m_sub->add_subcommand("undo", "Take an import back as a whole");
        m_undo->add_option("import", m_id, "The import's number (steadypay imports lists them)")->required();
        m_undo->add_flag("--json", ctx.json, "Print what was done as JSON");
    }
    int run(Context& ctx) override {
        auto store = open_store(ctx);
        if (!store) {
            return ctx.fail(store.error());
        }
        if (m_undo->parsed()) {
            return undo(ctx, store.value());
        }
        auto list = store->imports();
        if (!list) {
            return ctx.fail(list.error());
        }
        auto h = store->load();
        if (!h) {
            return ctx.fail(h.error());
        }
        if (ctx.json) {
            ordered_json j = ordered_json::array();
            for (const auto& i : list.value()) {
                const auto balance = [](const std::optional<core::StatementBalance>& b) {
                    return b ? ordered_json{{"amount", b->amount.to_string()}, {"as_of", core::to_iso(b->as_of)}}
                             : ordered_json(nullptr);
                };
                j.push_back({{"import", i.id},
                             {"account", i.account},
                             {"at", i.at},
                             {"file", i.file},
                             {"format", i.format},
                             {"sha256", i.file_sha256},
                             {"first", optional_date(i.first)},
                             {"last", optional_date(i.last)},
                             {"added", i.added},
                             {"matched", i.matched},
                             {"ledger", balance(i.ledger)},
                             {"available", balance(i.available)},
                             {"balance_set", i.balance_set},
                             {"undone_at", i.undone_at ? ordered_json(*i.undone_at) : ordered_json(nullptr)}});
            }
            ctx.out << j.dump(2) << '\n';
            return 0;
        }
        if (list->empty()) {
            ctx.out << app::tr("No statements imported yet.") << '\n';
            return 0;
        }
        const auto& f = app::formats();
        for (const auto& i : list.value()) {
            const auto span = i.first && i.last ? app::say("{0} to {1}", f.full_day(*i.first), f.full_day(*i.last))
                                                : std::string();
            ctx.out << app::say("{0}. {1} ({2}) into {3}, {4}: {5} added, {6} matched", std::to_string(i.id),
                                core::printable(i.file), i.format, i.account, span, static_cast<long long>(i.added),
                                static_cast<long long>(i.matched));
            if (i.undone_at) {
                ctx.out << " " << app::say("(undone {0})", *i.undone_at);
            }
            ctx.out << '\n';
        }
        return 0;
    }

private:
    int undo(Context& ctx, storage::Store& store) {
        auto r = store.undo_import(m_id, change_context("imports undo"));
        if (!r) {
            return ctx.fail(r.error());
        }
        if (ctx.json) {
            ctx.out << ordered_json{{"import", r->import_id},
                                    {"removed", r->removed},
                                    {"unmatched", r->unmatched},
                                    {"kept", r->kept},
                                    {"balance_restored", r->balance_restored}}
                           .dump(2)
                    << '\n';
            return 0;
        }
        ctx.out << app::sayn("Took back import {1}: {0} transaction removed, {2} payments put back as they were.",
                             "Took back import {1}: {0} transactions removed, {2} payments put back as they were.",
                             r->removed, r->removed, std::to_string(r->import_id), static_cast<long long>(r->unmatched))
                << '\n';
        for (const auto& k : r->kept) {
            ctx.out << "  " << app::say("Kept {0}: it was changed after the import.", k) << '\n';
        }
        if (r->balance_restored) {
            ctx.out << app::tr("The account's balance is back to what it was before the import.") << '\n';
        }
        return 0;
    }

    CLI::App* m_undo = nullptr;
    std::int64_t m_id = 0;
};

class ReconcileCommand final : public Command {
public:
    void add_to(CLI::App& app, Context& ctx) override {
        m_sub = app.add_subcommand("reconcile",
                                   "Review imported transactions: what matched, what did not, possible double charges");
        add_opt(*m_sub, m_rule, "--rule",
                "Teach a payee: PATTERN=ITEM (a payee with these words is that bill or income), then match again");
        m_sub->add_flag("--json", ctx.json, "Print the review as JSON");
    }
    int run(Context& ctx) override {
        auto store = open_store(ctx);
        if (!store) {
            return ctx.fail(store.error());
        }
        std::vector<core::Match> newly;
        std::vector<storage::StoredTransaction> newly_matched;
        if (m_rule.given()) {
            const auto eq = m_rule.value.rfind('=');
            if (eq == std::string::npos || eq == 0 || eq + 1 == m_rule.value.size()) {
                return ctx.fail(core::bad_input("{0} is not PATTERN=ITEM (for example \"yosef cohen=rent\")",
                                                core::quote_input(m_rule.value))
                                    .context("--rule"));
            }
            const core::PayeeRule rule{m_rule.value.substr(0, eq), m_rule.value.substr(eq + 1)};
            if (auto s = store->add_payee_rule(rule, change_context("reconcile")); !s) {
                return ctx.fail(s.error().context("--rule"));
            }
            auto r = store->reconcile_stored(change_context("reconcile"));
            if (!r) {
                return ctx.fail(r.error());
            }
            newly = r->matches;
            newly_matched = r->matched;
        }
        auto h = store->load();
        auto list = store->transactions();
        auto doubles = store->double_charges();
        auto rules = store->payee_rules();
        if (!h || !list || !doubles || !rules) {
            return ctx.fail(!h ? h.error() : !list ? list.error() : !doubles ? doubles.error() : rules.error());
        }
        std::vector<const storage::StoredTransaction*> unmatched;
        std::size_t matched = 0;
        for (const auto& t : list.value()) {
            if (t.matched_item) {
                ++matched;
            } else {
                unmatched.push_back(&t);
            }
        }
        if (ctx.json) {
            ordered_json j;
            j["newly_matched"] = ordered_json::array();
            for (std::size_t k = 0; k < newly.size(); ++k) {
                auto mj = match_json(newly[k]);
                mj["transaction"] = newly_matched[k].id;
                j["newly_matched"].push_back(mj);
            }
            j["matched"] = matched;
            j["unmatched"] = ordered_json::array();
            for (const auto* t : unmatched) {
                j["unmatched"].push_back(transaction_json(*t));
            }
            j["double_charges"] = ordered_json::array();
            for (const auto& d : doubles.value()) {
                j["double_charges"].push_back(double_json(d));
            }
            j["rules"] = ordered_json::array();
            for (const auto& r : rules.value()) {
                j["rules"].push_back({{"pattern", r.pattern}, {"item", r.item}});
            }
            ctx.out << j.dump(2) << '\n';
            return 0;
        }
        const auto& f = app::formats();
        for (const auto& m : newly) {
            ctx.out << app::say("Matched now: {0}", match_line(h.value(), m)) << '\n';
        }
        ctx.out << app::sayn("{0} transaction matched to a bill or an income; {1} not matched.",
                             "{0} transactions matched to a bill or an income; {1} not matched.", matched,
                             static_cast<long long>(matched), static_cast<long long>(unmatched.size()))
                << '\n';
        std::size_t amount_width = 0;
        for (const auto* t : unmatched) {
            amount_width = std::max(amount_width, app::display_width(f.signed_money(t->transaction.amount)));
        }
        for (const auto* t : unmatched) {
            ctx.out << "  " << f.full_day(t->transaction.posted) << "  "
                    << app::pad_start(f.signed_money(t->transaction.amount), amount_width) << "  "
                    << core::printable(t->transaction.payee) << '\n';
        }
        if (!unmatched.empty()) {
            ctx.out << app::tr("A payee above is a bill or an income? steadypay reconcile --rule \"PAYEE WORDS=ITEM\"")
                    << '\n';
        }
        for (const auto& d : doubles.value()) {
            ctx.out << double_line(d) << '\n';
        }
        return 0;
    }

private:
    Opt m_rule;
};

} // namespace

std::unique_ptr<Command> make_statement_import_command() { return std::make_unique<ImportCommand>(); }
std::unique_ptr<Command> make_transactions_command() { return std::make_unique<TransactionsCommand>(); }
std::unique_ptr<Command> make_imports_command() { return std::make_unique<ImportsCommand>(); }
std::unique_ptr<Command> make_reconcile_command() { return std::make_unique<ReconcileCommand>(); }

} // namespace steadypay::cli
