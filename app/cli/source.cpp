#include "app/cli/source.hpp"

#include "app/cli/store_access.hpp"
#include "app/common/clock.hpp"
#include "core/forecast.hpp"
#include "storage/household_file.hpp"

namespace steadypay::cli {

void add_source_options(CLI::App& sub, SourceOptions& options) {
    sub.add_option("--household", options.household_file,
                   "Read this household file instead of the store (no passphrase needed)");
}

void add_window_options(CLI::App& sub, WindowOptions& options) {
    sub.add_option("--from", options.from, "First day, YYYY-MM-DD (default: today in the household's time zone)");
    sub.add_option("--days", options.days, "How many days (default 90)");
}

core::Result<core::Household> load_household(const Context& ctx, const SourceOptions& options) {
    if (!options.household_file.empty()) {
        return storage::load_household_file(options.household_file);
    }
    auto store = open_store(ctx);
    if (!store) {
        return std::move(store).error();
    }
    return store->load();
}

core::Result<Window> resolve_window(const core::Household& h, const WindowOptions& options) {
    Window w;
    auto days = count_option("--days", options.days, 1, 36600);
    if (!days) {
        return std::move(days).error();
    }
    w.days = static_cast<int>(days.value());
    if (options.from.empty()) {
        w.from = core::default_forecast_start(h, app::clock().today(h.timezone));
    } else {
        auto from = date_option("--from", options.from);
        if (!from) {
            return std::move(from).error();
        }
        w.from = from.value();
    }
    if (auto s = core::check_forecast_window(h, w.from, w.days); !s) {
        return options.from.empty() ? std::move(s).error() : std::move(s).error().context("--from");
    }
    return w;
}

} // namespace steadypay::cli
