// steadypay-bench: speed targets, checked here and never by timed unit tests.
//
//   forecast, 50 items over 365 days       target < 100 us
//   forecast, 500 items over 10 years      target < 50 ms
//   plan and warnings: 200 bills over 90 days, the examples over 1,000 days, 40 payments in a
//   window that runs short                 target < 1 s
//   plan, 2,000 bills over 90 days          target < 5 s
//   schedule expansion                      (per rule, over 10 years)
//
// Households come from households.hpp: generated deterministically, so every run measures the
// same work.

#include "app/common/heap.hpp"
#include "app/common/report.hpp"
#include "core/forecast.hpp"
#include "core/plan.hpp"
#include "core/recurrence.hpp"
#include "core/warnings.hpp"
#include "storage/household_file.hpp"
#include "households.hpp"

#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdlib>
#include <ostream>
#include <streambuf>
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
            state.SkipWithError(f.error().message().c_str());
            return;
        }
        events = f->events.size();
        benchmark::DoNotOptimize(f);
    }
    state.counters["events"] = static_cast<double>(events);
}

// Saying it: the forecast of 500 items over 10 years printed as JSON and as the text table, to a
// stream that counts the bytes (target: a few times the forecast itself).
class CountingBuffer : public std::streambuf {
public:
    std::size_t bytes = 0;

protected:
    int_type overflow(int_type c) override {
        ++bytes;
        return c;
    }
    std::streamsize xsputn(const char*, std::streamsize n) override {
        bytes += static_cast<std::size_t>(n);
        return n;
    }
};

void run_render(benchmark::State& state, bool json) {
    const auto h = make_household(500);
    auto f = forecast(h, ForecastOptions{day("2026-11-22"), 3653, AmountBasis::conservative});
    if (!f.ok()) {
        state.SkipWithError(f.error().message().c_str());
        return;
    }
    std::size_t bytes = 0;
    for (auto _ : state) {
        CountingBuffer buffer;
        std::ostream out(&buffer);
        if (json) {
            steadypay::app::write_forecast_json(out, h, f.value());
        } else {
            out << steadypay::app::forecast_text(h, f.value());
        }
        bytes = buffer.bytes;
    }
    state.counters["MB"] = static_cast<double>(bytes) / 1e6;
}
void BM_Render_ForecastJson_500Items_10Years(benchmark::State& state) { run_render(state, true); }
void BM_Render_ForecastText_500Items_10Years(benchmark::State& state) { run_render(state, false); }

void BM_Forecast_50Items_365Days(benchmark::State& state) { run_forecast(state, 50, 365); }
void BM_Forecast_500Items_10Years(benchmark::State& state) { run_forecast(state, 500, 3653); }

// The plan, and the warnings (which run it), at the sizes people and counselors have: each within
// 1 s on one core (2,000 bills within 5 s). Counters say what the plan proved: `proven` is how many
// concerns, in their order, it proved best (8: all; 4: overdrafts, late payments, reports, fees).
void run_plan(benchmark::State& state, const Household& h, Date from, int days) {
    if (auto v = validate(h); !v.ok()) {
        state.SkipWithError(v.error().message().c_str());
        return;
    }
    PlanOptions options{.from = from, .days = days};
    // STEADYPAY_PLAN_WORK=<units> shows what a smaller (or larger) budget proves, and how fast.
    if (const char* work = std::getenv("STEADYPAY_PLAN_WORK")) {
        options.work_limit = std::atoll(work);
    }
    Plan last;
    for (auto _ : state) {
        auto p = make_plan(h, options);
        if (!p.ok()) {
            state.SkipWithError(p.error().message().c_str());
            return;
        }
        last = std::move(p).value();
        benchmark::DoNotOptimize(last);
    }
    int late = 0;
    for (int n : last.cost.late_by_priority) {
        late += n;
    }
    state.counters["payments"] = static_cast<double>(last.decisions.size());
    state.counters["nodes"] = static_cast<double>(last.nodes);
    state.counters["work"] = static_cast<double>(last.work);
    state.counters["proven"] = last.proven;
    state.counters["late"] = late;
    state.counters["moved"] = last.cost.moved;
}

void run_warnings(benchmark::State& state, const Household& h, Date from, int days) {
    std::size_t n = 0;
    for (auto _ : state) {
        auto w = warnings_for(h, from, days, {});
        if (!w.ok()) {
            state.SkipWithError(w.error().message().c_str());
            return;
        }
        n = w->size();
        benchmark::DoNotOptimize(w);
    }
    state.counters["warnings"] = static_cast<double>(n);
}

Household example(const char* name) {
    auto h = steadypay::storage::load_household_file(std::string(STEADYPAY_EXAMPLES) + "/" + name);
    return h.ok() ? std::move(h).value() : Household{};
}

using steadypay::bench::make_short_household;
using steadypay::bench::Shape;

// 40 bill occurrences over 60 days on a budget that runs short.
void BM_Plan_40Occurrences_60Days(benchmark::State& state) {
    run_plan(state, steadypay::bench::make_tight_household(), day("2026-11-22"), 60);
}
void BM_Plan_Tight40_Seeds(benchmark::State& state) {
    const auto seed = static_cast<std::uint64_t>(state.range(0));
    run_plan(state, steadypay::bench::make_tight_household(seed), day("2026-11-22"), 60);
}
// 20 bills twice in 60 days, in the hardest shapes.
void BM_Plan_Short_40Payments(benchmark::State& state, Shape shape) {
    run_plan(state, make_short_household(20, 2, shape), day("2026-11-22"), 60);
}
// The generated household of 250 items (200 bills, 50 incomes, 3 accounts).
void BM_Plan_200Bills_Mixed_90Days(benchmark::State& state) {
    run_plan(state, make_household(250), day("2026-11-22"), 90);
}
void BM_Plan_200Bills_Short_90Days(benchmark::State& state, Shape shape) {
    run_plan(state, make_short_household(200, 20, shape), day("2026-11-22"), 90);
}
// A counselor's stress case: 2,000 bills and 200 incomes (target < 5 s).
void BM_Plan_2000Bills_90Days(benchmark::State& state, Shape shape) {
    run_plan(state, make_short_household(2000, 200, shape), day("2026-11-22"), 90);
}
// Beyond the targets: 200 bills short every month for 1,000 days.
void BM_Plan_200Bills_Short_1000Days(benchmark::State& state) {
    run_plan(state, make_short_household(200, 20, Shape::mixed), day("2026-11-22"), 1000);
}
void BM_Plan_Example_1000Days(benchmark::State& state, const char* name) {
    const auto h = example(name);
    run_plan(state, h, default_forecast_start(h, day("2026-11-22")), 1000);
}
void BM_Warnings_Example_1000Days(benchmark::State& state, const char* name) {
    const auto h = example(name);
    run_warnings(state, h, default_forecast_start(h, day("2026-11-22")), 1000);
}
void BM_Warnings_200Bills_Short_90Days(benchmark::State& state) {
    run_warnings(state, make_short_household(200, 20, Shape::mixed), day("2026-11-22"), 90);
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
BENCHMARK(BM_Render_ForecastJson_500Items_10Years)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Render_ForecastText_500Items_10Years)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Plan_40Occurrences_60Days)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Plan_Tight40_Seeds)->Arg(1)->Arg(2)->Arg(3)->Arg(4)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Plan_Short_40Payments, mixed, Shape::mixed)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Plan_Short_40Payments, equal_priority, Shape::equal_priority)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Plan_Short_40Payments, far_paycheck, Shape::far_paycheck)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Plan_Short_40Payments, tight_cushion, Shape::tight_cushion)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Plan_200Bills_Mixed_90Days)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Plan_200Bills_Short_90Days, mixed, Shape::mixed)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Plan_200Bills_Short_90Days, equal_priority, Shape::equal_priority)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Plan_200Bills_Short_90Days, far_paycheck, Shape::far_paycheck)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Plan_200Bills_Short_90Days, tight_cushion, Shape::tight_cushion)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Plan_2000Bills_90Days, mixed, Shape::mixed)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(BM_Plan_2000Bills_90Days, equal_priority, Shape::equal_priority)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
BENCHMARK(BM_Plan_200Bills_Short_1000Days)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(BM_Plan_Example_1000Days, paycheck, "paycheck-to-paycheck.json")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Plan_Example_1000Days, israel, "israel-household.json")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Warnings_Example_1000Days, paycheck, "paycheck-to-paycheck.json")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Warnings_200Bills_Short_90Days)->Unit(benchmark::kMillisecond);
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
