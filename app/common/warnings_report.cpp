#include "app/common/warnings_report.hpp"

#include <fmt/format.h>

namespace steadypay::app {

using nlohmann::ordered_json;

ordered_json warnings_json(const std::vector<core::Warning>& warnings) {
    ordered_json list = ordered_json::array();
    for (const auto& w : warnings) {
        list.push_back({{"id", w.id},
                        {"kind", std::string(core::to_string(w.kind))},
                        {"severity", std::string(core::to_string(w.severity))},
                        {"date", core::to_iso(w.date)},
                        {"days_until", w.days_until},
                        {"account", w.account.empty() ? ordered_json(nullptr) : ordered_json(w.account)},
                        {"items", w.items},
                        {"title", w.title},
                        {"message", w.message},
                        {"actions", w.actions},
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
        out += fmt::format("Nothing needs your attention for {} as of {}.\n", h.name, core::to_weekday_iso(today));
        return out;
    }
    out += fmt::format("{} thing{} need{} your attention ({}, {}):\n", shown, shown == 1 ? "" : "s",
                       shown == 1 ? "s" : "", h.name, core::to_weekday_iso(today));
    for (const auto& w : warnings) {
        if (w.acknowledged) {
            continue;
        }
        static constexpr const char* k_labels[] = {"URGENT", "WARNING", "NOTE"};
        out += fmt::format("\n{:<8} {}\n", k_labels[static_cast<int>(w.severity)], w.title);
        out += "         " + w.message + "\n";
        for (const auto& a : w.actions) {
            out += "         - " + a + "\n";
        }
        if (!acknowledge_hint.empty()) {
            out += "         (seen it? " + acknowledge_hint + " " + w.id + ")\n";
        }
    }
    return out;
}

} // namespace steadypay::app
