// steadypay warnings [--household FILE] [--from DATE] [--days N] [--json] [--all]
// steadypay ack WARNING-ID...
// What needs attention now or soon, with what to do about it; acknowledging one hides it for good.

#include "app/cli/commands.hpp"
#include "app/common/i18n.hpp"
#include "app/cli/source.hpp"
#include "app/cli/store_access.hpp"

#include "app/common/warnings_report.hpp"
#include "core/warnings.hpp"
#include "core/text.hpp"

#include <ostream>

namespace steadypay::cli {

namespace {

class WarningsCommand final : public Command {
public:
    void add_to(CLI::App& app, Context& ctx) override {
        m_sub = app.add_subcommand("warnings", "What needs your attention now or soon, and what to do about it");
        add_source_options(*m_sub, m_source);
        add_window_options(*m_sub, m_window);
        m_sub->add_flag("--json", ctx.json, "Print one JSON document (see docs/cli.md)");
        m_sub->add_flag("--all", m_all, "Show acknowledged warnings too");
    }

    int run(Context& ctx) override {
        core::Household h;
        std::set<std::string> acknowledged;
        core::StatementFacts statements;
        if (!m_source.household_file.empty()) {
            auto loaded = load_household(ctx, m_source);
            if (!loaded) {
                return ctx.fail(loaded.error());
            }
            h = std::move(loaded).value();
        } else {
            auto store = open_store(ctx);
            if (!store) {
                return ctx.fail(store.error());
            }
            auto loaded = store->load();
            auto acks = store->acknowledged_warnings();
            if (!loaded) {
                return ctx.fail(loaded.error());
            }
            if (!acks) {
                return ctx.fail(acks.error());
            }
            auto facts = store->statement_facts();
            if (!facts) {
                return ctx.fail(facts.error());
            }
            h = std::move(loaded).value();
            acknowledged.insert(acks->begin(), acks->end());
            statements = std::move(facts).value();
        }
        auto window = resolve_window(h, m_window);
        if (!window) {
            return ctx.fail(window.error());
        }
        auto warnings = core::warnings_for(h, window->from, window->days, acknowledged, statements);
        if (!warnings) {
            return ctx.fail(warnings.error());
        }
        auto list = std::move(warnings).value();
        if (!m_all) {
            std::erase_if(list, [](const core::Warning& w) { return w.acknowledged; });
        }
        if (ctx.json) {
            ctx.out << app::warnings_json(h, list, window->from).dump(2) << '\n';
        } else {
            ctx.out << core::printable_lines(app::warnings_text(h, list, window->from,
                                                                m_source.household_file.empty() ? "steadypay ack" : ""));
        }
        return 0;
    }

private:
    SourceOptions m_source;
    WindowOptions m_window;
    bool m_all = false;
};

class AckCommand final : public Command {
public:
    void add_to(CLI::App& app, Context&) override {
        m_sub = app.add_subcommand("ack", "Acknowledge warnings by their ids, so they are not shown again");
        m_sub->add_option("ids", m_ids, "Warning ids, as `steadypay warnings` shows them")->required();
        m_sub->add_flag("--undo", m_undo, "Bring acknowledged warnings back (`steadypay warnings --all` lists them)");
    }

    int run(Context& ctx) override {
        for (const auto& id : m_ids) {
            // kind:subject:YYYY-MM-DD
            const auto first = id.find(':');
            const auto last = id.rfind(':');
            if (first == std::string::npos || last == first || !core::parse_iso_date(id.substr(last + 1))) {
                return ctx.fail(
                    core::bad_input("\"{0}\" is not a warning id (they look like overdraft:checking:2026-12-08)", id));
            }
        }
        auto store = open_store(ctx);
        if (!store) {
            return ctx.fail(store.error());
        }
        if (auto s = m_undo ? store->unacknowledge(m_ids, change_context("unack"))
                            : store->acknowledge(m_ids, change_context("ack"));
            !s) {
            return ctx.fail(s.error());
        }
        const auto n = static_cast<unsigned long>(m_ids.size());
        ctx.out << (m_undo ? app::sayn("Brought back {0} warning: it is shown again while it holds.",
                                       "Brought back {0} warnings: they are shown again while they hold.", n,
                                       static_cast<long long>(n))
                           : app::sayn("Acknowledged {0} warning.", "Acknowledged {0} warnings.", n,
                                       static_cast<long long>(n)))
                << "\n";
        return 0;
    }

private:
    std::vector<std::string> m_ids;
    bool m_undo = false;
};

} // namespace

std::unique_ptr<Command> make_warnings_command() { return std::make_unique<WarningsCommand>(); }
std::unique_ptr<Command> make_ack_command() { return std::make_unique<AckCommand>(); }

} // namespace steadypay::cli
