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
