#include "core/holidays.hpp"

#include "core/text.hpp"

#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace steadypay::core {

namespace {

using date::days;

constexpr std::array k_region_names{
    std::pair{HolidayRegion::none, std::string_view{"none"}},
    std::pair{HolidayRegion::us, std::string_view{"US"}},
    std::pair{HolidayRegion::il, std::string_view{"IL"}},
    std::pair{HolidayRegion::eg, std::string_view{"EG"}},
};

// A date of another calendar, through ICU. The calendar's zone is GMT, set here, so nothing
// depends on the computer's zone or clock.
class OtherCalendar {
public:
    explicit OtherCalendar(const char* locale) {
        UErrorCode status = U_ZERO_ERROR;
        m_calendar.reset(icu::Calendar::createInstance(icu::TimeZone::getGMT()->clone(), icu::Locale(locale), status));
        if (U_FAILURE(status)) {
            m_calendar.reset();
        }
    }

    // Day `day` of month `month` (ICU's numbering, from 0) of `year`, if ICU has the calendar.
    [[nodiscard]] std::optional<Date> to_gregorian(int year, int month, int day) const {
        if (!m_calendar) {
            return std::nullopt;
        }
        UErrorCode status = U_ZERO_ERROR;
        m_calendar->clear();
        m_calendar->set(UCAL_EXTENDED_YEAR, year);
        m_calendar->set(UCAL_MONTH, month);
        m_calendar->set(UCAL_DATE, day);
        const UDate ms = m_calendar->getTime(status);
        if (U_FAILURE(status)) {
            return std::nullopt;
        }
        return Date{days{static_cast<int>(std::floor(ms / 86'400'000.0))}};
    }

private:
    std::unique_ptr<icu::Calendar> m_calendar;
};

// ICU's month numbers.
constexpr int k_tishri = 0;
constexpr int k_adar = 6; // Adar, or Adar II in a leap year: Purim's month either way
constexpr int k_nisan = 7;
constexpr int k_iyar = 8;
constexpr int k_sivan = 9;
constexpr int k_muharram = 0;
constexpr int k_rabi_al_awwal = 2;
constexpr int k_shawwal = 9;
constexpr int k_dhu_al_hijjah = 11;

Date ymd(int y, unsigned m, unsigned d) { return Date{date::year{y} / date::month{m} / date::day{d}}; }

Date nth_weekday(int y, unsigned m, date::weekday wd, unsigned n) {
    return Date{date::year{y} / date::month{m} / date::weekday_indexed{wd, n}};
}

Date last_weekday(int y, unsigned m, date::weekday wd) {
    return Date{date::year{y} / date::month{m} / date::weekday_last{wd}};
}

// Orthodox Easter Sunday (the Julian computus, Meeus), as a Gregorian date.
Date orthodox_easter(int y) {
    const int a = y % 4;
    const int b = y % 7;
    const int c = y % 19;
    const int d = (19 * c + 15) % 30;
    const int e = (2 * a + 4 * b - d + 34) % 7;
    const int month = (d + e + 114) / 31;
    const int day = (d + e + 114) % 31 + 1;
    // The Julian calendar runs behind the Gregorian by 13 days in 1900-2099, 14 in 2100-2199.
    const int behind = y / 100 - y / 400 - 2;
    return ymd(y, static_cast<unsigned>(month), static_cast<unsigned>(day)) + days{behind};
}

void us(int y, std::vector<RegionHoliday>& out) {
    const auto fixed = [&](unsigned m, unsigned d, HolidayKind kind) {
        const Date date = ymd(y, m, d);
        const auto wd = date::weekday{date};
        if (wd == date::Saturday) {
            return; // the Federal Reserve Banks open the Friday before
        }
        out.push_back({wd == date::Sunday ? date + days{1} : date, kind});
    };
    fixed(1, 1, HolidayKind::us_new_year);
    out.push_back({nth_weekday(y, 1, date::Monday, 3), HolidayKind::us_martin_luther_king_day});
    out.push_back({nth_weekday(y, 2, date::Monday, 3), HolidayKind::us_washington_birthday});
    out.push_back({last_weekday(y, 5, date::Monday), HolidayKind::us_memorial_day});
    if (y >= 2022) {
        fixed(6, 19, HolidayKind::us_juneteenth);
    }
    fixed(7, 4, HolidayKind::us_independence_day);
    out.push_back({nth_weekday(y, 9, date::Monday, 1), HolidayKind::us_labor_day});
    out.push_back({nth_weekday(y, 10, date::Monday, 2), HolidayKind::us_columbus_day});
    fixed(11, 11, HolidayKind::us_veterans_day);
    out.push_back({nth_weekday(y, 11, date::Thursday, 4), HolidayKind::us_thanksgiving});
    fixed(12, 25, HolidayKind::us_christmas);
}

void il(int y, std::vector<RegionHoliday>& out) {
    static const OtherCalendar hebrew("en@calendar=hebrew");
    const auto add = [&](int hy, int m, int d, HolidayKind kind) {
        if (auto date = hebrew.to_gregorian(hy, m, d)) {
            out.push_back({*date, kind});
        }
    };
    const int spring = y + 3760; // the Hebrew year that holds this year's Nisan
    add(spring, k_adar, 14, HolidayKind::il_purim);
    add(spring, k_nisan, 15, HolidayKind::il_pesach);
    add(spring, k_nisan, 21, HolidayKind::il_pesach_seventh_day);
    // Independence Day, 5 Iyar, moved so it never touches the Sabbath: from a Friday or a Saturday
    // to the Thursday before; from a Monday to the Tuesday (since 2004).
    if (auto d = hebrew.to_gregorian(spring, k_iyar, 5)) {
        const auto wd = date::weekday{*d};
        Date kept = *d;
        if (wd == date::Friday) {
            kept -= days{1};
        } else if (wd == date::Saturday) {
            kept -= days{2};
        } else if (wd == date::Monday && y >= 2004) {
            kept += days{1};
        }
        out.push_back({kept, HolidayKind::il_independence_day});
    }
    add(spring, k_sivan, 6, HolidayKind::il_shavuot);
    const int autumn = spring + 1;
    add(autumn, k_tishri, 1, HolidayKind::il_rosh_hashana);
    add(autumn, k_tishri, 2, HolidayKind::il_rosh_hashana_second_day);
    add(autumn, k_tishri, 10, HolidayKind::il_yom_kippur);
    add(autumn, k_tishri, 15, HolidayKind::il_sukkot);
    add(autumn, k_tishri, 22, HolidayKind::il_simchat_torah);
}

void eg(int y, std::vector<RegionHoliday>& out) {
    out.push_back({ymd(y, 1, 1), HolidayKind::eg_bank_new_year});
    out.push_back({ymd(y, 1, 7), HolidayKind::eg_coptic_christmas});
    out.push_back({ymd(y, 1, 25), HolidayKind::eg_january_25_revolution});
    out.push_back({orthodox_easter(y) + days{1}, HolidayKind::eg_sham_el_nessim});
    out.push_back({ymd(y, 4, 25), HolidayKind::eg_sinai_liberation});
    out.push_back({ymd(y, 5, 1), HolidayKind::eg_labour_day});
    out.push_back({ymd(y, 6, 30), HolidayKind::eg_june_30_revolution});
    out.push_back({ymd(y, 7, 1), HolidayKind::eg_bank_holiday_july_1});
    out.push_back({ymd(y, 7, 23), HolidayKind::eg_july_23_revolution});
    out.push_back({ymd(y, 10, 6), HolidayKind::eg_armed_forces_day});

    // An Islamic year is 11 days shorter than a Gregorian one, so a holiday can come twice in a
    // Gregorian year: look at both Islamic years that overlap it and keep what falls in it.
    static const OtherCalendar islamic("en@calendar=islamic-umalqura");
    const int first_hijri = static_cast<int>(std::floor((y - 622) * 33.0 / 32.0)) - 1;
    const Date from = ymd(y, 1, 1);
    const Date to = ymd(y, 12, 31);
    for (int hy = first_hijri; hy <= first_hijri + 3; ++hy) {
        const auto add = [&](int m, int d, HolidayKind kind) {
            if (auto date = islamic.to_gregorian(hy, m, d); date && *date >= from && *date <= to) {
                out.push_back({*date, kind, true});
            }
        };
        add(k_muharram, 1, HolidayKind::eg_islamic_new_year);
        add(k_rabi_al_awwal, 12, HolidayKind::eg_prophet_birthday);
        for (int d = 1; d <= 3; ++d) {
            add(k_shawwal, d, HolidayKind::eg_eid_al_fitr);
        }
        add(k_dhu_al_hijjah, 9, HolidayKind::eg_arafat_day);
        for (int d = 10; d <= 12; ++d) {
            add(k_dhu_al_hijjah, d, HolidayKind::eg_eid_al_adha);
        }
    }
}

} // namespace

Result<HolidayRegion> parse_holiday_region(std::string_view text) {
    for (const auto& [region, name] : k_region_names) {
        if (text == name) {
            return region;
        }
    }
    return bad_input("{0} is not a holiday region (US, IL, EG or none)", quote_input(text));
}

std::string_view to_string(HolidayRegion region) {
    for (const auto& [r, name] : k_region_names) {
        if (r == region) {
            return name;
        }
    }
    return "none";
}

std::string_view to_string(HolidayKind kind) {
    switch (kind) {
    case HolidayKind::us_new_year: return "us_new_year";
    case HolidayKind::us_martin_luther_king_day: return "us_martin_luther_king_day";
    case HolidayKind::us_washington_birthday: return "us_washington_birthday";
    case HolidayKind::us_memorial_day: return "us_memorial_day";
    case HolidayKind::us_juneteenth: return "us_juneteenth";
    case HolidayKind::us_independence_day: return "us_independence_day";
    case HolidayKind::us_labor_day: return "us_labor_day";
    case HolidayKind::us_columbus_day: return "us_columbus_day";
    case HolidayKind::us_veterans_day: return "us_veterans_day";
    case HolidayKind::us_thanksgiving: return "us_thanksgiving";
    case HolidayKind::us_christmas: return "us_christmas";
    case HolidayKind::il_purim: return "il_purim";
    case HolidayKind::il_pesach: return "il_pesach";
    case HolidayKind::il_pesach_seventh_day: return "il_pesach_seventh_day";
    case HolidayKind::il_independence_day: return "il_independence_day";
    case HolidayKind::il_shavuot: return "il_shavuot";
    case HolidayKind::il_rosh_hashana: return "il_rosh_hashana";
    case HolidayKind::il_rosh_hashana_second_day: return "il_rosh_hashana_second_day";
    case HolidayKind::il_yom_kippur: return "il_yom_kippur";
    case HolidayKind::il_sukkot: return "il_sukkot";
    case HolidayKind::il_simchat_torah: return "il_simchat_torah";
    case HolidayKind::eg_bank_new_year: return "eg_bank_new_year";
    case HolidayKind::eg_coptic_christmas: return "eg_coptic_christmas";
    case HolidayKind::eg_january_25_revolution: return "eg_january_25_revolution";
    case HolidayKind::eg_sham_el_nessim: return "eg_sham_el_nessim";
    case HolidayKind::eg_sinai_liberation: return "eg_sinai_liberation";
    case HolidayKind::eg_labour_day: return "eg_labour_day";
    case HolidayKind::eg_june_30_revolution: return "eg_june_30_revolution";
    case HolidayKind::eg_bank_holiday_july_1: return "eg_bank_holiday_july_1";
    case HolidayKind::eg_july_23_revolution: return "eg_july_23_revolution";
    case HolidayKind::eg_armed_forces_day: return "eg_armed_forces_day";
    case HolidayKind::eg_islamic_new_year: return "eg_islamic_new_year";
    case HolidayKind::eg_prophet_birthday: return "eg_prophet_birthday";
    case HolidayKind::eg_eid_al_fitr: return "eg_eid_al_fitr";
    case HolidayKind::eg_arafat_day: return "eg_arafat_day";
    case HolidayKind::eg_eid_al_adha: return "eg_eid_al_adha";
    }
    return "";
}

std::vector<RegionHoliday> region_holidays(HolidayRegion region, int year) {
    std::vector<RegionHoliday> out;
    if (year < k_first_holiday_year || year > k_last_holiday_year) {
        return out;
    }
    switch (region) {
    case HolidayRegion::none:
        break;
    case HolidayRegion::us:
        us(year, out);
        break;
    case HolidayRegion::il:
        il(year, out);
        break;
    case HolidayRegion::eg:
        eg(year, out);
        break;
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.date < b.date; });
    return out;
}

std::shared_ptr<const std::vector<Date>> region_holiday_dates(HolidayRegion region) {
    using Table = std::shared_ptr<const std::vector<Date>>;
    const auto all = [](HolidayRegion r) {
        auto dates = std::make_shared<std::vector<Date>>();
        for (int y = k_first_holiday_year; y <= k_last_holiday_year; ++y) {
            for (const auto& h : region_holidays(r, y)) {
                dates->push_back(h.date);
            }
        }
        std::sort(dates->begin(), dates->end());
        dates->erase(std::unique(dates->begin(), dates->end()), dates->end());
        return Table(std::move(dates));
    };
    // Each region's table is computed on its first use (a household without a region never pays
    // for one), once, safely from any thread.
    switch (region) {
    case HolidayRegion::none:
        break;
    case HolidayRegion::us: {
        static const Table us_table = all(HolidayRegion::us);
        return us_table;
    }
    case HolidayRegion::il: {
        static const Table il_table = all(HolidayRegion::il);
        return il_table;
    }
    case HolidayRegion::eg: {
        static const Table eg_table = all(HolidayRegion::eg);
        return eg_table;
    }
    }
    static const Table none_table = std::make_shared<const std::vector<Date>>();
    return none_table;
}

HolidayRegion guess_holiday_region(std::string_view timezone) {
    if (timezone == "Asia/Jerusalem" || timezone == "Asia/Tel_Aviv" || timezone == "Israel") {
        return HolidayRegion::il;
    }
    if (timezone == "Africa/Cairo" || timezone == "Egypt") {
        return HolidayRegion::eg;
    }
    using namespace std::string_view_literals;
    static constexpr std::array k_us_zones{
        "America/New_York"sv, "America/Chicago"sv, "America/Denver"sv, "America/Los_Angeles"sv,
        "America/Phoenix"sv, "America/Anchorage"sv, "America/Adak"sv, "America/Boise"sv, "America/Detroit"sv,
        "America/Juneau"sv, "America/Menominee"sv, "America/Metlakatla"sv, "America/Nome"sv, "America/Sitka"sv,
        "America/Yakutat"sv, "Pacific/Honolulu"sv, "America/Puerto_Rico"sv, "Pacific/Guam"sv,
        "US/Eastern"sv, "US/Central"sv, "US/Mountain"sv, "US/Pacific"sv, "US/Alaska"sv, "US/Hawaii"sv, "US/Arizona"sv};
    const auto starts = [&](std::string_view prefix) { return timezone.substr(0, prefix.size()) == prefix; };
    if (std::find(k_us_zones.begin(), k_us_zones.end(), timezone) != k_us_zones.end() ||
        starts("America/Indiana/") || starts("America/Kentucky/") || starts("America/North_Dakota/")) {
        return HolidayRegion::us;
    }
    return HolidayRegion::none;
}

std::vector<date::weekday> region_weekend(HolidayRegion region) {
    if (region == HolidayRegion::il || region == HolidayRegion::eg) {
        return {date::Friday, date::Saturday};
    }
    return {date::Saturday, date::Sunday};
}

} // namespace steadypay::core
