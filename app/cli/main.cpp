// steadypay: the command-line program. Each command lives in its own file (cmd_*.cpp) and
// returns an exit code; this file only parses the command line and reports errors as one line.

#include "app/cli/commands.hpp"
#include "app/common/exit_codes.hpp"

#include <cstdlib>
#include <iostream>

#ifndef STEADYPAY_VERSION
#define STEADYPAY_VERSION "0.0.0"
#endif

namespace {

using namespace steadypay;

int run(int argc, char** argv) {
    cli::Context ctx{std::cout, std::cerr, {}, {}, false};
    CLI::App app{"Steadypay: forecast your balance day by day, pay bills in the right order, and get warned "
                 "before an overdraft or a missed payment.",
                 "steadypay"};
    app.set_version_flag("--version", std::string("steadypay ") + STEADYPAY_VERSION);
    app.require_subcommand(1);
    app.fallthrough();
    if (const char* env = std::getenv("STEADYPAY_DB"); env && *env) {
        ctx.db_path = env;
    }
    app.add_option("--db", ctx.db_path, "The encrypted store (default: $XDG_DATA_HOME/steadypay/steadypay.db)");
    app.add_option("--passphrase-file", ctx.passphrase_file, "Read the store's passphrase from this file's first line");

    std::vector<std::unique_ptr<cli::Command>> commands;
    commands.push_back(cli::make_schedule_command());
    commands.push_back(cli::make_forecast_command());
    for (auto& c : commands) {
        c->add_to(app, ctx);
    }

    // A first word that is neither an option nor a command: say so plainly.
    if (argc <= 1 || argv[1][0] != '-') {
        const std::string word = argc > 1 ? argv[1] : "";
        std::string names;
        bool known = false;
        for (const auto* sub : app.get_subcommands({})) {
            known = known || sub->get_name() == word;
            names += (names.empty() ? "" : ", ") + sub->get_name();
        }
        if (word.empty()) {
            return ctx.fail(core::bad_input("give a command (commands: " + names + "; see 'steadypay --help')"));
        }
        if (!known) {
            return ctx.fail(core::bad_input("\"" + word + "\" is not a command (commands: " + names + ")"));
        }
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::string what = e.what();
        if (what.empty()) {
            what = "invalid command line";
        }
        std::string hint = "steadypay --help";
        for (const auto* sub : app.get_subcommands()) {
            hint = "steadypay " + sub->get_name() + " --help";
        }
        std::cerr << "steadypay: " << what << " (see '" << hint << "')\n";
        return app::k_exit_bad_input;
    }
    if (const char* today = std::getenv("STEADYPAY_TODAY"); today && *today) {
        if (auto d = core::parse_iso_date(today); !d) {
            return ctx.fail(std::move(d).error().context("STEADYPAY_TODAY"));
        }
    }
    for (auto& c : commands) {
        if (c->selected()) {
            return c->run(ctx);
        }
    }
    return ctx.fail(core::bad_input("no command given (see 'steadypay --help')"));
}

} // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "steadypay: internal error: " << e.what() << '\n';
        return steadypay::app::k_exit_internal;
    } catch (...) {
        std::cerr << "steadypay: internal error\n";
        return steadypay::app::k_exit_internal;
    }
}
