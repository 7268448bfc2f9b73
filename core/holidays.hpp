#pragma once
// The days banks keep closed, by region, computed by rule for any year 1950-2150.
//
//   us  Federal Reserve: the federal holidays; one on a Sunday is kept the Monday after, one on a
//       Saturday is not moved (the Federal Reserve Banks are open the Friday before). Juneteenth
//       from 2022.
//   il  Bank of Israel: Purim, Pesach (first and seventh days), Independence Day (moved as the law
//       moves it: to Thursday from a Friday or Saturday, to Tuesday from a Monday), Shavuot, Rosh
//       Hashana (two days), Yom Kippur, Sukkot and Simchat Torah, from the Hebrew calendar.
//   eg  Central Bank of Egypt: the civil holidays, Sham El-Nessim (the Monday after Orthodox
//       Easter), and Islamic New Year, the Prophet's Birthday, Eid al-Fitr (three days), Arafat
//       Day and Eid al-Adha (three days), from the Umm al-Qura calendar. Those follow the sighting
//       of the moon and may come a day off; the government also moves some holidays by decree.
//       The person adds or removes single days for that.
//
// Facts only: a date and which holiday it is. The app names them.

#include "core/dates.hpp"
#include "core/result.hpp"

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace steadypay::core {

enum class HolidayRegion { none, us, il, eg };

enum class HolidayKind {
    us_new_year,
    us_martin_luther_king_day,
    us_washington_birthday,
    us_memorial_day,
    us_juneteenth,
    us_independence_day,
    us_labor_day,
    us_columbus_day,
    us_veterans_day,
    us_thanksgiving,
    us_christmas,
    il_purim,
    il_pesach,
    il_pesach_seventh_day,
    il_independence_day,
    il_shavuot,
    il_rosh_hashana,
    il_rosh_hashana_second_day,
    il_yom_kippur,
    il_sukkot,
    il_simchat_torah,
    eg_bank_new_year,
    eg_coptic_christmas,
    eg_january_25_revolution,
    eg_sham_el_nessim,
    eg_sinai_liberation,
    eg_labour_day,
    eg_june_30_revolution,
    eg_bank_holiday_july_1,
    eg_july_23_revolution,
    eg_armed_forces_day,
    eg_islamic_new_year,
    eg_prophet_birthday,
    eg_eid_al_fitr,
    eg_arafat_day,
    eg_eid_al_adha,
};

struct RegionHoliday {
    Date date;
    HolidayKind kind;
    // Whether the date follows the sighting of the moon, so may come a day off.
    bool moon_sighting = false;
    friend bool operator==(const RegionHoliday&, const RegionHoliday&) = default;
};

inline constexpr int k_first_holiday_year = 1950;
inline constexpr int k_last_holiday_year = 2150;

// "US", "IL", "EG" or "none".
[[nodiscard]] Result<HolidayRegion> parse_holiday_region(std::string_view text);
[[nodiscard]] std::string_view to_string(HolidayRegion region);
[[nodiscard]] std::string_view to_string(HolidayKind kind);

// The region's bank holidays in `year`, by date (none outside 1950-2150).
[[nodiscard]] std::vector<RegionHoliday> region_holidays(HolidayRegion region, int year);
// Every one of the region's holiday dates, 1950-2150, sorted; computed once and shared.
[[nodiscard]] std::shared_ptr<const std::vector<Date>> region_holiday_dates(HolidayRegion region);

// The region a new store in this IANA time zone most likely keeps (none when no rule fits).
[[nodiscard]] HolidayRegion guess_holiday_region(std::string_view timezone);
// The weekend the region's banks keep: Saturday and Sunday, or Friday and Saturday.
[[nodiscard]] std::vector<date::weekday> region_weekend(HolidayRegion region);

} // namespace steadypay::core
