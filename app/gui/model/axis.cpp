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

namespace steadypay::gui {

BalanceScale balance_scale(std::int64_t lo, std::int64_t hi, std::int64_t cushion, std::int64_t unit) {
    const std::int64_t bottom = std::min<std::int64_t>({lo, 0, cushion});
    const std::int64_t highest = std::max<std::int64_t>({hi, 0, cushion});
    const std::int64_t band = std::max<std::int64_t>(cushion, 0) - std::min<std::int64_t>(lo, 0);
    const std::int64_t focus_top = std::max<std::int64_t>(cushion, 0) + 2 * band;
    BalanceScale s;
    if (band <= 0 || lo > focus_top || highest <= 3 * focus_top) {
        s.focus = amount_axis(bottom, highest, unit, 8);
        s.top = s.focus.hi;
        return s;
    }
    s.split = true;
    s.focus_share = 0.65;
    s.focus = amount_axis(bottom, focus_top, unit, 6);
    const auto rest = amount_axis(s.focus.hi, highest, unit, 4);
    for (const auto v : rest.ticks) {
        if (v > s.focus.hi) {
            s.above.push_back(v);
        }
    }
    s.top = rest.hi;
    return s;
}

double BalanceScale::fraction(std::int64_t v) const {
    const auto part = [](std::int64_t x, std::int64_t a, std::int64_t b) {
        return static_cast<double>(x - a) / static_cast<double>(std::max<std::int64_t>(b - a, 1));
    };
    if (!split || v <= focus.hi) {
        return focus_share * part(v, focus.lo, focus.hi);
    }
    return focus_share + (1.0 - focus_share) * part(v, focus.hi, top);
}

std::vector<std::int64_t> BalanceScale::ticks() const {
    auto all = focus.ticks;
    all.insert(all.end(), above.begin(), above.end());
    return all;
}

} // namespace steadypay::gui
