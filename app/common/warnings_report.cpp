#include "app/common/warnings_report.hpp"

#include "app/common/i18n.hpp"
#include "app/common/plan_report.hpp"
#include "app/common/words.hpp"

#include <fmt/format.h>

namespace steadypay::app {

using nlohmann::ordered_json;

namespace {

// The values a warning's kind has (docs/cli.md): amounts that were set, dates, counts and flags.
ordered_json facts_json(const core::Warning& w) {
    ordered_json f = ordered_json::object();
    const auto money = [&](const char* key, const core::Money& m) {
        if (m.currency().code() != "XXX") {
            f[key] = m.to_string();
        }
    };
    money("amount", w.amount);
    money("balance", w.balance);
    if (w.end != core::Date{}) {
        f["end"] = core::to_iso(w.end);
    }
    if (w.low_date != core::Date{}) {
        f["low_date"] = core::to_iso(w.low_date);
    }
    money("usual_low", w.usual_low);
    money("usual_high", w.usual_high);
    money("fees", w.fees);
    money("bank_fee", w.bank_fee);
    money("biller_fee", w.biller_fee);
    if (w.kind == core::WarningKind::overdraft) {
        f["overdrawn_items"] = w.count;
    }
    if (w.kind == core::WarningKind::payment_declined) {
        f["past"] = w.past;
    }
    if (w.kind == core::WarningKind::payment_missed || w.kind == core::WarningKind::income_missing) {
        f["recorded"] = w.recorded;
    }
    if (w.statement) {
        f["statement"] = core::to_iso(*w.statement);
    }
    if (w.kind == core::WarningKind::possible_double_charge) {
        f["payee"] = w.payee;
        f["first_date"] = core::to_iso(w.first_date);
        f["dispute_by"] = core::to_iso(w.end);
        f["same_occurrence"] = w.same_occurrence;
    }
    if (w.kind == core::WarningKind::payment_missed && w.recorded) {
        f["past_grace"] = w.past_grace;
        f["reported"] = w.reported;
    }
    if (w.timeline.due != core::Date{}) {
        f["timeline"] = timeline_json(w.timeline);
    }
    ordered_json steps = ordered_json::array();
    for (const auto& a : w.actions) {
        ordered_json s{{"step", std::string(core::to_string(a.step))}};
        if (a.date != core::Date{}) {
            s["date"] = core::to_iso(a.date);
        }
        if (a.decision) {
            s["action"] = std::string(core::to_string(a.decision->action));
            s["why"] = std::string(core::to_string(a.decision->why));
        }
        steps.push_back(std::move(s));
    }
    f["steps"] = std::move(steps);
    return f;
}

} // namespace

ordered_json warnings_json(const core::Household& h, const std::vector<core::Warning>& warnings, core::Date today) {
    const EnglishScope english; // the text fields are English: scripts read the facts
    ordered_json list = ordered_json::array();
    for (const auto& w : warnings) {
        const auto text = warning_text(h, w, today);
        list.push_back({{"id", w.id},
                        {"kind", std::string(core::to_string(w.kind))},
                        {"severity", std::string(core::to_string(w.severity))},
                        {"date", core::to_iso(w.date)},
                        {"days_until", w.days_until},
                        {"account", w.account.empty() ? ordered_json(nullptr) : ordered_json(w.account)},
                        {"items", w.items},
                        {"title", text.title},
                        {"message", text.message},
                        {"actions", text.actions},
                        {"facts", facts_json(w)},
                        {"acknowledged", w.acknowledged}});
    }
    return ordered_json{{"warnings", std::move(list)}};
}

std::string warnings_text(const core::Household& h, const std::vector<core::Warning>& warnings, core::Date today,
                          const std::string& acknowledge_hint) {
    std::string out;
    std::size_t shown = 0;
    for (const auto& w : warnings) {
        shown += w.acknowledged ? 0 : 1;
    }
    if (shown == 0) {
        out += say("Nothing needs your attention for {0} as of {1}.", h.name, formats().full_day(today)) + "\n";
        return out;
    }
    out += sayn("{0} thing needs your attention ({1}, {2}):", "{0} things need your attention ({1}, {2}):",
                static_cast<unsigned long>(shown), static_cast<long long>(shown), h.name, formats().full_day(today)) +
           "\n";
    for (const auto& w : warnings) {
        if (w.acknowledged) {
            continue;
        }
        static constexpr const char* k_labels[] = {mark("URGENT"), mark("WARNING"), mark("NOTE")};
        const auto text = warning_text(h, w, today);
        out += fmt::format("\n{:<8} {}\n", tr(k_labels[static_cast<int>(w.severity)]), text.title);
        out += "         " + text.message + "\n";
        for (const auto& a : text.actions) {
            out += "         - " + a + "\n";
        }
        if (!acknowledge_hint.empty()) {
            out += "         " + say("(seen it? {0} {1})", acknowledge_hint, w.id) + "\n";
        }
    }
    return out;
}

} // namespace steadypay::app
