#include "core/schedule_presets.hpp"

#include "core/schedule.hpp"

#include <catch2/catch.hpp>

using namespace steadypay::core;

namespace {
Date d(const char* iso) { return parse_iso_date(iso).value(); }

std::vector<std::string> first(const std::string& rule, const char* start, std::size_t n) {
    auto s = Schedule::make(rule, d(start));
    REQUIRE(s.ok());
    std::vector<std::string> out;
    for (const auto& x : first_due_dates(s.value(), BusinessDayRule::none, BusinessCalendar{}, n)) {
        out.push_back(to_iso(x.due));
    }
    return out;
}
} // namespace

TEST_CASE("each preset is the rule it says, with the dates a person expects", "[presets]") {
    struct Row {
        SchedulePreset preset;
        const char* rule;
        const char* start;
        std::vector<std::string> dates;
    };
    SchedulePreset biweekly{PresetKind::every_other_week};
    biweekly.weekday = date::Friday;
    SchedulePreset twice{PresetKind::twice_a_month, 15};
    twice.second_day = 1;
    SchedulePreset four_weeks{PresetKind::every_n_weeks};
    four_weeks.interval = 4;
    four_weeks.weekday = date::Monday;
    SchedulePreset yearly{PresetKind::yearly, 15};
    yearly.month = 4;
    SchedulePreset bimonthly{PresetKind::every_n_months, 20};
    bimonthly.interval = 2;
    SchedulePreset quarterly{PresetKind::every_n_months, 31};
    quarterly.interval = 3;
    const std::vector<Row> rows = {
        {{PresetKind::monthly_on_day, 10}, "FREQ=MONTHLY;BYMONTHDAY=10",  "2026-11-01",
         {"2026-11-10", "2026-12-10", "2027-01-10"}},
        {{PresetKind::monthly_on_day_or_last, 30}, "FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1",
          "2027-01-01",
         {"2027-01-30", "2027-02-28", "2027-03-30"}},
        {{PresetKind::monthly_on_day_or_last, 31}, "FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1",
          "2028-01-01",
         {"2028-01-31", "2028-02-29", "2028-03-31", "2028-04-30"}},
        {{PresetKind::last_day_of_month}, "FREQ=MONTHLY;BYMONTHDAY=-1",  "2026-11-01",
         {"2026-11-30", "2026-12-31", "2027-01-31"}},
        {biweekly, "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR",  "2026-11-13",
         {"2026-11-13", "2026-11-27", "2026-12-11"}},
        {twice, "FREQ=MONTHLY;BYMONTHDAY=1,15",  "2026-11-01",
         {"2026-11-01", "2026-11-15", "2026-12-01"}},
        {four_weeks, "FREQ=WEEKLY;INTERVAL=4;BYDAY=MO",  "2026-11-02",
         {"2026-11-02", "2026-11-30", "2026-12-28"}},
        {yearly, "FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=15",  "2026-01-01",
         {"2026-04-15", "2027-04-15"}},
        {{PresetKind::once}, "FREQ=DAILY;COUNT=1",  "2026-12-24", {"2026-12-24"}},
        // Israel's bimonthly bills; and every third month on the 31st, which April, June and
        // September lack (RFC 5545 skips the day: worked from the calendar).
        {bimonthly, "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=20",
          "2026-01-01",
         {"2026-01-20", "2026-03-20", "2026-05-20", "2026-07-20"}},
        {quarterly, "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=31",
         
         "2026-01-01", {"2026-01-31", "2026-07-31", "2026-10-31", "2027-01-31"}},
    };
    for (const auto& r : rows) {
        INFO(r.rule);
        auto rule = preset_rule(r.preset);
        REQUIRE(rule.ok());
        CHECK(rule.value() == r.rule);
        CHECK(first(rule.value(), r.start, r.dates.size()) == r.dates);
        // And the rule, opened again in the editor, is shown as the same preset.
        auto detected = detect_preset(parse_rrule(r.rule).value());
        REQUIRE(detected.has_value());
        CHECK(preset_rule(*detected).value() == r.rule);
    }
}

TEST_CASE("preset numbers out of range are errors", "[presets]") {
    CHECK_FALSE(preset_rule({PresetKind::monthly_on_day, 32}).ok());
    CHECK_FALSE(preset_rule({PresetKind::monthly_on_day_or_last, 28}).ok());
    SchedulePreset twice{PresetKind::twice_a_month, 5};
    twice.second_day = 5;
    CHECK_THAT(preset_rule(twice).error().message(), Catch::Contains("must differ"));
    SchedulePreset weeks{PresetKind::every_n_weeks};
    weeks.interval = 0;
    CHECK_FALSE(preset_rule(weeks).ok());
    SchedulePreset months{PresetKind::every_n_months, 10};
    months.interval = 25;
    CHECK_THAT(preset_rule(months).error().message(), Catch::Contains("from 1 to 24"));
    SchedulePreset feb{PresetKind::yearly, 30};
    feb.month = 2;
    CHECK_FALSE(preset_rule(feb).ok());
}

TEST_CASE("a rule that is no preset is left as a rule", "[presets]") {
    for (const char* rule : {"FREQ=MONTHLY;BYDAY=2FR", "FREQ=DAILY", "FREQ=MONTHLY;BYMONTHDAY=1;COUNT=12",
                             "FREQ=WEEKLY;BYDAY=MO,FR"}) {
        INFO(rule);
        CHECK_FALSE(detect_preset(parse_rrule(rule).value()).has_value());
    }
}
