#include "app/gui/model/session.hpp"

#include "app/common/clock.hpp"
#include "storage/household_file.hpp"

#include <algorithm>

namespace steadypay::gui {

core::Result<Derived> derive_forecast(const core::Household& h, core::Date today, int days) {
    Derived d;
    d.today = core::default_forecast_start(h, today);
    d.days = days;
    auto f = core::forecast(h, core::ForecastOptions{d.today, days});
    if (!f) {
        return std::move(f).error();
    }
    d.forecast = std::move(f).value();
    return d;
}

core::Result<Derived> add_plan(Derived d, const core::Household& h, const std::set<std::string>& acknowledged,
                               PlanEffort effort, const core::StatementFacts& statements) {
    auto p = core::make_plan(h, core::PlanOptions{
                                    .from = d.today, .days = d.days, .work_limit = effort.work_limit, .cancel = effort.cancel});
    if (!p) {
        return std::move(p).error();
    }
    d.plan = std::move(p).value();
    try {
        d.warnings =
            core::compute_warnings(h, d.forecast, d.plan, core::WarningOptions{d.today, acknowledged, statements});
    } catch (const core::MoneyError& e) {
        return e.error();
    }
    d.planned = true;
    d.settled = d.plan.optimal || (effort.work_limit >= core::PlanOptions{}.work_limit && !d.plan.cancelled);
    return d;
}

core::Result<Derived> derive(const core::Household& h, core::Date today, int days,
                             const std::set<std::string>& acknowledged) {
    auto d = derive_forecast(h, today, days);
    if (!d) {
        return d;
    }
    return add_plan(std::move(d).value(), h, acknowledged);
}

core::Status Session::reload() {
    // The revision first: a write landing between the two reads shows up as a newer revision
    // than the household read, and the next write is refused and carried over, never lost.
    auto revision = m_store.revision();
    if (!revision) {
        return std::move(revision).error();
    }
    auto h = m_store.load();
    if (!h) {
        return std::move(h).error();
    }
    auto acks = m_store.acknowledged_warnings();
    if (!acks) {
        return std::move(acks).error();
    }
    m_revision = revision.value();
    m_household = std::move(h).value();
    m_acknowledged = std::set<std::string>(acks->begin(), acks->end());
    auto statements = m_store.statement_facts();
    if (!statements) {
        return std::move(statements).error();
    }
    m_statements = std::move(statements).value();
    return {};
}

core::Result<std::unique_ptr<Session>> Session::start(core::Result<storage::Store> store) {
    if (!store) {
        return std::move(store).error();
    }
    std::unique_ptr<Session> session(new Session(std::move(store).value()));
    if (auto s = session->reload(); !s) {
        return std::move(s).error();
    }
    return session;
}

core::Result<std::unique_ptr<Session>> Session::open(const std::filesystem::path& path,
                                                     const storage::Passphrase& passphrase) {
    storage::OpenOptions options;
    options.now = app::clock().now_utc();
    std::replace(options.now.begin(), options.now.end(), ':', '-');
    return start(storage::Store::open(path, passphrase, options));
}

core::Result<std::unique_ptr<Session>> Session::create(const std::filesystem::path& path,
                                                       const storage::Passphrase& passphrase,
                                                       const core::Household& household) {
    return start(storage::Store::create(path, passphrase, household, {app::clock().now_utc(), "create"}));
}

core::Date Session::today() const {
    return app::clock().today(m_household.timezone);
}

core::Result<Session::Outcome> Session::apply(const core::Edit& edit, const std::string& command) {
    Outcome outcome;
    core::Edit current = edit;
    // Another writer can land between the reload and the retry; a few rounds settle it.
    for (int attempt = 0; attempt < 8; ++attempt) {
        auto applied = m_store.apply(current, {app::clock().now_utc(), command}, m_revision);
        if (applied) {
            m_household = std::move(applied->household);
            m_revision = applied->revision;
            return outcome;
        }
        if (applied.error().code != core::Errc::conflict) {
            return std::move(applied).error();
        }
        outcome.others_changed = true;
        if (auto s = reload(); !s) {
            return std::move(s).error();
        }
        auto rebased = core::rebase(current, m_household);
        if (auto* conflict = std::get_if<core::Conflict>(&rebased)) {
            outcome.conflict = std::move(*conflict);
            return outcome;
        }
        current = std::get<core::Edit>(std::move(rebased));
    }
    return core::problem(core::Errc::busy, "other programs kept changing the store; the change was not saved")
        .context(m_store.path().string());
}

core::Result<bool> Session::refresh() {
    auto revision = m_store.revision();
    if (!revision) {
        return std::move(revision).error();
    }
    if (revision.value() == m_revision) {
        return false;
    }
    if (auto s = reload(); !s) {
        return std::move(s).error();
    }
    return true;
}

core::Status Session::acknowledge(const std::string& warning_id, bool seen) {
    if (auto s = seen ? m_store.acknowledge({warning_id}, {app::clock().now_utc(), "acknowledge"})
                      : m_store.unacknowledge({warning_id}, {app::clock().now_utc(), "unacknowledge"});
        !s) {
        return s;
    }
    return reload();
}

core::Status Session::change_passphrase(const storage::Passphrase& passphrase) {
    return m_store.change_passphrase(passphrase);
}

core::Status Session::backup(const std::filesystem::path& destination) {
    return m_store.backup(destination, true);
}

core::Status Session::import_household(const std::filesystem::path& file) {
    auto h = storage::load_household_file(file);
    if (!h) {
        return std::move(h).error();
    }
    auto outcome = apply(core::ReplaceHousehold{std::move(h).value()}, "import-household");
    return outcome ? core::Status{} : core::Status{std::move(outcome).error()};
}

core::Status Session::export_household(const std::filesystem::path& file) const {
    std::error_code ec;
    if (std::filesystem::exists(file, ec) && std::filesystem::equivalent(file, path(), ec)) {
        return core::bad_input("is the store itself: choose another file for the household").context(file.string());
    }
    return storage::save_household_file(m_household, file);
}

} // namespace steadypay::gui
