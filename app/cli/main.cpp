// steadypay: the command-line program. Each command lives in its own file (cmd_*.cpp) and
// returns an exit code; this file only parses the command line and reports errors as one line.

#include "app/cli/commands.hpp"
#include "app/common/clock.hpp"
#include "app/common/exit_codes.hpp"
#include "app/common/i18n.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <sys/stat.h>
#include <iostream>
#include <regex>

#ifndef STEADYPAY_VERSION
#define STEADYPAY_VERSION "0.0.0"
#endif

namespace {

using namespace steadypay;

// Every option and argument given on the command line with an empty value, in `app` and the
// subcommands that were used.
core::Status no_empty_values(const CLI::App& app) {
    for (const CLI::Option* opt : app.get_options()) {
        if (opt->count() == 0) {
            continue;
        }
        for (const auto& value : opt->results()) {
            if (value.empty()) {
                // Options by their long name; arguments in capitals, as the help shows them.
                auto name = opt->get_name(false, true);
                if (!name.empty() && name[0] != '-') {
                    std::transform(name.begin(), name.end(), name.begin(),
                                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
                }
                return core::bad_input("the value is empty (give one, or leave the option out)")
                    .context((name.empty() ? std::string("an argument") : name));
            }
        }
    }
    for (const CLI::App* sub : app.get_subcommands()) {
        if (auto s = no_empty_values(*sub); !s) {
            return s;
        }
    }
    return {};
}

// --help in the person's language: every description (marked where it is written, see the keywords
// in po/CMakeLists.txt), the group and type names and CLI11's own labels.
void translate_help(CLI::App& app) {
    // CLI11's own words.
    static const char* const k_cli11[] = {app::mark("Print this help message and exit"),
                                          app::mark("Display program version information and exit")};
    (void)k_cli11;
    app.description(app::tr(app.get_description().c_str()));
    if (app.get_group() == "Subcommands") {
        app.group(app::tr("Subcommands"));
    }
    for (auto* opt : app.get_options()) {
        opt->description(app::tr(opt->get_description().c_str()));
        if (opt->get_group() == "Options") {
            opt->group(app::tr("Options"));
        }
    }
    for (auto* sub : app.get_subcommands({})) {
        translate_help(*sub);
    }
}

void translate_labels(CLI::App& app) {
    auto formatter = app.get_formatter();
    // TRANSLATORS: the headings and markers of --help.
    for (const char* label : {app::mark("Usage"), app::mark("OPTIONS"), app::mark("SUBCOMMAND"),
                              app::mark("SUBCOMMANDS"), app::mark("Positionals"), app::mark("REQUIRED"),
                              app::mark("Excludes"), app::mark("Needs"), app::mark("Env")}) {
        formatter->label(label, app::tr(label));
    }
}

// CLI11's message about a command line it cannot read, in the person's language. CLI11 hands over
// English sentences only; the ones a person meets are recognised here and said from their parts,
// any other is passed on as CLI11 wrote it.
std::string parse_error_text(const std::string& what) {
    std::smatch m;
    if (what.empty()) {
        return app::tr("the command line cannot be read");
    }
    if (std::regex_match(what, m, std::regex("The following arguments? (?:was|were) not expected: (.*)"))) {
        return app::say("not expected here: {0}", m[1].str());
    }
    if (std::regex_match(what, m, std::regex("A subcommand is required"))) {
        return app::tr("give a command");
    }
    if (std::regex_match(what, m, std::regex("(\\S+) is required"))) {
        return app::say("{0} is required", m[1].str());
    }
    if (std::regex_match(what, m, std::regex("(\\S+): \\d+ required \\S+ missing"))) {
        return app::say("{0} needs a value", m[1].str());
    }
    if (std::regex_match(what, m, std::regex("(\\S+) excludes (\\S+)"))) {
        return app::say("{0} cannot be given with {1}", m[1].str(), m[2].str());
    }
    return what;
}

int run(int argc, char** argv) {
    // Everything this program creates (stores, journals, backups, exports) is private.
    ::umask(077);
    // The person's language and formats (LANG, LC_ALL...); the C locale: English, plain amounts.
    const auto translator = app::use_environment_language();
    cli::Context ctx{std::cout, std::cerr, {}, {}, 10, false};
    CLI::App app{app::mark("Steadypay: forecast your balance day by day, pay bills in the right order, and get "
                           "warned before an overdraft or a missed payment."),
                 "steadypay"};
    app.set_version_flag("--version", std::string("steadypay ") + STEADYPAY_VERSION);
    app.require_subcommand(1);
    app.fallthrough();
    if (const char* env = std::getenv("STEADYPAY_DB"); env && *env) {
        ctx.db_path = env;
    }
    app.add_option("--db", ctx.db_path, "The encrypted store (default: $XDG_DATA_HOME/steadypay/steadypay.db)");
    app.add_option("--passphrase-file", ctx.passphrase_file, "Read the store's passphrase from this file's first line");
    std::string wait = "10";
    app.add_option("--wait", wait,
                   "How many seconds to wait for another program that has the store locked (default 10)");

    std::vector<std::unique_ptr<cli::Command>> commands;
    for (auto make : {cli::make_init_command, cli::make_import_command, cli::make_export_command,
                      cli::make_schedule_command, cli::make_forecast_command, cli::make_plan_command,
                      cli::make_warnings_command, cli::make_ack_command, cli::make_accounts_command,
                      cli::make_incomes_command, cli::make_bills_command, cli::make_pay_command,
                      cli::make_skip_command, cli::make_missed_command, cli::make_unmark_command,
                      cli::make_passwd_command, cli::make_backup_command, cli::make_verify_command,
                      cli::make_audit_command, cli::make_statement_import_command, cli::make_transactions_command,
                      cli::make_imports_command, cli::make_reconcile_command}) {
        commands.push_back(make());
    }
    for (auto& c : commands) {
        c->add_to(app, ctx);
    }
    translate_help(app);
    translate_labels(app);

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
            return ctx.fail(core::bad_input("give a command (commands: {0}; see 'steadypay --help')", names));
        }
        if (!known) {
            std::vector<std::string_view> candidates;
            for (const auto* sub : app.get_subcommands({})) {
                candidates.push_back(sub->get_name());
            }
            const auto guess = core::closest_match(word, candidates);
            return ctx.fail(guess.empty()
                                ? core::bad_input("\"{0}\" is not a command (commands: {1})", word, names)
                                : core::bad_input("\"{0}\" is not a command (did you mean \"{1}\"?)", word, guess));
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
        const std::string what = parse_error_text(e.what());
        // Point at the help of the innermost command that was recognised.
        std::string hint = "steadypay";
        for (const CLI::App* level = &app; level != nullptr;) {
            const auto subs = level->get_subcommands();
            level = subs.empty() ? nullptr : subs.front();
            if (level) {
                hint += " " + level->get_name();
            }
        }
        hint += " --help";
        std::cerr << "steadypay: " << what << ' ' << app::say("(see '{0}')", hint) << '\n';
        return app::k_exit_bad_input;
    }
    // An empty value is a mistake (often an unset shell variable), never "the default": --db ""
    // must not quietly open the default store.
    if (auto s = no_empty_values(app); !s) {
        return ctx.fail(s.error());
    }
    auto wait_seconds = cli::count_option("--wait", wait, 0, 3600);
    if (!wait_seconds) {
        return ctx.fail(wait_seconds.error());
    }
    ctx.wait_seconds = static_cast<int>(wait_seconds.value());
    if (const char* today = std::getenv("STEADYPAY_TODAY"); today && *today) {
        if (auto d = core::parse_iso_date(today); !d) {
            return ctx.fail(std::move(d).error().context("STEADYPAY_TODAY"));
        }
    }
    if (const char* now = std::getenv("STEADYPAY_NOW"); now && *now && !app::parse_utc_instant(now)) {
        return ctx.fail(core::bad_input("{0} is not an instant: write YYYY-MM-DDTHH:MM:SSZ, like 2026-11-22T23:30:00Z",
                                        core::quote_input(now))
                            .context("STEADYPAY_NOW"));
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
