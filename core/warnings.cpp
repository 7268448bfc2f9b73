#include "core/warnings.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace steadypay::core {

std::string_view to_string(WarningKind k) {
    switch (k) {
    case WarningKind::overdraft:
        return "overdraft";
    case WarningKind::below_cushion:
        return "below_cushion";
    case WarningKind::bill_at_risk:
        return "bill_at_risk";
    case WarningKind::autopay_insufficient_funds:
        return "autopay_insufficient_funds";
    case WarningKind::payment_declined:
        return "payment_declined";
    case WarningKind::payment_missed:
        return "payment_missed";
    case WarningKind::income_missing:
        return "income_missing";
    case WarningKind::possible_double_charge:
        return "possible_double_charge";
    case WarningKind::bill_amount_changed:
        return "bill_amount_changed";
    }
    return "overdraft";
}

std::string_view to_string(WarningStep s) {
    switch (s) {
    case WarningStep::follow_plan:
        return "follow_plan";
    case WarningStep::move_money:
        return "move_money";
    case WarningStep::move_money_or_ask_later:
        return "move_money_or_ask_later";
    case WarningStep::hold_spending:
        return "hold_spending";
    case WarningStep::ask_more_time:
        return "ask_more_time";
    case WarningStep::pay_now:
        return "pay_now";
    case WarningStep::ask_more_time_if_not:
        return "ask_more_time_if_not";
    case WarningStep::record_paid_or_missed:
        return "record_paid_or_missed";
    case WarningStep::check_with_bank:
        return "check_with_bank";
    case WarningStep::ask_payer:
        return "ask_payer";
    case WarningStep::update_balance:
        return "update_balance";
    case WarningStep::update_amount:
        return "update_amount";
    case WarningStep::dispute_charge:
        return "dispute_charge";
    }
    return "follow_plan";
}

std::string_view to_string(Severity s) {
    switch (s) {
    case Severity::critical:
        return "critical";
    case Severity::warning:
        return "warning";
    case Severity::info:
        return "info";
    }
    return "warning";
}

namespace {

// How long after a payment an unusual amount is still worth a word.
constexpr int k_amount_change_days = 45;

class Builder {
public:
    Builder(const Household& h, const Forecast& f, const Plan& p, const WarningOptions& o)
        : m_h(h), m_f(f), m_p(p), m_o(o) {}

    std::vector<Warning> build() {
        shortfalls();
        at_risk();
        autopays();
        declined();
        missed();
        incomes();
        amounts();
        not_on_statements();
        double_charges();
        std::stable_sort(m_out.begin(), m_out.end(), [](const Warning& a, const Warning& b) {
            return std::tuple(a.severity, a.date, a.id) < std::tuple(b.severity, b.date, b.id);
        });
        return std::move(m_out);
    }

private:
    // Adds a warning about `date` if it is within `lead` days (always when lead < 0).
    Warning* add(WarningKind kind, Severity severity, Date date, int lead, std::string subject) {
        const int until = days_between(m_o.today, date);
        if (lead >= 0 && until > lead) {
            return nullptr;
        }
        Warning w;
        w.kind = kind;
        w.severity = severity;
        w.date = date;
        w.days_until = until;
        w.id = std::string(to_string(kind)) + ":" + subject + ":" + to_iso(date);
        w.acknowledged = m_o.acknowledged.count(w.id) > 0;
        m_out.push_back(std::move(w));
        return &m_out.back();
    }

    // The plan's changes on an account up to a date: what the person can do about a shortfall.
    std::vector<WarningAction> plan_actions(std::size_t account, Date until) const {
        std::vector<WarningAction> actions;
        for (const auto& d : m_p.decisions) {
            if (d.account == account && d.action != PlanAction::pay && d.scheduled <= until) {
                actions.push_back(follow(d));
            }
        }
        return actions;
    }

    static WarningAction follow(const PlanDecision& d) {
        return WarningAction{WarningStep::follow_plan, d.pay_date.value_or(d.horizon_to), d};
    }
    static WarningAction step(WarningStep s, Date date = {}) { return WarningAction{s, date, std::nullopt}; }

    const PlanDecision* decision_for(std::size_t bill, Date due) const {
        for (const auto& d : m_p.decisions) {
            const auto& o = m_p.occurrences[d.occurrence];
            if (o.kind == ItemKind::bill && o.item == bill && o.due.due == due) {
                return &d;
            }
        }
        return nullptr;
    }

    void shortfalls() {
        for (const auto& s : m_f.shortfalls) {
            const auto& account = m_h.accounts[s.account];
            if (s.kind == ShortfallKind::overdraft) {
                auto* w = add(WarningKind::overdraft, Severity::critical, s.start, m_h.lead_times.overdraft, account.id);
                if (!w) {
                    continue;
                }
                w->account = account.id;
                w->amount = s.deepest;
                w->low_date = s.deepest_date;
                w->end = s.end;
                w->fees = s.fees;
                w->count = s.overdrawn_items;
                for (const auto& e : m_f.events) {
                    if (e.account == s.account && e.date == s.start && e.amount.is_negative()) {
                        w->items.push_back(item_id(m_h, m_f.occurrences[e.occurrence]));
                    }
                }
                w->actions = plan_actions(s.account, s.end);
                if (w->actions.empty()) {
                    w->actions.push_back(step(WarningStep::move_money, s.start));
                }
            } else if (!s.deepest.is_negative()) {
                auto* w = add(WarningKind::below_cushion, Severity::warning, s.start, m_h.lead_times.below_cushion,
                              account.id);
                if (!w) {
                    continue;
                }
                w->account = account.id;
                w->amount = s.deepest;
                w->low_date = s.deepest_date;
                w->end = s.end;
                w->usual_low = account.cushion;
                w->actions = plan_actions(s.account, s.end);
                w->actions.push_back(step(WarningStep::hold_spending, s.end));
            }
        }
    }

    void at_risk() {
        for (const auto& d : m_p.decisions) {
            if (d.days_late <= 0 || d.action == PlanAction::pay) {
                continue; // paid by its due date, or overdue already (see missed())
            }
            const auto& o = m_p.occurrences[d.occurrence];
            const auto& bill = m_h.bills[o.item];
            const bool serious = d.reported_late || d.shutoff_risk || bill.priority == Priority::housing;
            auto* w = add(WarningKind::bill_at_risk, serious || d.late ? Severity::critical : Severity::warning,
                          o.due.due, m_h.lead_times.bill_at_risk, bill.id);
            if (!w) {
                continue;
            }
            w->account = m_h.accounts[o.account].id;
            w->items.push_back(bill.id);
            w->amount = o.amount;
            w->timeline = d.timeline;
            w->actions.push_back(follow(d));
            if (!bill.hardship_contact.empty()) {
                w->actions.push_back(step(WarningStep::ask_more_time, o.due.due));
            }
        }
    }

    void autopays() {
        for (const auto& e : m_f.events) {
            const auto& o = m_f.occurrences[e.occurrence];
            if (o.kind != ItemKind::bill || o.state != OccurrenceState::expected || !e.balance_after.is_negative()) {
                continue;
            }
            const auto& bill = m_h.bills[o.item];
            if (!bill.autopay) {
                continue;
            }
            const auto& account = m_h.accounts[o.account];
            auto* w = add(WarningKind::autopay_insufficient_funds, Severity::critical, e.date,
                          m_h.lead_times.autopay_insufficient_funds, bill.id);
            if (!w) {
                continue;
            }
            w->account = account.id;
            w->items.push_back(bill.id);
            w->amount = o.amount;
            w->balance = e.balance_after;
            w->fees = account.overdraft_fee;
            if (const auto* d = decision_for(o.item, o.due.due); d && d->action != PlanAction::pay) {
                w->actions.push_back(follow(*d));
            }
            w->actions.push_back(step(WarningStep::move_money_or_ask_later, e.date));
        }
    }

    void declined() {
        for (const auto& x : m_f.declined) {
            const auto& o = m_f.occurrences[x.occurrence];
            const auto& bill = m_h.bills[o.item];
            const auto& account = m_h.accounts[x.account];
            auto* w = add(WarningKind::payment_declined, Severity::critical, x.date, m_h.lead_times.overdraft, bill.id);
            if (!w) {
                continue;
            }
            w->account = account.id;
            w->items.push_back(bill.id);
            const auto timeline = consequence_timeline(bill, o.due.due);
            w->amount = x.amount;
            w->balance = x.balance;
            w->bank_fee = x.bank_fee;
            w->biller_fee = x.biller_fee;
            w->past = x.date < m_o.today;
            w->timeline = timeline;
            if (w->past) {
                w->actions.push_back(step(WarningStep::check_with_bank, x.date));
                continue;
            }
            if (const auto* d = decision_for(o.item, o.due.due); d && d->action != PlanAction::pay) {
                w->actions.push_back(follow(*d));
            }
            w->actions.push_back(step(WarningStep::move_money_or_ask_later, x.date));
        }
    }

    [[nodiscard]] bool was_declined(const Occurrence& o) const {
        return std::any_of(m_f.declined.begin(), m_f.declined.end(), [&](const DeclinedPayment& x) {
            const auto& d = m_f.occurrences[x.occurrence];
            return d.kind == o.kind && d.item == o.item && d.due.due == o.due.due;
        });
    }

    void missed() {
        for (const auto& o : m_f.occurrences) {
            if (o.kind != ItemKind::bill) {
                continue;
            }
            const auto& bill = m_h.bills[o.item];
            const bool recorded_missed = o.state == OccurrenceState::missed;
            // A bill paid by hand whose due date passed after the balance date, and not recorded.
            const bool unconfirmed = o.state == OccurrenceState::expected && !bill.autopay && o.due.due < m_o.today &&
                                     !m_h.find_payment(bill.id, o.due.due);
            // One the bank declined has its own warning: the forecast does not assume it was paid.
            if ((!recorded_missed && !unconfirmed) || (unconfirmed && was_declined(o))) {
                continue;
            }
            const auto timeline = consequence_timeline(bill, o.due.due);
            const bool past_grace = m_o.today > timeline.grace_ends;
            auto* w = add(WarningKind::payment_missed,
                          recorded_missed && (past_grace || bill.priority == Priority::housing) ? Severity::critical
                                                                                                : Severity::warning,
                          o.due.due, -1, bill.id);
            w->account = m_h.accounts[o.account].id;
            w->items.push_back(bill.id);
            w->amount = o.amount;
            w->timeline = timeline;
            w->recorded = recorded_missed;
            if (recorded_missed) {
                w->past_grace = past_grace;
                w->reported = timeline.reported_late_on && m_o.today >= *timeline.reported_late_on;
                w->actions.push_back(step(WarningStep::pay_now));
                if (!bill.hardship_contact.empty()) {
                    w->actions.push_back(step(WarningStep::ask_more_time_if_not));
                }
            } else {
                w->actions.push_back(step(WarningStep::record_paid_or_missed));
            }
        }
    }

    void incomes() {
        for (const auto& o : m_f.occurrences) {
            if (o.kind != ItemKind::income) {
                continue;
            }
            const auto& income = m_h.incomes[o.item];
            const bool recorded_missing = o.state == OccurrenceState::missing;
            const bool unconfirmed = o.state == OccurrenceState::expected && o.due.due < m_o.today &&
                                     !m_h.find_payment(income.id, o.due.due);
            if (!recorded_missing && !unconfirmed) {
                continue;
            }
            auto* w = add(WarningKind::income_missing, recorded_missing ? Severity::warning : Severity::info, o.due.due,
                          -1, income.id);
            w->account = m_h.accounts[o.account].id;
            w->items.push_back(income.id);
            w->amount = o.amount;
            w->recorded = recorded_missing;
            w->actions.push_back(step(recorded_missing ? WarningStep::ask_payer : WarningStep::update_balance));
        }
    }

    void amounts() {
        const auto calendar = m_h.calendar();
        for (const auto& p : m_h.payments) {
            if (p.status != PaymentStatus::paid || !p.date || !p.amount) {
                continue;
            }
            const auto* bill = m_h.find_bill(p.item);
            if (!bill || days_between(*p.date, m_o.today) > k_amount_change_days || *p.date > m_o.today) {
                continue;
            }
            const auto due = due_dates(bill->schedule, bill->business_day, calendar, p.due, p.due);
            const std::int64_t count = due.empty() ? 1 : due.front().count;
            const Money lo = bill->amount.min * count;
            const Money hi = bill->amount.max * count;
            if (*p.amount >= lo && *p.amount <= hi) {
                continue;
            }
            auto* w = add(WarningKind::bill_amount_changed, Severity::info, *p.date, -1, bill->id);
            w->account = bill->account;
            w->items.push_back(bill->id);
            w->amount = *p.amount;
            w->usual_low = lo;
            w->usual_high = hi;
            w->range = bill->amount.is_range;
            w->actions.push_back(step(WarningStep::update_amount));
        }
    }

    Warning* find(const std::string& id) {
        const auto it = std::find_if(m_out.begin(), m_out.end(), [&](const Warning& w) { return w.id == id; });
        return it == m_out.end() ? nullptr : &*it;
    }

    // What a statement should show and does not: an occurrence due in the days it covers, taken
    // out of the account (or paid in) before its last day, with nothing matched or recorded.
    void not_on_statements() {
        const auto calendar = m_h.calendar();
        for (const auto& seen : m_o.statements.statements) {
            const auto* account = m_h.find_account(seen.account);
            if (account == nullptr) {
                continue;
            }
            for (const auto& bill : m_h.bills) {
                if (bill.account != seen.account) {
                    continue;
                }
                const int lead = bill.autopay ? bill.autopay_lead_days : 0;
                for (const auto& d : due_dates(bill.schedule, bill.business_day, calendar, seen.from + date::days{lead},
                                               seen.through + date::days{lead})) {
                    const Date effective = d.due - date::days{lead};
                    if (effective < seen.from || effective >= seen.through || m_h.find_payment(bill.id, d.due)) {
                        continue;
                    }
                    const auto id =
                        std::string(to_string(WarningKind::payment_missed)) + ":" + bill.id + ":" + to_iso(d.due);
                    Warning* w = find(id);
                    if (w == nullptr) {
                        w = add(WarningKind::payment_missed,
                                bill.priority == Priority::housing ? Severity::critical : Severity::warning, d.due, -1,
                                bill.id);
                        w->account = bill.account;
                        w->items.push_back(bill.id);
                        w->amount = bill.amount.max * d.count;
                        w->timeline = consequence_timeline(bill, d.due);
                        w->actions.push_back(step(WarningStep::record_paid_or_missed));
                    }
                    w->statement = seen.through;
                }
            }
            for (const auto& income : m_h.incomes) {
                if (income.account != seen.account) {
                    continue;
                }
                for (const auto& d :
                     due_dates(income.schedule, income.business_day, calendar, seen.from, seen.through)) {
                    if (d.due >= seen.through || m_h.find_payment(income.id, d.due)) {
                        continue;
                    }
                    const auto id =
                        std::string(to_string(WarningKind::income_missing)) + ":" + income.id + ":" + to_iso(d.due);
                    Warning* w = find(id);
                    if (w == nullptr) {
                        w = add(WarningKind::income_missing, Severity::warning, d.due, -1, income.id);
                        w->account = income.account;
                        w->items.push_back(income.id);
                        w->amount = income.amount.min * d.count;
                        w->recorded = true; // the statement shows it did not come
                        w->actions.push_back(step(WarningStep::ask_payer));
                    }
                    w->statement = seen.through;
                }
            }
        }
    }

    // Possible double charges, while they can still be disputed.
    void double_charges() {
        for (const auto& d : m_o.statements.double_charges) {
            if (d.dispute_by < m_o.today) {
                continue;
            }
            auto* w =
                add(WarningKind::possible_double_charge, d.same_occurrence ? Severity::critical : Severity::warning,
                    d.second, -1, d.account + ":" + d.key);
            w->account = d.account;
            if (d.item) {
                w->items.push_back(*d.item);
            }
            w->amount = d.amount;
            w->payee = d.payee;
            w->first_date = d.first;
            w->end = d.dispute_by;
            w->same_occurrence = d.same_occurrence;
            w->actions.push_back(step(WarningStep::dispute_charge, d.dispute_by));
        }
    }

    const Household& m_h;
    const Forecast& m_f;
    const Plan& m_p;
    const WarningOptions& m_o;
    std::vector<Warning> m_out;
};

} // namespace

std::vector<Warning> compute_warnings(const Household& household, const Forecast& forecast, const Plan& plan,
                                      const WarningOptions& options) {
    return Builder(household, forecast, plan, options).build();
}

Result<std::vector<Warning>> warnings_for(const Household& household, Date today, int days,
                                          const std::set<std::string>& acknowledged, const StatementFacts& statements) {
    auto f = forecast(household, ForecastOptions{today, days, AmountBasis::conservative});
    if (!f) {
        return std::move(f).error();
    }
    auto p = make_plan(household, PlanOptions{.from = today, .days = days});
    if (!p) {
        return std::move(p).error();
    }
    try {
        return compute_warnings(household, f.value(), p.value(), WarningOptions{today, acknowledged, statements});
    } catch (const MoneyError& e) {
        return e.error();
    }
}

} // namespace steadypay::core
