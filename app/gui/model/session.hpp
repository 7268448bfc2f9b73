#pragma once
// What the desktop program works on: an open store and its household, and everything the screens
// show, computed by core. No wx here, so it is tested without a display.

#include "core/plan.hpp"
#include "core/warnings.hpp"
#include "storage/store.hpp"

#include <filesystem>
#include <memory>
#include <set>

namespace steadypay::gui {

// Everything the screens draw, computed from one household at one moment.
struct Derived {
    core::Date today;
    int days = 90;
    core::Forecast forecast;
    bool planned = false; // plan and warnings are worked out (a plan can take a second or more)
    core::Plan plan;
    std::vector<core::Warning> warnings;
};

// The forecast alone from `today` (or the latest balance date, if later) for `days`: fast, so
// the screens have their numbers at once while the plan is worked out.
[[nodiscard]] core::Result<Derived> derive_forecast(const core::Household& household, core::Date today, int days);

// Works out the plan and the warnings for a forecast made by derive_forecast from `household`.
// Pure: safe to run on a worker thread with copies.
[[nodiscard]] core::Result<Derived> add_plan(Derived forecast_only, const core::Household& household,
                                             const std::set<std::string>& acknowledged);

// The forecast, plan and warnings (derive_forecast, then add_plan).
[[nodiscard]] core::Result<Derived> derive(const core::Household& household, core::Date today, int days,
                                           const std::set<std::string>& acknowledged);

class Session {
public:
    [[nodiscard]] static core::Result<std::unique_ptr<Session>> open(const std::filesystem::path& path,
                                                                     const storage::Passphrase& passphrase);
    [[nodiscard]] static core::Result<std::unique_ptr<Session>>
    create(const std::filesystem::path& path, const storage::Passphrase& passphrase, const core::Household& household);

    [[nodiscard]] const core::Household& household() const { return m_household; }
    [[nodiscard]] const std::filesystem::path& path() const { return m_store.path(); }
    [[nodiscard]] const std::set<std::string>& acknowledged() const { return m_acknowledged; }
    // Today in the household's time zone.
    [[nodiscard]] core::Date today() const;

    // Validates and saves a changed household (one transaction; the audit log records payment
    // changes under `command`). On failure nothing changes.
    [[nodiscard]] core::Status save(const core::Household& household, const std::string& command);
    [[nodiscard]] core::Status acknowledge(const std::string& warning_id);
    [[nodiscard]] core::Status change_passphrase(const storage::Passphrase& passphrase);
    [[nodiscard]] core::Status backup(const std::filesystem::path& destination);
    [[nodiscard]] core::Status import_household(const std::filesystem::path& file);
    [[nodiscard]] core::Status export_household(const std::filesystem::path& file) const;

private:
    Session(storage::Store store, core::Household household, std::set<std::string> acknowledged)
        : m_store(std::move(store)), m_household(std::move(household)), m_acknowledged(std::move(acknowledged)) {}

    storage::Store m_store;
    core::Household m_household;
    std::set<std::string> m_acknowledged;
};

} // namespace steadypay::gui
