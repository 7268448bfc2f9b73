// steadypay plan [--household FILE] [--from DATE] [--days N] [--json]
// Which bills to pay when, so that the essential ones clear first and nothing bounces if that
// can be helped; what each choice costs, and why.

#include "app/cli/commands.hpp"
#include "app/cli/source.hpp"

#include "app/common/plan_report.hpp"
#include "core/plan.hpp"
#include "core/text.hpp"

#include <ostream>

namespace steadypay::cli {

namespace {

class PlanCommand final : public Command {
public:
    void add_to(CLI::App& app, Context& ctx) override {
        m_sub = app.add_subcommand("plan", "Which bills to pay when, and what each choice costs");
        add_source_options(*m_sub, m_source);
        add_window_options(*m_sub, m_window);
        m_sub->add_flag("--json", ctx.json, "Print one JSON document (see docs/cli.md)");
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
        auto plan = core::make_plan(h, core::PlanOptions{.from = window->from, .days = window->days});
        if (!plan) {
            return ctx.fail(plan.error());
        }
        if (ctx.json) {
            ctx.out << app::plan_json(h, plan.value()).dump(2) << '\n';
            return 0;
        }
        auto unplanned = core::forecast(h, core::ForecastOptions{window->from, window->days});
        if (!unplanned) {
            return ctx.fail(unplanned.error());
        }
        ctx.out << core::printable_lines(app::plan_text(h, plan.value(), unplanned.value()));
        return 0;
    }

private:
    SourceOptions m_source;
    WindowOptions m_window;
};

} // namespace

std::unique_ptr<Command> make_plan_command() { return std::make_unique<PlanCommand>(); }

} // namespace steadypay::cli
