#include "app/common/words.hpp"

#include "app/common/i18n.hpp"

#include <fmt/args.h>

#include <algorithm>
#include <cctype>

namespace steadypay::app {

namespace {

using core::PlanAction;
using core::WarningKind;
using core::WarningStep;

std::string day(core::Date d, core::Date context) {
    return formats().day(d, context);
}
std::string amount(const core::Money& m) {
    return formats().money(m);
}

std::string capitalised(std::string s) {
    if (!s.empty()) {
        s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    }
    return s;
}

const std::string& who(const core::Bill& b) {
    return b.payee.empty() ? b.name : b.payee;
}

// Why a payment changes, as a clause: "paying 65.00 on Dec 8 would overdraw Checking on Dec 8".
std::string why_clause(const core::Household& h, const core::PlanDecision& d, core::Date context) {
    const auto& account = h.accounts[d.account].name;
    switch (d.why) {
    case core::PlanWhy::would_overdraw:
        return say("paying {0} on {1} would overdraw {2} on {3}", amount(d.full_amount), day(d.why_day, context),
                   account, day(d.overdrawn_on.value_or(d.why_day), context));
    case core::PlanWhy::below_cushion:
        return say("paying it on {0} would take {1} below your cushion on more days", day(d.why_day, context), account);
    case core::PlanWhy::crowds_out:
        return say("paying it in full on {0} would leave too little for bills that come first",
                   day(d.why_day, context));
    case core::PlanWhy::none:
        break;
    }
    return {};
}

// ": why; your Paycheck lands Dec 12. Cost." after a change of date or amount.
std::string change_tail(const core::Household& h, const core::Bill& bill, const core::PlanDecision& d,
                        core::Date context) {
    std::string s = say(": {0}", why_clause(h, d, context));
    if (d.waits_for) {
        s += say("; your {0} lands {1}", h.incomes[*d.waits_for].name, day(d.income_date, context));
    }
    return s + ". " + capitalised(lateness(bill, d)) + ".";
}

std::string ask_for_time(const core::Bill& bill) {
    return bill.hardship_contact.empty() ? std::string() : " " + say("Ask for more time: {0}.", bill.hardship_contact);
}

// What a warning is about, looked up once: its account's name, its bill or income.
struct Subject {
    std::string account_name;
    const core::Bill* bill = nullptr;
    const core::Income* income = nullptr;

    Subject(const core::Household& h, const core::Warning& w) {
        const core::Account* account = h.find_account(w.account);
        account_name = account ? account->name : w.account;
        bill = w.items.empty() ? nullptr : h.find_bill(w.items.front());
        income = w.items.empty() ? nullptr : h.find_income(w.items.front());
    }
};

std::string action_text(const core::Household& h, const Subject& subject, const core::WarningAction& a,
                        core::Date today) {
    const auto& account_name = subject.account_name;
    const core::Bill* bill = subject.bill;
    switch (a.step) {
    case WarningStep::follow_plan:
        return a.decision ? plan_reason(h, *a.decision, today) : std::string();
    case WarningStep::move_money:
        return say("Move money into {0} before {1}, or ask your bank about overdraft protection.", account_name,
                   day(a.date, today));
    case WarningStep::move_money_or_ask_later:
        if (!bill || bill->payee.empty()) {
            return say("Move money into {0} before {1}, or ask the biller to take it on a later date.", account_name,
                       day(a.date, today));
        }
        return say("Move money into {0} before {1}, or ask {2} to take it on a later date.", account_name,
                   day(a.date, today), bill->payee);
    case WarningStep::hold_spending:
        return say("Hold off on spending you can put off until {0}.", day(a.date, today));
    case WarningStep::ask_more_time:
        return say("Ask for more time before the due date: {0}.", bill ? bill->hardship_contact : std::string());
    case WarningStep::pay_now:
        return tr("Pay it as soon as you can, then record the payment.");
    case WarningStep::ask_more_time_if_not:
        return say("If you cannot, ask for more time: {0}.", bill ? bill->hardship_contact : std::string());
    case WarningStep::record_paid_or_missed:
        return tr("If you paid it, record the payment; if not, record it as missed and pay it now.");
    case WarningStep::dispute_charge:
        return say("If you were charged once, dispute the second charge with the payee or your bank by {0}.",
                   day(a.date, today));
    case WarningStep::check_with_bank:
        return tr("Check with your bank. If it was returned, record it as missed and pay it as soon as you can; if "
                  "it went through, record the payment.");
    case WarningStep::ask_payer: {
        const core::Income* income = subject.income;
        if (!income || income->source.empty()) {
            return tr("Ask the payer when it will come; record it when it does.");
        }
        return say("Ask {0} when it will come; record it when it does.", income->source);
    }
    case WarningStep::update_balance:
        return tr("Update the account's balance; if it has not arrived, record it as missed.");
    case WarningStep::update_amount:
        return tr("If the bill has changed, update its amount so the forecast stays right.");
    }
    return {};
}

// English ordinals for the English messages ("1st", "22nd"); translations use the plain number.
std::string english_ordinal(int n) {
    const int tens = n % 100;
    const char* suffix = "th";
    if (tens < 11 || tens > 13) {
        switch (n % 10) {
        case 1:
            suffix = "st";
            break;
        case 2:
            suffix = "nd";
            break;
        case 3:
            suffix = "rd";
            break;
        default:
            break;
        }
    }
    return std::to_string(n) + suffix;
}

// A weekday's full name in the language in use; a month's name.
std::string weekday_name(date::weekday w) {
    static const char* const names[] = {mark("Sunday"),   mark("Monday"), mark("Tuesday"), mark("Wednesday"),
                                        mark("Thursday"), mark("Friday"), mark("Saturday")};
    return tr(names[w.c_encoding()]);
}

std::string month_name(int month) {
    static const char* const names[] = {mark("January"),   mark("February"), mark("March"),    mark("April"),
                                        mark("May"),       mark("June"),     mark("July"),     mark("August"),
                                        mark("September"), mark("October"),  mark("November"), mark("December")};
    return tr(names[(month + 11) % 12]);
}

} // namespace

std::string schedule_text(const core::SchedulePreset& p) {
    using core::PresetKind;
    switch (p.kind) {
    case PresetKind::monthly_on_day:
        if (p.day > 28) {
            // TRANSLATORS: {0} is the English ordinal ("30th"); use {1}, the day's plain number.
            return say("Monthly on the {0} (skipped in months without one)", english_ordinal(p.day), p.day);
        }
        // TRANSLATORS: {0} is the English ordinal ("5th"); use {1}, the day's plain number.
        return say("Monthly on the {0}", english_ordinal(p.day), p.day);
    case PresetKind::monthly_on_day_or_last:
        // TRANSLATORS: {0} is the English ordinal ("30th"); use {1}, the day's plain number.
        return say("Monthly on the {0}, or the last day of a shorter month", english_ordinal(p.day), p.day);
    case PresetKind::last_day_of_month:
        return tr("On the last day of every month");
    case PresetKind::every_other_week:
        return say("Every other {0}", weekday_name(p.weekday));
    case PresetKind::twice_a_month: {
        const int a = std::min(p.day, p.second_day);
        const int b = std::max(p.day, p.second_day);
        // TRANSLATORS: {0} and {1} are English ordinals ("1st", "15th"); use {2} and {3}, the plain numbers.
        return say("Twice a month, on the {0} and the {1}", english_ordinal(a), english_ordinal(b), a, b);
    }
    case PresetKind::every_n_weeks:
        if (p.interval == 1) {
            return say("Every {0}", weekday_name(p.weekday));
        }
        return sayn("Every {0} week on {1}", "Every {0} weeks on {1}", static_cast<unsigned long>(p.interval),
                    p.interval, weekday_name(p.weekday));
    case PresetKind::yearly:
        return say("Every year on {0} {1}", month_name(p.month), p.day);
    case PresetKind::once:
        return tr("Once, on the start date");
    case PresetKind::every_n_months:
        if (p.interval == 1) {
            return schedule_text({PresetKind::monthly_on_day, p.day});
        }
        if (p.day > 28) {
            // TRANSLATORS: {1} is the English ordinal ("30th"); use {2}, the day's plain number.
            return sayn("Every {0} month on the {1}, counting from the start date's month (skipped in months without "
                        "one)",
                        "Every {0} months on the {1}, counting from the start date's month (skipped in months without "
                        "one)",
                        static_cast<unsigned long>(p.interval), p.interval, english_ordinal(p.day), p.day);
        }
        // TRANSLATORS: {1} is the English ordinal ("20th"); use {2}, the day's plain number.
        return sayn("Every {0} month on the {1}, counting from the start date's month",
                    "Every {0} months on the {1}, counting from the start date's month",
                    static_cast<unsigned long>(p.interval), p.interval, english_ordinal(p.day), p.day);
    }
    return {};
}

std::string priority_name(core::Priority p) {
    switch (p) {
    case core::Priority::housing:
        return tr("Housing");
    case core::Priority::utilities:
        return tr("Utilities");
    case core::Priority::transportation:
        return tr("Transportation and insurance");
    case core::Priority::childcare:
        return tr("Child support and childcare");
    case core::Priority::credit_minimum:
        return tr("Credit minimum payments");
    case core::Priority::other_debt:
        return tr("Other debts");
    case core::Priority::phone_internet:
        return tr("Phone and internet");
    case core::Priority::discretionary:
        return tr("Subscriptions and discretionary");
    }
    return {};
}

std::string when(core::Date d, core::Date today) {
    const int n = core::days_between(today, d);
    const std::string date = day(d, today);
    if (n == 0) {
        return say("today, {0}", date);
    }
    if (n == 1) {
        return say("tomorrow, {0}", date);
    }
    if (n > 1) {
        return sayn("{0}, in {1} day", "{0}, in {1} days", static_cast<unsigned long>(n), date, n);
    }
    return sayn("{0}, {1} day ago", "{0}, {1} days ago", static_cast<unsigned long>(-n), date, -n);
}

std::string lateness(const core::Bill& bill, const core::PlanDecision& d) {
    if (d.days_late <= 0) {
        return tr("on time");
    }
    const auto days = static_cast<unsigned long>(d.days_late);
    std::string s;
    if (!d.late) {
        s = sayn("{0} day after its due date, inside its {1}-day grace: no fee",
                 "{0} days after its due date, inside its {1}-day grace: no fee", days, d.days_late, bill.grace_days);
    } else {
        s = sayn("{0} day late", "{0} days late", days, d.days_late);
        s += d.late_fee.is_positive() ? say(": {0} late fee", amount(d.late_fee)) : tr(": no late fee");
    }
    if (d.reported_late) {
        s += tr("; reported late to credit bureaus");
    } else if (bill.reported_late_after_days) {
        const int at = *bill.reported_late_after_days;
        s +=
            sayn("; not yet reported to credit bureaus (that happens at {0} day)",
                 "; not yet reported to credit bureaus (that happens at {0} days)", static_cast<unsigned long>(at), at);
    }
    if (d.shutoff_risk) {
        s += tr("; service may be cut off");
    }
    return s;
}

std::string plan_reason(const core::Household& h, const core::PlanDecision& d, core::Date context) {
    const auto& bill = h.bills[d.bill];
    const auto& name = bill.name;
    const auto pay = d.pay_date.value_or(d.horizon_to);
    if (d.declined) {
        const auto fees = d.bank_fee + d.biller_fee;
        std::string s = say("{0}'s payment of {1} on {2} would be declined by the bank", name, amount(d.full_amount),
                            day(pay, context));
        if (fees.is_positive()) {
            s += say(" ({0} in fees)", amount(fees));
        }
        return s +
               say(": no way of paying the bills leaves enough in {0}. It stays owed: by {1} {2}.",
                   h.accounts[d.account].name, day(d.horizon_to, context), lateness(bill, d)) +
               ask_for_time(bill);
    }
    switch (d.action) {
    case PlanAction::pay:
        if (d.overdue) {
            return say("Pay {0} on {1}, the first day you can: it was due {2} and is still owed ({3}).", name,
                       day(pay, context), day(d.due, context), lateness(bill, d));
        }
        if (bill.autopay) {
            return say("{0}'s autopay takes {1} on {2}, as scheduled.", name, amount(d.amount), day(pay, context));
        }
        return say("Pay {0} ({1}) on {2}, its due date.", name, amount(d.amount), day(pay, context));
    case PlanAction::move:
        if (bill.autopay) {
            return say("Ask {0} to move {1}'s autopay from {2} to {3}", who(bill), name, day(d.scheduled, context),
                       day(pay, context)) +
                   change_tail(h, bill, d, context);
        }
        return say("Pay {0} on {1} instead of {2}", name, day(pay, context), day(d.scheduled, context)) +
               change_tail(h, bill, d, context);
    case PlanAction::pay_minimum:
        return say("Pay the {0} minimum of {1} instead of {2} on {3}", amount(d.amount), name, amount(d.full_amount),
                   day(pay, context)) +
               change_tail(h, bill, d, context);
    case PlanAction::hold:
        return say("Hold {0} until after {1}", name, day(d.horizon_to, context)) +
               say(": {0}", why_clause(h, d, context)) + say(". By then {0}.", lateness(bill, d)) + ask_for_time(bill);
    }
    return {};
}

WarningText warning_text(const core::Household& h, const core::Warning& w, core::Date today) {
    WarningText t;
    const Subject subject(h, w);
    const auto& account_name = subject.account_name;
    const core::Bill* bill = subject.bill;
    const core::Income* income = subject.income;
    const std::string bill_name = bill ? bill->name : std::string();
    switch (w.kind) {
    case WarningKind::overdraft:
        t.title = say("{0} would be overdrawn", account_name);
        t.message = say("From {0}, {1} would go as low as {2} (on {3})", when(w.date, today), account_name,
                        amount(w.amount), day(w.low_date, today));
        if (w.end != w.date) {
            t.message += say(", until {0}", day(w.end, today));
        }
        if (w.fees.is_positive()) {
            t.message +=
                sayn("; {0} overdrawn item could cost {1} in fees", "; {0} overdrawn items could cost {1} in fees",
                     static_cast<unsigned long>(w.count), w.count, amount(w.fees));
        }
        t.message += ".";
        break;
    case WarningKind::below_cushion:
        t.title = say("{0} would dip below your cushion", account_name);
        t.message = say("From {0}, {1} would go down to {2}, under your cushion of {3}.", when(w.date, today),
                        account_name, amount(w.amount), amount(w.usual_low));
        break;
    case WarningKind::bill_at_risk:
        t.title = say("{0} cannot be paid by its due date", bill_name);
        t.message = say("{0} ({1}) is due {2}, and there is not enough to pay it then without an overdraft or a more "
                        "important bill going late.",
                        bill_name, amount(w.amount), when(w.date, today));
        break;
    case WarningKind::autopay_insufficient_funds:
        t.title = say("{0}'s autopay would pull money that is not there", bill_name);
        t.message = say("{0} takes {1} on {2}, leaving {3} at {4}: paid into overdraft", bill ? who(*bill) : bill_name,
                        amount(w.amount), when(w.date, today), account_name, amount(w.balance));
        if (w.fees.is_positive()) {
            t.message += say(", for the bank's {0} fee", amount(w.fees));
        }
        t.message += ".";
        break;
    case WarningKind::payment_declined: {
        t.title = w.past ? say("{0}'s payment was probably declined", bill_name)
                         : say("{0}'s payment would be declined", bill_name);
        t.message = w.past ? say("{0} ({1}) came out {2}, when {3} held {4}: the bank would have returned it unpaid",
                                 bill_name, amount(w.amount), when(w.date, today), account_name, amount(w.balance))
                           : say("{0} ({1}) comes out {2}, when {3} holds {4}: the bank returns it unpaid", bill_name,
                                 amount(w.amount), when(w.date, today), account_name, amount(w.balance));
        const auto fees = w.bank_fee + w.biller_fee;
        if (w.bank_fee.is_positive() && w.biller_fee.is_positive()) {
            t.message += say(" ({0} in fees: {1} the bank's, {2} {3}'s)", amount(fees), amount(w.bank_fee),
                             amount(w.biller_fee), bill ? who(*bill) : bill_name);
        } else if (fees.is_positive()) {
            t.message += say(" ({0} in fees)", amount(fees));
        }
        t.message += say(", and it is still owed: a late fee after {0}", day(w.timeline.grace_ends, today));
        if (w.timeline.reported_late_on) {
            t.message += say(", reported late from {0}", day(*w.timeline.reported_late_on, today));
        }
        t.message += ".";
        break;
    }
    case WarningKind::payment_missed:
        if (w.statement && !w.recorded) {
            t.title = say("{0} is not on your statement", bill_name);
            t.message = say("{0} ({1}) was due {2} and is not on your statement of {3}.", bill_name, amount(w.amount),
                            when(w.date, today), day(*w.statement, today));
            break;
        }
        if (!w.recorded) {
            t.title = say("{0} is not marked paid", bill_name);
            t.message = say("{0} ({1}) was due {2}. The forecast assumes it was paid.", bill_name, amount(w.amount),
                            when(w.date, today));
            break;
        }
        t.title = say("{0} is overdue", bill_name);
        t.message = say("{0} ({1}) was due {2}, and is not paid", bill_name, amount(w.amount), when(w.date, today));
        if (!w.past_grace) {
            t.message += say("; a late fee applies after {0}", day(w.timeline.grace_ends, today));
        } else if (bill && bill->late_fee.is_positive()) {
            t.message += say("; past its grace period ({0} late fee)", amount(bill->late_fee));
        }
        if (w.timeline.reported_late_on) {
            t.message += w.reported ? tr("; it is reported late to credit bureaus")
                                    : say("; it is reported late to credit bureaus from {0}",
                                          day(*w.timeline.reported_late_on, today));
        }
        if (w.timeline.shutoff_risk_on) {
            t.message += say("; service may be cut off from {0}", day(*w.timeline.shutoff_risk_on, today));
        }
        t.message += ".";
        break;
    case WarningKind::income_missing: {
        const std::string name = income ? income->name : std::string();
        if (w.statement) {
            t.title = say("{0} is not on your statement", name);
            t.message = say("{0} ({1}) was expected {2} and is not on your statement of {3}.", name, amount(w.amount),
                            when(w.date, today), day(*w.statement, today));
            break;
        }
        if (w.recorded) {
            t.title = say("{0} has not arrived", name);
            t.message = say("{0} ({1}) was expected {2}. The forecast does not count on it.", name, amount(w.amount),
                            when(w.date, today));
        } else {
            t.title = say("{0} is counted as received", name);
            t.message = say("{0} ({1}) was expected {2}, after the last balance update. The forecast counts on it.",
                            name, amount(w.amount), when(w.date, today));
        }
        break;
    }
    case WarningKind::possible_double_charge: {
        const auto& payee = w.payee;
        t.title = w.same_occurrence ? say("{0} may have been paid twice", bill_name.empty() ? payee : bill_name)
                                    : say("{0} may have charged you twice", payee);
        t.message =
            w.first_date == w.date
                ? say("{0} took {1} twice on {2} from {3}.", payee, amount(w.amount), day(w.date, today), account_name)
                : say("{0} took {1} on {2} and again on {3} from {4}.", payee, amount(w.amount),
                      day(w.first_date, today), day(w.date, today), account_name);
        break;
    }
    case WarningKind::bill_amount_changed: {
        const std::string usual =
            w.range ? say("{0} to {1}", amount(w.usual_low), amount(w.usual_high)) : amount(w.usual_low);
        t.title = say("{0} was not the usual amount", bill_name);
        t.message = say("{0} was paid {1} on {2}, not {3}.", bill_name, amount(w.amount), day(w.date, today), usual);
        break;
    }
    }
    for (const auto& a : w.actions) {
        t.actions.push_back(action_text(h, subject, a, today));
    }
    return t;
}

struct EnglishScope::Saved {
    const Translator* translator;
    Formats formats;
};

EnglishScope::EnglishScope() : m_saved(std::make_unique<Saved>(Saved{current_translator(), formats()})) {
    set_translator(nullptr);
    set_formats(Formats());
}

EnglishScope::~EnglishScope() {
    set_translator(m_saved->translator);
    set_formats(std::move(m_saved->formats));
}

std::string describe(const core::Error& e) {
    struct Field {
        std::string operator()(const std::string& s) const { return s; }
        std::string operator()(core::Date d) const {
            return formats().plain() ? core::to_iso(d) : formats().full_day(d);
        }
        std::string operator()(const core::AmountFact& a) const {
            const auto currency = core::Currency::from_code(a.currency);
            return formats().plain() || !currency ? a.plain
                                                  : formats().money(core::Money::from_minor(a.minor, currency.value()));
        }
        std::string operator()(std::int64_t n) const { return formats().number(n); }
        std::string operator()(const core::ListFact& l) const {
            // TRANSLATORS: what goes between the names of a list: "pay, phone, internet".
            const std::string comma = formats().plain() ? std::string(", ") : tr(", ");
            std::string out;
            for (const auto& name : l.names) {
                out += (out.empty() ? "" : comma) + isolate(name);
            }
            for (const auto d : l.dates) {
                out += (out.empty() ? "" : comma) + isolate((*this)(d));
            }
            return out;
        }
        std::string operator()(const core::Phrase& p) const { return tr(p.text); }
    };
    fmt::dynamic_format_arg_store<fmt::format_context> fields;
    for (const auto& f : e.facts) {
        fields.push_back(isolate(std::visit(Field{}, f)));
    }
    const bool plural = e.what_plural != nullptr;
    const std::string pattern = plural ? trn(e.what, e.what_plural, e.count) : tr(e.what);
    std::string out;
    for (const auto& place : e.where) {
        out += isolate(place) + ": ";
    }
    out += detail::fill(pattern, plural && e.count != 1 ? e.what_plural : e.what, fields);
    if (e.cause) {
        out += ": " + describe(*e.cause);
    }
    return out;
}

} // namespace steadypay::app
