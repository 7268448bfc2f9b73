#pragma once
// Schedules in plain words, for the editors: each preset is a recurrence rule a person does not
// have to write. A rule that matches a preset is shown as that preset when it is edited.
//
//   monthly_on_day(10)               FREQ=MONTHLY;BYMONTHDAY=10
//   monthly_on_day_or_last(30)       FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1
//                                    (the 30th, or the last day of a shorter month)
//   last_day_of_month                FREQ=MONTHLY;BYMONTHDAY=-1
//   every_other_week(FR)             FREQ=WEEKLY;INTERVAL=2;BYDAY=FR
//   twice_a_month(1, 15)             FREQ=MONTHLY;BYMONTHDAY=1,15
//   every_n_weeks(4, MO)             FREQ=WEEKLY;INTERVAL=4;BYDAY=MO
//   yearly(April 15)                 FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=15
//   once                             FREQ=DAILY;COUNT=1 (on the start date)
//   every_n_months(2, 20)            FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=20 (months counted from
//                                    the start date's)

#include "core/recurrence.hpp"

#include <optional>
#include <string>

namespace steadypay::core {

enum class PresetKind {
    monthly_on_day,
    monthly_on_day_or_last,
    last_day_of_month,
    every_other_week,
    twice_a_month,
    every_n_weeks,
    yearly,
    once,
    every_n_months,
};

struct SchedulePreset {
    PresetKind kind = PresetKind::monthly_on_day;
    int day = 1;                          // day of the month (monthly, yearly); 29..31 for _or_last
    int second_day = 15;                  // twice_a_month
    date::weekday weekday = date::Friday; // weekly presets
    int interval = 2;                     // every_n_weeks: 1..52; every_n_months: 1..24
    int month = 1;                        // yearly: 1..12
    friend bool operator==(const SchedulePreset&, const SchedulePreset&) = default;
};

// The rule of a preset; an error when its numbers are out of range (the day must exist in some
// month, the interval be 1..52, the two days of twice_a_month differ).
[[nodiscard]] Result<std::string> preset_rule(const SchedulePreset& preset);

// The preset a rule is, if it is one (used to open an existing schedule in the editor).
[[nodiscard]] std::optional<SchedulePreset> detect_preset(const RecurrenceRule& rule);

// The preset in words is the app's (app/common/words.hpp: schedule_text).

} // namespace steadypay::core
