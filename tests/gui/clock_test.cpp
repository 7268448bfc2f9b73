// "Today" is the date in the household's time zone at the moment the program runs. The expected
// dates are worked out by hand from each zone's rules (Israel: summer time from 02:00 on the Friday
// before the last Sunday of March to 02:00 on the last Sunday of October; Chicago: from 02:00 on
// the second Sunday of March to 02:00 on the first Sunday of November), and agree with Python's
// zoneinfo.

#include "app/common/clock.hpp"

#include <catch2/catch.hpp>

using namespace steadypay;

TEST_CASE("today in the household's time zone, on both sides of a daylight-saving change", "[clock]") {
    struct Case {
        const char* utc;
        const char* zone;
        const char* today;
    };
    const Case cases[] = {
        // 23:30 UTC: Jerusalem is already on the next day (UTC+2 or +3), Chicago still on this one.
        {"2026-03-26T23:30:00Z", "Asia/Jerusalem", "2026-03-27"}, // 01:30 IST
        {"2026-03-27T23:30:00Z", "Asia/Jerusalem", "2026-03-28"}, // 02:30 IDT: summer time began that day
        {"2026-03-07T23:30:00Z", "America/Chicago", "2026-03-07"}, // 17:30 CST
        {"2026-03-08T23:30:00Z", "America/Chicago", "2026-03-08"}, // 18:30 CDT: summer time began that day
        {"2026-10-31T23:30:00Z", "America/Chicago", "2026-10-31"}, // 18:30 CDT
        {"2026-11-01T23:30:00Z", "America/Chicago", "2026-11-01"}, // 17:30 CST: it ended that day
        // Where the change moves the date itself.
        {"2026-03-26T21:30:00Z", "Asia/Jerusalem", "2026-03-26"}, // 23:30 IST
        {"2026-03-27T21:30:00Z", "Asia/Jerusalem", "2026-03-28"}, // 00:30 IDT
        {"2026-10-24T21:30:00Z", "Asia/Jerusalem", "2026-10-25"}, // 00:30 IDT
        {"2026-10-25T21:30:00Z", "Asia/Jerusalem", "2026-10-25"}, // 23:30 IST
        {"2026-03-08T05:30:00Z", "America/Chicago", "2026-03-07"}, // 23:30 CST (the change is at 08:00 UTC)
        {"2026-03-09T05:30:00Z", "America/Chicago", "2026-03-09"}, // 00:30 CDT
        {"2026-11-01T05:30:00Z", "America/Chicago", "2026-11-01"}, // 00:30 CDT
        {"2026-11-02T05:30:00Z", "America/Chicago", "2026-11-01"}, // 23:30 CST
        // The far ends.
        {"2026-12-31T23:30:00Z", "Pacific/Kiritimati", "2027-01-01"}, // UTC+14
        {"2026-12-31T23:30:00Z", "UTC", "2026-12-31"},
    };
    for (const auto& c : cases) {
        INFO(c.utc << " in " << c.zone);
        const auto now = app::parse_utc_instant(c.utc);
        REQUIRE(now);
        CHECK(core::to_iso(app::date_in_zone(*now, c.zone)) == c.today);
        const app::InstantClock clock(*now);
        CHECK(core::to_iso(clock.today(c.zone)) == c.today);
        CHECK(clock.now_utc() == c.utc);
    }
}

TEST_CASE("instants are read strictly", "[clock]") {
    CHECK(app::parse_utc_instant("2026-11-22T10:15:00Z"));
    for (const char* bad : {"", "2026-11-22", "2026-11-22T10:15:00", "2026-11-22T24:00:00Z", "2026-11-22T10:60:00Z",
                            "2026-02-30T10:15:00Z", "2026-11-22 10:15:00Z", "2026-11-22T10:15:00+02:00"}) {
        INFO(bad);
        CHECK_FALSE(app::parse_utc_instant(bad));
    }
}
