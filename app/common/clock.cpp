#include "app/common/clock.hpp"

#include <date/tz.h>

#include <chrono>
#include <cstdlib>

namespace steadypay::app {

core::Date date_in_zone(std::chrono::sys_seconds now, std::string_view tz) {
    try {
        const auto zoned = date::make_zoned(std::string(tz), now);
        return core::Date{date::floor<date::days>(zoned.get_local_time()).time_since_epoch()};
    } catch (const std::exception&) {
        return date::floor<date::days>(now);
    }
}

std::optional<std::chrono::sys_seconds> parse_utc_instant(std::string_view text) {
    if (text.size() != 20 || text[10] != 'T' || text[19] != 'Z') {
        return std::nullopt;
    }
    auto day = core::parse_iso_date(text.substr(0, 10));
    const auto two = [&](std::size_t at, int max) -> std::optional<int> {
        const char a = text[at];
        const char b = text[at + 1];
        if (a < '0' || a > '9' || b < '0' || b > '9') {
            return std::nullopt;
        }
        const int v = (a - '0') * 10 + (b - '0');
        return v <= max ? std::optional<int>(v) : std::nullopt;
    };
    const auto h = two(11, 23);
    const auto m = two(14, 59);
    const auto sec = two(17, 59);
    if (!day || !h || !m || !sec || text[13] != ':' || text[16] != ':') {
        return std::nullopt;
    }
    return std::chrono::sys_seconds{day.value()} + std::chrono::hours{*h} + std::chrono::minutes{*m} +
           std::chrono::seconds{*sec};
}

namespace {

std::optional<std::chrono::sys_seconds> fixed_instant() {
    const char* now = std::getenv("STEADYPAY_NOW");
    return now && *now ? parse_utc_instant(now) : std::nullopt;
}

std::string format_utc(std::chrono::sys_seconds t) { return date::format("%FT%TZ", t); }

} // namespace

core::Date SystemClock::today(std::string_view tz) const {
    if (const char* fixed = std::getenv("STEADYPAY_TODAY"); fixed && *fixed) {
        if (auto d = core::parse_iso_date(fixed)) {
            return d.value();
        }
    }
    return date_in_zone(fixed_instant().value_or(date::floor<std::chrono::seconds>(std::chrono::system_clock::now())),
                        tz);
}

std::string SystemClock::now_utc() const {
    if (const char* fixed = std::getenv("STEADYPAY_TODAY"); fixed && *fixed) {
        if (auto d = core::parse_iso_date(fixed)) {
            return core::to_iso(d.value()) + "T12:00:00Z";
        }
    }
    return format_utc(fixed_instant().value_or(date::floor<std::chrono::seconds>(std::chrono::system_clock::now())));
}

std::string InstantClock::now_utc() const { return format_utc(m_now); }

namespace {
const SystemClock k_system_clock;
const Clock* g_clock = &k_system_clock;
} // namespace

const Clock& clock() { return *g_clock; }
void set_clock(const Clock* replacement) { g_clock = replacement ? replacement : &k_system_clock; }

} // namespace steadypay::app
