#include "app/common/report.hpp"

#include "app/common/i18n.hpp"

#include "app/common/json_writer.hpp"

#include <fmt/format.h>

namespace steadypay::app {

using core::Date;
using core::ItemKind;
using core::OccurrenceState;
using core::to_iso;

std::string signed_amount(const core::Money& m) { return formats().signed_money(m); }

std::string occurrence_label(const core::Household& h, const core::Occurrence& o, Date context) {
    const auto& name = core::item_name(h, o);
    switch (o.state) {
    case OccurrenceState::missed:
        return say("{0} (missed, due {1})", name, formats().day(o.due.due, context));
    case OccurrenceState::paid:
        return say("{0} (paid)", name);
    case OccurrenceState::expected:
        return o.due.count > 1 ? say("{0} (x{1})", name, static_cast<long long>(o.due.count)) : name;
    case OccurrenceState::skipped:
        return say("{0} (skipped)", name);
    case OccurrenceState::missing:
        return say("{0} (not arrived)", name);
    }
    return name;
}

void write_forecast_json(std::ostream& out, const core::Household& h, const core::Forecast& f) {
    JsonWriter w(out);
    w.begin_object();
    w.field("from", to_iso(f.from));
    w.field("to", to_iso(f.to));
    w.field("currency", f.currency.code());
    w.key("accounts");
    w.begin_array();
    for (const auto& af : f.accounts) {
        const auto& account = h.accounts[af.account];
        w.begin_object();
        w.field("id", account.id);
        w.field("name", account.name);
        w.field("opening", af.opening.to_string());
        w.field("cushion", account.cushion.to_string());
        w.key("days");
        w.begin_array();
        for (const auto& d : af.days) {
            w.begin_object();
            w.field("date", to_iso(d.date));
            w.field("low", d.low.to_string());
            w.field("close", d.close.to_string());
            w.end_object();
        }
        w.end_array();
        w.key("lowest");
        w.begin_object();
        w.field("date", to_iso(af.lowest.date));
        w.field("balance", af.lowest.low.to_string());
        w.end_object();
        w.field("safe_to_spend", af.safe_to_spend.to_string());
        w.key("next_income");
        if (af.next_income) {
            w.value(to_iso(*af.next_income));
        } else {
            w.null();
        }
        w.field("safe_to_spend_until_next_income", af.safe_to_spend_until_next_income.to_string());
        w.field("expected_overdraft_fees", af.expected_fees.to_string());
        w.field("declined_payments", af.declined_payments);
        w.field("expected_returned_fees", af.returned_fees.to_string());
        w.end_object();
    }
    w.end_array();
    w.key("events");
    w.begin_array();
    for (const auto& e : f.events) {
        const auto& o = f.occurrences[e.occurrence];
        w.begin_object();
        w.field("date", to_iso(e.date));
        w.field("account", h.accounts[e.account].id);
        w.field("item", core::item_id(h, o));
        w.field("kind", core::to_string(o.kind));
        w.field("amount", e.amount.to_string());
        w.field("balance_after", e.balance_after.to_string());
        w.field("name", core::item_name(h, o));
        w.field("due", to_iso(o.due.due));
        w.field("status", core::to_string(o.state));
        w.end_object();
    }
    w.end_array();
    w.key("declined");
    w.begin_array();
    for (const auto& d : f.declined) {
        const auto& o = f.occurrences[d.occurrence];
        w.begin_object();
        w.field("date", to_iso(d.date));
        w.field("account", h.accounts[d.account].id);
        w.field("item", core::item_id(h, o));
        w.field("name", core::item_name(h, o));
        w.field("due", to_iso(o.due.due));
        w.field("amount", (-d.amount).to_string());
        w.field("balance", d.balance.to_string());
        w.field("bank_fee", d.bank_fee.to_string());
        w.field("biller_fee", d.biller_fee.to_string());
        w.end_object();
    }
    w.end_array();
    w.key("shortfalls");
    w.begin_array();
    for (const auto& s : f.shortfalls) {
        w.begin_object();
        w.field("account", h.accounts[s.account].id);
        w.field("kind", core::to_string(s.kind));
        w.field("start", to_iso(s.start));
        w.field("end", to_iso(s.end));
        w.field("deepest", s.deepest.to_string());
        w.field("deepest_date", to_iso(s.deepest_date));
        w.field("days", core::days_between(s.start, s.end) + 1);
        if (s.kind == core::ShortfallKind::overdraft) {
            w.field("overdrawn_items", s.overdrawn_items);
            w.field("expected_fees", s.fees.to_string());
        }
        w.end_object();
    }
    w.end_array();
    w.end_object();
    w.flush();
    out << '\n';
}

namespace {

// A table row without trailing blanks.
std::string row(const std::string& text) {
    const auto end = text.find_last_not_of(' ');
    return (end == std::string::npos ? std::string() : text.substr(0, end + 1)) + "\n";
}

std::string span_text(Date start, Date end) {
    const int n = core::days_between(start, end) + 1;
    if (n == 1) {
        return say("on {0}", formats().full_day(start));
    }
    return sayn("from {0} to {1} ({2} day)", "from {0} to {1} ({2} days)", static_cast<unsigned long>(n),
                formats().full_day(start), formats().full_day(end), n);
}

} // namespace

std::string forecast_text(const core::Household& h, const core::Forecast& f, const TextOptions& options) {
    std::string out;
    const int total_days = core::days_between(f.from, f.to) + 1;
    out += sayn("Forecast for {0}: {1} to {2} ({3} day), amounts in {4}", "Forecast for {0}: {1} to {2} ({3} days), amounts in {4}",
                static_cast<unsigned long>(total_days), h.name, formats().full_day(f.from), formats().full_day(f.to), total_days,
                std::string(f.currency.code())) +
           "\n";
    const auto money = [](const core::Money& m) { return formats().money(m); };
    // The date column is as wide as the locale's longest day (every weekday, every month).
    std::size_t date_width = display_width(tr("Date"));
    for (unsigned m = 1; m <= 12; ++m) {
        for (unsigned d = 22; d <= 28; ++d) {
            const core::Date day{date::year_month_day{f.from}.year() / date::month{m} / date::day{d}};
            date_width = std::max(date_width, display_width(formats().full_day(day)));
        }
    }
    bool any_cushion = false;
    for (const auto& af : f.accounts) {
        const auto& account = h.accounts[af.account];
        any_cushion = any_cushion || account.cushion.is_positive();
        out += "\n" + say("{0} [{1}]: {2} at the start of {3}", account.name, account.id, money(af.opening),
                          formats().full_day(f.from));
        if (account.cushion.is_positive()) {
            out += say(", cushion {0}", money(account.cushion));
        }
        out += "\n\n";
        out += row("  " + pad_end(tr("Date"), date_width) + "    " + pad_start(tr("Low"), 12) + "  " +
                   pad_start(tr("Close"), 12) + "   " + tr("Events"));
        const std::string declined_mark = " " + tr("DECLINED");

        // The events of this account, by date, in order of application.
        std::size_t next_event = 0;
        std::vector<const core::ForecastEvent*> mine;
        for (const auto& e : f.events) {
            if (e.account == af.account) {
                mine.push_back(&e);
            }
        }
        for (std::size_t i = 0; i < af.days.size(); ++i) {
            const auto& d = af.days[i];
            std::vector<std::string> labels;
            while (next_event < mine.size() && mine[next_event]->date == d.date) {
                const auto* e = mine[next_event++];
                labels.push_back(occurrence_label(h, f.occurrences[e->occurrence], f.from) + " " +
                                 signed_amount(e->amount));
            }
            for (const auto& x : f.declined) {
                if (x.account == af.account && x.date == d.date) {
                    labels.push_back(occurrence_label(h, f.occurrences[x.occurrence], f.from) + " " +
                                     signed_amount(-x.amount) + declined_mark);
                }
            }
            const bool overdraft = d.low.is_negative();
            const bool below_cushion = d.low < account.cushion;
            const bool edge = i == 0 || i + 1 == af.days.size();
            if (options.compact && labels.empty() && !overdraft && !below_cushion && !edge) {
                continue;
            }
            const char* mark = overdraft ? "!!" : below_cushion ? "! " : "  ";
            out += row("  " + pad_end(formats().full_day(d.date), date_width) + " " + mark + " " +
                       pad_start(money(d.low), 12) + "  " + pad_start(money(d.close), 12) + "   " +
                       (labels.empty() ? "" : labels.front()));
            for (std::size_t k = 1; k < labels.size(); ++k) {
                out += row("  " + std::string(date_width + 33, ' ') + labels[k]);
            }
        }
        out += "\n";
        out += "  " + say("Lowest point: {0} on {1}", money(af.lowest.low), formats().full_day(af.lowest.date)) + "\n";
        bool any = false;
        for (const auto& s : f.shortfalls) {
            if (s.account != af.account) {
                continue;
            }
            any = true;
            if (s.kind == core::ShortfallKind::overdraft) {
                out += "  !! " + say("Overdrawn {0}: deepest {1} on {2}", span_text(s.start, s.end), money(s.deepest),
                                     formats().full_day(s.deepest_date));
                if (s.fees.is_positive()) {
                    out += sayn("; {0} overdrawn item, expected fees {1}", "; {0} overdrawn items, expected fees {1}",
                                static_cast<unsigned long>(s.overdrawn_items), s.overdrawn_items, money(s.fees));
                }
                out += "\n";
            } else {
                out += "  !  " + say("Below your cushion of {0} {1}: deepest {2} on {3}", money(account.cushion),
                                     span_text(s.start, s.end), money(s.deepest), formats().full_day(s.deepest_date)) +
                       "\n";
            }
        }
        for (const auto& x : f.declined) {
            if (x.account != af.account) {
                continue;
            }
            any = true;
            const auto& o = f.occurrences[x.occurrence];
            const auto& bill = h.bills[o.item];
            const auto fees = x.bank_fee + x.biller_fee;
            out += "  xx " + say("Declined on {0}: {1} {2} (the account holds {3}); still owed", formats().full_day(x.date),
                                 bill.name, money(x.amount), money(x.balance));
            if (fees.is_positive()) {
                out += say("; fees {0}", money(fees));
                if (x.bank_fee.is_positive() && x.biller_fee.is_positive()) {
                    out += say(" ({0} the bank, {1} {2})", money(x.bank_fee), money(x.biller_fee),
                               bill.payee.empty() ? bill.name : bill.payee);
                }
            }
            out += "\n";
        }
        if (!any) {
            out += "  " +
                   (total_days == 1 ? tr("No shortfall on this day.")
                                    : sayn("No shortfall in this {0} day.", "No shortfall in these {0} days.",
                                           static_cast<unsigned long>(total_days), total_days)) +
                   "\n";
        }
        out += "  " + say("Safe to spend today: {0}", money(af.safe_to_spend)) + "\n";
        if (af.next_income) {
            out += "  " +
                   say("Safe to spend until the next income on {0}: {1}", formats().full_day(*af.next_income),
                       money(af.safe_to_spend_until_next_income)) +
                   "\n";
        } else {
            out += "  " + tr("No income is expected on this account in these days.") + "\n";
        }
    }
    out += "\n" + (any_cushion ? tr("!! = below zero (overdrawn), ! = below your cushion") : tr("!! = below zero (overdrawn)")) +
           "\n";
    if (!f.declined.empty()) {
        out += tr("xx = a payment the bank would decline: returned unpaid, with its fees, and still owed") + "\n";
    }
    return out;
}

} // namespace steadypay::app
