// steadypay passwd [--new-passphrase-file F]   change the store's passphrase
// steadypay backup PATH [--overwrite]           an encrypted copy of the store
// steadypay verify [--json]                     integrity check and the audit chain
// steadypay audit [--item ID] [--json]          the log of payment status changes

#include "app/cli/commands.hpp"
#include "app/cli/store_access.hpp"

#include "app/common/exit_codes.hpp"
#include "app/common/i18n.hpp"
#include "app/common/words.hpp"
#include "core/text.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <ostream>

namespace steadypay::cli {

namespace {

class PasswdCommand final : public Command {
public:
    void add_to(CLI::App& app, Context&) override {
        m_sub = app.add_subcommand("passwd", "Change the store's passphrase");
        m_sub->add_option("--new-passphrase-file", m_new_file, "Read the new passphrase from this file's first line");
    }
    int run(Context& ctx) override {
        auto store = open_store(ctx);
        if (!store) {
            return ctx.fail(store.error());
        }
        auto pass = read_new_passphrase(ctx, m_new_file, false);
        if (!pass) {
            return ctx.fail(pass.error());
        }
        if (auto s = store->change_passphrase(pass.value()); !s) {
            return ctx.fail(s.error());
        }
        ctx.out << app::tr("Passphrase changed. Backups made before now still open with the old one.") << '\n';
        return 0;
    }

private:
    std::string m_new_file;
};

class BackupCommand final : public Command {
public:
    void add_to(CLI::App& app, Context&) override {
        m_sub = app.add_subcommand("backup", "Write an encrypted copy of the store (same passphrase)");
        m_sub->add_option("path", m_path, "Where to write the copy")->required();
        m_sub->add_flag("--overwrite", m_overwrite, "Replace an existing file at PATH");
    }
    int run(Context& ctx) override {
        auto store = open_store(ctx);
        if (!store) {
            return ctx.fail(store.error());
        }
        if (auto s = store->backup(m_path, m_overwrite); !s) {
            return ctx.fail(s.error());
        }
        ctx.out << app::say("Backup written to {0} (encrypted; it opens with the store's passphrase).", m_path) << '\n';
        return 0;
    }

private:
    std::string m_path;
    bool m_overwrite = false;
};

class VerifyCommand final : public Command {
public:
    void add_to(CLI::App& app, Context& ctx) override {
        m_sub = app.add_subcommand("verify", "Check the store's integrity and its audit log's hash chain");
        m_sub->add_flag("--json", ctx.json, "Print the result as JSON");
    }
    int run(Context& ctx) override {
        auto store = open_store(ctx);
        if (!store) {
            return ctx.fail(store.error());
        }
        auto report = store->verify();
        if (!report) {
            return ctx.fail(report.error());
        }
        const auto& r = report.value();
        const auto& c = store->header().cipher;
        if (ctx.json) {
            nlohmann::ordered_json j;
            j["store"] = store->path().string();
            j["ok"] = r.ok();
            j["format"] = store->header().format;
            j["schema_version"] = r.schema_version;
            j["cipher"] = {{"cipher", c.cipher}, {"kdf", c.kdf}, {"kdf_iter", c.kdf_iter}, {"page_size", c.page_size}};
            j["audit_entries"] = r.audit_entries;
            auto& problems = j["problems"] = nlohmann::ordered_json::array();
            for (const auto& p : r.problems) {
                problems.push_back(p.message());
            }
            ctx.out << j.dump(2) << '\n';
        } else {
            // TRANSLATORS: the labels of verify's report; the values after them start at the same column.
            ctx.out << app::say("Store:     {0}", store->path().string()) << '\n'
                    << app::say("Format:    {0}, schema {1}", store->header().format, r.schema_version) << '\n'
                    << app::say("Cipher:    {0}, {1} with {2} iterations", c.cipher, c.kdf, c.kdf_iter) << '\n'
                    << app::sayn("Audit log: {0} entry", "Audit log: {0} entries",
                                 static_cast<unsigned long>(r.audit_entries), r.audit_entries)
                    << '\n';
            if (r.ok()) {
                ctx.out << app::tr("No problems found.") << '\n';
            } else {
                for (const auto& p : r.problems) {
                    ctx.out << app::say("PROBLEM:   {0}", core::printable(app::describe(p))) << '\n';
                }
            }
        }
        if (!r.ok()) {
            ctx.err << "steadypay: " << app::isolate(store->path().string()) << ": "
                    << app::sayn("verification found {0} problem", "verification found {0} problems", r.problems.size(),
                                 r.problems.size())
                    << '\n';
            return app::k_exit_store_unavailable;
        }
        return 0;
    }
};

class AuditCommand final : public Command {
public:
    void add_to(CLI::App& app, Context& ctx) override {
        m_sub = app.add_subcommand("audit", "Show the log of every change to a payment's status");
        m_sub->add_option("--item", m_item, "Only this bill or income");
        m_sub->add_flag("--json", ctx.json, "Print the entries as JSON");
    }
    int run(Context& ctx) override {
        auto store = open_store(ctx);
        if (!store) {
            return ctx.fail(store.error());
        }
        auto log = store->audit_log();
        if (!log) {
            return ctx.fail(log.error());
        }
        auto h = store->load();
        if (!h) {
            return ctx.fail(h.error());
        }
        const auto currency = h->currency;
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        bool any = false;
        for (const auto& e : log.value()) {
            if (!m_item.empty() && e.item != m_item) {
                continue;
            }
            const std::string amount =
                e.amount ? core::Money::from_minor(*e.amount, currency).to_string() : std::string();
            if (ctx.json) {
                list.push_back({{"seq", e.seq},
                                {"at", e.at},
                                {"command", e.command},
                                {"item", e.item},
                                {"due", e.due},
                                {"from", e.old_status},
                                {"to", e.new_status},
                                {"date", e.date ? nlohmann::ordered_json(*e.date) : nlohmann::ordered_json(nullptr)},
                                {"amount", e.amount ? nlohmann::ordered_json(amount) : nlohmann::ordered_json(nullptr)},
                                {"hash", e.hash}});
                continue;
            }
            if (!any) {
                ctx.out << fmt::format("{:>5}  {:<20}  {:<18}  {:<14} {:<10}  {}\n", "#", app::tr("When (UTC)"),
                                       app::tr("Command"), app::tr("Item"), app::tr("Due"), app::tr("Change"));
            }
            any = true;
            std::string change = e.old_status + " -> " + e.new_status;
            if (e.new_status == "paid") {
                change += " " + app::say("({0} on {1})", amount, e.date.value_or("?"));
            }
            ctx.out << fmt::format("{:>5}  {:<20}  {:<18}  {:<14} {:<10}  {}\n", e.seq, e.at, e.command, e.item, e.due,
                                   change);
        }
        if (ctx.json) {
            ctx.out << list.dump(2) << '\n';
        } else if (!any) {
            ctx.out << (m_item.empty() ? app::tr("No payment status changes recorded.")
                                       : app::say("No payment status changes recorded for \"{0}\".", m_item))
                    << '\n';
        }
        return 0;
    }

private:
    std::string m_item;
};

} // namespace

std::unique_ptr<Command> make_passwd_command() { return std::make_unique<PasswdCommand>(); }
std::unique_ptr<Command> make_backup_command() { return std::make_unique<BackupCommand>(); }
std::unique_ptr<Command> make_verify_command() { return std::make_unique<VerifyCommand>(); }
std::unique_ptr<Command> make_audit_command() { return std::make_unique<AuditCommand>(); }

} // namespace steadypay::cli
