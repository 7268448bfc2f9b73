#include "core/statement.hpp"

#include "core/dates.hpp"
#include "core/recording.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <tuple>

namespace steadypay::core {

namespace {

constexpr std::array<std::pair<TransactionKind, std::string_view>, 7> k_kinds{{
    {TransactionKind::other, "other"},
    {TransactionKind::card, "card"},
    {TransactionKind::transfer, "transfer"},
    {TransactionKind::check, "check"},
    {TransactionKind::cash, "cash"},
    {TransactionKind::fee, "fee"},
    {TransactionKind::interest, "interest"},
}};

// Whether `needle` (normalized) is in `haystack` (normalized) as whole words.
bool has_words(const std::string& haystack, const std::string& needle) {
    if (needle.empty()) {
        return false;
    }
    const std::string h = " " + haystack + " ";
    return h.find(" " + needle + " ") != std::string::npos;
}

struct Candidate {
    int rank = 1; // 0: a payee rule's match, 1: a name's
    int distance = 0;
    std::size_t transaction = 0;
    std::size_t occurrence = 0;
};

struct Expected {
    ItemKind kind = ItemKind::bill;
    const std::string* item = nullptr;
    Date due;
};

} // namespace

Result<TransactionKind> parse_transaction_kind(std::string_view text) {
    for (const auto& [kind, name] : k_kinds) {
        if (name == text) {
            return kind;
        }
    }
    return bad_input("{0} is not a kind of transaction (other, card, transfer, check, cash, fee, interest)",
                     std::string(text));
}

std::string_view to_string(TransactionKind k) {
    for (const auto& [kind, name] : k_kinds) {
        if (kind == k) {
            return name;
        }
    }
    return "other";
}

std::optional<Date> Statement::end() const {
    if (ledger) {
        return ledger->as_of;
    }
    std::optional<Date> last;
    for (const auto& t : transactions) {
        if (!last || t.posted > *last) {
            last = t.posted;
        }
    }
    return last;
}

std::optional<Date> Statement::start() const {
    std::optional<Date> first;
    for (const auto& t : transactions) {
        if (!first || t.posted < *first) {
            first = t.posted;
        }
    }
    return first;
}

std::string normalize_payee(std::string_view payee) {
    std::string out;
    out.reserve(payee.size());
    bool gap = false;
    for (const char c : payee) {
        const auto u = static_cast<unsigned char>(c);
        const bool ascii_word = (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
        if (ascii_word || u >= 0x80) {
            if (gap && !out.empty()) {
                out.push_back(' ');
            }
            gap = false;
            out.push_back(u >= 'A' && u <= 'Z' ? static_cast<char>(u - 'A' + 'a') : c);
        } else {
            gap = true;
        }
    }
    return out;
}

std::vector<std::string> transaction_keys(const std::vector<Transaction>& transactions) {
    std::vector<std::string> keys;
    keys.reserve(transactions.size());
    std::map<std::string, int> seen;
    for (const auto& t : transactions) {
        if (!t.source_id.empty()) {
            keys.push_back("id:" + t.source_id);
            continue;
        }
        std::string fp = "fp:" + to_iso(t.posted) + "|" + std::to_string(t.amount.minor()) + "|" + normalize_payee(t.payee);
        const int n = ++seen[fp];
        keys.push_back(fp + "#" + std::to_string(n));
    }
    return keys;
}

Reconciliation reconcile(const Household& h, std::string_view account, const std::vector<Transaction>& transactions,
                         const std::vector<PayeeRule>& rules, const MatchWindow& window, const std::vector<bool>& skip) {
    Reconciliation out;
    if (transactions.empty()) {
        return out;
    }
    Date first = transactions.front().posted;
    Date last = first;
    for (const auto& t : transactions) {
        first = std::min(first, t.posted);
        last = std::max(last, t.posted);
    }
    std::vector<std::string> texts;
    texts.reserve(transactions.size());
    for (const auto& t : transactions) {
        texts.push_back(normalize_payee(t.payee + " " + t.memo));
    }
    std::vector<std::pair<std::string, std::string>> normalized_rules;
    for (const auto& r : rules) {
        normalized_rules.emplace_back(normalize_payee(r.pattern), r.item);
    }
    const auto by_rule = [&](std::size_t t, const std::string& item) {
        return std::any_of(normalized_rules.begin(), normalized_rules.end(), [&](const auto& r) {
            return r.second == item && has_words(texts[t], r.first);
        });
    };
    const auto open = [&](const std::string& item, Date due) {
        const Payment* p = h.find_payment(item, due);
        return p == nullptr || p->status == PaymentStatus::unpaid;
    };

    std::vector<Expected> expected;
    std::vector<Candidate> candidates;
    // Every (transaction, occurrence) pair that could be one payment, for one item.
    const auto consider = [&](ItemKind kind, const std::string& id, const std::vector<std::string>& names,
                              const Amount& amount, int before, int after) {
        std::vector<std::string> needles;
        for (const auto& n : names) {
            if (auto s = normalize_payee(n); !s.empty()) {
                needles.push_back(std::move(s));
            }
        }
        for (const auto& d : item_due_dates(h, id, first - date::days{after + 1}, last + date::days{before + 1})) {
            if (!open(id, d.due)) {
                continue;
            }
            const std::size_t occurrence = expected.size();
            expected.push_back(Expected{kind, &id, d.due});
            for (std::size_t t = 0; t < transactions.size(); ++t) {
                const auto& tx = transactions[t];
                if ((!skip.empty() && skip[t]) || (kind == ItemKind::bill) != tx.amount.is_negative() ||
                    tx.amount.is_zero()) {
                    continue;
                }
                const int distance = days_between(d.due, tx.posted);
                if (distance < -before || distance > after) {
                    continue;
                }
                const std::int64_t paid = tx.amount.is_negative() ? -tx.amount.minor() : tx.amount.minor();
                const std::int64_t lo = amount.min.minor() * d.count;
                const std::int64_t hi = amount.max.minor() * d.count;
                const bool fits = kind == ItemKind::bill ? (paid >= lo && paid <= hi)
                                                         : (paid * 4 >= lo * 3 && paid * 4 <= hi * 5);
                if (!fits) {
                    continue;
                }
                const bool rule = by_rule(t, id);
                const bool named = std::any_of(needles.begin(), needles.end(),
                                               [&](const std::string& n) { return has_words(texts[t], n); });
                if (rule || named) {
                    candidates.push_back(Candidate{rule ? 0 : 1, std::abs(distance), t, occurrence});
                }
            }
        }
    };
    for (const auto& b : h.bills) {
        if (b.account == account) {
            consider(ItemKind::bill, b.id, {b.payee, b.name}, b.amount, window.before + b.autopay_lead_days,
                     window.after + b.grace_days);
        }
    }
    for (const auto& i : h.incomes) {
        if (i.account == account) {
            consider(ItemKind::income, i.id, {i.source, i.name}, i.amount, window.income_before, window.income_after);
        }
    }

    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        return std::tie(a.rank, a.distance, a.transaction, a.occurrence) <
               std::tie(b.rank, b.distance, b.transaction, b.occurrence);
    });
    std::vector<int> taken_by(expected.size(), -1);
    std::vector<bool> used(transactions.size(), false);
    std::vector<bool> by_rule_match(transactions.size(), false);
    for (const auto& c : candidates) {
        if (used[c.transaction] || taken_by[c.occurrence] >= 0) {
            continue;
        }
        used[c.transaction] = true;
        taken_by[c.occurrence] = static_cast<int>(c.transaction);
        by_rule_match[c.transaction] = c.rank == 0;
    }
    for (std::size_t o = 0; o < expected.size(); ++o) {
        if (taken_by[o] < 0) {
            continue;
        }
        const auto t = static_cast<std::size_t>(taken_by[o]);
        const auto& tx = transactions[t];
        out.matches.push_back(Match{t, expected[o].kind, *expected[o].item, expected[o].due, tx.posted,
                                    tx.amount.is_negative() ? -tx.amount : tx.amount, by_rule_match[t]});
    }
    std::sort(out.matches.begin(), out.matches.end(),
              [](const Match& a, const Match& b) { return a.transaction < b.transaction; });
    // A debit left over that fits a bill occurrence another debit took: perhaps the same bill twice.
    std::vector<bool> reported(transactions.size(), false);
    for (const auto& c : candidates) {
        const auto& e = expected[c.occurrence];
        if (used[c.transaction] || reported[c.transaction] || e.kind != ItemKind::bill || taken_by[c.occurrence] < 0) {
            continue;
        }
        reported[c.transaction] = true;
        out.second_matches.push_back(
            SecondMatch{c.transaction, static_cast<std::size_t>(taken_by[c.occurrence]), *e.item, e.due});
    }
    return out;
}

std::vector<DoubleCharge> possible_double_charges(const std::vector<Transaction>& transactions,
                                                  const std::vector<Date>& statement_end,
                                                  const std::vector<SecondMatch>& second_matches) {
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < transactions.size(); ++i) {
        if (transactions[i].amount.is_negative()) {
            order.push_back(i);
        }
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return transactions[a].posted < transactions[b].posted; });
    std::vector<std::string> payees(transactions.size());
    for (const auto i : order) {
        payees[i] = normalize_payee(transactions[i].payee);
    }
    const auto dispute_by = [&](std::size_t i) {
        const auto& t = transactions[i];
        const Date end = i < statement_end.size() ? std::max(statement_end[i], t.posted) : t.posted;
        const Date card = t.posted + date::days{k_card_dispute_days};
        const Date transfer = end + date::days{k_transfer_dispute_days};
        switch (t.kind) {
        case TransactionKind::card:
            return card;
        case TransactionKind::transfer:
        case TransactionKind::check:
            return transfer;
        default:
            return std::min(card, transfer); // not knowing which, the earlier
        }
    };
    const auto first_second = [&](std::size_t a, std::size_t b) {
        return std::tie(transactions[a].posted, a) < std::tie(transactions[b].posted, b) ? std::pair{a, b}
                                                                                         : std::pair{b, a};
    };

    std::vector<DoubleCharge> out;
    std::vector<bool> second(transactions.size(), false);
    for (std::size_t k = 0; k < order.size(); ++k) {
        const std::size_t i = order[k];
        for (std::size_t m = k + 1; m < order.size(); ++m) {
            const std::size_t j = order[m];
            const int gap = days_between(transactions[i].posted, transactions[j].posted);
            const bool transfers =
                transactions[i].kind == TransactionKind::transfer && transactions[j].kind == TransactionKind::transfer;
            if (gap > k_double_charge_transfer_days) {
                break;
            }
            if (gap > (transfers ? k_double_charge_transfer_days : k_double_charge_days) || second[j] ||
                transactions[i].amount != transactions[j].amount || payees[i].empty() || payees[i] != payees[j]) {
                continue;
            }
            second[j] = true;
            const auto [a, b] = first_second(i, j);
            out.push_back(DoubleCharge{a, b, -transactions[b].amount, dispute_by(b), false});
            break;
        }
    }
    for (const auto& s : second_matches) {
        const auto [a, b] = first_second(s.other, s.transaction);
        auto found = std::find_if(out.begin(), out.end(),
                                  [&](const DoubleCharge& d) { return d.first == a && d.second == b; });
        if (found != out.end()) {
            found->same_occurrence = true;
        } else {
            out.push_back(DoubleCharge{a, b, -transactions[b].amount, dispute_by(b), true});
        }
    }
    std::sort(out.begin(), out.end(), [&](const DoubleCharge& x, const DoubleCharge& y) {
        return std::tie(transactions[x.second].posted, x.second) < std::tie(transactions[y.second].posted, y.second);
    });
    return out;
}

} // namespace steadypay::core
