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
        return "on " + core::to_weekday_iso(start);
    }
    return "from " + core::to_weekday_iso(start) + " to " + core::to_weekday_iso(end) + " (" + std::to_string(n) +
           " days)";
}

} // namespace

std::string forecast_text(const core::Household& h, const core::Forecast& f, const TextOptions& options) {
    std::string out;
    const int total_days = core::days_between(f.from, f.to) + 1;
    out += fmt::format("Forecast for {}: {} to {} ({} day{}), amounts in {}\n", h.name, core::to_weekday_iso(f.from),
                       core::to_weekday_iso(f.to), total_days, total_days == 1 ? "" : "s", f.currency.code());
    bool any_cushion = false;
    for (const auto& af : f.accounts) {
        const auto& account = h.accounts[af.account];
        any_cushion = any_cushion || account.cushion.is_positive();
        out += fmt::format("\n{} [{}]: {} at the start of {}", account.name, account.id, af.opening.to_string(),
                           core::to_weekday_iso(f.from));
        if (account.cushion.is_positive()) {
            out += fmt::format(", cushion {}", account.cushion.to_string());
        }
        out += "\n\n";
        out += row(fmt::format("  {:<14}    {:>12}  {:>12}   {}", "Date", "Low", "Close", "Events"));

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
                                     signed_amount(-x.amount) + " DECLINED");
                }
            }
            const bool overdraft = d.low.is_negative();
            const bool below_cushion = d.low < account.cushion;
            const bool edge = i == 0 || i + 1 == af.days.size();
            if (options.compact && labels.empty() && !overdraft && !below_cushion && !edge) {
                continue;
            }
            const char* mark = overdraft ? "!!" : below_cushion ? "! " : "  ";
            out += row(fmt::format("  {:<14} {} {:>12}  {:>12}   {}", core::to_weekday_iso(d.date), mark,
                                   d.low.to_string(), d.close.to_string(), labels.empty() ? "" : labels.front()));
            for (std::size_t k = 1; k < labels.size(); ++k) {
                out += row(fmt::format("  {:<14}    {:>12}  {:>12}   {}", "", "", "", labels[k]));
            }
        }
        out += "\n";
        out += fmt::format("  Lowest point: {} on {}\n", af.lowest.low.to_string(), core::to_weekday_iso(af.lowest.date));
        bool any = false;
        for (const auto& s : f.shortfalls) {
            if (s.account != af.account) {
                continue;
            }
            any = true;
            if (s.kind == core::ShortfallKind::overdraft) {
                out += fmt::format("  !! Overdrawn {}: deepest {} on {}", span_text(s.start, s.end),
                                   s.deepest.to_string(), core::to_weekday_iso(s.deepest_date));
                if (s.fees.is_positive()) {
                    out += fmt::format("; {} overdrawn item{}, expected fees {}", s.overdrawn_items,
                                       s.overdrawn_items == 1 ? "" : "s", s.fees.to_string());
                }
                out += "\n";
            } else {
                out += fmt::format("  !  Below your cushion of {} {}: deepest {} on {}\n",
                                   account.cushion.to_string(), span_text(s.start, s.end), s.deepest.to_string(),
                                   core::to_weekday_iso(s.deepest_date));
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
            out += fmt::format("  xx Declined on {}: {} {} (the account holds {}); still owed", core::to_weekday_iso(x.date),
                               bill.name, x.amount.to_string(), x.balance.to_string());
            if (fees.is_positive()) {
                out += fmt::format("; fees {}", fees.to_string());
                if (x.bank_fee.is_positive() && x.biller_fee.is_positive()) {
                    out += fmt::format(" ({} the bank, {} {})", x.bank_fee.to_string(), x.biller_fee.to_string(),
                                       bill.payee.empty() ? bill.name : bill.payee);
                }
            }
            out += "\n";
        }
        if (!any) {
            out += total_days == 1 ? std::string("  No shortfall on this day.\n")
                                   : fmt::format("  No shortfall in these {} days.\n", total_days);
        }
        out += fmt::format("  Safe to spend today: {}\n", af.safe_to_spend.to_string());
        if (af.next_income) {
            out += fmt::format("  Safe to spend until the next income on {}: {}\n",
                               core::to_weekday_iso(*af.next_income), af.safe_to_spend_until_next_income.to_string());
        } else {
            out += "  No income is expected on this account in these days.\n";
        }
    }
    out += any_cushion ? "\n!! = below zero (overdrawn), ! = below your cushion\n" : "\n!! = below zero (overdrawn)\n";
    if (!f.declined.empty()) {
        out += "xx = a payment the bank would decline: returned unpaid, with its fees, and still owed\n";
    }
    return out;
}

} // namespace steadypay::app
