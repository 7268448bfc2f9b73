#pragma once
// Warnings as advice, and as the JSON document of docs/cli.md.

#include "core/warnings.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace steadypay::app {

[[nodiscard]] nlohmann::ordered_json warnings_json(const core::Household& household,
                                                  const std::vector<core::Warning>& warnings, core::Date today);
// `acknowledge_hint` is how the person hides a warning, e.g. "steadypay ack"; empty for none.
[[nodiscard]] std::string warnings_text(const core::Household& household, const std::vector<core::Warning>& warnings,
                                        core::Date today, const std::string& acknowledge_hint);

} // namespace steadypay::app
