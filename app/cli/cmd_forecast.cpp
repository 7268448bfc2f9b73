// steadypay forecast [--household FILE] [--from DATE] [--days N] [--json] [--expected] [--compact]
// The day-by-day balance forecast: a table by default, the JSON document of docs/cli.md with --json.

#include "app/cli/commands.hpp"
#include "app/cli/source.hpp"

#include "app/common/clock.hpp"
#include "app/common/report.hpp"
#include "core/forecast.hpp"
#include "core/text.hpp"

#include <ostream>

namespace steadypay::cli {

namespace {

class ForecastCommand final : public Command {
public:
    void add_to(CLI::App& app, Context& ctx) override {
        m_sub = app.add_subcommand("forecast", "Forecast each account's balance day by day");
        add_source_options(*m_sub, m_source);
        add_window_options(*m_sub, m_window);
        m_sub->add_flag("--json", ctx.json, "Print one JSON document (see docs/cli.md)");
        m_sub->add_flag("--expected", m_expected,
                        "Use the middle of variable amounts instead of the conservative end");
        m_sub->add_flag("--compact", m_compact, "Show only days with an event or a shortfall");
    }

    int run(Context& ctx) override {
        auto household = load_household(ctx, m_source);
        if (!household) {
            return ctx.fail(household.error());
        }
        const auto& h = household.value();
        auto window = resolve_window(h, m_window);
        if (!window) {
            return ctx.fail(window.error());
        }
        core::ForecastOptions options;
        options.from = window->from;
        options.days = window->days;
        options.basis = m_expected ? core::AmountBasis::expected : core::AmountBasis::conservative;
        auto f = core::forecast(h, options);
        if (!f) {
            return ctx.fail(f.error());
        }
        if (ctx.json) {
            app::write_forecast_json(ctx.out, h, f.value());
        } else {
            ctx.out << core::printable_lines(app::forecast_text(h, f.value(), app::TextOptions{m_compact}));
        }
        return 0;
    }

private:
    SourceOptions m_source;
    WindowOptions m_window;
    bool m_expected = false;
    bool m_compact = false;
};

} // namespace

std::unique_ptr<Command> make_forecast_command() { return std::make_unique<ForecastCommand>(); }

} // namespace steadypay::cli
