// steadypay-bench: speed targets, checked here and never by timed unit tests.
//
//   forecast, 50 items over 365 days       target < 100 us
//   forecast, 500 items over 10 years      target < 50 ms
//   schedule expansion                      (per rule, over 10 years)
//
// Households come from households.hpp: generated deterministically, so every run measures the
// same work.

#include "app/common/heap.hpp"
#include "core/forecast.hpp"
#include "core/plan.hpp"
#include "core/recurrence.hpp"
#include "households.hpp"

#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

using namespace steadypay::core;
using steadypay::bench::day;
using steadypay::bench::make_household;

namespace {

void run_forecast(benchmark::State& state, int items, int days) {
    const auto h = make_household(items);
    if (!validate(h).ok()) {
        state.SkipWithError("invalid benchmark household");
        return;
    }
    const ForecastOptions options{day("2026-11-22"), days, AmountBasis::conservative};
    std::size_t events = 0;
    for (auto _ : state) {
        auto f = forecast(h, options);
        if (!f.ok()) {
            state.SkipWithError(f.error().message.c_str());
            return;
        }
        events = f->events.size();
        benchmark::DoNotOptimize(f);
    }
    state.counters["events"] = static_cast<double>(events);
}

void BM_Forecast_50Items_365Days(benchmark::State& state) { run_forecast(state, 50, 365); }
void BM_Forecast_500Items_10Years(benchmark::State& state) { run_forecast(state, 500, 3653); }

// The plan over 60 days with 40 bill occurrences on a budget that runs short (target < 1 s).
void BM_Plan_40Occurrences_60Days(benchmark::State& state) {
    const auto h = steadypay::bench::make_tight_household();
    const PlanOptions options{day("2026-11-22"), 60};
    std::size_t decisions = 0;
    std::size_t nodes = 0;
    bool optimal = false;
    int moved = 0;
    for (auto _ : state) {
        auto p = make_plan(h, options);
        if (!p.ok()) {
            state.SkipWithError(p.error().message.c_str());
            return;
        }
        decisions = p->decisions.size();
        nodes = p->nodes;
        optimal = p->optimal;
        moved = p->cost.moved;
        benchmark::DoNotOptimize(p);
    }
    state.counters["payments"] = static_cast<double>(decisions);
    state.counters["nodes"] = static_cast<double>(nodes);
    state.counters["optimal"] = optimal ? 1 : 0;
    state.counters["moved"] = moved;
}

void BM_ScheduleExpansion_10Years(benchmark::State& state, const char* rrule) {
    const auto rule = parse_rrule(rrule).value();
    const Date start = day("2026-01-01");
    std::size_t n = 0;
    for (auto _ : state) {
        auto dates = expand(rule, start, start, day("2035-12-31"));
        n = dates.size();
        benchmark::DoNotOptimize(dates);
    }
    state.counters["dates"] = static_cast<double>(n);
}

void BM_ScheduleExpansion_FarWindow(benchmark::State& state) {
    // A window 50 years after DTSTART costs no more than one near it (no COUNT: periods are skipped).
    const auto rule = parse_rrule("FREQ=WEEKLY;INTERVAL=2;BYDAY=FR").value();
    for (auto _ : state) {
        auto dates = expand(rule, day("2026-01-09"), day("2076-01-01"), day("2076-12-31"));
        benchmark::DoNotOptimize(dates);
    }
}

void BM_ScheduleNeverOccurs(benchmark::State& state) {
    // February 30th with COUNT: the expansion runs to year 9999 and stops.
    const auto rule = parse_rrule("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;COUNT=3").value();
    for (auto _ : state) {
        auto dates = first_occurrences(rule, day("2026-01-01"), 3);
        benchmark::DoNotOptimize(dates);
    }
}

} // namespace

BENCHMARK(BM_Forecast_50Items_365Days)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Forecast_500Items_10Years)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Plan_40Occurrences_60Days)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ScheduleExpansion_10Years, monthly_1st, "FREQ=MONTHLY;BYMONTHDAY=1")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_ScheduleExpansion_10Years, biweekly_friday, "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR")
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_ScheduleExpansion_10Years, last_weekday, "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1")
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_ScheduleExpansion_10Years, daily, "FREQ=DAILY")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_ScheduleExpansion_10Years, yearly_nth_weekday, "FREQ=YEARLY;BYDAY=20MO")
    ->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ScheduleExpansion_FarWindow)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ScheduleNeverOccurs)->Unit(benchmark::kMillisecond);

// The benchmarks run with the heap settings of the desktop program, which recomputes forecasts
// for as long as it runs (see app/common/heap.hpp). Pass --glibc-default-heap to measure with
// glibc's defaults instead: the difference is page faults, not computation.
int main(int argc, char** argv) {
    bool default_heap = false;
    std::vector<char*> args;
    for (int i = 0; i < argc; ++i) {
        if (std::string_view(argv[i]) == "--glibc-default-heap") {
            default_heap = true;
        } else {
            args.push_back(argv[i]);
        }
    }
    if (!default_heap) {
        steadypay::app::keep_freed_memory_in_process();
    }
    int n = static_cast<int>(args.size());
    benchmark::Initialize(&n, args.data());
    if (benchmark::ReportUnrecognizedArguments(n, args.data())) {
        return 1;
    }
    benchmark::AddCustomContext("heap", default_heap ? "glibc defaults" : "freed memory kept in process");
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
