#pragma once
// The plan as advice a person can act on, and as the JSON document of docs/cli.md.

#include "core/plan.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace steadypay::app {

// A bill's consequence timeline as JSON: due, grace_ends, reported_late_on, shutoff_risk_on (null
// when never), as plans and warnings both write it.
[[nodiscard]] nlohmann::ordered_json timeline_json(const core::ConsequenceTimeline& t);

[[nodiscard]] nlohmann::ordered_json plan_json(const core::Household& household, const core::Plan& plan);
[[nodiscard]] std::string plan_text(const core::Household& household, const core::Plan& plan,
                                    const core::Forecast& unplanned);

// The line of a decision in a list: "Fri 2026-12-11  Phone  55.00  moved from Tue Dec 8".
[[nodiscard]] std::string action_label(const core::Household& household, const core::Plan& plan,
                                       const core::PlanDecision& d);

// What the plan proved best, when it did not prove everything (empty when it did).
[[nodiscard]] std::string proven_note(const core::Plan& plan);

} // namespace steadypay::app
