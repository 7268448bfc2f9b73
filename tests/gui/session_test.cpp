// The desktop program's session on real encrypted stores in a temporary folder: everything the
// windows do to a store, without a display.

#include "../support/temp_dir.hpp"
#include "app/common/clock.hpp"
#include "app/gui/model/session.hpp"
#include "core/forecast.hpp"
#include "storage/household_file.hpp"

#include <catch2/catch.hpp>

using namespace steadypay;
using steadypay::test::read_bytes;
using steadypay::test::TempDir;

namespace {

const core::Date k_today = core::Date{date::year{2026} / 11 / 22};

core::Household example() {
    auto h = storage::load_household_file(std::filesystem::path(STEADYPAY_EXAMPLES_DIR) / "paycheck-to-paycheck.json");
    REQUIRE(h);
    return std::move(h).value();
}

storage::Passphrase pass(const char* text = "correct horse battery") {
    return storage::Passphrase(text);
}

// Installs a fixed "today" for one test.
struct FixedToday {
    app::FixedClock clock{k_today};
    FixedToday() { app::set_clock(&clock); }
    ~FixedToday() { app::set_clock(nullptr); }
};

} // namespace

TEST_CASE("session: create, then open with the passphrase and find the same household", "[session]") {
    FixedToday fixed;
    TempDir dir;
    const auto path = dir / "s.db";
    {
        auto s = gui::Session::create(path, pass(), example());
        REQUIRE(s);
        CHECK(s.value()->household().bills.size() == 8);
        CHECK(s.value()->today() == k_today);
    }
    auto s = gui::Session::open(path, pass());
    REQUIRE(s);
    CHECK(storage::household_to_json(s.value()->household()) == storage::household_to_json(example()));
    CHECK(s.value()->path() == path);
}

TEST_CASE("session: a wrong passphrase is an error and the store is untouched", "[session]") {
    FixedToday fixed;
    TempDir dir;
    const auto path = dir / "s.db";
    REQUIRE(gui::Session::create(path, pass(), example()));
    const auto before = read_bytes(path);
    auto s = gui::Session::open(path, pass("not the passphrase"));
    REQUIRE_FALSE(s);
    CHECK(s.error().code == core::Errc::wrong_passphrase);
    CHECK(read_bytes(path) == before);
    auto missing = gui::Session::open(dir / "missing.db", pass());
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == core::Errc::store_unavailable);
    CHECK_FALSE(std::filesystem::exists(dir / "missing.db"));
}

TEST_CASE("session: an invalid change is refused and nothing changes", "[session]") {
    FixedToday fixed;
    TempDir dir;
    const auto path = dir / "s.db";
    auto s = gui::Session::create(path, pass(), example());
    REQUIRE(s);
    auto changed = s.value()->household().bills[0];
    changed.account = "no-such-account";
    const auto status = s.value()->apply(core::ChangeBill{s.value()->household().bills[0], changed}, "bills edit");
    REQUIRE_FALSE(status);
    CHECK(status.error().message().find("bills[0].account") != std::string::npos);
    CHECK(s.value()->household().bills[0].account == "checking");
    auto reopened = gui::Session::open(path, pass());
    REQUIRE(reopened);
    CHECK(reopened.value()->household().bills[0].account == "checking");

    // A valid change is saved and read back.
    changed = s.value()->household().bills[0];
    changed.name = "Rent (new lease)";
    auto saved = s.value()->apply(core::ChangeBill{s.value()->household().bills[0], changed}, "bills edit");
    REQUIRE(saved);
    CHECK_FALSE(saved->others_changed);
    CHECK_FALSE(saved->conflict);
    reopened = gui::Session::open(path, pass());
    REQUIRE(reopened);
    CHECK(reopened.value()->household().bills[0].name == "Rent (new lease)");
    // What the session holds after saving is what the store holds.
    CHECK(storage::household_to_json(s.value()->household()) ==
          storage::household_to_json(reopened.value()->household()));
}

TEST_CASE("session: derive computes the forecast core computes, from the balance date", "[session]") {
    const auto h = example();
    auto d = gui::derive(h, k_today, 90, {});
    REQUIRE(d);
    CHECK(d->today == k_today); // the balances are dated before today: the forecast starts today
    auto f = core::forecast(h, core::ForecastOptions{k_today, 90});
    REQUIRE(f);
    REQUIRE(d->forecast.accounts.size() == f->accounts.size());
    CHECK(d->forecast.accounts[0].safe_to_spend == f->accounts[0].safe_to_spend);
    CHECK(d->forecast.accounts[0].lowest.low == f->accounts[0].lowest.low);
    CHECK_FALSE(d->plan.decisions.empty());
    CHECK(d->planned);

    // The forecast alone, for the screens to draw at once, is the same forecast without a plan.
    auto quick = gui::derive_forecast(h, k_today, 90);
    REQUIRE(quick);
    CHECK_FALSE(quick->planned);
    CHECK(quick->plan.decisions.empty());
    CHECK(quick->warnings.empty());
    CHECK(quick->forecast.accounts[0].safe_to_spend == f->accounts[0].safe_to_spend);
    CHECK(quick->forecast.events.size() == f->events.size());

    // With a later balance date, the forecast starts there.
    auto later = h;
    later.accounts[0].as_of = k_today + date::days{3};
    auto d2 = gui::derive(later, k_today, 30, {});
    REQUIRE(d2);
    CHECK(d2->today == k_today + date::days{3});
}

TEST_CASE("session: a first plan at once, then the full one; a cancelled one says so", "[session]") {
    // The example with 900.00 less: short enough that bills have to wait, and some go late.
    auto h = example();
    h.accounts[0].balance -= core::Money::parse("900.00", h.currency).value();
    auto forecast_only = gui::derive_forecast(h, k_today, 90);
    REQUIRE(forecast_only);
    auto first = gui::add_plan(forecast_only.value(), h, {}, gui::PlanEffort{.work_limit = 1});
    REQUIRE(first);
    CHECK(first->planned);
    CHECK_FALSE(first->settled); // a proof may still come: the window says it is checking
    CHECK_FALSE(first->plan.optimal);
    CHECK_FALSE(first->plan.decisions.empty());
    auto full = gui::add_plan(forecast_only.value(), h, {});
    REQUIRE(full);
    CHECK(full->settled);
    CHECK(full->plan.proven >= 4);
    CHECK(full->plan.proven >= first->plan.proven);
    CHECK(full->plan.cost.moved > 0);

    const std::atomic<bool> stop{true};
    auto stopped = gui::add_plan(forecast_only.value(), h, {}, gui::PlanEffort{.cancel = &stop});
    REQUIRE(stopped);
    CHECK(stopped->plan.cancelled);
    CHECK_FALSE(stopped->settled);
    CHECK_FALSE(stopped->plan.decisions.empty());
}

TEST_CASE("session: acknowledged warnings stay acknowledged after reopening", "[session]") {
    FixedToday fixed;
    TempDir dir;
    const auto path = dir / "s.db";
    auto h = example();
    h.accounts[0].balance = core::Money::from_minor(1000, h.currency); // 10.00: trouble this week
    auto s = gui::Session::create(path, pass(), h);
    REQUIRE(s);
    auto d = gui::derive(s.value()->household(), k_today, 90, s.value()->acknowledged());
    REQUIRE(d);
    REQUIRE_FALSE(d->warnings.empty());
    const auto id = d->warnings.front().id;
    CHECK_FALSE(d->warnings.front().acknowledged);
    REQUIRE(s.value()->acknowledge(id));
    s.value().reset();
    auto reopened = gui::Session::open(path, pass());
    REQUIRE(reopened);
    CHECK(reopened.value()->acknowledged().count(id) == 1);
    auto d2 = gui::derive(reopened.value()->household(), k_today, 90, reopened.value()->acknowledged());
    REQUIRE(d2);
    bool found = false;
    for (const auto& w : d2->warnings) {
        if (w.id == id) {
            found = true;
            CHECK(w.acknowledged);
        }
    }
    CHECK(found);
    // Brought back, it is shown again, and stays so after reopening.
    REQUIRE(reopened.value()->acknowledge(id, false));
    CHECK(reopened.value()->acknowledged().count(id) == 0);
    reopened.value().reset();
    auto again = gui::Session::open(path, pass());
    REQUIRE(again);
    CHECK(again.value()->acknowledged().count(id) == 0);
}

TEST_CASE("session: backup, change of passphrase, export and import", "[session]") {
    FixedToday fixed;
    TempDir dir;
    const auto path = dir / "s.db";
    auto s = gui::Session::create(path, pass(), example());
    REQUIRE(s);

    REQUIRE(s.value()->backup(dir / "backup.db"));
    CHECK(gui::Session::open(dir / "backup.db", pass()));
    // The window asked before replacing a file: a second backup there replaces the first whole.
    REQUIRE(s.value()->backup(dir / "backup.db"));
    CHECK(gui::Session::open(dir / "backup.db", pass()));

    REQUIRE(s.value()->change_passphrase(pass("a brand new passphrase")));
    s.value().reset();
    CHECK_FALSE(gui::Session::open(path, pass()));
    auto reopened = gui::Session::open(path, pass("a brand new passphrase"));
    REQUIRE(reopened);

    REQUIRE(reopened.value()->export_household(dir / "out.json"));
    auto exported = storage::load_household_file(dir / "out.json");
    REQUIRE(exported);
    CHECK(storage::household_to_json(exported.value()) == storage::household_to_json(example()));

    auto other = storage::load_household_file(std::filesystem::path(STEADYPAY_EXAMPLES_DIR) / "israel-household.json");
    REQUIRE(other);
    REQUIRE(
        reopened.value()->import_household(std::filesystem::path(STEADYPAY_EXAMPLES_DIR) / "israel-household.json"));
    CHECK(reopened.value()->household().currency == other->currency);
    CHECK(reopened.value()->household().name == other->name);

    // A broken file is refused and the household stays as it was.
    { std::ofstream(dir / "broken.json") << "{ \"format\": \"steadypay-household/1\", "; }
    const auto before = storage::household_to_json(reopened.value()->household());
    CHECK_FALSE(reopened.value()->import_household(dir / "broken.json"));
    CHECK(storage::household_to_json(reopened.value()->household()) == before);
}
