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

core::Result<Derived> add_plan(Derived d, const core::Household& h, const std::set<std::string>& acknowledged) {
    auto p = core::make_plan(h, core::PlanOptions{d.today, d.days});
    if (!p) {
        return std::move(p).error();
    }
    d.plan = std::move(p).value();
    try {
        d.warnings = core::compute_warnings(h, d.forecast, d.plan, core::WarningOptions{d.today, acknowledged});
    } catch (const core::MoneyError& e) {
        return core::Error{e.code(), e.what()};
    }
    d.planned = true;
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

namespace {

core::Result<std::unique_ptr<Session>> finish(core::Result<storage::Store> store,
                                              std::unique_ptr<Session> (*make)(storage::Store, core::Household,
                                                                               std::set<std::string>)) {
    if (!store) {
        return std::move(store).error();
    }
    auto h = store->load();
    if (!h) {
        return std::move(h).error();
    }
    auto acks = store->acknowledged_warnings();
    if (!acks) {
        return std::move(acks).error();
    }
    return make(std::move(store).value(), std::move(h).value(), std::set<std::string>(acks->begin(), acks->end()));
}

} // namespace

core::Result<std::unique_ptr<Session>> Session::open(const std::filesystem::path& path,
                                                     const storage::Passphrase& passphrase) {
    storage::OpenOptions options;
    options.now = app::clock().now_utc();
    std::replace(options.now.begin(), options.now.end(), ':', '-');
    return finish(storage::Store::open(path, passphrase, options),
                  [](storage::Store s, core::Household h, std::set<std::string> a) {
                      return std::unique_ptr<Session>(new Session(std::move(s), std::move(h), std::move(a)));
                  });
}

core::Result<std::unique_ptr<Session>> Session::create(const std::filesystem::path& path,
                                                       const storage::Passphrase& passphrase,
                                                       const core::Household& household) {
    return finish(storage::Store::create(path, passphrase, household, {app::clock().now_utc(), "create"}),
                  [](storage::Store s, core::Household h, std::set<std::string> a) {
                      return std::unique_ptr<Session>(new Session(std::move(s), std::move(h), std::move(a)));
                  });
}

core::Date Session::today() const {
    return app::clock().today(m_household.timezone);
}

core::Status Session::save(const core::Household& household, const std::string& command) {
    if (auto s = m_store.save(household, {app::clock().now_utc(), command}); !s) {
        return s;
    }
    m_household = household; // the store reads back exactly what it wrote (its round trip is tested)
    return {};
}

core::Status Session::acknowledge(const std::string& warning_id) {
    if (auto s = m_store.acknowledge({warning_id}, {app::clock().now_utc(), "acknowledge"}); !s) {
        return s;
    }
    m_acknowledged.insert(warning_id);
    return {};
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
    return save(h.value(), "import-household");
}

core::Status Session::export_household(const std::filesystem::path& file) const {
    return storage::save_household_file(m_household, file);
}

} // namespace steadypay::gui
