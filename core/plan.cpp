#include "core/plan.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <numeric>
#include <tuple>

// Why so few pay dates need to be tried, for one payment with all others fixed:
//
// - Moving a debit from day p to p+1 raises day p's balance and leaves every later day's intraday
//   low as it was (debits first) or raises it (credits first). So "no day overdrawn" holds for a
//   suffix of days (and "not paid in the window" is always in it), and fewer days below the
//   cushion is weakly better the later the payment.
// - Lateness (and every cost that depends on it) never decreases as the payment moves later, and
//   "not paid in the window" is as late as paying on the last day.
// - So the best day is the first of that suffix, or the due date when the suffix starts before
//   it (anything up to the due date is on time, and later is better for the cushion). The suffix
//   starts where the balance after the payment first stays non-negative: at the scheduled day,
//   or where the intraday low rises from one day to the next, which only a credit can do (the
//   day after a credit when debits post first, the credit's own day when credits do).
//
// Every choice is one of those days, from a set that does not depend on the other payments; an
// exchange argument then shows some best plan uses only them. The tests check this against a
// search over every day of small windows.

namespace steadypay::core {

std::string_view to_string(PlanAction a) {
    switch (a) {
    case PlanAction::pay:
        return "pay";
    case PlanAction::move:
        return "move";
    case PlanAction::pay_minimum:
        return "pay_minimum";
    case PlanAction::hold:
        return "hold";
    }
    return "pay";
}

ConsequenceTimeline consequence_timeline(const Bill& bill, Date due) {
    ConsequenceTimeline t;
    t.due = due;
    t.grace_ends = due + date::days{bill.grace_days};
    if (bill.reported_late_after_days) {
        t.reported_late_on = due + date::days{*bill.reported_late_after_days};
    }
    if (bill.shutoff_after_days) {
        t.shutoff_risk_on = due + date::days{*bill.shutoff_after_days};
    }
    return t;
}

PlanCost& PlanCost::operator+=(const PlanCost& o) {
    overdrawn_accounts += o.overdrawn_accounts;
    for (std::size_t i = 0; i < late_by_priority.size(); ++i) {
        late_by_priority[i] += o.late_by_priority[i];
    }
    reported_late += o.reported_late;
    fees += o.fees;
    minimum_payments += o.minimum_payments;
    days_late += o.days_late;
    days_below_cushion += o.days_below_cushion;
    moved += o.moved;
    late_fees += o.late_fees;
    bank_fees += o.bank_fees;
    overdrawn_payments += o.overdrawn_payments;
    declined_payments += o.declined_payments;
    return *this;
}

namespace {

constexpr std::int64_t k_unbounded = std::numeric_limits<std::int64_t>::max();

// One way to pay one occurrence.
struct Option {
    int day = -1; // index from the window's first day; -1: not paid in the window
    bool minimum = false;
    std::int64_t amount = 0;
    // Its costs, which do not depend on the other payments.
    bool late = false;
    bool reported = false;
    std::int64_t fee = 0;
    int days_late = 0;
    bool moved = false;
};

struct Decision {
    std::size_t occurrence = 0;
    int priority = 0; // 0 = housing
    std::int64_t returned_payment_fee = 0; // the biller's, if the bank declines it
    int scheduled = 0;
    std::vector<Option> options; // cheapest first
    // For the bound: the least it can be paid, the last day it can be paid without being late past
    // its grace (and without being reported late), and whether not paying it in the window is late.
    std::int64_t least_amount = 0;
    int grace_deadline = 0;
    int report_deadline = 0; // only meaningful when it can be reported
    int hold = -1;           // the option of not paying it in the window
    bool held_is_late = false;
    bool held_is_reported = false;
};

// The fewest of `jobs` (amount, deadline) that cannot all be paid by their deadlines when the
// money debited by day t may not exceed capacity[t], a non-decreasing budget. Moore and Hodgson's
// rule (take jobs by deadline; when the budget is exceeded drop the largest taken) keeps the most
// jobs: the usual exchange argument holds for any non-decreasing budget, because after dropping
// the largest job the total is no more than before the last job came, which fit an earlier,
// smaller budget.
int fewest_late(std::vector<std::pair<int, std::int64_t>>& jobs, const std::vector<std::int64_t>& capacity) {
    std::sort(jobs.begin(), jobs.end());
    std::vector<std::int64_t> taken; // a max-heap of amounts
    std::int64_t total = 0;
    int late = 0;
    for (const auto& [deadline, amount] : jobs) {
        taken.push_back(amount);
        std::push_heap(taken.begin(), taken.end());
        total += amount;
        while (!taken.empty() && total > capacity[static_cast<std::size_t>(deadline)]) {
            std::pop_heap(taken.begin(), taken.end());
            total -= taken.back();
            taken.pop_back();
            ++late;
        }
    }
    return late;
}

// How an account's bank prices a short balance (see Account).
struct BankTerms {
    std::int64_t overdraft_fee = 0;
    std::optional<std::int64_t> floor; // payments that would go below it are declined, if the bank declines
    std::int64_t returned_item_fee = 0;
};

// A debit the plan does not choose (a payment recorded as made), on a day of the window.
struct FixedDebit {
    int day = 0;
    std::int32_t rank = 0;
    std::int64_t amount = 0;
    std::uint32_t source = 0;
};

// Plans one account: the balance per day from the fixed postings, and the decisions on it.
//
// The search runs over a list of "open" decisions while the others stay as chosen. Solving all of
// them at once proves the plan best when it finishes within the node budget. For large windows,
// where it may not, the plan first improves the greedy start by re-solving small groups of
// neighbouring payments exactly (large neighbourhood search), so the best plan found in the budget
// is a good one.
class AccountSolver {
public:
    AccountSolver(IntradayOrder order, std::int64_t opening, std::vector<std::int64_t> close,
                  std::vector<std::int64_t> credit, std::int64_t cushion, std::vector<Decision> decisions,
                  std::size_t node_limit, BankTerms bank, std::vector<FixedDebit> fixed_debits)
        : m_order(order), m_opening(opening), m_close(std::move(close)), m_credit(std::move(credit)),
          m_cushion(cushion), m_decisions(std::move(decisions)), m_node_limit(node_limit), m_bank(bank),
          m_fixed_debits(std::move(fixed_debits)) {
        m_days = static_cast<int>(m_close.size());
        m_low.assign(m_close.size(), 0);
        m_suffix_min.assign(m_close.size() + 1, 0);
        m_capacity.assign(m_close.size(), 0);
        m_choice.assign(m_decisions.size(), 0);
    }

    void solve() {
        const std::size_t n = m_decisions.size();
        greedy();
        std::vector<std::size_t> all(n);
        std::iota(all.begin(), all.end(), std::size_t{0});
        // Small problems: search everything at once.
        if (n <= k_neighbourhood) {
            m_optimal = search_over(all, m_node_limit);
            return;
        }
        // Large ones: improve by neighbourhoods of payments close in time, until a full round finds
        // nothing better or a share of the budget is spent; then search everything with the rest.
        std::vector<std::size_t> by_date = all;
        std::stable_sort(by_date.begin(), by_date.end(), [&](std::size_t a, std::size_t b) {
            return m_decisions[a].scheduled < m_decisions[b].scheduled;
        });
        const std::size_t lns_budget = m_node_limit / 2;
        bool improved = true;
        while (improved && m_nodes < lns_budget) {
            improved = false;
            // Neighbours in time.
            for (std::size_t start = 0; start + 1 < n && m_nodes < lns_budget; start += k_neighbourhood / 2) {
                std::vector<std::size_t> group(by_date.begin() + static_cast<std::ptrdiff_t>(start),
                                               by_date.begin() + static_cast<std::ptrdiff_t>(std::min(n, start + k_neighbourhood)));
                improved = improve(group, lns_budget) || improved;
            }
            // Each late payment with the payments that compete with it for money: those scheduled
            // before its grace ends, nearest to its due date first.
            for (std::size_t k = 0; k < n && m_nodes < lns_budget; ++k) {
                const auto& late = m_decisions[k];
                if (!late.options[static_cast<std::size_t>(m_best_choice[k])].late) {
                    continue;
                }
                std::vector<std::size_t> rivals;
                for (std::size_t j = 0; j < n; ++j) {
                    if (j != k && m_decisions[j].scheduled <= late.grace_deadline) {
                        rivals.push_back(j);
                    }
                }
                const int due = late.grace_deadline;
                std::stable_sort(rivals.begin(), rivals.end(), [&](std::size_t a, std::size_t b) {
                    return std::abs(m_decisions[a].scheduled - due) < std::abs(m_decisions[b].scheduled - due);
                });
                rivals.resize(std::min(rivals.size(), k_neighbourhood - 1));
                rivals.push_back(k);
                improved = improve(rivals, lns_budget) || improved;
            }
        }
        m_optimal = search_over(all, m_node_limit);
    }

    [[nodiscard]] const std::vector<Decision>& decisions() const { return m_decisions; }
    [[nodiscard]] const std::vector<int>& best_choice() const { return m_best_choice; }
    [[nodiscard]] const PlanCost& best_cost() const { return m_best; }
    [[nodiscard]] bool optimal() const { return m_optimal; }
    [[nodiscard]] std::size_t nodes() const { return m_nodes; }

    // With the chosen options applied: the first day index whose low is below zero if decision `k`
    // were paid as `option` instead, or -1.
    int overdraft_day_if(std::size_t k, const Option& option) {
        with_option(k, option);
        int day = -1;
        for (int d = 0; d < m_days; ++d) {
            if (m_low[static_cast<std::size_t>(d)] < 0) {
                day = d;
                break;
            }
        }
        without_option(k, option);
        return day;
    }

    // The days below the cushion with the chosen options, if decision `k` were paid as `option`.
    int cushion_days_if(std::size_t k, const Option& option) {
        with_option(k, option);
        const int n = cushion_days();
        without_option(k, option);
        return n;
    }

private:
    static constexpr std::size_t k_neighbourhood = 10;
    static constexpr std::size_t k_neighbourhood_nodes = 20000;

    // Re-solves `group` exactly (if the budget allows) with the others fixed; true if it found better.
    bool improve(const std::vector<std::size_t>& group, std::size_t budget) {
        const PlanCost before = m_best;
        search_over(group, std::min(m_nodes + k_neighbourhood_nodes, budget));
        return m_best < before;
    }

    void with_option(std::size_t k, const Option& option) {
        apply_all(m_best_choice, +1);
        apply(m_decisions[k].options[static_cast<std::size_t>(m_best_choice[k])], -1);
        apply(option, +1);
        refresh();
    }
    void without_option(std::size_t k, const Option& option) {
        apply(option, -1);
        apply(m_decisions[k].options[static_cast<std::size_t>(m_best_choice[k])], +1);
        apply_all(m_best_choice, -1);
    }

    // Adds (sign +1) or removes (sign -1) an option's debit.
    void apply(const Option& o, int sign) {
        if (o.day < 0 || o.amount == 0) {
            return;
        }
        for (int d = o.day; d < m_days; ++d) {
            m_close[static_cast<std::size_t>(d)] -= sign * o.amount;
        }
    }

    void apply_all(const std::vector<int>& choice, int sign) {
        for (std::size_t k = 0; k < m_decisions.size(); ++k) {
            apply(m_decisions[k].options[static_cast<std::size_t>(choice[k])], sign);
        }
    }

    // Recomputes the intraday lows and their suffix minima from the closing balances.
    void refresh() {
        for (int d = 0; d < m_days; ++d) {
            const auto i = static_cast<std::size_t>(d);
            if (m_order == IntradayOrder::debits_first) {
                m_low[i] = m_close[i] - m_credit[i];
            } else {
                const std::int64_t open = d == 0 ? m_opening : m_close[i - 1];
                m_low[i] = std::min(open, m_close[i]);
            }
        }
        m_suffix_min[static_cast<std::size_t>(m_days)] = k_unbounded;
        for (int d = m_days - 1; d >= 0; --d) {
            const auto i = static_cast<std::size_t>(d);
            m_suffix_min[i] = std::min(m_low[i], m_suffix_min[i + 1]);
        }
    }

    [[nodiscard]] bool feasible_now() const { return m_suffix_min[0] >= 0; }

    // The most that can still be debited on `day` without any day going below zero.
    [[nodiscard]] std::int64_t room(int day) const {
        const auto i = static_cast<std::size_t>(day);
        if (m_order == IntradayOrder::debits_first) {
            return m_suffix_min[i];
        }
        // Credits first: on the day itself only the close drops; later days drop entirely.
        return std::min(m_close[i], m_suffix_min[i + 1]);
    }

    [[nodiscard]] bool fits(const Option& o) const { return o.day < 0 || o.amount <= room(o.day); }

    [[nodiscard]] int cushion_days() const {
        int n = 0;
        for (int d = 0; d < m_days; ++d) {
            n += m_low[static_cast<std::size_t>(d)] < m_cushion ? 1 : 0;
        }
        return n;
    }

    // Adds an option's own costs to `c` (sign -1: takes them out again).
    static void add_option_cost(PlanCost& c, const Decision& dec, const Option& o, int sign = 1) {
        c.late_by_priority[static_cast<std::size_t>(dec.priority)] += sign * (o.late ? 1 : 0);
        c.reported_late += sign * (o.reported ? 1 : 0);
        c.fees += sign * o.fee;
        c.late_fees += sign * o.fee;
        c.minimum_payments += sign * (o.minimum ? 1 : 0);
        c.days_late += sign * o.days_late;
        c.moved += sign * (o.moved ? 1 : 0);
    }

    PlanCost leaf_cost(const PlanCost& partial) {
        refresh();
        PlanCost c = partial;
        c.overdrawn_accounts = feasible_now() ? 0 : 1;
        c.days_below_cushion = cushion_days();
        if (!feasible_now()) {
            bank_costs(c); // with every day covered, no payment is overdrawn or declined
        }
        return c;
    }

    // The bank's side of a plan that does not keep the account covered: the day's payments in
    // the order the plan makes them (priority, then the larger first, as the forecast of the plan
    // posts them), each paid into overdraft (its fee) or, past the floor of a bank that declines,
    // returned (the fees; and the payment counts as not made: late as if held).
    void bank_costs(PlanCost& c) {
        struct Debit {
            int day;
            std::int32_t rank;
            std::int64_t amount;
            std::uint32_t source;
            int decision; // -1 for a fixed debit
        };
        std::vector<Debit> debits;
        debits.reserve(m_fixed_debits.size() + m_decisions.size());
        for (const auto& f : m_fixed_debits) {
            debits.push_back(Debit{f.day, f.rank, f.amount, f.source, -1});
        }
        for (std::size_t k = 0; k < m_decisions.size(); ++k) {
            const auto& dec = m_decisions[k];
            const auto& o = dec.options[static_cast<std::size_t>(m_choice[k])];
            if (o.day >= 0 && o.amount > 0) {
                debits.push_back(Debit{o.day, dec.priority + 1, o.amount, static_cast<std::uint32_t>(dec.occurrence),
                                       static_cast<int>(k)});
            }
        }
        std::sort(debits.begin(), debits.end(), [](const Debit& a, const Debit& b) {
            return std::tuple(a.day, a.rank, -a.amount, a.source) < std::tuple(b.day, b.rank, -b.amount, b.source);
        });
        std::int64_t balance = m_opening;
        std::size_t next = 0;
        for (int d = 0; d < m_days; ++d) {
            const auto i = static_cast<std::size_t>(d);
            if (m_order == IntradayOrder::credits_first) {
                balance += m_credit[i];
            }
            for (; next < debits.size() && debits[next].day == d; ++next) {
                const auto& x = debits[next];
                const std::int64_t after = balance - x.amount;
                if (x.decision >= 0 && m_bank.floor && after < *m_bank.floor) {
                    const auto& dec = m_decisions[static_cast<std::size_t>(x.decision)];
                    add_option_cost(c, dec, dec.options[static_cast<std::size_t>(m_choice[static_cast<std::size_t>(x.decision)])],
                                    -1);
                    add_option_cost(c, dec, dec.options[static_cast<std::size_t>(dec.hold)]);
                    const std::int64_t fees = m_bank.returned_item_fee + dec.returned_payment_fee;
                    c.fees += fees;
                    c.bank_fees += fees;
                    ++c.declined_payments;
                    continue;
                }
                balance = after;
                if (balance < 0) {
                    c.fees += m_bank.overdraft_fee;
                    c.bank_fees += m_bank.overdraft_fee;
                    ++c.overdrawn_payments;
                }
            }
            if (m_order == IntradayOrder::debits_first) {
                balance += m_credit[i];
            }
        }
    }

    // Pays the bills in priority order, each the cheapest way that keeps the account out of
    // overdraft given those before it: a good first plan, which makes the search prune early.
    void greedy() {
        std::vector<int> choice(m_decisions.size(), 0);
        PlanCost partial;
        for (std::size_t k = 0; k < m_decisions.size(); ++k) {
            refresh();
            const bool feasible = feasible_now();
            const auto& options = m_decisions[k].options;
            std::size_t pick = 0;
            for (std::size_t i = 0; i < options.size(); ++i) {
                if (!feasible || fits(options[i])) {
                    pick = i;
                    break;
                }
            }
            choice[k] = static_cast<int>(pick);
            apply(options[pick], +1);
            add_option_cost(partial, m_decisions[k], options[pick]);
        }
        m_choice = choice;
        m_best = leaf_cost(partial);
        m_best_choice = choice;
        apply_all(choice, -1);
    }

    // Searches the decisions in `open` (the others as in the best plan) until done or the node
    // count reaches `limit`. Returns whether it finished: then no better choice of them exists.
    bool search_over(const std::vector<std::size_t>& open, std::size_t limit) {
        m_open = open;
        std::sort(m_open.begin(), m_open.end()); // decisions are stored in priority order
        std::vector<char> is_open(m_decisions.size(), 0);
        for (std::size_t k : m_open) {
            is_open[k] = 1;
        }
        m_choice = m_best_choice;
        PlanCost partial;
        for (std::size_t k = 0; k < m_decisions.size(); ++k) {
            if (!is_open[k]) {
                const auto& o = m_decisions[k].options[static_cast<std::size_t>(m_choice[k])];
                apply(o, +1);
                add_option_cost(partial, m_decisions[k], o);
            }
        }
        m_limit = limit;
        m_stopped = false;
        search(0, partial);
        for (std::size_t k = 0; k < m_decisions.size(); ++k) {
            if (!is_open[k]) {
                apply(m_decisions[k].options[static_cast<std::size_t>(m_best_choice[k])], -1);
            }
        }
        return !m_stopped;
    }

    void search(std::size_t pos, PlanCost& partial) {
        if (++m_nodes > m_limit) {
            m_stopped = true;
            return;
        }
        if (pos == m_open.size()) {
            const PlanCost c = leaf_cost(partial);
            if (c < m_best) {
                m_best = c;
                m_best_choice = m_choice;
            }
            return;
        }
        refresh();
        const bool feasible = feasible_now();
        // A lower bound on every concern, each on its own: what is decided so far, the account as it
        // is now (later debits only lower it), and for each open decision its cheapest option that
        // still fits (later debits only take room away).
        PlanCost bound = partial;
        bound.overdrawn_accounts = feasible ? 0 : 1;
        bound.days_below_cushion = cushion_days();
        for (std::size_t q = pos; q < m_open.size(); ++q) {
            const auto& dec = m_decisions[m_open[q]];
            bool late = true;
            bool reported = true;
            bool minimum = true;
            bool moved = true;
            std::int64_t fee = k_unbounded;
            int days_late = std::numeric_limits<int>::max();
            for (const auto& o : dec.options) {
                if (feasible && !fits(o)) {
                    continue;
                }
                late = late && o.late;
                reported = reported && o.reported;
                minimum = minimum && o.minimum;
                moved = moved && o.moved;
                fee = std::min(fee, o.fee);
                days_late = std::min(days_late, o.days_late);
            }
            bound.late_by_priority[static_cast<std::size_t>(dec.priority)] += late ? 1 : 0;
            bound.reported_late += reported ? 1 : 0;
            bound.fees += fee;
            bound.minimum_payments += minimum ? 1 : 0;
            bound.days_late += days_late;
            bound.moved += moved ? 1 : 0;
        }
        if (feasible) {
            strengthen(pos, partial, bound);
        }
        if (!(bound < m_best)) {
            return;
        }
        const std::size_t k = m_open[pos];
        const auto& dec = m_decisions[k];
        // Room before any option is applied (apply() below changes the balances).
        std::vector<char> fit(dec.options.size());
        for (std::size_t i = 0; i < dec.options.size(); ++i) {
            fit[i] = !feasible || fits(dec.options[i]) ? 1 : 0;
        }
        for (std::size_t i = 0; i < dec.options.size(); ++i) {
            const auto& o = dec.options[i];
            // An option that overdraws the account cannot beat a plan without an overdraft.
            if (!fit[i] && m_best.overdrawn_accounts == 0) {
                continue;
            }
            m_choice[k] = static_cast<int>(i);
            apply(o, +1);
            PlanCost next = partial;
            add_option_cost(next, dec, o);
            search(pos + 1, next);
            apply(o, -1);
            if (m_stopped) {
                break;
            }
        }
        m_choice[k] = m_best_choice[k];
    }

    // Raises the bound's late counts per class, and its reported count, to what the money left
    // allows: the open decisions compete for the same room, which the per-decision minima ignore.
    void strengthen(std::size_t pos, const PlanCost& partial, PlanCost& bound) {
        // The most that can be debited by day t: the room left on t and every later day.
        for (int d = 0; d < m_days; ++d) {
            const auto i = static_cast<std::size_t>(d);
            m_capacity[i] = m_order == IntradayOrder::debits_first ? m_suffix_min[i]
                                                                   : std::min(m_close[i], m_suffix_min[i + 1]);
        }
        std::array<std::vector<std::pair<int, std::int64_t>>, k_priority_count> late_jobs;
        std::array<int, k_priority_count> independent{};
        std::vector<std::pair<int, std::int64_t>> report_jobs;
        int independent_reported = 0;
        for (std::size_t q = pos; q < m_open.size(); ++q) {
            const auto& dec = m_decisions[m_open[q]];
            const auto cls = static_cast<std::size_t>(dec.priority);
            // Only decisions for which not paying in the window is late need room to be on time.
            if (dec.held_is_late) {
                if (dec.grace_deadline < dec.scheduled || dec.grace_deadline < 0) {
                    ++independent[cls]; // late whatever is done
                } else {
                    late_jobs[cls].emplace_back(dec.grace_deadline, dec.least_amount);
                }
            }
            if (dec.held_is_reported) {
                if (dec.report_deadline < dec.scheduled || dec.report_deadline < 0) {
                    ++independent_reported;
                } else {
                    report_jobs.emplace_back(dec.report_deadline, dec.least_amount);
                }
            }
        }
        for (std::size_t c = 0; c < late_jobs.size(); ++c) {
            if (late_jobs[c].empty()) {
                continue;
            }
            const int joint = independent[c] + fewest_late(late_jobs[c], m_capacity);
            bound.late_by_priority[c] = std::max(bound.late_by_priority[c], partial.late_by_priority[c] + joint);
        }
        if (!report_jobs.empty()) {
            const int joint = independent_reported + fewest_late(report_jobs, m_capacity);
            bound.reported_late = std::max(bound.reported_late, partial.reported_late + joint);
        }
    }

    IntradayOrder m_order;
    std::int64_t m_opening;
    std::vector<std::int64_t> m_close;
    std::vector<std::int64_t> m_credit;
    std::int64_t m_cushion;
    std::vector<Decision> m_decisions;
    std::size_t m_node_limit;
    BankTerms m_bank;
    std::vector<FixedDebit> m_fixed_debits;
    int m_days = 0;
    std::vector<std::int64_t> m_low;
    std::vector<std::int64_t> m_suffix_min;
    std::vector<std::int64_t> m_capacity;
    std::vector<int> m_choice;
    std::vector<int> m_best_choice;
    std::vector<std::size_t> m_open;
    PlanCost m_best;
    std::size_t m_nodes = 0;
    std::size_t m_limit = 0;
    bool m_stopped = false;
    bool m_optimal = false;
};

// Text ------------------------------------------------------------------------------------------

std::string day_text(Date d, Date context) { return to_short(d, date::year_month_day{context}.year()); }

std::string capitalised(std::string s) {
    if (!s.empty()) {
        s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    }
    return s;
}

std::string plural(int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string lateness_text(const Bill& b, const PlanDecision& d, const Money& zero) {
    if (d.days_late <= 0) {
        return "on time";
    }
    std::string s;
    if (!d.late) {
        s = plural(d.days_late, "day", "days") + " after its due date, inside its " + std::to_string(b.grace_days) +
            "-day grace: no fee";
    } else {
        s = plural(d.days_late, "day", "days") + " late";
        s += d.late_fee > zero ? ": " + d.late_fee.to_string() + " late fee" : ": no late fee";
    }
    if (d.reported_late) {
        s += "; reported late to credit bureaus";
    } else if (b.reported_late_after_days && d.days_late > 0) {
        s += "; not yet reported to credit bureaus (that happens at " + std::to_string(*b.reported_late_after_days) +
             " days)";
    }
    if (d.shutoff_risk) {
        s += "; service may be cut off";
    }
    return s;
}

} // namespace

Result<Plan> make_plan(const Household& h, const PlanOptions& options) {
    if (auto s = check_forecast_window(h, options.from, options.days); !s) {
        return std::move(s).error();
    }
    try {
        Plan plan;
        plan.from = options.from;
        plan.to = options.from + date::days{options.days - 1};
        const int days = options.days;
        const auto calendar = h.calendar();
        auto occurrences = collect_occurrences(h, calendar, plan.from, plan.to, AmountBasis::conservative);

        // The decisions: bills expected in the window, and missed ones.
        std::vector<std::size_t> decision_occurrences;
        for (std::size_t i = 0; i < occurrences.size(); ++i) {
            const auto& o = occurrences[i];
            if (o.kind == ItemKind::bill && o.apply_date && *o.apply_date >= plan.from &&
                (o.state == OccurrenceState::expected || o.state == OccurrenceState::missed)) {
                decision_occurrences.push_back(i);
            }
        }
        // Everything else is fixed: the balances it gives, per account and day.
        auto fixed = occurrences;
        for (std::size_t i : decision_occurrences) {
            fixed[i].apply_date.reset();
        }
        const auto fixed_postings = postings_for(h, fixed);
        auto sim = simulate(h, fixed_postings, plan.from, plan.to, DebitOrder::largest_first, &fixed);
        const std::size_t n_accounts = h.accounts.size();
        std::vector<std::vector<std::int64_t>> credit(n_accounts, std::vector<std::int64_t>(static_cast<std::size_t>(days)));
        std::vector<std::vector<FixedDebit>> fixed_debits(n_accounts);
        for (const auto& p : fixed_postings) {
            if (p.date < plan.from) {
                continue;
            }
            const int d = days_between(plan.from, p.date);
            if (p.amount > 0) {
                credit[p.account][static_cast<std::size_t>(d)] += p.amount;
            } else if (p.amount < 0) {
                fixed_debits[p.account].push_back(FixedDebit{d, p.rank, -p.amount, p.source});
            }
        }

        // The options of each decision.
        std::vector<std::vector<Decision>> per_account(n_accounts);
        for (std::size_t i : decision_occurrences) {
            const auto& o = occurrences[i];
            const auto& bill = h.bills[o.item];
            Decision dec;
            dec.occurrence = i;
            dec.priority = rank(bill.priority) - 1;
            dec.returned_payment_fee = bill.returned_payment_fee.minor();
            const int scheduled = days_between(plan.from, *o.apply_date);
            dec.scheduled = scheduled;
            const int due = days_between(plan.from, o.due.due);
            std::vector<int> candidate_days{scheduled};
            if (due > scheduled && due < days) {
                candidate_days.push_back(due);
            }
            for (int d = 0; d < days; ++d) {
                if (credit[o.account][static_cast<std::size_t>(d)] > 0) {
                    const int usable = h.intraday_order == IntradayOrder::debits_first ? d + 1 : d;
                    if (usable > scheduled && usable < days) {
                        candidate_days.push_back(usable);
                    }
                }
            }
            std::sort(candidate_days.begin(), candidate_days.end());
            candidate_days.erase(std::unique(candidate_days.begin(), candidate_days.end()), candidate_days.end());
            candidate_days.push_back(-1); // not in the window
            std::vector<std::pair<bool, std::int64_t>> amounts{{false, o.amount.minor()}};
            if (bill.minimum) {
                const std::int64_t minimum = (*bill.minimum * o.due.count).minor();
                if (minimum < o.amount.minor()) {
                    amounts.emplace_back(true, minimum);
                }
            }
            dec.least_amount = amounts.back().second;
            const int held_days_late = std::max(0, days - 1 - due);
            dec.held_is_late = held_days_late > bill.grace_days;
            dec.grace_deadline = due + bill.grace_days;
            if (bill.reported_late_after_days) {
                dec.held_is_reported = held_days_late >= *bill.reported_late_after_days;
                dec.report_deadline = due + *bill.reported_late_after_days - 1;
            }
            for (int d : candidate_days) {
                const int late_days = std::max(0, (d < 0 ? days - 1 : d) - due);
                for (const auto& [minimum, amount] : amounts) {
                    Option opt;
                    opt.day = d;
                    opt.minimum = minimum;
                    opt.amount = d < 0 ? 0 : amount;
                    opt.days_late = late_days;
                    opt.late = late_days > bill.grace_days;
                    opt.reported = bill.reported_late_after_days && late_days >= *bill.reported_late_after_days;
                    opt.fee = opt.late ? bill.late_fee.minor() : 0;
                    opt.moved = d != scheduled;
                    if (d < 0 && minimum) {
                        continue; // holding a payment has no amount to reduce
                    }
                    dec.options.push_back(opt);
                }
            }
            const auto key = [](const Option& x) {
                return std::tuple(x.late, x.reported, x.fee, x.minimum, x.days_late, x.moved, x.day < 0, x.day);
            };
            std::stable_sort(dec.options.begin(), dec.options.end(),
                             [&](const Option& a, const Option& b) { return key(a) < key(b); });
            for (std::size_t k = 0; k < dec.options.size(); ++k) {
                if (dec.options[k].day < 0) {
                    dec.hold = static_cast<int>(k);
                }
            }
            per_account[o.account].push_back(std::move(dec));
        }

        // Plan each account; the costs add up.
        std::vector<std::pair<std::size_t, Option>> chosen; // decision occurrence, option
        std::vector<std::unique_ptr<AccountSolver>> solvers(n_accounts);
        plan.cost = PlanCost{};
        for (std::size_t a = 0; a < n_accounts; ++a) {
            auto& decs = per_account[a];
            std::stable_sort(decs.begin(), decs.end(), [](const Decision& x, const Decision& y) {
                return std::tuple(x.priority, x.scheduled, x.occurrence) < std::tuple(y.priority, y.scheduled, y.occurrence);
            });
            std::vector<std::int64_t> close(static_cast<std::size_t>(days));
            for (int d = 0; d < days; ++d) {
                close[static_cast<std::size_t>(d)] = sim.days[a][static_cast<std::size_t>(d)].close.minor();
            }
            const auto& account = h.accounts[a];
            BankTerms bank;
            bank.overdraft_fee = account.overdraft_fee.minor();
            bank.returned_item_fee = account.returned_item_fee.minor();
            if (account.when_uncovered == Uncovered::decline) {
                bank.floor = -account.overdraft_limit.minor();
            }
            solvers[a] = std::make_unique<AccountSolver>(h.intraday_order, sim.opening[a].minor(), std::move(close),
                                                         credit[a], account.cushion.minor(), decs, options.node_limit,
                                                         bank, std::move(fixed_debits[a]));
            solvers[a]->solve();
            plan.cost += solvers[a]->best_cost();
            plan.optimal = plan.optimal && solvers[a]->optimal();
            plan.nodes += solvers[a]->nodes();
        }
        plan.feasible = plan.cost.overdrawn_accounts == 0;
        plan.late_fees = Money::from_minor(plan.cost.late_fees, h.currency);
        plan.bank_fees = Money::from_minor(plan.cost.bank_fees, h.currency);

        // The occurrences as the plan pays them.
        auto planned = occurrences;
        const Money zero(h.currency);
        for (std::size_t a = 0; a < n_accounts; ++a) {
            const auto& decs = solvers[a]->decisions();
            const auto& choice = solvers[a]->best_choice();
            for (std::size_t k = 0; k < decs.size(); ++k) {
                const auto& opt = decs[k].options[static_cast<std::size_t>(choice[k])];
                auto& o = planned[decs[k].occurrence];
                if (opt.day < 0) {
                    o.apply_date.reset();
                } else {
                    o.apply_date = plan.from + date::days{opt.day};
                    o.applied_amount = Money::from_minor(opt.amount, h.currency);
                }
            }
        }
        auto result = assemble_forecast(h, planned, plan.from, plan.to, DebitOrder::priority);
        plan.accounts = std::move(result.accounts);
        plan.events = std::move(result.events);
        plan.shortfalls = std::move(result.shortfalls);
        plan.declined = std::move(result.declined);

        // The decisions, each with its costs and reason.
        for (std::size_t a = 0; a < n_accounts; ++a) {
            auto& solver = *solvers[a];
            const auto& decs = solver.decisions();
            const auto& choice = solver.best_choice();
            for (std::size_t k = 0; k < decs.size(); ++k) {
                const auto& dec = decs[k];
                const auto& opt = dec.options[static_cast<std::size_t>(choice[k])];
                const auto& o = occurrences[dec.occurrence];
                const auto& bill = h.bills[o.item];
                PlanDecision d;
                d.occurrence = dec.occurrence;
                d.scheduled = plan.from + date::days{dec.scheduled};
                if (opt.day >= 0) {
                    d.pay_date = plan.from + date::days{opt.day};
                }
                // A payment the bank returns is not made: it costs what holding it costs.
                const auto declined = std::find_if(plan.declined.begin(), plan.declined.end(),
                                                   [&](const DeclinedPayment& x) { return x.occurrence == dec.occurrence; });
                d.declined = declined != plan.declined.end();
                d.full_amount = o.amount;
                d.amount = d.declined ? zero : Money::from_minor(opt.amount, h.currency);
                d.action = opt.day < 0      ? PlanAction::hold
                           : opt.minimum    ? PlanAction::pay_minimum
                           : opt.moved      ? PlanAction::move
                                            : PlanAction::pay;
                const auto& costed = d.declined ? dec.options[static_cast<std::size_t>(dec.hold)] : opt;
                d.days_late = costed.days_late;
                d.late = costed.late;
                d.late_fee = Money::from_minor(costed.fee, h.currency);
                d.reported_late = costed.reported;
                d.timeline = consequence_timeline(bill, o.due.due);
                d.shutoff_risk = bill.shutoff_after_days && costed.days_late >= *bill.shutoff_after_days;
                d.bank_fee = d.declined ? declined->bank_fee : zero;
                d.biller_fee = d.declined ? declined->biller_fee : zero;

                // Why: what paying it in full on its scheduled date would do instead.
                Option as_scheduled;
                as_scheduled.day = dec.scheduled;
                as_scheduled.amount = o.amount.minor();
                std::string why;
                if (d.action != PlanAction::pay) {
                    const int overdraft = solver.overdraft_day_if(k, as_scheduled);
                    const std::string when = d.action == PlanAction::pay_minimum && d.pay_date
                                                 ? day_text(*d.pay_date, plan.from)
                                                 : day_text(d.scheduled, plan.from);
                    if (overdraft >= 0) {
                        why = "paying " + o.amount.to_string() + " on " + day_text(d.scheduled, plan.from) +
                              " would overdraw " + h.accounts[a].name + " on " +
                              day_text(plan.from + date::days{overdraft}, plan.from);
                    } else if (solver.cushion_days_if(k, as_scheduled) > solver.best_cost().days_below_cushion) {
                        why = "paying it on " + day_text(d.scheduled, plan.from) + " would take " + h.accounts[a].name +
                              " below your cushion on more days";
                    } else {
                        why = "paying it in full on " + when + " would leave too little for bills that come first";
                    }
                }
                std::string income;
                if (d.pay_date && d.action != PlanAction::pay) {
                    // The income that makes the new date work, if the payment waits for one.
                    for (const auto& e : plan.events) {
                        const auto& src = planned[e.occurrence];
                        if (src.kind == ItemKind::income && src.account == o.account && e.date <= *d.pay_date &&
                            e.date >= d.scheduled && e.amount.is_positive()) {
                            income = "your " + item_name(h, src) + " lands " + day_text(e.date, plan.from);
                        }
                    }
                }
                const std::string name = bill.name;
                const std::string who = bill.payee.empty() ? name : bill.payee;
                const std::string cost = lateness_text(bill, d, zero);
                if (d.declined) {
                    const auto fees = d.bank_fee + d.biller_fee;
                    d.reason = name + "'s payment of " + o.amount.to_string() + " on " + day_text(*d.pay_date, plan.from) +
                               " would be declined by the bank" +
                               (fees.is_positive() ? " (" + fees.to_string() + " in fees)" : std::string()) +
                               ": no way of paying the bills leaves enough in " + h.accounts[a].name +
                               ". It stays owed: by " + day_text(plan.to, plan.from) + " " + cost + "." +
                               (bill.hardship_contact.empty() ? std::string()
                                                              : " Ask for more time: " + bill.hardship_contact + ".");
                    plan.decisions.push_back(std::move(d));
                    continue;
                }
                switch (d.action) {
                case PlanAction::pay:
                    if (o.state == OccurrenceState::missed) {
                        d.reason = "Pay " + name + " on " + day_text(*d.pay_date, plan.from) + ", the first day you can: it was due " +
                                   day_text(o.due.due, plan.from) + " and is still owed (" + cost + ").";
                    } else if (bill.autopay) {
                        d.reason = name + "'s autopay takes " + d.amount.to_string() + " on " +
                                   day_text(*d.pay_date, plan.from) + ", as scheduled.";
                    } else {
                        d.reason = "Pay " + name + " (" + d.amount.to_string() + ") on " +
                                   day_text(*d.pay_date, plan.from) + ", its due date.";
                    }
                    break;
                case PlanAction::move:
                    d.reason = (bill.autopay ? "Ask " + who + " to move " + name + "'s autopay from "
                                             : "Pay " + name + " on " + day_text(*d.pay_date, plan.from) + " instead of ") +
                               (bill.autopay ? day_text(d.scheduled, plan.from) + " to " + day_text(*d.pay_date, plan.from)
                                             : day_text(d.scheduled, plan.from)) +
                               ": " + why + (income.empty() ? "" : "; " + income) + ". " + capitalised(cost) + ".";
                    break;
                case PlanAction::pay_minimum:
                    d.reason = "Pay the " + d.amount.to_string() + " minimum of " + name + " instead of " +
                               d.full_amount.to_string() + " on " + day_text(*d.pay_date, plan.from) + ": " + why +
                               (income.empty() ? "" : "; " + income) + ". " + capitalised(cost) + ".";
                    break;
                case PlanAction::hold:
                    d.reason = "Hold " + name + " until after " + day_text(plan.to, plan.from) + ": " + why +
                               ". By then " + cost + "." +
                               (bill.hardship_contact.empty() ? std::string()
                                                              : " Ask for more time: " + bill.hardship_contact + ".");
                    break;
                }
                plan.decisions.push_back(std::move(d));
            }
        }
        std::stable_sort(plan.decisions.begin(), plan.decisions.end(), [&](const PlanDecision& x, const PlanDecision& y) {
            const auto key = [&](const PlanDecision& d) {
                return std::tuple(!d.pay_date.has_value(), d.pay_date.value_or(plan.to),
                                  rank(h.bills[occurrences[d.occurrence].item].priority), d.occurrence);
            };
            return key(x) < key(y);
        });
        plan.occurrences = std::move(planned);
        return plan;
    } catch (const MoneyError& e) {
        return Error{e.code(), e.what()};
    }
}

} // namespace steadypay::core
