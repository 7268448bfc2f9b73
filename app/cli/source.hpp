#pragma once
// Where a read-only command gets its household: a household file (--household FILE), or the
// encrypted store. And the forecast window options every such command shares.

#include "app/cli/context.hpp"

#include "core/household.hpp"

namespace steadypay::cli {

struct SourceOptions {
    std::string household_file;
};

struct WindowOptions {
    std::string from; // empty: today in the household's time zone (or the latest balance date)
    std::string days = "90";
};

struct Window {
    core::Date from;
    int days = 90;
};

void add_source_options(CLI::App& sub, SourceOptions& options);
void add_window_options(CLI::App& sub, WindowOptions& options);

[[nodiscard]] core::Result<core::Household> load_household(const Context& ctx, const SourceOptions& options);
[[nodiscard]] core::Result<Window> resolve_window(const core::Household& h, const WindowOptions& options);

} // namespace steadypay::cli
