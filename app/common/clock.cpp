#include "app/common/clock.hpp"

#include <date/tz.h>

#include <chrono>
#include <cstdlib>

namespace steadypay::app {

core::Date SystemClock::today(std::string_view tz) const {
    if (const char* fixed = std::getenv("STEADYPAY_TODAY"); fixed && *fixed) {
        if (auto d = core::parse_iso_date(fixed)) {
            return d.value();
        }
    }
    const auto now = std::chrono::system_clock::now();
    try {
        const auto zoned = date::make_zoned(std::string(tz), now);
        return core::Date{date::floor<date::days>(zoned.get_local_time()).time_since_epoch()};
    } catch (const std::exception&) {
        return date::floor<date::days>(now);
    }
}

std::string SystemClock::now_utc() const {
    const auto now = date::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    if (const char* fixed = std::getenv("STEADYPAY_TODAY"); fixed && *fixed) {
        if (auto d = core::parse_iso_date(fixed)) {
            return core::to_iso(d.value()) + "T12:00:00Z";
        }
    }
    return date::format("%FT%TZ", now);
}

namespace {
const SystemClock k_system_clock;
const Clock* g_clock = &k_system_clock;
} // namespace

const Clock& clock() { return *g_clock; }
void set_clock(const Clock* replacement) { g_clock = replacement ? replacement : &k_system_clock; }

} // namespace steadypay::app
