#pragma once
// The one place the program reads the time. "Today" is the calendar date in the household's
// time zone. STEADYPAY_TODAY=YYYY-MM-DD fixes it, for scripted runs and tests.

#include "core/dates.hpp"

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

class SystemClock final : public Clock {
public:
    [[nodiscard]] core::Date today(std::string_view tz) const override;
    [[nodiscard]] std::string now_utc() const override;
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
