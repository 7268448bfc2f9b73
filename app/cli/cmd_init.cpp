// steadypay init [--name N] [--currency C] [--timezone TZ] [--holidays REGION] [--weekend SA,SU]
// Creates a new encrypted store with an empty household. Never overwrites a file.

#include "app/cli/commands.hpp"
#include "app/cli/options.hpp"
#include "app/cli/store_access.hpp"
#include "app/common/i18n.hpp"

#include "storage/household_file.hpp"

#include <date/tz.h>

#include <clocale>
#include <ostream>

namespace steadypay::cli {

namespace {

// The currency of the user's locale (LC_MONETARY), if it names one.
std::string locale_currency() {
    if (std::setlocale(LC_MONETARY, "") == nullptr) {
        return {};
    }
    const char* symbol = std::localeconv()->int_curr_symbol;
    std::string code = symbol ? std::string(symbol).substr(0, 3) : std::string();
    std::setlocale(LC_MONETARY, "C");
    return core::Currency::from_code(code) ? code : std::string();
}

std::string system_time_zone() {
    try {
        return std::string(date::current_zone()->name());
    } catch (const std::exception&) {
        return "UTC";
    }
}

class InitCommand final : public Command {
public:
    void add_to(CLI::App& app, Context&) override {
        m_sub = app.add_subcommand("init", "Create a new encrypted store (never overwrites an existing file)");
        add_opt(*m_sub, m_name, "--name", "Whose household this is (default \"My household\")");
        add_opt(*m_sub, m_currency, "--currency", "ISO 4217 currency code (default: your locale's, else USD)");
        add_opt(*m_sub, m_timezone, "--timezone", "IANA time zone (default: this computer's)");
        add_opt(*m_sub, m_holidays, "--holidays",
                "Bank holidays to keep: US, IL, EG or none (default: the time zone's country, else none)");
        add_opt(*m_sub, m_weekend, "--weekend", "Weekend days, e.g. SA,SU or FR,SA (default: the holiday region's)");
        add_opt(*m_sub, m_import, "--import", "Start the store with this household file's household");
        m_import.option->excludes(m_name.option)->excludes(m_currency.option)->excludes(m_timezone.option)->excludes(
            m_weekend.option)->excludes(m_holidays.option);
    }

    int run(Context& ctx) override {
        auto h = m_import.given() ? storage::load_household_file(m_import.value) : household_from_options();
        if (!h) {
            return ctx.fail(h.error());
        }
        const auto path = store_path(ctx);
        std::error_code ec;
        if (std::filesystem::exists(path, ec)) {
            return ctx.fail(
                core::bad_input("already exists; Steadypay never overwrites a store").context(path.string()));
        }
        auto pass = read_new_passphrase(ctx, "", true);
        if (!pass) {
            return ctx.fail(pass.error());
        }
        auto store = storage::Store::create(path, pass.value(), h.value(), change_context("init"));
        if (!store) {
            return ctx.fail(store.error());
        }
        const std::string code(h->currency.code());
        ctx.out << (h->holiday_region == core::HolidayRegion::none
                        ? app::say("Created {0} for {1} ({2}, {3}, no bank holidays).", path.string(), h->name, code,
                                   h->timezone)
                        : app::say("Created {0} for {1} ({2}, {3}, {4} bank holidays).", path.string(), h->name, code,
                                   h->timezone, std::string(core::to_string(h->holiday_region))))
                << "\n";
        if (h->accounts.empty()) {
            ctx.out << app::tr("Next: add an account (steadypay accounts add checking --name \"Checking\" --balance "
                               "500.00)\n      or bring in a household file (steadypay import-household FILE).")
                    << "\n";
        }
        return 0;
    }

private:
    core::Result<core::Household> household_from_options() const {
        core::Household h;
        h.name = m_name.given() ? m_name.value : "My household";
        std::string code = m_currency.given() ? m_currency.value : locale_currency();
        if (code.empty()) {
            code = "USD";
        }
        auto currency = core::Currency::from_code(code);
        if (!currency) {
            return std::move(currency).error().context("--currency");
        }
        h.currency = currency.value();
        h.timezone = m_timezone.given() ? m_timezone.value : system_time_zone();
        if (!storage::is_known_time_zone(h.timezone)) {
            return core::bad_input("\"{0}\" is not a time zone of the IANA database (such as Europe/London)",
                                   h.timezone)
                .context("--timezone");
        }
        if (m_holidays.given()) {
            auto region = core::parse_holiday_region(m_holidays.value);
            if (!region) {
                return std::move(region).error().context("--holidays");
            }
            h.holiday_region = region.value();
        } else {
            h.holiday_region = core::guess_holiday_region(h.timezone);
        }
        h.weekend = core::region_weekend(h.holiday_region);
        if (m_weekend.given()) {
            auto days = weekdays_option("--weekend", m_weekend.value);
            if (!days) {
                return std::move(days).error();
            }
            h.weekend = days.value();
        }
        for (const char* key : {"timezone", "weekend", "holiday_region"}) {
            h.written.add(key);
        }
        if (auto s = core::validate(h); !s) {
            return std::move(s).error();
        }
        return h;
    }

    Opt m_name;
    Opt m_currency;
    Opt m_timezone;
    Opt m_weekend;
    Opt m_holidays;
    Opt m_import;
};

class ImportCommand final : public Command {
public:
    void add_to(CLI::App& app, Context&) override {
        m_sub = app.add_subcommand("import-household",
                                   "Replace the store's household with a household file's, in one transaction");
        m_sub->add_option("file", m_file, "The household file (docs/household-format.md)")->required();
    }

    int run(Context& ctx) override {
        // Read and check the file before asking for the passphrase.
        auto h = storage::load_household_file(m_file);
        if (!h) {
            return ctx.fail(h.error());
        }
        auto store = open_store(ctx);
        if (!store) {
            return ctx.fail(store.error());
        }
        if (auto s = store->apply(core::ReplaceHousehold{h.value()}, change_context("import-household")); !s) {
            return ctx.fail(s.error());
        }
        const auto count = [](std::size_t n) { return static_cast<unsigned long>(n); };
        ctx.out << app::say(
                       "Imported {0}: {1}, {2}, {3}, {4}.", h->name,
                       app::sayn("{0} account", "{0} accounts", count(h->accounts.size()), count(h->accounts.size())),
                       app::sayn("{0} income", "{0} incomes", count(h->incomes.size()), count(h->incomes.size())),
                       app::sayn("{0} bill", "{0} bills", count(h->bills.size()), count(h->bills.size())),
                       app::sayn("{0} payment record", "{0} payment records", count(h->payments.size()),
                                 count(h->payments.size())))
                << "\n";
        return 0;
    }

private:
    std::string m_file;
};

class ExportCommand final : public Command {
public:
    void add_to(CLI::App& app, Context&) override {
        m_sub = app.add_subcommand("export-household", "Write the store's household as a household file");
        m_sub->add_option("--out", m_out, "Write to this file (mode 0600) instead of standard output");
        m_sub->add_flag("--force", m_force, "Replace the file given with --out if it exists");
    }

    int run(Context& ctx) override {
        // The file to write is checked before anything is read: never the store itself (it would
        // replace the encrypted store with plain text), never an existing file unless asked.
        if (!m_out.empty()) {
            std::error_code ec;
            if (std::filesystem::exists(m_out, ec) && std::filesystem::equivalent(m_out, store_path(ctx), ec)) {
                return ctx.fail(core::bad_input("{0} is the store itself: choose another file for the household", m_out)
                                    .context("--out"));
            }
            if (std::filesystem::exists(m_out, ec) && !m_force) {
                return ctx.fail(
                    core::bad_input("{0} already exists (give --force to replace it)", m_out).context("--out"));
            }
        }
        auto store = open_store(ctx);
        if (!store) {
            return ctx.fail(store.error());
        }
        auto h = store->load();
        if (!h) {
            return ctx.fail(h.error());
        }
        const auto text = storage::household_to_json(h.value());
        if (m_out.empty()) {
            ctx.out << text;
            return 0;
        }
        if (auto s = storage::write_file_atomically(m_out, text); !s) {
            return ctx.fail(s.error());
        }
        return 0;
    }

private:
    std::string m_out;
    bool m_force = false;
};

} // namespace

std::unique_ptr<Command> make_init_command() { return std::make_unique<InitCommand>(); }
std::unique_ptr<Command> make_import_command() { return std::make_unique<ImportCommand>(); }
std::unique_ptr<Command> make_export_command() { return std::make_unique<ExportCommand>(); }

} // namespace steadypay::cli
