#pragma once
// Round numbers for a chart's amount axis: 0, 500, 1000, 1500 rather than 4546.71, 3297.29.
// Pure, and in minor units, so it is tested without a display.

#include <cstdint>
#include <vector>

namespace steadypay::gui {

struct AmountAxis {
    std::int64_t lo = 0;             // the axis runs from lo...
    std::int64_t hi = 0;             // ...to hi, both multiples of step
    std::int64_t step = 1;           // 1, 2 or 5 times a power of ten, at least one major unit
    std::vector<std::int64_t> ticks; // lo, lo + step, ..., hi
};

// An axis covering [lo, hi] (minor units; `unit` minor units make one major unit, e.g. 100) with
// at most `max_ticks` ticks (taken as at least 3: a range across zero needs two intervals).
[[nodiscard]] AmountAxis amount_axis(std::int64_t lo, std::int64_t hi, std::int64_t unit, int max_ticks = 6);

} // namespace steadypay::gui

namespace steadypay::gui {

// The balance chart's vertical scale, which keeps the danger zone readable. The band where money
// runs short (from the lowest low, or zero, up to the cushion) and as much again twice over above
// it is the "focus". When the balances come into the focus and also go far above it (a paycheck
// month three times higher or more), the focus takes the lower `focus_share` of the height and
// the rest is squeezed into the top, each part with its own round ticks; otherwise the scale is
// one linear axis, as before.
struct BalanceScale {
    AmountAxis focus;                // the whole axis when not split
    bool split = false;
    std::vector<std::int64_t> above; // split: the ticks above focus.hi, up to `top`
    std::int64_t top = 0;            // the highest amount shown
    double focus_share = 1.0;
    // Where `v` sits: 0 at the bottom of the chart, 1 at its top.
    [[nodiscard]] double fraction(std::int64_t v) const;
    [[nodiscard]] std::vector<std::int64_t> ticks() const;
};

// `lo`: the lowest intraday low; `hi`: the highest close; all in minor units (`unit` per major).
[[nodiscard]] BalanceScale balance_scale(std::int64_t lo, std::int64_t hi, std::int64_t cushion, std::int64_t unit);

} // namespace steadypay::gui
