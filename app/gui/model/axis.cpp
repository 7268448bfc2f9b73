#include "app/gui/model/axis.hpp"

#include <algorithm>
#include <limits>

namespace steadypay::gui {

namespace {

// Largest multiple of `step` not above `v`, and smallest not below it.
std::int64_t floor_to(std::int64_t v, std::int64_t step) {
    const std::int64_t q = v / step;
    return (v % step != 0 && v < 0 ? q - 1 : q) * step;
}
std::int64_t ceil_to(std::int64_t v, std::int64_t step) {
    const std::int64_t q = v / step;
    return (v % step != 0 && v > 0 ? q + 1 : q) * step;
}

} // namespace

AmountAxis amount_axis(std::int64_t lo, std::int64_t hi, std::int64_t unit, int max_ticks) {
    // Keep far from the ends of int64 so the rounding below cannot overflow.
    constexpr std::int64_t limit = std::numeric_limits<std::int64_t>::max() / 4;
    lo = std::clamp(lo, -limit, limit);
    hi = std::clamp(hi, -limit, limit);
    if (hi < lo) {
        std::swap(lo, hi);
    }
    unit = std::max<std::int64_t>(unit, 1);
    max_ticks = std::max(max_ticks, 3); // a range across zero needs two intervals
    AmountAxis axis;
    // The smallest 1-2-5 step (in major units) that covers the range in max_ticks - 1 intervals.
    for (std::int64_t magnitude = unit;; magnitude *= 10) {
        for (const std::int64_t m : {1, 2, 5}) {
            const std::int64_t step = magnitude * m;
            const std::int64_t a = floor_to(lo, step);
            const std::int64_t b = std::max(ceil_to(hi, step), a + step);
            if ((b - a) / step <= max_ticks - 1 || step > limit / 10) {
                axis.lo = a;
                axis.hi = b;
                axis.step = step;
                for (std::int64_t v = a; v <= b; v += step) {
                    axis.ticks.push_back(v);
                }
                return axis;
            }
        }
    }
}

} // namespace steadypay::gui
