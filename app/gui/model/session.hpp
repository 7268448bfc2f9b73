#pragma once
// What the desktop program works on: an open store and its household, and everything the screens
// show, computed by core. No wx here, so it is tested without a display.

#include "core/edits.hpp"
#include "core/plan.hpp"
#include "core/warnings.hpp"
#include "storage/store.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <set>

namespace steadypay::gui {

// Everything the screens draw, computed from one household at one moment.
struct Derived {
    core::Date today;
    int days = 90;
    core::Forecast forecast;
    bool planned = false; // plan and warnings are worked out (a plan can take a second or more)
    bool settled = false; // the plan is the last one coming: not a first answer with a proof on its way
    core::Plan plan;
    std::vector<core::Warning> warnings;
};

// The forecast alone from `today` (or the latest balance date, if later) for `days`: fast, so
// the screens have their numbers at once while the plan is worked out.
[[nodiscard]] core::Result<Derived> derive_forecast(const core::Household& household, core::Date today, int days);

// How much search a plan may spend (core::PlanOptions), and a flag that stops it.
struct PlanEffort {
    std::int64_t work_limit = core::PlanOptions{}.work_limit;
    const std::atomic<bool>* cancel = nullptr;
};
// A first answer: a small share of the search, in a few hundredths of a second.
inline constexpr std::int64_t k_quick_work = 15'000'000;

// Works out the plan and the warnings for a forecast made by derive_forecast from `household`.
// Pure: safe to run on a worker thread with copies.
[[nodiscard]] core::Result<Derived> add_plan(Derived forecast_only, const core::Household& household,
                                             const std::set<std::string>& acknowledged, PlanEffort effort = {},
                                             const core::StatementFacts& statements = {});

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
    // What the imported statements say (core::StatementFacts), as of the last reload.
    [[nodiscard]] const core::StatementFacts& statements() const { return m_statements; }
    // Today in the household's time zone.
    [[nodiscard]] core::Date today() const;

    // The store's revision this session's household was read at.
    [[nodiscard]] std::int64_t revision() const { return m_revision; }

    // What became of a person's edit.
    struct Outcome {
        bool others_changed = false;           // the store had moved on: reloaded, and the edit carried over
        std::optional<core::Conflict> conflict; // not saved: someone else changed the same thing
    };

    // Applies a person's edit to the store, as of the revision this session read (the audit log
    // records payment changes under `command`). When another program changed the store since,
    // the session reloads and carries the edit over (core::rebase): it is saved as the person
    // meant it, or, when both changed the same thing, not saved, with the Conflict saying what.
    // A refused edit (a rule it breaks) is the Error, and nothing changes.
    [[nodiscard]] core::Result<Outcome> apply(const core::Edit& edit, const std::string& command);

    // Reloads when another program changed the store; true when it did.
    [[nodiscard]] core::Result<bool> refresh();

    // Hides a warning for good (seen), or brings an acknowledged one back.
    [[nodiscard]] core::Status acknowledge(const std::string& warning_id, bool seen = true);
    [[nodiscard]] core::Status change_passphrase(const storage::Passphrase& passphrase);
    [[nodiscard]] core::Status backup(const std::filesystem::path& destination);
    [[nodiscard]] core::Status import_household(const std::filesystem::path& file);
    [[nodiscard]] core::Status export_household(const std::filesystem::path& file) const;

private:
    explicit Session(storage::Store store) : m_store(std::move(store)) {}
    // A session on an opened or created store, its household read.
    [[nodiscard]] static core::Result<std::unique_ptr<Session>> start(core::Result<storage::Store> store);
    [[nodiscard]] core::Status reload();

    storage::Store m_store;
    core::Household m_household;
    std::int64_t m_revision = 0;
    std::set<std::string> m_acknowledged;
    core::StatementFacts m_statements;
};

} // namespace steadypay::gui
