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

std::string_view to_string(PlanWhy w) {
    switch (w) {
    case PlanWhy::none:
        return "none";
    case PlanWhy::would_overdraw:
        return "would_overdraw";
    case PlanWhy::below_cushion:
        return "below_cushion";
    case PlanWhy::crowds_out:
        return "crowds_out";
    }
    return "none";
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
    int point = 0; // the solver's first point its debit lowers (see AccountSolver)
};

struct Decision {
    std::size_t occurrence = 0;
    int priority = 0; // 0 = housing
    std::int64_t returned_payment_fee = 0; // the biller's, if the bank declines it
    std::size_t item = 0;                  // the bill
    int scheduled = 0;
    std::vector<Option> options; // cheapest first
    // For the bound: the least it can be paid, the last day it can be paid without being late past
    // its grace (and without being reported late), and whether not paying it in the window is late.
    std::int64_t least_amount = 0;
    int grace_deadline = 0;
    int report_deadline = 0; // only meaningful when it can be reported
    int grace_point = 0;     // the solver's points for the two deadlines
    int report_point = 0;
    int hold = -1;           // the option of not paying it at all, if it is one (-1: not)
    int fallback = -1;       // an option that never lowers a short day and keeps the bill's order
    Option held;             // what not paying it costs (a payment the bank returns costs that)
    // What its options cost: its due day, grace, reporting, late fee, the horizon's last day, and
    // its amounts (in full; and the minimum, if any).
    int due = 0;
    int grace_days = 0;
    std::optional<int> reported_after;
    std::int64_t late_fee = 0;
    int last_day = 0;
    std::vector<std::pair<bool, std::int64_t>> amounts;
    // The occurrences of the same bill before and after it (decision indices on the account, -1:
    // none): a payment goes to the oldest one owed, so this one is never paid before the previous.
    int previous = -1;
    int next = -1;
    bool held_is_late = false;
    bool held_is_reported = false;
};

// Paying decision `dec` on `day` (-1: not at all), at its minimum or in full: the option and its
// own costs.
Option option_for(const Decision& dec, int day, bool minimum, std::int64_t amount) {
    Option opt;
    opt.day = day;
    opt.minimum = minimum;
    opt.amount = day < 0 ? 0 : amount;
    const int late_days = std::max(0, (day < 0 ? dec.last_day : day) - dec.due);
    opt.days_late = late_days;
    opt.late = late_days > dec.grace_days;
    opt.reported = dec.reported_after && late_days >= *dec.reported_after;
    opt.fee = opt.late ? dec.late_fee : 0;
    opt.moved = day != dec.scheduled;
    return opt;
}

// Gives `dec` its options on `days` (-1: not paying), each in full and at the minimum, cheapest
// first; and what holding it costs.
void set_options(Decision& dec, const std::vector<int>& days) {
    dec.options.clear();
    for (int d : days) {
        for (const auto& [minimum, amount] : dec.amounts) {
            if (d < 0 && minimum) {
                continue; // holding a payment has no amount to reduce
            }
            dec.options.push_back(option_for(dec, d, minimum, amount));
        }
    }
    const auto key = [](const Option& x) {
        return std::tuple(x.late, x.reported, x.fee, x.minimum, x.days_late, x.moved, x.day < 0, x.day);
    };
    std::stable_sort(dec.options.begin(), dec.options.end(),
                     [&](const Option& a, const Option& b) { return key(a) < key(b); });
    dec.held = option_for(dec, -1, false, 0);
    dec.hold = -1;
    dec.fallback = -1;
    const int last = *std::max_element(days.begin(), days.end());
    for (std::size_t k = 0; k < dec.options.size(); ++k) {
        const int d = dec.options[k].day;
        if (d < 0) {
            dec.hold = static_cast<int>(k);
        }
        if (dec.fallback < 0 && (d < 0 || d == last) && !dec.options[k].minimum) {
            dec.fallback = static_cast<int>(k);
        }
    }
    if (dec.hold >= 0) {
        dec.fallback = dec.hold;
    }
    const auto& free = dec.options[static_cast<std::size_t>(dec.fallback)];
    dec.held_is_late = free.late;
    dec.held_is_reported = free.reported;
}

// The fewest of `jobs` (amount, deadline) that cannot all be paid by their deadlines when the
// money debited by day t may not exceed capacity[t], a non-decreasing budget. Moore and Hodgson's
// rule (take jobs by deadline; when the budget is exceeded drop the largest taken) keeps the most
// jobs: the usual exchange argument holds for any non-decreasing budget, because after dropping
// the largest job the total is no more than before the last job came, which fit an earlier,
// smaller budget.
int fewest_late(std::vector<std::pair<int, std::int64_t>>& jobs, const std::vector<std::int64_t>& capacity,
                std::vector<std::int64_t>& taken) {
    std::sort(jobs.begin(), jobs.end());
    taken.clear(); // a max-heap of amounts (the caller's, so the search allocates nothing per node)
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

// The search's work, counted against one budget for the whole plan, and the caller's request to
// stop. A unit is about one balance updated or one option looked at.
class Budget {
public:
    Budget(std::int64_t limit, const std::atomic<bool>* cancel) : m_limit(limit), m_cancel(cancel) {}
    void spend(std::int64_t units) { m_spent += units; }
    // True when the work reaches `until` (an amount of spent work), or the caller asked to stop.
    [[nodiscard]] bool over(std::int64_t until) {
        if (m_cancel != nullptr && !m_cancelled && m_cancel->load(std::memory_order_relaxed)) {
            m_cancelled = true;
        }
        return m_cancelled || m_spent >= until;
    }
    [[nodiscard]] std::int64_t spent() const { return m_spent; }
    [[nodiscard]] std::int64_t limit() const { return m_limit; }
    [[nodiscard]] bool cancelled() const { return m_cancelled; }

private:
    std::int64_t m_limit;
    const std::atomic<bool>* m_cancel;
    std::int64_t m_spent = 0;
    bool m_cancelled = false;
};

// The top concerns of a plan of an account that can stay covered (1 is then zero): late payments
// by class, payments reported late, late fees.
struct TopCost {
    std::array<int, k_priority_count> late{};
    int reported = 0;
    std::int64_t fees = 0;
    friend auto operator<=>(const TopCost&, const TopCost&) = default;
};

// Plans one account.
//
// Only "trouble days" matter: the days whose balance, with every payment made in full on its
// scheduled date, is below zero or below the cushion. That plan gives every day its lowest
// balance (any other choice pays later or less), so the other days are covered and above the
// cushion whatever is chosen, and payments scheduled after the last trouble day are best made as
// scheduled. A trouble day's low is the closing balance of one or two days ("points": the day
// itself, and the day before when credits post first), less what the plan pays by then; the
// solver keeps only those points, so its work grows with the days that are short, not the window.
//
// Then, within one work budget:
// 1. a greedy plan (bills in priority order, each the cheapest way that stays covered);
// 2. when holding every payment keeps the account covered, the exact top concerns: each payment's
//    status (on time, late, reported late) needs only its least debit at its latest day, and the
//    statuses that fit the balances are those whose cumulative debits stay within it; a branch and
//    bound over statuses, with Moore and Hodgson's rule per class as its bound, finds the best;
// 3. large neighbourhood search: small groups of payments re-solved exactly;
// 4. a branch and bound over every option of every payment, which proves the plan best on all
//    the concerns when it finishes.
class AccountSolver {
public:
    AccountSolver(IntradayOrder order, std::int64_t opening, std::vector<std::int64_t> close,
                  std::vector<std::int64_t> credit, std::int64_t cushion, std::vector<Decision> decisions,
                  BankTerms bank, std::vector<FixedDebit> fixed_debits)
        : m_order(order), m_opening(opening), m_close(std::move(close)), m_credit(std::move(credit)),
          m_cushion(cushion), m_decisions(std::move(decisions)), m_bank(bank), m_fixed_debits(std::move(fixed_debits)) {
        m_days = static_cast<int>(m_close.size());
        m_choice.assign(m_decisions.size(), 0);
        m_best_choice.assign(m_decisions.size(), 0);
    }

    // Plans the account, spending at most up to `until` of the budget.
    void solve(Budget& budget, std::int64_t until) {
        m_budget = &budget;
        find_trouble_days();
        if (m_trouble_day.empty()) {
            // Paying everything as scheduled is covered and above the cushion every day: best on
            // every concern, since every other choice costs at least as much on each.
            m_best = PlanCost{};
            for (const auto& dec : m_decisions) {
                add_option_cost(m_best, dec, dec.options[0]);
            }
            m_bound = m_best;
            m_proven = k_concern_count;
            return;
        }
        build_points();
        const std::int64_t start = budget.spent();
        const std::int64_t share = until - start;
        greedy();
        m_bound = root_bound();
        const bool coverable = m_base_min >= 0;
        // Concern 1 is settled either way: when paying nothing on the short days leaves one
        // overdrawn, every plan is overdrawn; otherwise the greedy plan is covered.
        m_proven = 1;
        if (coverable) {
            const bool finished = exact_top(start + share * 2 / 5);
            if (finished) {
                m_proven = 4;
            }
        }
        improve_by_neighbourhoods(start + share * 7 / 10);
        if (search_over(m_active, until)) {
            m_proven = k_concern_count;
        }
        // Where the plan meets the lower bounds, no plan can do better either.
        m_proven = std::max(m_proven, matching_prefix(m_best, m_bound));
        // On the proven concerns the bound is the plan itself.
        if (m_proven == k_concern_count) {
            m_bound = m_best;
        }
        m_bound.overdrawn_accounts = m_best.overdrawn_accounts;
        if (m_proven >= 4) {
            m_bound.late_by_priority = m_best.late_by_priority;
            m_bound.reported_late = m_best.reported_late;
            m_bound.fees = m_best.fees;
        }
    }

    // The leading concerns on which `best` equals `bound`, a lower bound for every plan.
    [[nodiscard]] static int matching_prefix(const PlanCost& best, const PlanCost& bound) {
        const std::array<bool, k_concern_count> equal{
            best.overdrawn_accounts == bound.overdrawn_accounts, best.late_by_priority == bound.late_by_priority,
            best.reported_late == bound.reported_late,           best.fees == bound.fees,
            best.minimum_payments == bound.minimum_payments,     best.days_late == bound.days_late,
            best.days_below_cushion == bound.days_below_cushion, best.moved == bound.moved};
        int n = 0;
        while (n < k_concern_count && equal[static_cast<std::size_t>(n)]) {
            ++n;
        }
        return n;
    }

    [[nodiscard]] const std::vector<Decision>& decisions() const { return m_decisions; }
    [[nodiscard]] const std::vector<int>& best_choice() const { return m_best_choice; }
    [[nodiscard]] const PlanCost& best_cost() const { return m_best; }
    [[nodiscard]] const PlanCost& bound() const { return m_bound; }
    [[nodiscard]] int proven() const { return m_proven; }
    [[nodiscard]] std::size_t nodes() const { return m_nodes; }

    // With the chosen options applied: the first day index whose low is below zero if decision `k`
    // were paid `amount` on `day` instead, or -1.
    int overdraft_day_if(std::size_t k, int day, std::int64_t amount) {
        if (m_trouble_day.empty()) {
            return -1;
        }
        const Option o = option_at(day, amount);
        with_option(k, o);
        int found = -1;
        for (std::size_t i = 0; i < m_trouble_day.size(); ++i) {
            if (m_low[i] < 0) {
                found = m_trouble_day[i];
                break;
            }
        }
        without_option(k, o);
        return found;
    }

    // The days below the cushion with the chosen options, if decision `k` were paid so instead.
    int cushion_days_if(std::size_t k, int day, std::int64_t amount) {
        if (m_trouble_day.empty()) {
            return 0;
        }
        const Option o = option_at(day, amount);
        with_option(k, o);
        const int n = cushion_days();
        without_option(k, o);
        return n;
    }

private:
    static constexpr std::size_t k_neighbourhood = 10;
    static constexpr std::int64_t k_neighbourhood_work = 2'000'000;
    // What a job costs in the bounds that sort the jobs by deadline (Moore and Hodgson's rule).
    static constexpr std::int64_t k_sort_work = 24;

    // The days that can ever be overdrawn or below the cushion (see the class comment).
    void find_trouble_days() {
        std::vector<std::int64_t> close = m_close;
        std::vector<std::int64_t> debit(static_cast<std::size_t>(m_days) + 1, 0);
        for (const auto& dec : m_decisions) {
            const auto& o = dec.options[0];
            if (o.day >= 0) {
                debit[static_cast<std::size_t>(o.day)] += o.amount;
            }
        }
        std::int64_t paid = 0;
        for (int d = 0; d < m_days; ++d) {
            const auto i = static_cast<std::size_t>(d);
            paid += debit[i];
            close[i] -= paid;
            const std::int64_t low = m_order == IntradayOrder::debits_first
                                         ? close[i] - m_credit[i]
                                         : std::min(d == 0 ? m_opening : close[i - 1], close[i]);
            if (low < 0 || low < m_cushion) {
                m_trouble_day.push_back(d);
            }
        }
        m_budget->spend(m_days);
    }

    // The points the trouble days' lows are made of, their balances with nothing chosen paid, and
    // each option's first point (the points its debit lowers are that one and all after it).
    void build_points() {
        std::vector<int> days;
        for (int t : m_trouble_day) {
            if (m_order == IntradayOrder::credits_first) {
                days.push_back(t - 1); // the day's opening balance: the close before (-1: the opening)
            }
            days.push_back(t);
        }
        std::sort(days.begin(), days.end());
        days.erase(std::unique(days.begin(), days.end()), days.end());
        m_point_day = days;
        m_np = static_cast<int>(days.size());
        m_base.resize(days.size());
        for (std::size_t j = 0; j < days.size(); ++j) {
            const int d = days[j];
            m_base[j] = d < 0 ? m_opening
                              : m_close[static_cast<std::size_t>(d)] -
                                    (m_order == IntradayOrder::debits_first ? m_credit[static_cast<std::size_t>(d)] : 0);
        }
        m_base_min = *std::min_element(m_base.begin(), m_base.end());
        for (int t : m_trouble_day) {
            m_trouble_hi.push_back(first_point(t));
            m_trouble_lo.push_back(m_order == IntradayOrder::credits_first ? first_point(t - 1) : -1);
        }
        m_value = m_base;
        m_low.assign(m_trouble_day.size(), 0);
        m_sm.assign(days.size() + 1, 0);
        const int last = m_trouble_day.back();
        m_is_active.assign(m_decisions.size(), 0);
        for (std::size_t k = 0; k < m_decisions.size(); ++k) {
            auto& dec = m_decisions[k];
            if (dec.scheduled <= last && last + 1 < m_days) {
                // Paying the day after the last trouble day touches nothing short, and beats paying
                // later or not at all on every concern; so some best plan pays every payment still
                // to choose by then, and the ones after it can be paid as scheduled, in order.
                std::vector<int> useful{last + 1};
                for (const auto& o : dec.options) {
                    if (o.day >= 0 && o.day <= last) {
                        useful.push_back(o.day);
                    }
                }
                std::sort(useful.begin(), useful.end());
                useful.erase(std::unique(useful.begin(), useful.end()), useful.end());
                set_options(dec, useful);
            }
            for (auto& o : dec.options) {
                o.point = point_of(o.day, o.amount);
            }
            dec.grace_point = dec.grace_deadline < 0 ? 0 : first_point(dec.grace_deadline);
            dec.report_point = dec.report_deadline < 0 ? 0 : first_point(dec.report_deadline);
            if (dec.scheduled <= last) {
                m_active.push_back(k); // after the last trouble day: paid as scheduled
                m_is_active[k] = 1;
            }
        }
        m_budget->spend(static_cast<std::int64_t>(m_decisions.size()) * 4 + m_days);
        refresh();
    }

    // The first point on or after `day` (m_np: none).
    [[nodiscard]] int first_point(int day) const {
        return static_cast<int>(std::lower_bound(m_point_day.begin(), m_point_day.end(), day) - m_point_day.begin());
    }
    // The first point a debit of `amount` on `day` (-1: none) lowers; m_np when it lowers none.
    [[nodiscard]] int point_of(int day, std::int64_t amount) const {
        return day < 0 || amount == 0 ? m_np : first_point(day);
    }

    [[nodiscard]] Option option_at(int day, std::int64_t amount) const {
        Option o;
        o.day = day;
        o.amount = amount;
        o.point = point_of(day, amount);
        return o;
    }

    // Re-solves `group` exactly (if the budget allows) with the others fixed; true if it found better.
    bool improve(const std::vector<std::size_t>& group, std::int64_t until) {
        const PlanCost before = m_best;
        search_over(group, std::min(m_budget->spent() + k_neighbourhood_work, until));
        return m_best < before;
    }

    // Large neighbourhood search: groups of payments close in time, and each late payment with the
    // payments that compete with it for money, re-solved until a round finds nothing better.
    void improve_by_neighbourhoods(std::int64_t until) {
        const std::size_t n = m_active.size();
        if (n <= k_neighbourhood) {
            return; // the full search covers them at once
        }
        std::vector<std::size_t> by_date = m_active;
        std::stable_sort(by_date.begin(), by_date.end(), [&](std::size_t a, std::size_t b) {
            return m_decisions[a].scheduled < m_decisions[b].scheduled;
        });
        bool improved = true;
        while (improved && !m_budget->over(until)) {
            improved = false;
            for (std::size_t start = 0; start + 1 < n && !m_budget->over(until); start += k_neighbourhood / 2) {
                std::vector<std::size_t> group(by_date.begin() + static_cast<std::ptrdiff_t>(start),
                                               by_date.begin() + static_cast<std::ptrdiff_t>(std::min(n, start + k_neighbourhood)));
                improved = improve(group, until) || improved;
            }
            for (std::size_t k : m_active) {
                if (m_budget->over(until)) {
                    break;
                }
                const auto& late = m_decisions[k];
                if (!late.options[static_cast<std::size_t>(m_best_choice[k])].late) {
                    continue;
                }
                // Its rivals: the payments scheduled before its grace ends, nearest its deadline first.
                const int due = late.grace_deadline;
                std::vector<std::pair<int, std::size_t>> rivals;
                for (std::size_t j : m_active) {
                    if (j != k && m_decisions[j].scheduled <= due) {
                        rivals.emplace_back(std::abs(m_decisions[j].scheduled - due), j);
                    }
                }
                m_budget->spend(static_cast<std::int64_t>(n));
                const std::size_t keep = std::min(rivals.size(), k_neighbourhood - 1);
                std::partial_sort(rivals.begin(), rivals.begin() + static_cast<std::ptrdiff_t>(keep), rivals.end());
                std::vector<std::size_t> group;
                for (std::size_t r = 0; r < keep; ++r) {
                    group.push_back(rivals[r].second);
                }
                group.push_back(k);
                improved = improve(group, until) || improved;
            }
        }
    }

    void with_option(std::size_t k, const Option& option) {
        apply(m_decisions[k].options[static_cast<std::size_t>(m_best_choice[k])], -1);
        apply(option, +1);
        refresh();
    }
    void without_option(std::size_t k, const Option& option) {
        apply(option, -1);
        apply(m_decisions[k].options[static_cast<std::size_t>(m_best_choice[k])], +1);
        refresh();
    }

    // A payment goes to the oldest occurrence of a bill still owed: a later one is paid no earlier
    // than the one before it, and not at all while that one is not.
    [[nodiscard]] static bool in_order(const Option& earlier, const Option& later) {
        return later.day < 0 || (earlier.day >= 0 && earlier.day <= later.day);
    }
    // Whether paying decision `k` as `o` keeps that order with its previous occurrence as chosen
    // now, and (when `check_next`) with its next.
    [[nodiscard]] bool in_order_with(std::size_t k, const Option& o, bool check_next) const {
        const auto& dec = m_decisions[k];
        const auto chosen = [&](int j) -> const Option& {
            const auto& other = m_decisions[static_cast<std::size_t>(j)];
            return other.options[static_cast<std::size_t>(m_choice[static_cast<std::size_t>(j)])];
        };
        if (dec.previous >= 0 && !in_order(chosen(dec.previous), o)) {
            return false;
        }
        return !check_next || dec.next < 0 || in_order(o, chosen(dec.next));
    }

    // Adds (sign +1) or removes (sign -1) a debit of `amount` from `point` on.
    void debit(int point, std::int64_t amount, int sign) {
        if (amount == 0 || point >= m_np) {
            return;
        }
        for (int j = point; j < m_np; ++j) {
            m_value[static_cast<std::size_t>(j)] -= sign * amount;
        }
        m_budget->spend(m_np - point);
    }
    void apply(const Option& o, int sign) { debit(o.point, o.amount, sign); }

    // Recomputes the trouble days' lows and the points' suffix minima.
    void refresh() {
        for (std::size_t i = 0; i < m_low.size(); ++i) {
            const std::int64_t hi = m_value[static_cast<std::size_t>(m_trouble_hi[i])];
            m_low[i] = m_trouble_lo[i] < 0 ? hi : std::min(hi, m_value[static_cast<std::size_t>(m_trouble_lo[i])]);
        }
        m_sm[static_cast<std::size_t>(m_np)] = k_unbounded;
        for (int j = m_np - 1; j >= 0; --j) {
            const auto i = static_cast<std::size_t>(j);
            m_sm[i] = std::min(m_value[i], m_sm[i + 1]);
        }
        m_budget->spend(m_np + static_cast<std::int64_t>(m_low.size()));
    }

    [[nodiscard]] bool feasible_now() const { return m_sm[0] >= 0; }
    [[nodiscard]] bool fits(const Option& o) const {
        return o.point >= m_np || o.amount <= m_sm[static_cast<std::size_t>(o.point)];
    }

    [[nodiscard]] int cushion_days() const {
        int n = 0;
        for (const auto low : m_low) {
            n += low < m_cushion ? 1 : 0;
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
        m_budget->spend(m_days + 4 * static_cast<std::int64_t>(debits.size()));
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
                    add_option_cost(c, dec, dec.held);
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
    // Leaves the balances with the best plan applied, as every later step expects.
    void greedy() {
        PlanCost partial;
        for (std::size_t k = 0; k < m_decisions.size(); ++k) {
            const auto& options = m_decisions[k].options;
            std::size_t pick = 0;
            if (m_is_active[k]) {
                refresh();
                const bool feasible = feasible_now();
                pick = static_cast<std::size_t>(m_decisions[k].fallback); // in order, and covered
                for (std::size_t i = 0; i < options.size(); ++i) {
                    if ((!feasible || fits(options[i])) && in_order_with(k, options[i], false)) {
                        pick = i;
                        break;
                    }
                }
            }
            m_choice[k] = static_cast<int>(pick);
            apply(options[pick], +1);
            add_option_cost(partial, m_decisions[k], options[pick]);
        }
        m_best = leaf_cost(partial);
        m_best_choice = m_choice;
    }

    // Searches the decisions in `open` (the others as in the best plan) until done or the budget
    // reaches `until`. Returns whether it finished: then no better choice of them exists.
    bool search_over(const std::vector<std::size_t>& open, std::int64_t until) {
        m_open = open;
        std::sort(m_open.begin(), m_open.end()); // decisions are stored in priority order
        m_is_open.assign(m_decisions.size(), 0);
        for (std::size_t k : m_open) {
            m_is_open[k] = 1;
            apply(m_decisions[k].options[static_cast<std::size_t>(m_best_choice[k])], -1);
        }
        m_choice = m_best_choice;
        PlanCost partial = own_costs_outside(m_is_open);
        if (m_fit.size() < m_open.size()) {
            m_fit.resize(m_open.size());
        }
        m_until = until;
        m_stopped = false;
        search(0, partial);
        for (std::size_t k : m_open) {
            apply(m_decisions[k].options[static_cast<std::size_t>(m_best_choice[k])], +1);
        }
        m_choice = m_best_choice;
        refresh();
        return !m_stopped;
    }

    void search(std::size_t pos, PlanCost& partial) {
        ++m_nodes;
        if (m_budget->over(m_until)) {
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
        const PlanCost bound = bound_at(pos, partial, feasible);
        if (!(bound < m_best)) {
            return;
        }
        const std::size_t k = m_open[pos];
        const auto& dec = m_decisions[k];
        // Room before any option is applied (apply() below changes the balances).
        auto& fit = m_fit[pos]; // sized by search_over: deeper calls never move it
        fit.assign(dec.options.size(), 0);
        for (std::size_t i = 0; i < dec.options.size(); ++i) {
            fit[i] = !feasible || fits(dec.options[i]) ? 1 : 0;
        }
        for (std::size_t i = 0; i < dec.options.size(); ++i) {
            const auto& o = dec.options[i];
            // An option that overdraws the account cannot beat a plan without an overdraft.
            if (!fit[i] && m_best.overdrawn_accounts == 0) {
                continue;
            }
            if (!in_order_with(k, o, dec.next >= 0 && !m_is_open[static_cast<std::size_t>(dec.next)])) {
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

    // A lower bound on every concern, each on its own: what is decided so far, the account as it
    // is now (later debits only lower it), and for each open decision from `pos` its cheapest
    // option that still fits (later debits only take room away).
    PlanCost bound_at(std::size_t pos, const PlanCost& partial, bool feasible) {
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
            m_budget->spend(static_cast<std::int64_t>(dec.options.size()) + 2);
        }
        if (feasible) {
            strengthen(pos, partial, bound);
        }
        return bound;
    }

    // The own costs of the decisions not flagged in `inside`, as chosen now.
    PlanCost own_costs_outside(const std::vector<char>& inside) {
        PlanCost c;
        for (std::size_t k = 0; k < m_decisions.size(); ++k) {
            if (!inside[k]) {
                add_option_cost(c, m_decisions[k], m_decisions[k].options[static_cast<std::size_t>(m_choice[k])]);
            }
        }
        m_budget->spend(static_cast<std::int64_t>(m_decisions.size()));
        return c;
    }

    // The bound with everything open and nothing paid (valid for every plan of the account).
    PlanCost root_bound() {
        const auto saved_value = m_value;
        m_value = m_base;
        m_open = m_active;
        std::sort(m_open.begin(), m_open.end());
        const PlanCost partial = own_costs_outside(m_is_active); // those paid as scheduled
        refresh();
        const bool coverable = feasible_now();
        PlanCost b = bound_at(0, partial, coverable);
        m_value = saved_value;
        refresh();
        return b;
    }

    // Raises the bound's late counts per class, and its reported count, to what the money left
    // allows: the open decisions compete for the same room, which the per-decision minima ignore.
    void strengthen(std::size_t pos, const PlanCost& partial, PlanCost& bound) {
        auto& late_jobs = m_late_jobs;
        for (auto& v : late_jobs) {
            v.clear();
        }
        std::array<int, k_priority_count> independent{};
        auto& report_jobs = m_report_jobs;
        report_jobs.clear();
        int independent_reported = 0;
        for (std::size_t q = pos; q < m_open.size(); ++q) {
            const auto& dec = m_decisions[m_open[q]];
            const auto cls = static_cast<std::size_t>(dec.priority);
            // Only decisions for which not paying in the window is late need room to be on time.
            if (dec.held_is_late) {
                if (dec.grace_deadline < dec.scheduled || dec.grace_deadline < 0) {
                    ++independent[cls]; // late whatever is done
                } else {
                    late_jobs[cls].emplace_back(dec.grace_point, dec.least_amount);
                }
            }
            if (dec.held_is_reported) {
                if (dec.report_deadline < dec.scheduled || dec.report_deadline < 0) {
                    ++independent_reported;
                } else {
                    report_jobs.emplace_back(dec.report_point, dec.least_amount);
                }
            }
        }
        for (std::size_t c = 0; c < late_jobs.size(); ++c) {
            if (late_jobs[c].empty()) {
                continue;
            }
            const int joint = independent[c] + fewest_late(late_jobs[c], m_sm, m_heap);
            bound.late_by_priority[c] = std::max(bound.late_by_priority[c], partial.late_by_priority[c] + joint);
        }
        if (!report_jobs.empty()) {
            const int joint = independent_reported + fewest_late(report_jobs, m_sm, m_heap);
            bound.reported_late = std::max(bound.reported_late, partial.reported_late + joint);
        }
        m_budget->spend(static_cast<std::int64_t>(m_open.size() - pos) * k_sort_work);
    }

    // The exact top concerns ------------------------------------------------------------------

    // One way a payment can end: its costs on the top concerns, and the least it must debit for
    // it (its smallest amount, on the latest day that keeps that status; nothing when holding it
    // does).
    struct Status {
        bool late = false;
        bool reported = false;
        std::int64_t fee = 0;
        int day = -1; // -1: not paid
        int point = 0;
        std::int64_t amount = 0; // what it takes from the points (none when after the last)
        std::int64_t paid = 0;   // what it pays
        int option = 0;
    };
    struct Job {
        std::size_t decision = 0;
        std::size_t priority = 0;
        std::vector<Status> statuses; // best first
        // For the bound: the least debit of being on time / not reported (possible: some status
        // is; free: one of those debits nothing), and the least late fee.
        bool on_time_possible = false;
        bool on_time_free = false;
        int on_time_point = 0;
        std::int64_t on_time_amount = 0;
        bool unreported_possible = false;
        bool unreported_free = false;
        int unreported_point = 0;
        std::int64_t unreported_amount = 0;
        std::int64_t late_fee = 0;
        bool same_as_previous = false; // the same statuses as the job before: try them in order
        std::vector<std::size_t> chain; // the jobs of the same bill, oldest first (this one among them)
    };

    [[nodiscard]] static bool same_statuses(const Job& a, const Job& b) {
        if (a.priority != b.priority || a.statuses.size() != b.statuses.size() || a.chain.size() > 1 ||
            b.chain.size() > 1) {
            return false;
        }
        for (std::size_t i = 0; i < a.statuses.size(); ++i) {
            const auto& x = a.statuses[i];
            const auto& y = b.statuses[i];
            if (std::tie(x.late, x.reported, x.fee, x.point, x.amount) != std::tie(y.late, y.reported, y.fee, y.point, y.amount)) {
                return false;
            }
        }
        return true;
    }

    Job make_job(std::size_t k) const {
        const auto& dec = m_decisions[k];
        Job job;
        job.decision = k;
        job.priority = static_cast<std::size_t>(dec.priority);
        // The least debit of each (late, reported) class: the latest point, then the least amount.
        // A bill's later occurrence cannot be paid while this one is not: then holding it and paying
        // it late are not the same, and each class keeps both.
        const bool chained = dec.next >= 0;
        const auto lighter = [](const Status& a, const Status& b) {
            return a.point > b.point || (a.point == b.point && (a.amount < b.amount || (a.amount == b.amount && a.day > b.day)));
        };
        std::vector<Status> classes;
        for (std::size_t i = 0; i < dec.options.size(); ++i) {
            const auto& o = dec.options[i];
            Status s{o.late, o.reported, o.fee, o.day, o.point, o.point >= m_np ? 0 : o.amount, o.amount,
                     static_cast<int>(i)};
            if (s.amount == 0) {
                s.point = m_np;
            }
            const bool held = s.day < 0;
            auto same = std::find_if(classes.begin(), classes.end(), [&](const Status& c) {
                return c.late == s.late && c.reported == s.reported && (!chained || (c.day < 0) == held);
            });
            if (same == classes.end()) {
                classes.push_back(s);
            } else {
                const std::int64_t fee = std::min(same->fee, s.fee);
                if (lighter(s, *same)) {
                    *same = s;
                }
                same->fee = fee;
            }
        }
        // Drop a status another beats on every count and on its debit (and, when chained, that is
        // held alike).
        for (const auto& s : classes) {
            const bool beaten = std::any_of(classes.begin(), classes.end(), [&](const Status& t) {
                const bool no_worse = t.late <= s.late && t.reported <= s.reported && t.fee <= s.fee &&
                                      t.point >= s.point && t.amount <= s.amount &&
                                      (!chained || (t.day < 0) == (s.day < 0));
                const bool same = t.late == s.late && t.reported == s.reported && t.fee == s.fee &&
                                  t.point == s.point && t.amount == s.amount && (t.day < 0) == (s.day < 0);
                return no_worse && !same;
            });
            if (!beaten) {
                job.statuses.push_back(s);
            }
        }
        std::sort(job.statuses.begin(), job.statuses.end(), [](const Status& a, const Status& b) {
            return std::tuple(a.late, a.reported, a.fee, -a.point, a.amount, a.day < 0) <
                   std::tuple(b.late, b.reported, b.fee, -b.point, b.amount, b.day < 0);
        });
        job.late_fee = k_unbounded;
        for (const auto& s : job.statuses) {
            const auto least = [&](bool& possible, bool& free, int& point, std::int64_t& amount) {
                if (!possible) {
                    possible = true;
                    point = s.point;
                    amount = s.amount;
                } else {
                    point = std::max(point, s.point);
                    amount = std::min(amount, s.amount);
                }
                free = free || s.point >= m_np;
            };
            if (!s.late) {
                least(job.on_time_possible, job.on_time_free, job.on_time_point, job.on_time_amount);
            } else {
                job.late_fee = std::min(job.late_fee, s.fee);
            }
            if (!s.reported) {
                least(job.unreported_possible, job.unreported_free, job.unreported_point, job.unreported_amount);
            }
        }
        if (job.late_fee == k_unbounded) {
            job.late_fee = 0;
        }
        return job;
    }

    // Solves the top concerns exactly, by branch and bound over the jobs' statuses, until done or
    // the budget reaches `until`; a better plan on them becomes the best plan. Returns whether it
    // finished (then the best plan is best on concerns 1-4).
    bool exact_top(std::int64_t until) {
        m_jobs.clear();
        for (std::size_t k : m_active) {
            m_jobs.push_back(make_job(k));
        }
        m_budget->spend(static_cast<std::int64_t>(m_active.size()) * 16);
        std::stable_sort(m_jobs.begin(), m_jobs.end(), [](const Job& a, const Job& b) {
            return std::tuple(a.priority, a.on_time_possible ? -a.on_time_point : 1, a.decision) <
                   std::tuple(b.priority, b.on_time_possible ? -b.on_time_point : 1, b.decision);
        });
        // Each bill's jobs, oldest first (a job's earlier occurrences are jobs too).
        std::vector<int> job_of(m_decisions.size(), -1);
        for (std::size_t j = 0; j < m_jobs.size(); ++j) {
            job_of[m_jobs[j].decision] = static_cast<int>(j);
        }
        for (auto& job : m_jobs) {
            int head = static_cast<int>(job.decision);
            while (m_decisions[static_cast<std::size_t>(head)].previous >= 0) {
                head = m_decisions[static_cast<std::size_t>(head)].previous;
            }
            // (The later ones paid as scheduled, after every job's latest day, constrain nothing.)
            for (int k = head; k >= 0 && job_of[static_cast<std::size_t>(k)] >= 0;
                 k = m_decisions[static_cast<std::size_t>(k)].next) {
                job.chain.push_back(static_cast<std::size_t>(job_of[static_cast<std::size_t>(k)]));
            }
        }
        for (std::size_t i = 1; i < m_jobs.size(); ++i) {
            m_jobs[i].same_as_previous = same_statuses(m_jobs[i], m_jobs[i - 1]);
        }
        // The decisions paid as scheduled (after the last trouble day) add their own costs.
        TopCost fixed;
        for (std::size_t k = 0; k < m_decisions.size(); ++k) {
            if (job_of[k] < 0) {
                const auto& o = m_decisions[k].options[0];
                add_top(fixed, m_decisions[k], o.late, o.reported, o.fee);
            }
        }
        // The incumbent is the best plan so far, which is covered.
        m_top_best = TopCost{m_best.late_by_priority, m_best.reported_late, m_best.fees};
        m_top_found.clear();
        m_top_pick.assign(m_jobs.size(), -1);
        m_top_day.assign(m_jobs.size(), -1);
        m_top_applied.assign(m_jobs.size(), {m_np, 0});
        // The balances with no job paid.
        for (std::size_t k : m_active) {
            apply(m_decisions[k].options[static_cast<std::size_t>(m_best_choice[k])], -1);
        }
        refresh();
        m_until = until;
        m_stopped = false;
        top_search(0, fixed);
        const bool finished = !m_stopped;
        if (!m_top_found.empty()) {
            // A plan better on the top concerns: each payment its status's least amount, on its
            // latest day that keeps the bill's payments in order.
            for (std::size_t j = 0; j < m_jobs.size(); ++j) {
                const auto k = m_jobs[j].decision;
                const auto& dec = m_decisions[k];
                const int day = m_top_found_day[j];
                int pick = day < 0 ? dec.hold : -1;
                // The latest of its days on or before that day (no income comes in between, so
                // the balances allow it), and its least amount there.
                for (std::size_t i = 0; day >= 0 && i < dec.options.size(); ++i) {
                    const auto& o = dec.options[i];
                    const auto later_or_less = [&](const Option& than) {
                        return std::tuple(o.day, -o.amount) > std::tuple(than.day, -than.amount);
                    };
                    if (o.day >= 0 && o.day <= day &&
                        (pick < 0 || later_or_less(dec.options[static_cast<std::size_t>(pick)]))) {
                        pick = static_cast<int>(i);
                    }
                }
                m_choice[k] = pick;
            }
            PlanCost partial;
            for (std::size_t k = 0; k < m_decisions.size(); ++k) {
                const auto& o = m_decisions[k].options[static_cast<std::size_t>(m_choice[k])];
                if (job_of[k] >= 0) {
                    apply(o, +1);
                }
                add_option_cost(partial, m_decisions[k], o);
            }
            m_best = leaf_cost(partial);
            m_best_choice = m_choice;
        } else {
            for (std::size_t k : m_active) {
                apply(m_decisions[k].options[static_cast<std::size_t>(m_best_choice[k])], +1);
            }
        }
        m_choice = m_best_choice;
        refresh();
        return finished;
    }

    static void add_top(TopCost& c, const Decision& dec, bool late, bool reported, std::int64_t fee) {
        c.late[static_cast<std::size_t>(dec.priority)] += late ? 1 : 0;
        c.reported += reported ? 1 : 0;
        c.fees += fee;
    }

    // Places the debits of the jobs of `chain` that have a status: each on its status's day, or
    // earlier where a later occurrence of the bill is paid earlier still (a payment goes to the
    // oldest owed). Returns false when an occurrence is held while a later one is paid.
    bool place_chain(const std::vector<std::size_t>& chain) {
        bool in_order = true;
        int later_day = std::numeric_limits<int>::max(); // the earliest day a later one is paid
        for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
            const std::size_t j = *it;
            auto& applied = m_top_applied[j];
            debit(applied.first, applied.second, -1);
            applied = {m_np, 0};
            m_top_day[j] = -1;
            if (m_top_pick[j] < 0) {
                continue;
            }
            const auto& s = m_jobs[j].statuses[static_cast<std::size_t>(m_top_pick[j])];
            if (s.day < 0) {
                in_order = in_order && later_day == std::numeric_limits<int>::max();
                continue;
            }
            const int day = std::min(s.day, later_day);
            later_day = day;
            m_top_day[j] = day;
            applied = {point_of(day, s.paid), s.paid};
            debit(applied.first, applied.second, +1);
        }
        return in_order;
    }

    void top_search(std::size_t pos, const TopCost& partial) {
        ++m_nodes;
        if (m_budget->over(m_until)) {
            m_stopped = true;
            return;
        }
        if (pos == m_jobs.size()) {
            if (partial < m_top_best) {
                m_top_best = partial;
                m_top_found = m_top_pick;
                m_top_found_day = m_top_day;
            }
            return;
        }
        if (!(top_bound(pos, partial) < m_top_best)) {
            return;
        }
        const auto& job = m_jobs[pos];
        const auto& dec = m_decisions[job.decision];
        // Identical jobs take their statuses in order: the other orders are the same plans.
        const std::size_t first = job.same_as_previous ? static_cast<std::size_t>(m_top_pick[pos - 1]) : 0;
        for (std::size_t i = first; i < job.statuses.size(); ++i) {
            const auto& s = job.statuses[i];
            if (job.chain.size() == 1 && s.point < m_np && s.amount > m_sm[static_cast<std::size_t>(s.point)]) {
                continue; // its least debit does not fit
            }
            TopCost next = partial;
            add_top(next, dec, s.late, s.reported, s.fee);
            if (!(next < m_top_best)) {
                continue; // statuses are best first within a class, but a later one may still be cheaper
            }
            m_top_pick[pos] = static_cast<int>(i);
            const bool in_order = place_chain(job.chain);
            refresh();
            if (in_order && feasible_now()) {
                top_search(pos + 1, next);
            }
            m_top_pick[pos] = -1;
            place_chain(job.chain);
            refresh();
            if (m_stopped) {
                return;
            }
        }
    }

    // A lower bound on the top concerns of the jobs from `pos` on, given the balances now: per
    // class, the fewest that cannot all be on time (Moore and Hodgson's rule), and likewise for
    // reported late; the fees of the fewest late ones at their cheapest.
    TopCost top_bound(std::size_t pos, const TopCost& partial) {
        TopCost bound = partial;
        auto& jobs = m_class_jobs;
        auto& fees = m_fees;
        auto& report_jobs = m_report_jobs;
        report_jobs.clear();
        std::size_t q = pos;
        while (q < m_jobs.size()) {
            const std::size_t cls = m_jobs[q].priority;
            jobs.clear();
            fees.clear();
            for (; q < m_jobs.size() && m_jobs[q].priority == cls; ++q) {
                const auto& job = m_jobs[q];
                if (!job.on_time_possible) {
                    ++bound.late[cls];
                    bound.fees += job.late_fee;
                } else if (!job.on_time_free) {
                    jobs.emplace_back(job.on_time_point, job.on_time_amount);
                    fees.push_back(job.late_fee);
                }
                if (!job.unreported_possible) {
                    ++bound.reported;
                } else if (!job.unreported_free) {
                    report_jobs.emplace_back(job.unreported_point, job.unreported_amount);
                }
            }
            if (!jobs.empty()) {
                const int late = fewest_late(jobs, m_sm, m_heap);
                bound.late[cls] += late;
                std::sort(fees.begin(), fees.end());
                for (int i = 0; i < late; ++i) {
                    bound.fees += fees[static_cast<std::size_t>(i)];
                }
            }
        }
        if (!report_jobs.empty()) {
            bound.reported += fewest_late(report_jobs, m_sm, m_heap);
        }
        m_budget->spend(static_cast<std::int64_t>(m_jobs.size() - pos) * k_sort_work);
        return bound;
    }

    IntradayOrder m_order;
    std::int64_t m_opening;
    std::vector<std::int64_t> m_close; // per day, with no decision paid
    std::vector<std::int64_t> m_credit;
    std::int64_t m_cushion;
    std::vector<Decision> m_decisions;
    BankTerms m_bank;
    std::vector<FixedDebit> m_fixed_debits;
    int m_days = 0;
    Budget* m_budget = nullptr;

    // The trouble days, the points, and the balances at the points.
    std::vector<int> m_trouble_day;
    std::vector<int> m_trouble_hi;
    std::vector<int> m_trouble_lo; // -1: none
    std::vector<int> m_point_day;
    int m_np = 0;
    std::vector<std::int64_t> m_base; // with no decision paid
    std::int64_t m_base_min = 0;
    std::vector<std::int64_t> m_value;
    std::vector<std::int64_t> m_low;
    // Suffix minima of m_value, then k_unbounded: the most that can still be debited from each
    // point on (the capacity Moore and Hodgson's rule works against).
    std::vector<std::int64_t> m_sm;
    std::vector<std::size_t> m_active; // the decisions the search chooses
    std::vector<char> m_is_active;     // per decision: among them

    std::vector<int> m_choice;
    std::vector<int> m_best_choice;
    std::vector<std::size_t> m_open;
    std::vector<char> m_is_open;
    PlanCost m_best;
    PlanCost m_bound;
    int m_proven = 0;
    std::size_t m_nodes = 0;
    std::int64_t m_until = 0;
    bool m_stopped = false;

    // Scratch space for the search, kept between nodes.
    std::vector<std::vector<char>> m_fit; // per depth: which options fit
    std::array<std::vector<std::pair<int, std::int64_t>>, k_priority_count> m_late_jobs;
    std::vector<std::pair<int, std::int64_t>> m_report_jobs;
    std::vector<std::pair<int, std::int64_t>> m_class_jobs;
    std::vector<std::int64_t> m_fees;
    std::vector<std::int64_t> m_heap;

    std::vector<Job> m_jobs;
    std::vector<int> m_top_pick;                       // per job: its status, -1 none yet
    std::vector<int> m_top_day;                        // per job: the day it is paid (-1: not)
    std::vector<std::pair<int, std::int64_t>> m_top_applied; // per job: its debit as placed
    std::vector<int> m_top_found;
    std::vector<int> m_top_found_day;
    TopCost m_top_best;
};

// The look-ahead: as asked, or the longest gap between incomes (one pay cycle, however long),
// from 31 days to 92, and never past what a forecast may cover.
int look_ahead_days(const Household& h, const BusinessCalendar& calendar, const PlanOptions& options) {
    int look = 0;
    if (options.look_ahead) {
        look = std::max(0, *options.look_ahead);
    } else {
        constexpr int k_least = 31;
        constexpr int k_most = 92;
        const Date to = options.from + date::days{options.days - 1 + k_most};
        std::vector<Date> arrivals;
        if (to <= k_max_date) {
            for (const auto& o : collect_occurrences(h, calendar, options.from, to, AmountBasis::conservative)) {
                if (o.kind == ItemKind::income && o.apply_date) {
                    arrivals.push_back(*o.apply_date);
                }
            }
        }
        std::sort(arrivals.begin(), arrivals.end());
        look = k_least;
        for (std::size_t i = 1; i < arrivals.size(); ++i) {
            look = std::max(look, days_between(arrivals[i - 1], arrivals[i]));
        }
        look = std::min(look, k_most);
    }
    look = std::min(look, k_max_forecast_days - options.days);
    if (look > 0 && options.from + date::days{options.days - 1 + look} > k_max_date) {
        look = 0; // at the end of the calendar: the window alone
    }
    return look;
}

} // namespace

std::string_view to_string(PlanConcern c) {
    switch (c) {
    case PlanConcern::overdraft:
        return "overdraft";
    case PlanConcern::late_by_priority:
        return "late_by_priority";
    case PlanConcern::reported_late:
        return "reported_late";
    case PlanConcern::fees:
        return "fees";
    case PlanConcern::minimum_payments:
        return "minimum_payments";
    case PlanConcern::days_late:
        return "days_late";
    case PlanConcern::days_below_cushion:
        return "days_below_cushion";
    case PlanConcern::moved:
        return "moved";
    }
    return "overdraft";
}

Result<Plan> make_plan(const Household& h, const PlanOptions& options) {
    if (auto s = check_forecast_window(h, options.from, options.days); !s) {
        return std::move(s).error();
    }
    try {
        Plan plan;
        plan.from = options.from;
        plan.to = options.from + date::days{options.days - 1};
        const auto calendar = h.calendar();
        const int look_ahead = look_ahead_days(h, calendar, options);
        // Everything below plans the window and its look-ahead: `days` of them, to `horizon_to`.
        const int days = options.days + look_ahead;
        const Date horizon_to = plan.from + date::days{days - 1};
        plan.horizon_to = horizon_to;
        auto occurrences = collect_occurrences(h, calendar, plan.from, horizon_to, AmountBasis::conservative);

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
        auto sim = simulate(h, fixed_postings, plan.from, horizon_to, DebitOrder::largest_first, &fixed);
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
        // The first day each income can be used, per account (the day after it when debits post first).
        std::vector<std::vector<int>> usable_days(n_accounts);
        for (std::size_t a = 0; a < n_accounts; ++a) {
            for (int d = 0; d < days; ++d) {
                if (credit[a][static_cast<std::size_t>(d)] > 0) {
                    const int usable = h.intraday_order == IntradayOrder::debits_first ? d + 1 : d;
                    if (usable < days) {
                        usable_days[a].push_back(usable);
                    }
                }
            }
        }

        // The options of each decision.
        std::vector<std::vector<Decision>> per_account(n_accounts);
        for (std::size_t i : decision_occurrences) {
            const auto& o = occurrences[i];
            const auto& bill = h.bills[o.item];
            Decision dec;
            dec.occurrence = i;
            dec.item = o.item;
            dec.priority = rank(bill.priority) - 1;
            dec.returned_payment_fee = bill.returned_payment_fee.minor();
            const int scheduled = days_between(plan.from, *o.apply_date);
            dec.scheduled = scheduled;
            const int due = days_between(plan.from, o.due.due);
            dec.due = due;
            dec.grace_days = bill.grace_days;
            dec.reported_after = bill.reported_late_after_days;
            dec.late_fee = bill.late_fee.minor();
            dec.last_day = days - 1;
            std::vector<int> candidate_days{scheduled};
            if (due > scheduled && due < days) {
                candidate_days.push_back(due);
            }
            for (auto it = std::upper_bound(usable_days[o.account].begin(), usable_days[o.account].end(), scheduled);
                 it != usable_days[o.account].end(); ++it) {
                candidate_days.push_back(*it);
            }
            std::sort(candidate_days.begin(), candidate_days.end());
            candidate_days.erase(std::unique(candidate_days.begin(), candidate_days.end()), candidate_days.end());
            candidate_days.push_back(-1); // not in the window
            dec.amounts = {{false, o.amount.minor()}};
            if (bill.minimum) {
                const std::int64_t minimum = (*bill.minimum * o.due.count).minor();
                if (minimum < o.amount.minor()) {
                    dec.amounts.emplace_back(true, minimum);
                }
            }
            dec.least_amount = dec.amounts.back().second;
            dec.grace_deadline = due + bill.grace_days;
            if (bill.reported_late_after_days) {
                dec.report_deadline = due + *bill.reported_late_after_days - 1;
            }
            set_options(dec, candidate_days);
            per_account[o.account].push_back(std::move(dec));
        }

        // Plan each account; the costs add up.
        std::vector<std::pair<std::size_t, Option>> chosen; // decision occurrence, option
        std::vector<std::unique_ptr<AccountSolver>> solvers(n_accounts);
        plan.cost = PlanCost{};
        plan.bound = PlanCost{};
        Budget budget(options.work_limit, options.cancel);
        for (std::size_t a = 0; a < n_accounts; ++a) {
            auto& decs = per_account[a];
            std::stable_sort(decs.begin(), decs.end(), [](const Decision& x, const Decision& y) {
                return std::tuple(x.priority, x.scheduled, x.occurrence) < std::tuple(y.priority, y.scheduled, y.occurrence);
            });
            // Each bill's occurrences in order (a bill keeps its class, and its later occurrences
            // are scheduled later): each one's previous and next.
            std::map<std::size_t, int> last_of_bill;
            for (std::size_t k = 0; k < decs.size(); ++k) {
                if (const auto it = last_of_bill.find(decs[k].item); it != last_of_bill.end()) {
                    decs[k].previous = it->second;
                    decs[static_cast<std::size_t>(it->second)].next = static_cast<int>(k);
                }
                last_of_bill[decs[k].item] = static_cast<int>(k);
            }
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
                                                         credit[a], account.cushion.minor(), decs, bank,
                                                         std::move(fixed_debits[a]));
            // Each account may spend its share of what the accounts before it left.
            const std::int64_t left = std::max<std::int64_t>(0, budget.limit() - budget.spent());
            solvers[a]->solve(budget, budget.spent() + left / static_cast<std::int64_t>(n_accounts - a));
            plan.cost += solvers[a]->best_cost();
            plan.bound += solvers[a]->bound();
            plan.proven = std::min(plan.proven, solvers[a]->proven());
            plan.nodes += solvers[a]->nodes();
        }
        plan.optimal = plan.proven == k_concern_count;
        plan.cancelled = budget.cancelled();
        plan.work = budget.spent();
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
        // What the bank returns, over the window and its look-ahead; the balances shown, over the window.
        const auto whole = assemble_forecast(h, planned, plan.from, horizon_to, DebitOrder::priority);
        auto shown = planned;
        for (auto& o : shown) {
            if (o.apply_date && *o.apply_date > plan.to) {
                o.apply_date.reset(); // in the look-ahead
            }
        }
        auto result = assemble_forecast(h, std::move(shown), plan.from, plan.to, DebitOrder::priority);
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
                const auto declined = std::find_if(whole.declined.begin(), whole.declined.end(),
                                                   [&](const DeclinedPayment& x) { return x.occurrence == dec.occurrence; });
                d.declined = declined != whole.declined.end();
                d.in_look_ahead = d.scheduled > plan.to;
                d.beyond_window = d.pay_date && *d.pay_date > plan.to;
                d.full_amount = o.amount;
                d.amount = d.declined ? zero : Money::from_minor(opt.amount, h.currency);
                d.action = opt.day < 0      ? PlanAction::hold
                           : opt.minimum    ? PlanAction::pay_minimum
                           : opt.moved      ? PlanAction::move
                                            : PlanAction::pay;
                const auto& costed = d.declined ? dec.held : opt;
                d.days_late = costed.days_late;
                d.late = costed.late;
                d.late_fee = Money::from_minor(costed.fee, h.currency);
                d.reported_late = costed.reported;
                d.timeline = consequence_timeline(bill, o.due.due);
                d.shutoff_risk = bill.shutoff_after_days && costed.days_late >= *bill.shutoff_after_days;
                d.bank_fee = d.declined ? declined->bank_fee : zero;
                d.biller_fee = d.declined ? declined->biller_fee : zero;

                d.bill = o.item;
                d.account = o.account;
                d.due = o.due.due;
                d.overdue = o.state == OccurrenceState::missed;
                d.horizon_to = horizon_to;

                // Why: what paying it in full on its scheduled date would do instead.
                if (d.action != PlanAction::pay && !d.declined) {
                    const int overdraft = solver.overdraft_day_if(k, dec.scheduled, o.amount.minor());
                    d.why_day = d.action == PlanAction::pay_minimum && d.pay_date ? *d.pay_date : d.scheduled;
                    if (overdraft >= 0) {
                        d.why = PlanWhy::would_overdraw;
                        d.why_day = d.scheduled;
                        d.overdrawn_on = plan.from + date::days{overdraft};
                    } else if (solver.cushion_days_if(k, dec.scheduled, o.amount.minor()) >
                               solver.best_cost().days_below_cushion) {
                        d.why = PlanWhy::below_cushion;
                        d.why_day = d.scheduled;
                    } else {
                        d.why = PlanWhy::crowds_out;
                    }
                }
                if (d.pay_date && d.action != PlanAction::pay && !d.declined) {
                    // The income that makes the new date work, if the payment waits for one.
                    for (const auto& e : whole.events) {
                        const auto& src = planned[e.occurrence];
                        if (src.kind == ItemKind::income && src.account == o.account && e.date <= *d.pay_date &&
                            e.date >= d.scheduled && e.amount.is_positive()) {
                            d.waits_for = src.item;
                            d.income_date = e.date;
                        }
                    }
                }
                plan.decisions.push_back(std::move(d));
            }
        }
        std::stable_sort(plan.decisions.begin(), plan.decisions.end(), [&](const PlanDecision& x, const PlanDecision& y) {
            const auto key = [&](const PlanDecision& d) {
                return std::tuple(!d.pay_date.has_value(), d.pay_date.value_or(horizon_to),
                                  rank(h.bills[occurrences[d.occurrence].item].priority), d.occurrence);
            };
            return key(x) < key(y);
        });
        plan.occurrences = std::move(planned);
        return plan;
    } catch (const MoneyError& e) {
        return e.error();
    }
}

} // namespace steadypay::core
