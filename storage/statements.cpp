// The store's statements: imports, their transactions, the occurrences they matched, payee rules.

#include "core/dates.hpp"
#include "core/edits.hpp"
#include "core/text.hpp"
#include "storage/schema.hpp"
#include "storage/store.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace steadypay::storage {

using core::Errc;
using core::Error;
using core::Household;
using core::Money;
using core::Result;
using core::Status;

namespace {

Error damaged(std::string_view table, std::int64_t row, std::string_view field, std::string_view value) {
    return problem(Errc::store_unavailable, "the store is damaged: {0} row {1}, field {2}: {3}", table, row, field,
                   core::quote_input(value));
}

Result<core::Date> read_date(std::string_view table, std::int64_t row, std::string_view field, const std::string& v) {
    auto d = core::parse_iso_date(v);
    if (!d) {
        return damaged(table, row, field, v);
    }
    return d.value();
}

Result<std::optional<core::Date>> read_optional_date(std::string_view table, std::int64_t row, std::string_view field,
                                                     const std::optional<std::string>& v) {
    if (!v) {
        return std::optional<core::Date>{};
    }
    auto d = read_date(table, row, field, *v);
    if (!d) {
        return std::move(d).error();
    }
    return std::optional<core::Date>{d.value()};
}

constexpr const char* k_select_transactions =
    "SELECT t.id, t.account_id, t.import_id, t.key, t.posted, t.amount, t.payee, t.memo, t.source_id, t.kind, "
    "t.available, t.statement_end, m.item_id, m.due FROM transactions t LEFT JOIN transaction_matches m ON "
    "m.transaction_id = t.id WHERE t.household_id = ?1 AND (ifnull(?2, '') = '' OR t.account_id = ?2) ORDER BY t.account_id, "
    "t.posted, t.id";

Result<std::vector<StoredTransaction>> read_transactions(const Database& db, const core::Currency& currency,
                                                         std::string_view account) {
    auto s = db.prepare(k_select_transactions);
    if (!s) {
        return std::move(s).error();
    }
    s->bind(1, k_household_id).bind(2, account);
    std::vector<StoredTransaction> out;
    auto r = each_row(s.value(), [&]() -> Status {
        StoredTransaction t;
        t.id = s->column_int(0);
        t.account = s->column_text(1);
        t.import_id = s->column_int(2);
        t.key = s->column_text(3);
        auto posted = read_date("transactions", t.id, "posted", s->column_text(4));
        if (!posted) {
            return std::move(posted).error();
        }
        t.transaction.posted = posted.value();
        t.transaction.amount = Money::from_minor(s->column_int(5), currency);
        t.transaction.payee = s->column_text(6);
        t.transaction.memo = s->column_text(7);
        t.transaction.source_id = s->column_text(8);
        auto kind = core::parse_transaction_kind(s->column_text(9));
        if (!kind) {
            return damaged("transactions", t.id, "kind", s->column_text(9));
        }
        t.transaction.kind = kind.value();
        auto available = read_optional_date("transactions", t.id, "available", s->column_optional_text(10));
        auto end = read_date("transactions", t.id, "statement_end", s->column_text(11));
        auto due = read_optional_date("transaction_matches", t.id, "due", s->column_optional_text(13));
        if (!available || !end || !due) {
            return !available ? std::move(available).error() : !end ? std::move(end).error() : std::move(due).error();
        }
        t.transaction.available = available.value();
        t.statement_end = end.value();
        t.matched_item = s->column_optional_text(12);
        t.matched_due = due.value();
        out.push_back(std::move(t));
        return {};
    });
    if (!r) {
        return std::move(r).error();
    }
    return out;
}

Result<std::vector<core::PayeeRule>> read_rules(const Database& db) {
    auto s = db.prepare("SELECT pattern, item_id FROM payee_rules WHERE household_id = ?1 ORDER BY pattern");
    if (!s) {
        return std::move(s).error();
    }
    s->bind(1, k_household_id);
    std::vector<core::PayeeRule> out;
    auto r = each_row(s.value(), [&]() -> Status {
        out.push_back(core::PayeeRule{s->column_text(0), s->column_text(1)});
        return {};
    });
    if (!r) {
        return std::move(r).error();
    }
    return out;
}

// The possible double charges of one account's transactions, by their places in `list`.
std::vector<DoubleChargeFound> doubles_of(const std::vector<StoredTransaction>& list,
                                          const std::vector<core::SecondMatch>& second_matches = {}) {
    std::vector<core::Transaction> txs;
    std::vector<core::Date> ends;
    txs.reserve(list.size());
    for (const auto& t : list) {
        txs.push_back(t.transaction);
        ends.push_back(t.statement_end);
    }
    std::vector<DoubleChargeFound> out;
    for (const auto& d : core::possible_double_charges(txs, ends, second_matches)) {
        out.push_back(DoubleChargeFound{list[d.first], list[d.second], d.at_stake, d.dispute_by, d.same_occurrence});
    }
    return out;
}

std::optional<std::string> iso(const std::optional<core::Date>& d) {
    return d ? std::optional<std::string>(core::to_iso(*d)) : std::nullopt;
}

// The payments `matches` record (each marks its transaction in `list` matched), and what each
// occurrence held before, which undoing puts back.
std::vector<std::optional<core::Payment>> record_matches(const Household& h, const std::vector<core::Match>& matches,
                                                         std::vector<StoredTransaction>& list,
                                                         std::vector<core::Edit>& edits) {
    std::vector<std::optional<core::Payment>> before;
    for (const auto& m : matches) {
        auto& t = list[m.transaction];
        t.matched_item = m.item;
        t.matched_due = m.due;
        const core::Payment* p = h.find_payment(m.item, m.due);
        before.push_back(p ? std::optional<core::Payment>(*p) : std::nullopt);
        edits.emplace_back(core::record_edit(h, m.item, m.due, core::PaymentStatus::paid, m.date, m.amount));
    }
    return before;
}

Status insert_matches(const Database& db, const std::vector<core::Match>& matches,
                      const std::vector<StoredTransaction>& list, const std::vector<std::optional<core::Payment>>& before) {
    auto match = db.prepare("INSERT INTO transaction_matches (transaction_id, household_id, item_id, due, date, amount, "
                            "before_status, before_date, before_amount) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    if (!match) {
        return std::move(match).error();
    }
    for (std::size_t k = 0; k < matches.size(); ++k) {
        const auto& m = matches[k];
        const auto& was = before[k];
        match->bind(1, list[m.transaction].id)
            .bind(2, k_household_id)
            .bind(3, m.item)
            .bind(4, core::to_iso(m.due))
            .bind(5, core::to_iso(m.date))
            .bind(6, m.amount.minor())
            .bind(7, was ? std::optional<std::string>(std::string(core::to_string(was->status))) : std::nullopt)
            .bind(8, was ? iso(was->date) : std::nullopt)
            .bind(9, was && was->amount ? std::optional<std::int64_t>(was->amount->minor()) : std::nullopt);
        if (auto s = match->run(); !s) {
            return s;
        }
    }
    return {};
}

} // namespace

Result<ImportSummary> Store::import_statement(const StatementImport& in, const ChangeContext& context) {
    ImportSummary summary;
    summary.read = in.statement.transactions.size();
    summary.dry_run = in.dry_run;
    auto applied = write_plan(
        [&](const Household& h) -> Result<WritePlan> {
            const core::Account* account = h.find_account(in.account);
            if (account == nullptr) {
                return problem(Errc::not_found, "{0} is not an account", core::quote_input(in.account));
            }
            if (!in.statement.currency.empty() && in.statement.currency != h.currency.code()) {
                return core::bad_input("the statement is in {0} and the household in {1}", in.statement.currency,
                                       std::string(h.currency.code()));
            }
            auto existing = read_transactions(m_db, h.currency, in.account);
            if (!existing) {
                return std::move(existing).error();
            }
            std::set<std::string> known;
            for (const auto& t : existing.value()) {
                known.insert(t.key);
            }
            const auto keys = core::transaction_keys(in.statement.transactions);
            const core::Date end = in.statement.end().value_or(account->as_of);
            std::vector<core::Transaction> fresh;
            for (std::size_t i = 0; i < keys.size(); ++i) {
                // Already held, or given twice in the file (the same source id): one transaction.
                if (!known.insert(keys[i]).second) {
                    ++summary.duplicates;
                    continue;
                }
                StoredTransaction t;
                t.account = in.account;
                t.key = keys[i];
                t.transaction = in.statement.transactions[i];
                t.statement_end = end;
                summary.added.push_back(t);
                fresh.push_back(t.transaction);
            }
            auto rules = read_rules(m_db);
            if (!rules) {
                return std::move(rules).error();
            }
            const auto reconciliation = core::reconcile(h, in.account, fresh, rules.value());
            summary.matches = reconciliation.matches;

            WritePlan plan;
            plan.keep = !in.dry_run;
            const auto before_match = record_matches(h, summary.matches, summary.added, plan.edits);
            const auto& ledger = in.statement.ledger;
            if (ledger && ledger->as_of >= account->as_of && (!in.today || ledger->as_of <= *in.today) &&
                !(ledger->amount == account->balance && ledger->as_of == account->as_of)) {
                summary.balance_set = ledger;
                plan.edits.emplace_back(core::balance_edit(*account, ledger->amount, ledger->as_of));
            }
            // Double charges among everything the account holds now, those that involve a new one.
            std::vector<StoredTransaction> all = existing.value();
            const std::size_t offset = all.size();
            all.insert(all.end(), summary.added.begin(), summary.added.end());
            auto seconds = reconciliation.second_matches;
            for (auto& s : seconds) {
                s.transaction += offset;
                s.other += offset;
            }
            for (auto& d : doubles_of(all, seconds)) {
                if (d.first.id == 0 || d.second.id == 0) {
                    summary.double_charges.push_back(std::move(d));
                }
            }
            if (summary.added.empty() && plan.edits.empty()) {
                return plan; // nothing new: nothing is written
            }
            const core::Money old_balance = account->balance;
            const core::Date old_as_of = account->as_of;
            plan.rows = [&, old_balance, old_as_of, before_match, end](const Household&) -> Status {
                auto imp = m_db.prepare(
                    "INSERT INTO imports (household_id, account_id, at, file_name, format, file_sha256, first_date, "
                    "last_date, added, matched, ledger_balance, ledger_as_of, available_balance, available_as_of, "
                    "balance_set, balance_before, as_of_before) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                    "?12, ?13, ?14, ?15, ?16, ?17)");
                if (!imp) {
                    return std::move(imp).error();
                }
                const auto& avail = in.statement.available;
                imp->bind(1, k_household_id)
                    .bind(2, in.account)
                    .bind(3, context.at)
                    .bind(4, in.file)
                    .bind(5, in.statement.format)
                    .bind(6, in.file_sha256)
                    .bind(7, iso(in.statement.start()))
                    .bind(8, iso(in.statement.end()))
                    .bind(9, static_cast<std::int64_t>(summary.added.size()))
                    .bind(10, static_cast<std::int64_t>(summary.matches.size()))
                    .bind(11, ledger ? std::optional<std::int64_t>(ledger->amount.minor()) : std::nullopt)
                    .bind(12, ledger ? iso(ledger->as_of) : std::nullopt)
                    .bind(13, avail ? std::optional<std::int64_t>(avail->amount.minor()) : std::nullopt)
                    .bind(14, avail ? iso(avail->as_of) : std::nullopt)
                    .bind(15, std::int64_t{summary.balance_set ? 1 : 0})
                    .bind(16, std::optional<std::int64_t>(old_balance.minor()))
                    .bind(17, iso(old_as_of));
                if (auto s = imp->run(); !s) {
                    return s;
                }
                summary.import_id = sqlite3_last_insert_rowid(m_db.handle());
                auto row = m_db.prepare(
                    "INSERT INTO transactions (household_id, account_id, import_id, key, posted, amount, payee, memo, "
                    "source_id, kind, available, statement_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                    "?12)");
                if (!row) {
                    return std::move(row).error();
                }
                for (auto& t : summary.added) {
                    t.import_id = summary.import_id;
                    const auto& x = t.transaction;
                    row->bind(1, k_household_id)
                        .bind(2, t.account)
                        .bind(3, t.import_id)
                        .bind(4, t.key)
                        .bind(5, core::to_iso(x.posted))
                        .bind(6, x.amount.minor())
                        .bind(7, x.payee)
                        .bind(8, x.memo)
                        .bind(9, x.source_id)
                        .bind(10, core::to_string(x.kind))
                        .bind(11, iso(x.available))
                        .bind(12, core::to_iso(end));
                    if (auto s = row->run(); !s) {
                        return s;
                    }
                    t.id = sqlite3_last_insert_rowid(m_db.handle());
                }
                return insert_matches(m_db, summary.matches, summary.added, before_match);
            };
            return plan;
        },
        context, std::nullopt);
    if (!applied) {
        return std::move(applied).error();
    }
    summary.revision = applied->revision;
    // The double charges were found before the new transactions had their rows.
    for (auto& d : summary.double_charges) {
        if (in.dry_run) {
            break;
        }
        for (auto* side : {&d.first, &d.second}) {
            if (side->id != 0) {
                continue;
            }
            auto same = std::find_if(summary.added.begin(), summary.added.end(),
                                     [&](const StoredTransaction& t) { return t.key == side->key; });
            if (same != summary.added.end()) {
                *side = *same;
            }
        }
    }
    if (in.dry_run) {
        summary.import_id = 0;
        for (auto& t : summary.added) {
            t.id = 0;
            t.import_id = 0;
        }
    }
    return summary;
}

Result<UndoSummary> Store::undo_import(std::int64_t import_id, const ChangeContext& context) {
    UndoSummary summary;
    summary.import_id = import_id;
    auto applied = write_plan(
        [&](const Household& h) -> Result<WritePlan> {
            auto imp = m_db.prepare("SELECT account_id, balance_set, ledger_balance, ledger_as_of, balance_before, "
                                    "as_of_before, undone_at FROM imports WHERE household_id = ?1 AND id = ?2");
            if (!imp) {
                return std::move(imp).error();
            }
            imp->bind(1, k_household_id).bind(2, import_id);
            auto found = imp->step();
            if (!found) {
                return std::move(found).error();
            }
            if (!found.value()) {
                return problem(Errc::not_found, "there is no import {0} (steadypay imports lists them)", import_id);
            }
            if (!imp->column_is_null(6)) {
                return core::bad_input("import {0} was undone already, on {1}", import_id, imp->column_text(6));
            }
            WritePlan plan;
            const std::string account_id = imp->column_text(0);
            if (imp->column_int(1) == 1) {
                const core::Account* account = h.find_account(account_id);
                auto set_as_of = read_date("imports", import_id, "ledger_as_of", imp->column_text(3));
                auto old_as_of = read_date("imports", import_id, "as_of_before", imp->column_text(5));
                if (!set_as_of || !old_as_of) {
                    return !set_as_of ? std::move(set_as_of).error() : std::move(old_as_of).error();
                }
                const Money set = Money::from_minor(imp->column_int(2), h.currency);
                // Put back only what the import set: a balance the person typed since stays.
                if (account != nullptr && account->balance == set && account->as_of == set_as_of.value()) {
                    plan.edits.emplace_back(core::balance_edit(
                        *account, Money::from_minor(imp->column_int(4), h.currency), old_as_of.value()));
                    summary.balance_restored = true;
                }
            }
            auto matches = m_db.prepare(
                "SELECT m.transaction_id, m.item_id, m.due, m.date, m.amount, m.before_status, m.before_date, "
                "m.before_amount FROM transaction_matches m JOIN transactions t ON t.id = m.transaction_id WHERE "
                "t.import_id = ?1 ORDER BY m.transaction_id");
            if (!matches) {
                return std::move(matches).error();
            }
            matches->bind(1, import_id);
            auto r = each_row(matches.value(), [&]() -> Status {
                const std::int64_t row = matches->column_int(0);
                const std::string item = matches->column_text(1);
                auto due = read_date("transaction_matches", row, "due", matches->column_text(2));
                auto date = read_date("transaction_matches", row, "date", matches->column_text(3));
                auto before_date =
                    read_optional_date("transaction_matches", row, "before_date", matches->column_optional_text(6));
                if (!due || !date || !before_date) {
                    return !due ? std::move(due).error() : !date ? std::move(date).error() : std::move(before_date).error();
                }
                const Money amount = Money::from_minor(matches->column_int(4), h.currency);
                const core::Payment* now = h.find_payment(item, due.value());
                if (now == nullptr || now->status != core::PaymentStatus::paid || now->date != date.value() ||
                    now->amount != amount) {
                    summary.kept.push_back(item + " " + core::to_iso(due.value()));
                    return {};
                }
                ++summary.unmatched;
                const auto before_status = matches->column_optional_text(5);
                if (!before_status) {
                    plan.edits.emplace_back(core::clear_edit(h, item, due.value()));
                    return {};
                }
                auto status = core::parse_payment_status(*before_status);
                if (!status) {
                    return damaged("transaction_matches", row, "before_status", *before_status);
                }
                const auto before_amount = matches->column_optional_int(7);
                plan.edits.emplace_back(core::record_edit(
                    h, item, due.value(), status.value(), before_date.value(),
                    before_amount ? std::optional<Money>(Money::from_minor(*before_amount, h.currency)) : std::nullopt));
                return {};
            });
            if (!r) {
                return std::move(r).error();
            }
            plan.rows = [&](const Household&) -> Status {
                auto count = m_db.prepare("SELECT count(*) FROM transactions WHERE import_id = ?1");
                if (!count) {
                    return std::move(count).error();
                }
                count->bind(1, import_id);
                auto counted = count->step();
                if (!counted) {
                    return std::move(counted).error();
                }
                summary.removed = static_cast<std::size_t>(count->column_int(0));
                for (const char* sql :
                     {"DELETE FROM transaction_matches WHERE transaction_id IN (SELECT id FROM transactions WHERE "
                      "import_id = ?1)",
                      "DELETE FROM transactions WHERE import_id = ?1"}) {
                    auto del = m_db.prepare(sql);
                    if (!del) {
                        return std::move(del).error();
                    }
                    if (auto s = del->bind(1, import_id).run(); !s) {
                        return s;
                    }
                }
                auto mark = m_db.prepare("UPDATE imports SET undone_at = ?2 WHERE id = ?1");
                if (!mark) {
                    return std::move(mark).error();
                }
                return mark->bind(1, import_id).bind(2, context.at).run();
            };
            return plan;
        },
        context, std::nullopt);
    if (!applied) {
        return std::move(applied).error();
    }
    summary.revision = applied->revision;
    return summary;
}

Result<MatchSummary> Store::reconcile_stored(const ChangeContext& context) {
    MatchSummary summary;
    auto applied = write_plan(
        [&](const Household& h) -> Result<WritePlan> {
            auto all = read_transactions(m_db, h.currency, {});
            if (!all) {
                return std::move(all).error();
            }
            auto rules = read_rules(m_db);
            if (!rules) {
                return std::move(rules).error();
            }
            WritePlan plan;
            std::vector<core::Match> matches;
            // Account by account, the transactions no occurrence has yet.
            for (const auto& account : h.accounts) {
                std::vector<core::Transaction> open;
                std::vector<std::size_t> at;
                for (std::size_t i = 0; i < all->size(); ++i) {
                    const auto& t = (*all)[i];
                    if (t.account == account.id && !t.matched_item) {
                        open.push_back(t.transaction);
                        at.push_back(i);
                    }
                }
                for (auto m : core::reconcile(h, account.id, open, rules.value()).matches) {
                    m.transaction = at[m.transaction];
                    matches.push_back(std::move(m));
                }
            }
            auto list = std::move(all).value();
            const auto before = record_matches(h, matches, list, plan.edits);
            for (const auto& m : matches) {
                summary.matched.push_back(list[m.transaction]);
            }
            summary.matches = matches;
            if (matches.empty()) {
                return plan;
            }
            plan.rows = [&, before, matches, list](const Household&) -> Status {
                return insert_matches(m_db, matches, list, before);
            };
            return plan;
        },
        context, std::nullopt);
    if (!applied) {
        return std::move(applied).error();
    }
    summary.revision = applied->revision;
    return summary;
}

Result<std::vector<ImportRecord>> Store::imports() const {
    auto household = load();
    if (!household) {
        return std::move(household).error();
    }
    const auto currency = household->currency;
    auto s = m_db.prepare("SELECT id, account_id, at, file_name, format, file_sha256, first_date, last_date, added, "
                          "matched, ledger_balance, ledger_as_of, available_balance, available_as_of, balance_set, "
                          "undone_at FROM imports WHERE household_id = ?1 ORDER BY id");
    if (!s) {
        return std::move(s).error();
    }
    s->bind(1, k_household_id);
    std::vector<ImportRecord> out;
    auto r = each_row(s.value(), [&]() -> Status {
        ImportRecord i;
        i.id = s->column_int(0);
        i.account = s->column_text(1);
        i.at = s->column_text(2);
        i.file = s->column_text(3);
        i.format = s->column_text(4);
        i.file_sha256 = s->column_text(5);
        auto first = read_optional_date("imports", i.id, "first_date", s->column_optional_text(6));
        auto last = read_optional_date("imports", i.id, "last_date", s->column_optional_text(7));
        auto ledger = read_optional_date("imports", i.id, "ledger_as_of", s->column_optional_text(11));
        auto avail = read_optional_date("imports", i.id, "available_as_of", s->column_optional_text(13));
        for (auto* d : {&first, &last, &ledger, &avail}) {
            if (!*d) {
                return std::move(*d).error();
            }
        }
        i.first = first.value();
        i.last = last.value();
        i.added = s->column_int(8);
        i.matched = s->column_int(9);
        if (ledger.value() && !s->column_is_null(10)) {
            i.ledger = core::StatementBalance{Money::from_minor(s->column_int(10), currency), *ledger.value()};
        }
        if (avail.value() && !s->column_is_null(12)) {
            i.available = core::StatementBalance{Money::from_minor(s->column_int(12), currency), *avail.value()};
        }
        i.balance_set = s->column_int(14) == 1;
        i.undone_at = s->column_optional_text(15);
        out.push_back(std::move(i));
        return {};
    });
    if (!r) {
        return std::move(r).error();
    }
    return out;
}

Result<std::vector<StoredTransaction>> Store::transactions(std::string_view account) const {
    auto household = load();
    if (!household) {
        return std::move(household).error();
    }
    return read_transactions(m_db, household->currency, account);
}

Result<std::vector<DoubleChargeFound>> Store::double_charges() const {
    auto all = transactions();
    if (!all) {
        return std::move(all).error();
    }
    std::vector<DoubleChargeFound> out;
    auto begin = all->begin();
    while (begin != all->end()) {
        auto end = std::find_if(begin, all->end(), [&](const StoredTransaction& t) { return t.account != begin->account; });
        auto found = doubles_of(std::vector<StoredTransaction>(begin, end));
        out.insert(out.end(), found.begin(), found.end());
        begin = end;
    }
    return out;
}

Result<core::StatementFacts> Store::statement_facts() const {
    auto list = imports();
    if (!list) {
        return std::move(list).error();
    }
    core::StatementFacts facts;
    for (const auto& i : list.value()) {
        if (i.undone_at || !i.first || !i.last) {
            continue;
        }
        auto seen = std::find_if(facts.statements.begin(), facts.statements.end(),
                                 [&](const core::StatementSeen& s) { return s.account == i.account; });
        if (seen == facts.statements.end()) {
            facts.statements.push_back(core::StatementSeen{i.account, *i.first, *i.last});
        } else {
            seen->from = std::min(seen->from, *i.first);
            seen->through = std::max(seen->through, *i.last);
        }
    }
    auto doubles = double_charges();
    if (!doubles) {
        return std::move(doubles).error();
    }
    for (const auto& d : doubles.value()) {
        core::DoubleChargeSeen seen{d.second.account, d.second.transaction.payee, d.second.key,
                                    d.at_stake,       d.first.transaction.posted, d.second.transaction.posted,
                                    d.dispute_by,     d.same_occurrence,          std::nullopt};
        facts.double_charges.push_back(std::move(seen));
    }
    return facts;
}

Result<std::vector<core::PayeeRule>> Store::payee_rules() const { return read_rules(m_db); }

Status Store::add_payee_rule(const core::PayeeRule& rule, const ChangeContext& context) {
    if (core::normalize_payee(rule.pattern).empty()) {
        return core::bad_input("a payee rule needs a word to look for");
    }
    auto applied = write_plan(
        [&](const Household& h) -> Result<WritePlan> {
            if (h.find_bill(rule.item) == nullptr && h.find_income(rule.item) == nullptr) {
                return problem(Errc::not_found, "{0} is not a bill or an income", core::quote_input(rule.item));
            }
            WritePlan plan;
            plan.rows = [&](const Household&) -> Status {
                auto s = m_db.prepare(
                    "INSERT OR REPLACE INTO payee_rules (household_id, pattern, item_id) VALUES (?1, ?2, ?3)");
                if (!s) {
                    return std::move(s).error();
                }
                return s->bind(1, k_household_id).bind(2, core::normalize_payee(rule.pattern)).bind(3, rule.item).run();
            };
            return plan;
        },
        context, std::nullopt);
    if (!applied) {
        return std::move(applied).error();
    }
    return {};
}

} // namespace steadypay::storage
