#pragma once
// The one place the program reads the time. "Today" is the calendar date in the household's
// time zone. STEADYPAY_TODAY=YYYY-MM-DD fixes the date, and STEADYPAY_NOW=YYYY-MM-DDTHH:MM:SSZ the
// instant (from which each zone's date follows), for scripted runs and tests.

#include "core/dates.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace steadypay::app {

class Clock {
public:
    virtual ~Clock() = default;
    // Today's date in the IANA time zone `tz` (UTC if the zone is unknown).
    [[nodiscard]] virtual core::Date today(std::string_view tz) const = 0;
    // Now, in UTC, as "2026-11-22T10:15:00Z" (for the audit log).
    [[nodiscard]] virtual std::string now_utc() const = 0;
};

// The calendar date in the IANA time zone `tz` at the instant `now`, daylight saving included
// (UTC when the zone is unknown; stores and household files only hold known zones):
//   2026-03-27T23:30:00Z in Asia/Jerusalem  -> 2026-03-28 (02:30, UTC+3 since that morning)
//   2026-03-08T05:30:00Z in America/Chicago -> 2026-03-07 (23:30, still UTC-6)
[[nodiscard]] core::Date date_in_zone(std::chrono::sys_seconds now, std::string_view tz);

// "2026-11-22T10:15:00Z" -> that instant; nothing when the text is not one.
[[nodiscard]] std::optional<std::chrono::sys_seconds> parse_utc_instant(std::string_view text);

class SystemClock final : public Clock {
public:
    [[nodiscard]] core::Date today(std::string_view tz) const override;
    [[nodiscard]] std::string now_utc() const override;
};

// A clock stopped at one instant: "today" still depends on the zone.
class InstantClock final : public Clock {
public:
    explicit InstantClock(std::chrono::sys_seconds now) : m_now(now) {}
    [[nodiscard]] core::Date today(std::string_view tz) const override { return date_in_zone(m_now, tz); }
    [[nodiscard]] std::string now_utc() const override;

private:
    std::chrono::sys_seconds m_now;
};

class FixedClock final : public Clock {
public:
    explicit FixedClock(core::Date d) : m_date(d) {}
    [[nodiscard]] core::Date today(std::string_view) const override { return m_date; }
    [[nodiscard]] std::string now_utc() const override { return core::to_iso(m_date) + "T12:00:00Z"; }

private:
    core::Date m_date;
};

// The process-wide clock: a SystemClock unless a test installed another.
[[nodiscard]] const Clock& clock();
void set_clock(const Clock* replacement);

} // namespace steadypay::app
