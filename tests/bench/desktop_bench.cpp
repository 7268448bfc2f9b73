// What the desktop program does between the passphrase and a full dashboard: open the store
// (the key derivation, 256,000 PBKDF2 iterations, is most of it), load the household, and
// compute the 90-day forecast, plan and warnings every screen draws. The window itself is built
// in tens of milliseconds (the GUI smoke test records it); the target for all of it is < 1 s.

#include "app/common/clock.hpp"
#include "app/gui/model/session.hpp"
#include "households.hpp"

#include <benchmark/benchmark.h>

#include <filesystem>
#include <stdlib.h>

using namespace steadypay;

namespace {

void BM_DesktopUnlock(benchmark::State& state, core::Household h) {
    char tmpl[] = "/tmp/steadypay-bench-XXXXXX";
    const std::filesystem::path dir = ::mkdtemp(tmpl);
    const auto path = dir / "desktop.db";
    const app::FixedClock today(bench::day("2026-11-22"));
    app::set_clock(&today);
    if (!gui::Session::create(path, storage::Passphrase("benchmark passphrase"), h)) {
        state.SkipWithError("cannot create the store");
        return;
    }
    std::size_t decisions = 0;
    for (auto _ : state) {
        auto s = gui::Session::open(path, storage::Passphrase("benchmark passphrase"));
        if (!s) {
            state.SkipWithError(s.error().message().c_str());
            break;
        }
        auto d = gui::derive(s.value()->household(), s.value()->today(), 90, s.value()->acknowledged());
        if (!d) {
            state.SkipWithError(d.error().message().c_str());
            break;
        }
        decisions = d->plan.decisions.size();
        benchmark::DoNotOptimize(d);
    }
    state.counters["payments"] = static_cast<double>(decisions);
    app::set_clock(nullptr);
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
}

} // namespace

BENCHMARK_CAPTURE(BM_DesktopUnlock, household_of_20_items, bench::make_household(20))
    ->Unit(benchmark::kMillisecond)
    ->Iterations(5);
BENCHMARK_CAPTURE(BM_DesktopUnlock, tight_household, bench::make_tight_household())
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);
