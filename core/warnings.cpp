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
    case WarningKind::bill_amount_changed:
        return "bill_amount_changed";
    }
    return "overdraft";
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

std::string when(Date d, Date today) {
    const int n = days_between(today, d);
    const std::string date = to_short(d, date::year_month_day{today}.year());
    if (n == 0) {
        return "today, " + date;
    }
    if (n == 1) {
        return "tomorrow, " + date;
    }
    if (n > 1) {
        return date + ", in " + std::to_string(n) + " days";
    }
    return date + ", " + std::to_string(-n) + " day" + (n == -1 ? "" : "s") + " ago";
}

std::string short_date(Date d, Date today) { return to_short(d, date::year_month_day{today}.year()); }

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
    std::vector<std::string> plan_actions(std::size_t account, Date until) const {
        std::vector<std::string> actions;
        for (const auto& d : m_p.decisions) {
            const auto& o = m_p.occurrences[d.occurrence];
            if (o.account == account && d.action != PlanAction::pay && d.scheduled <= until) {
                actions.push_back(d.reason);
            }
        }
        return actions;
    }

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
                w->title = account.name + " would be overdrawn";
                w->message = "From " + when(s.start, m_o.today) + ", " + account.name + " would go as low as " +
                             s.deepest.to_string() + " (on " + short_date(s.deepest_date, m_o.today) + ")" +
                             (s.start == s.end ? "" : ", until " + short_date(s.end, m_o.today)) +
                             (s.fees.is_positive() ? "; " + std::to_string(s.overdrawn_items) + " overdrawn item" +
                                                         (s.overdrawn_items == 1 ? "" : "s") + " could cost " +
                                                         s.fees.to_string() + " in fees"
                                                   : std::string()) +
                             ".";
                for (const auto& e : m_f.events) {
                    if (e.account == s.account && e.date == s.start && e.amount.is_negative()) {
                        w->items.push_back(item_id(m_h, m_f.occurrences[e.occurrence]));
                    }
                }
                w->actions = plan_actions(s.account, s.end);
                if (w->actions.empty()) {
                    w->actions.push_back("Move money into " + account.name + " before " +
                                         short_date(s.start, m_o.today) + ", or ask your bank about overdraft protection.");
                }
            } else if (!s.deepest.is_negative()) {
                auto* w = add(WarningKind::below_cushion, Severity::warning, s.start, m_h.lead_times.below_cushion,
                              account.id);
                if (!w) {
                    continue;
                }
                w->account = account.id;
                w->title = account.name + " would dip below your cushion";
                w->message = "From " + when(s.start, m_o.today) + ", " + account.name + " would go down to " +
                             s.deepest.to_string() + ", under your cushion of " + account.cushion.to_string() + ".";
                w->actions = plan_actions(s.account, s.end);
                w->actions.push_back("Hold off on spending you can put off until " + short_date(s.end, m_o.today) + ".");
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
            w->title = bill.name + " cannot be paid by its due date";
            w->message = bill.name + " (" + o.amount.to_string() + ") is due " + when(o.due.due, m_o.today) +
                         ", and there is not enough to pay it then without an overdraft or a more important bill "
                         "going late.";
            w->actions.push_back(d.reason);
            if (!bill.hardship_contact.empty()) {
                w->actions.push_back("Ask for more time before the due date: " + bill.hardship_contact + ".");
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
            w->title = bill.name + "'s autopay would pull money that is not there";
            w->message = (bill.payee.empty() ? bill.name : bill.payee) + " takes " + o.amount.to_string() + " on " +
                         when(e.date, m_o.today) + ", leaving " + account.name + " at " + e.balance_after.to_string() +
                         ": paid into overdraft" +
                         (account.overdraft_fee.is_positive() ? ", for the bank's " + account.overdraft_fee.to_string() +
                                                                    " fee"
                                                              : std::string()) +
                         ".";
            if (const auto* d = decision_for(o.item, o.due.due); d && d->action != PlanAction::pay) {
                w->actions.push_back(d->reason);
            }
            w->actions.push_back("Move money into " + account.name + " before " + short_date(e.date, m_o.today) +
                                 ", or ask " + (bill.payee.empty() ? "the biller" : bill.payee) +
                                 " to take it on a later date.");
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
            const std::string who = bill.payee.empty() ? bill.name : bill.payee;
            const auto fees = x.bank_fee + x.biller_fee;
            const bool past = x.date < m_o.today;
            w->title = bill.name + (past ? "'s payment was probably declined" : "'s payment would be declined");
            w->message = bill.name + " (" + x.amount.to_string() + ") " + (past ? "came" : "comes") + " out " +
                         when(x.date, m_o.today) + ", when " + account.name + (past ? " held " : " holds ") +
                         x.balance.to_string() + ": the bank " + (past ? "would have returned" : "returns") +
                         " it unpaid" +
                         (fees.is_positive() ? " (" + fees.to_string() + " in fees" +
                                                   (x.bank_fee.is_positive() && x.biller_fee.is_positive()
                                                        ? ": " + x.bank_fee.to_string() + " the bank's, " +
                                                              x.biller_fee.to_string() + " " + who + "'s"
                                                        : std::string()) +
                                                   ")"
                                             : std::string()) +
                         ", and it is still owed: a late fee after " + short_date(timeline.grace_ends, m_o.today) +
                         (timeline.reported_late_on ? ", reported late from " +
                                                          short_date(*timeline.reported_late_on, m_o.today)
                                                    : std::string()) +
                         ".";
            if (past) {
                w->actions.push_back("Check with your bank. If it was returned, record it as missed and pay it as soon "
                                     "as you can; if it went through, record the payment.");
                continue;
            }
            if (const auto* d = decision_for(o.item, o.due.due); d && d->action != PlanAction::pay) {
                w->actions.push_back(d->reason);
            }
            w->actions.push_back("Move money into " + account.name + " before " + short_date(x.date, m_o.today) +
                                 ", or ask " + who + " to take it on a later date.");
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
            if (recorded_missed) {
                w->title = bill.name + " is overdue";
                std::string next;
                if (!past_grace) {
                    next = "; a late fee applies after " + short_date(timeline.grace_ends, m_o.today);
                } else if (bill.late_fee.is_positive()) {
                    next = "; past its grace period (" + bill.late_fee.to_string() + " late fee)";
                }
                if (timeline.reported_late_on) {
                    next += m_o.today >= *timeline.reported_late_on
                                ? "; it is reported late to credit bureaus"
                                : "; it is reported late to credit bureaus from " +
                                      short_date(*timeline.reported_late_on, m_o.today);
                }
                if (timeline.shutoff_risk_on) {
                    next += "; service may be cut off from " + short_date(*timeline.shutoff_risk_on, m_o.today);
                }
                w->message = bill.name + " (" + o.amount.to_string() + ") was due " + when(o.due.due, m_o.today) +
                             ", and is not paid" + next + ".";
                w->actions.push_back("Pay it as soon as you can, then record the payment.");
                if (!bill.hardship_contact.empty()) {
                    w->actions.push_back("If you cannot, ask for more time: " + bill.hardship_contact + ".");
                }
            } else {
                w->title = bill.name + " is not marked paid";
                w->message = bill.name + " (" + o.amount.to_string() + ") was due " + when(o.due.due, m_o.today) +
                             ". The forecast assumes it was paid.";
                w->actions.push_back("If you paid it, record the payment; if not, record it as missed and pay it now.");
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
            if (recorded_missing) {
                w->title = income.name + " has not arrived";
                w->message = income.name + " (" + o.amount.to_string() + ") was expected " + when(o.due.due, m_o.today) +
                             ". The forecast does not count on it.";
                w->actions.push_back("Ask " + (income.source.empty() ? std::string("the payer") : income.source) +
                                     " when it will come; record it when it does.");
            } else {
                w->title = income.name + " is counted as received";
                w->message = income.name + " (" + o.amount.to_string() + ") was expected " + when(o.due.due, m_o.today) +
                             ", after the last balance update. The forecast counts on it.";
                w->actions.push_back("Update the account's balance; if it has not arrived, record it as missed.");
            }
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
            const std::string expected = bill->amount.is_range ? lo.to_string() + " to " + hi.to_string() : lo.to_string();
            w->title = bill->name + " was not the usual amount";
            w->message = bill->name + " was paid " + p.amount->to_string() + " on " + short_date(*p.date, m_o.today) +
                         ", not " + expected + ".";
            w->actions.push_back("If the bill has changed, update its amount so the forecast stays right.");
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
                                          const std::set<std::string>& acknowledged) {
    auto f = forecast(household, ForecastOptions{today, days, AmountBasis::conservative});
    if (!f) {
        return std::move(f).error();
    }
    auto p = make_plan(household, PlanOptions{.from = today, .days = days});
    if (!p) {
        return std::move(p).error();
    }
    try {
        return compute_warnings(household, f.value(), p.value(), WarningOptions{today, acknowledged});
    } catch (const MoneyError& e) {
        return Error{e.code(), e.what()};
    }
}

} // namespace steadypay::core
