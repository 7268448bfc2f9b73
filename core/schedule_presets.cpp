#include "core/schedule_presets.hpp"

#include <array>

namespace steadypay::core {

namespace {
std::string wd(date::weekday w) {
    return std::string(weekday_code(w));
}
} // namespace

Result<std::string> preset_rule(const SchedulePreset& p) {
    const auto check_day = [](int d, int hi) -> Status {
        if (d < 1 || d > hi) {
            return bad_input("the day must be from 1 to {0}", hi);
        }
        return {};
    };
    switch (p.kind) {
    case PresetKind::monthly_on_day:
        if (auto s = check_day(p.day, 31); !s) {
            return std::move(s).error();
        }
        return "FREQ=MONTHLY;BYMONTHDAY=" + std::to_string(p.day);
    case PresetKind::monthly_on_day_or_last: {
        if (p.day < 29 || p.day > 31) {
            return bad_input("\"or the last day of a shorter month\" is for the 29th, 30th or 31st");
        }
        std::string days;
        for (int d = 28; d <= p.day; ++d) {
            days += (d == 28 ? "" : ",") + std::to_string(d);
        }
        return "FREQ=MONTHLY;BYMONTHDAY=" + days + ";BYSETPOS=-1";
    }
    case PresetKind::last_day_of_month:
        return std::string("FREQ=MONTHLY;BYMONTHDAY=-1");
    case PresetKind::every_other_week:
        return "FREQ=WEEKLY;INTERVAL=2;BYDAY=" + wd(p.weekday);
    case PresetKind::twice_a_month: {
        if (auto s = check_day(p.day, 31); !s) {
            return std::move(s).error();
        }
        if (auto s = check_day(p.second_day, 31); !s) {
            return std::move(s).error();
        }
        if (p.day == p.second_day) {
            return bad_input("the two days must differ");
        }
        const int a = std::min(p.day, p.second_day);
        const int b = std::max(p.day, p.second_day);
        return "FREQ=MONTHLY;BYMONTHDAY=" + std::to_string(a) + "," + std::to_string(b);
    }
    case PresetKind::every_n_weeks:
        if (p.interval < 1 || p.interval > 52) {
            return bad_input("the number of weeks must be from 1 to 52");
        }
        return p.interval == 1 ? "FREQ=WEEKLY;BYDAY=" + wd(p.weekday)
                               : "FREQ=WEEKLY;INTERVAL=" + std::to_string(p.interval) + ";BYDAY=" + wd(p.weekday);
    case PresetKind::yearly: {
        if (p.month < 1 || p.month > 12) {
            return bad_input("the month must be from 1 to 12");
        }
        static constexpr std::array<int, 13> k_max{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        if (auto s = check_day(p.day, k_max[static_cast<std::size_t>(p.month)]); !s) {
            return std::move(s).error();
        }
        return "FREQ=YEARLY;BYMONTH=" + std::to_string(p.month) + ";BYMONTHDAY=" + std::to_string(p.day);
    }
    case PresetKind::once:
        return std::string("FREQ=DAILY;COUNT=1");
    case PresetKind::every_n_months:
        if (p.interval < 1 || p.interval > 24) {
            return bad_input("the number of months must be from 1 to 24");
        }
        if (auto s = check_day(p.day, 31); !s) {
            return std::move(s).error();
        }
        return p.interval == 1 ? "FREQ=MONTHLY;BYMONTHDAY=" + std::to_string(p.day)
                               : "FREQ=MONTHLY;INTERVAL=" + std::to_string(p.interval) +
                                     ";BYMONTHDAY=" + std::to_string(p.day);
    }
    return bad_input("unknown preset");
}

std::optional<SchedulePreset> detect_preset(const RecurrenceRule& r) {
    // Each candidate preset is turned back into a rule and compared: one place knows the rules.
    std::vector<SchedulePreset> candidates;
    const auto plain_weekday = r.by_day.size() == 1 && r.by_day[0].ordinal == 0;
    if (r.freq == Frequency::monthly && r.by_month_day.size() == 1 && r.by_month_day[0] > 0) {
        candidates.push_back({PresetKind::monthly_on_day, r.by_month_day[0]});
        SchedulePreset every_n{PresetKind::every_n_months, r.by_month_day[0]};
        every_n.interval = r.interval;
        candidates.push_back(every_n);
    }
    if (r.freq == Frequency::monthly && !r.by_month_day.empty()) {
        candidates.push_back({PresetKind::monthly_on_day_or_last, r.by_month_day.back()});
        candidates.push_back({PresetKind::last_day_of_month});
    }
    if (r.freq == Frequency::monthly && r.by_month_day.size() == 2) {
        SchedulePreset p{PresetKind::twice_a_month, r.by_month_day[0]};
        p.second_day = r.by_month_day[1];
        candidates.push_back(p);
    }
    if (r.freq == Frequency::weekly && plain_weekday) {
        SchedulePreset every_other{PresetKind::every_other_week};
        every_other.weekday = r.by_day[0].weekday;
        candidates.push_back(every_other);
        SchedulePreset every_n{PresetKind::every_n_weeks};
        every_n.weekday = r.by_day[0].weekday;
        every_n.interval = r.interval;
        candidates.push_back(every_n);
    }
    if (r.freq == Frequency::yearly && r.by_month.size() == 1 && r.by_month_day.size() == 1) {
        SchedulePreset p{PresetKind::yearly, r.by_month_day[0]};
        p.month = r.by_month[0];
        candidates.push_back(p);
    }
    if (r.freq == Frequency::daily && r.count == 1) {
        candidates.push_back({PresetKind::once});
    }
    for (const auto& c : candidates) {
        auto text = preset_rule(c);
        if (!text) {
            continue;
        }
        auto parsed = parse_rrule(text.value());
        if (parsed && parsed.value() == r) {
            return c;
        }
    }
    return std::nullopt;
}

} // namespace steadypay::core
