#pragma once
// The commands of the `steadypay` program, one file each.

#include "app/cli/context.hpp"

#include <memory>

namespace steadypay::cli {

[[nodiscard]] std::unique_ptr<Command> make_schedule_command();
[[nodiscard]] std::unique_ptr<Command> make_forecast_command();

} // namespace steadypay::cli
