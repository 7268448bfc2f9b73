// Bank holidays by region, 2025-2035, against lists written by tools that share no code with
// Steadypay (data/holidays/make_lists.py says which and how): libhdate for Israel,
// python-holidays with the Federal Reserve's rule for the United States, python-holidays,
// dateutil and convertdate for Egypt.
#include "core/holidays.hpp"
#include "core/household.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace steadypay::core;
using date::days;

namespace {

struct Listed {
    Date date;
    std::string kind;
    bool moon = false;
};

std::vector<Listed> read_list(const std::string& name) {
    std::ifstream in(std::string(STEADYPAY_TEST_DATA_DIR "/holidays/") + name);
    REQUIRE(in);
    std::vector<Listed> out;
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string day;
        std::string kind;
        fields >> day >> kind;
        Listed l{parse_iso_date(day).value(), kind};
        if (kind.starts_with('~')) {
            l.moon = true;
            l.kind = kind.substr(1);
        }
        out.push_back(l);
    }
    return out;
}

std::vector<Listed> computed(HolidayRegion region) {
    std::vector<Listed> out;
    for (int y = 2025; y <= 2035; ++y) {
        for (const auto& h : region_holidays(region, y)) {
            out.push_back({h.date, std::string(to_string(h.kind)), h.moon_sighting});
        }
    }
    return out;
}

Date d(const char* iso) { return parse_iso_date(iso).value(); }

void same_as_list(HolidayRegion region, const std::string& file) {
    const auto expected = read_list(file);
    const auto got = computed(region);
    REQUIRE(got.size() == expected.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        INFO(to_iso(expected[i].date) << " " << expected[i].kind << " computed as " << to_iso(got[i].date) << " "
                                      << got[i].kind);
        CHECK(got[i].date == expected[i].date);
        CHECK(got[i].kind == expected[i].kind);
    }
}

} // namespace

TEST_CASE("the Federal Reserve's holidays, 2025-2035, are the published rule's") {
    same_as_list(HolidayRegion::us, "us.txt");
    // By hand: July 4, 2026 is a Saturday: the Federal Reserve is open on Friday the 3rd.
    const auto y2026 = region_holidays(HolidayRegion::us, 2026);
    CHECK(std::none_of(y2026.begin(), y2026.end(), [](const auto& h) { return h.date == d("2026-07-03"); }));
    // Christmas 2033 is a Sunday: kept on Monday the 26th.
    const auto y2033 = region_holidays(HolidayRegion::us, 2033);
    CHECK(std::any_of(y2033.begin(), y2033.end(),
                      [](const auto& h) { return h.date == d("2033-12-26") && h.kind == HolidayKind::us_christmas; }));
}

TEST_CASE("the Bank of Israel's holidays, 2025-2035, are libhdate's") {
    same_as_list(HolidayRegion::il, "il.txt");
    // By hand: 5 Iyar 5785 is Saturday, May 3, 2025; Independence Day moves to Thursday, May 1.
    const auto y2025 = region_holidays(HolidayRegion::il, 2025);
    CHECK(std::any_of(y2025.begin(), y2025.end(), [](const auto& h) {
        return h.date == d("2025-05-01") && h.kind == HolidayKind::il_independence_day;
    }));
}

TEST_CASE("Egypt's civil holidays are the published list's, the Islamic ones within the moon's day or two") {
    const auto expected = read_list("eg.txt");
    const auto got = computed(HolidayRegion::eg);
    // Each list's holiday has one of the same kind in the other, on the same day, or (an Islamic
    // one, which the tabular calendar and the Umm al-Qura calendar may put a day or two apart)
    // within two days. Both ways round: a holiday near New Year may fall in 2035 in one list and
    // 2036 in the other, so the ends are left out.
    const auto matched = [](const std::vector<Listed>& from, const std::vector<Listed>& in) {
        for (const auto& e : from) {
            if (e.date < d("2025-01-03") || e.date > d("2035-12-29")) {
                continue;
            }
            INFO(to_iso(e.date) << " " << e.kind);
            const auto near = std::find_if(in.begin(), in.end(), [&](const Listed& g) {
                return g.kind == e.kind && g.moon == e.moon && std::abs(days_between(g.date, e.date)) <= (e.moon ? 2 : 0);
            });
            CHECK(near != in.end());
        }
    };
    matched(expected, got);
    matched(got, expected);
    CHECK(std::count_if(got.begin(), got.end(), [](const Listed& l) { return !l.moon; }) ==
          std::count_if(expected.begin(), expected.end(), [](const Listed& l) { return !l.moon; }));
}

TEST_CASE("Egypt's Islamic holidays fall on the days announced in 2025 and 2026") {
    // Announced by Egypt's Dar al-Ifta (and Saudi Arabia's Umm al-Qura calendar agrees).
    const auto has = [](const char* iso, HolidayKind kind) {
        const Date date = d(iso);
        const auto list = region_holidays(HolidayRegion::eg, static_cast<int>(date::year_month_day{date}.year()));
        return std::any_of(list.begin(), list.end(), [&](const auto& h) { return h.date == date && h.kind == kind; });
    };
    CHECK(has("2025-03-30", HolidayKind::eg_eid_al_fitr));
    CHECK(has("2025-06-05", HolidayKind::eg_arafat_day));
    CHECK(has("2025-06-06", HolidayKind::eg_eid_al_adha));
    CHECK(has("2025-06-26", HolidayKind::eg_islamic_new_year));
    CHECK(has("2026-03-20", HolidayKind::eg_eid_al_fitr));
    CHECK(has("2026-05-27", HolidayKind::eg_eid_al_adha));
}

TEST_CASE("a household keeps its region's holidays, less the days it removed, plus its own") {
    Household h;
    h.weekend = region_weekend(HolidayRegion::us);
    CHECK(h.calendar().is_business_day(d("2026-11-26")));
    h.holiday_region = HolidayRegion::us;
    const auto cal = h.calendar();
    CHECK_FALSE(cal.is_business_day(d("2026-11-26"))); // Thanksgiving
    CHECK(cal.adjust(d("2026-12-25"), BusinessDayRule::following) == d("2026-12-28"));
    CHECK(cal.adjust(d("2027-01-01"), BusinessDayRule::preceding) == d("2026-12-31"));
    h.holidays_removed = {d("2026-11-26")};
    h.holidays = {d("2026-11-27")};
    const auto own = h.calendar();
    CHECK(own.is_business_day(d("2026-11-26")));
    CHECK_FALSE(own.is_business_day(d("2026-11-27")));
    // Thanksgiving Friday to Sunday: three days in a row closed.
    CHECK(own.max_shift() >= 3);
}

TEST_CASE("a region's day the person removed makes no run of closed days") {
    // Memorial Day 2026 is Monday, May 25: kept, Saturday to Monday are closed; removed, only the
    // weekend is.
    const auto region = std::make_shared<const std::vector<Date>>(std::vector<Date>{d("2026-05-25")});
    const std::vector<date::weekday> weekend{date::Saturday, date::Sunday};
    CHECK(BusinessCalendar::make(weekend, {}, region).value().max_shift() == 3);
    const auto removed = BusinessCalendar::make(weekend, {}, region, {d("2026-05-25")}).value();
    CHECK(removed.is_business_day(d("2026-05-25")));
    CHECK(removed.max_shift() == 2);
}

TEST_CASE("a region is named, and guessed from the time zone") {
    CHECK(parse_holiday_region("IL").value() == HolidayRegion::il);
    CHECK(parse_holiday_region("none").value() == HolidayRegion::none);
    CHECK_FALSE(parse_holiday_region("Israel"));
    CHECK(guess_holiday_region("Asia/Jerusalem") == HolidayRegion::il);
    CHECK(guess_holiday_region("Africa/Cairo") == HolidayRegion::eg);
    CHECK(guess_holiday_region("America/Indiana/Indianapolis") == HolidayRegion::us);
    CHECK(guess_holiday_region("Europe/Paris") == HolidayRegion::none);
    CHECK(region_weekend(HolidayRegion::il) == std::vector<date::weekday>{date::Friday, date::Saturday});
    CHECK(region_holidays(HolidayRegion::us, 2200).empty());
}
