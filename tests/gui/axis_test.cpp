// The chart's amount axis: round steps that cover the data, with few enough grid lines.

#include "app/gui/model/axis.hpp"

#include <catch2/catch.hpp>

#include <limits>

using steadypay::gui::amount_axis;

namespace {

// The 1-2-5 step just below `step` (500 -> 200 -> 100 -> 50).
std::int64_t smaller_step(std::int64_t step) {
    std::int64_t power = 1;
    while (step / power >= 10) {
        power *= 10;
    }
    const std::int64_t mantissa = step / power;
    return mantissa == 5 ? 2 * power : mantissa == 2 ? power : power / 2;
}

std::int64_t intervals(std::int64_t lo, std::int64_t hi, std::int64_t step) {
    const auto floor_div = [](std::int64_t a, std::int64_t b) { return a / b - (a % b != 0 && a < 0 ? 1 : 0); };
    const auto ceil_div = [](std::int64_t a, std::int64_t b) { return a / b + (a % b != 0 && a > 0 ? 1 : 0); };
    return std::max<std::int64_t>(ceil_div(hi, step) - floor_div(lo, step), 1);
}

} // namespace

TEST_CASE("amount axis: round 1-2-5 steps that cover the range", "[axis]") {
    struct Case {
        std::int64_t lo, hi, unit;
        int max_ticks;
        std::int64_t want_lo, want_hi, want_step;
    };
    // Worked by hand: the smallest step s of 1, 2 or 5 times a power of ten units whose grid
    // from floor(lo/s)*s to ceil(hi/s)*s has at most max_ticks lines.
    const Case cases[] = {
        {-3450, 454671, 100, 8, -100000, 500000, 100000},  // -34.50..4546.71: -1000..5000 by 1000
        {-3450, 454671, 100, 6, -200000, 600000, 200000},  // 7 lines are too many for 6: by 2000
        {-68500, 480400, 100, 8, -100000, 500000, 100000}, // -685.00..4804.00
        {0, 100, 100, 6, 0, 100, 100},                     // 0..1.00: one step of one unit
        {0, 0, 100, 6, 0, 100, 100},                       // an empty range still gets one step
        {120, 980, 1, 6, 0, 1000, 200},                    // yen, no minor unit: 0..1000 by 200
        {-50, -10, 100, 6, -100, 0, 100},                  // all below zero
        {0, 123456789, 100, 6, 0, 150000000, 50000000},    // 1,234,567.89: by 500,000
    };
    for (const auto& c : cases) {
        CAPTURE(c.lo, c.hi, c.unit, c.max_ticks);
        const auto a = amount_axis(c.lo, c.hi, c.unit, c.max_ticks);
        CHECK(a.lo == c.want_lo);
        CHECK(a.hi == c.want_hi);
        CHECK(a.step == c.want_step);
        CHECK(a.ticks.size() == static_cast<std::size_t>((a.hi - a.lo) / a.step + 1));
    }
}

TEST_CASE("amount axis: covers, fits and is the finest that fits, over many ranges", "[axis]") {
    for (std::int64_t lo = -500000; lo <= 500000; lo += 37337) {
        for (std::int64_t span = 0; span <= 2000000; span += 91919) {
            const std::int64_t hi = lo + span;
            for (int max_ticks : {3, 4, 6, 8}) {
                CAPTURE(lo, hi, max_ticks);
                const auto a = amount_axis(lo, hi, 100, max_ticks);
                REQUIRE(a.lo <= lo);
                REQUIRE(a.hi >= hi);
                REQUIRE(a.step >= 100);
                REQUIRE(a.lo % a.step == 0);
                REQUIRE(a.hi % a.step == 0);
                REQUIRE(a.ticks.size() >= 2);
                REQUIRE(static_cast<int>(a.ticks.size()) <= max_ticks);
                REQUIRE(a.ticks.front() == a.lo);
                REQUIRE(a.ticks.back() == a.hi);
                if (a.step > 100) {
                    REQUIRE(intervals(lo, hi, smaller_step(a.step)) > max_ticks - 1);
                }
            }
        }
    }
}

TEST_CASE("amount axis: extreme or reversed amounts", "[axis]") {
    const auto a = amount_axis(std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max(), 100);
    CHECK(a.lo < 0);
    CHECK(a.hi > 0);
    CHECK(a.ticks.size() >= 2);
    const auto b = amount_axis(500, -500, 100);
    CHECK(b.lo <= -500);
    CHECK(b.hi >= 500);
    // Across zero two intervals are the fewest possible: fewer than three ticks is not asked for.
    const auto c = amount_axis(-500000, 51514, 100, 2);
    CHECK(c.ticks.size() == 3);
    CHECK(c.step == 500000);
}

TEST_CASE("balance scale: the danger zone keeps most of the height when a paycheck month goes far above",
          "[axis]") {
    using steadypay::gui::balance_scale;
    // Worked by hand, the example household: lowest low -34.50, cushion 75.00, highest close
    // 4150.00. The band short of money is 109.50 (from -34.50 to 75.00); the focus runs up to
    // 75.00 + 2 x 109.50 = 294.00, which rounds (at most 6 lines) to -100..300 by 100. 4150.00 is
    // more than three times 294.00: the rest, 300..4150, gets its own round ticks (at most 4
    // lines from 0: 0..6000 by 2000), in the top 35% of the height.
    const auto s = balance_scale(-3450, 415000, 7500, 100);
    REQUIRE(s.split);
    CHECK(s.focus.lo == -10000);
    CHECK(s.focus.hi == 30000);
    CHECK(s.focus.step == 10000);
    CHECK(s.above == std::vector<std::int64_t>{200000, 400000, 600000});
    CHECK(s.top == 600000);
    CHECK(s.fraction(-10000) == Approx(0.0));
    CHECK(s.fraction(0) == Approx(0.65 * 10000 / 40000));    // zero at 16% of the height, not 2%
    CHECK(s.fraction(7500) == Approx(0.65 * 17500 / 40000)); // the cushion at 28%
    CHECK(s.fraction(30000) == Approx(0.65));
    CHECK(s.fraction(315000) == Approx(0.65 + 0.35 * 285000 / 570000));
    CHECK(s.fraction(600000) == Approx(1.0));
    CHECK(s.ticks() == std::vector<std::int64_t>{-10000, 0, 10000, 20000, 30000, 200000, 400000, 600000});
    // Higher amounts are always higher up.
    double last = -1;
    for (std::int64_t v = -10000; v <= 600000; v += 997) {
        CHECK(s.fraction(v) > last);
        last = s.fraction(v);
    }
}

TEST_CASE("balance scale: one linear axis when nothing is near the danger zone, or nothing far above it",
          "[axis]") {
    using steadypay::gui::amount_axis;
    using steadypay::gui::balance_scale;
    // Never short: the lowest low (2000.00) is far above the cushion's band (up to 300.00).
    const auto calm = balance_scale(200000, 500000, 10000, 100);
    CHECK_FALSE(calm.split);
    CHECK(calm.focus.lo == amount_axis(0, 500000, 100, 8).lo);
    CHECK(calm.focus.hi == amount_axis(0, 500000, 100, 8).hi);
    CHECK(calm.fraction(calm.focus.hi) == Approx(1.0));
    // Short, but nothing far above: -50.00 to 200.00 with no cushion (the focus reaches 100.00;
    // 200.00 is not three times that).
    const auto flat = balance_scale(-5000, 20000, 0, 100);
    CHECK_FALSE(flat.split);
    CHECK(flat.fraction(flat.focus.lo) == Approx(0.0));
    // No cushion and never below zero: no danger band at all.
    CHECK_FALSE(balance_scale(0, 900000, 0, 100).split);
}
