#include "core/business_calendar.hpp"

#include <catch2/catch.hpp>

using namespace steadypay::core;

namespace {

Date d(const char* iso) { return parse_iso_date(iso).value(); }

struct Row {
    const char* date;
    const char* none;
    const char* following;
    const char* preceding;
    const char* modified_following;
};

void check_rows(const BusinessCalendar& cal, std::initializer_list<Row> rows) {
    for (const auto& r : rows) {
        INFO(r.date);
        CHECK(to_iso(cal.adjust(d(r.date), BusinessDayRule::none)) == r.none);
        CHECK(to_iso(cal.adjust(d(r.date), BusinessDayRule::following)) == r.following);
        CHECK(to_iso(cal.adjust(d(r.date), BusinessDayRule::preceding)) == r.preceding);
        CHECK(to_iso(cal.adjust(d(r.date), BusinessDayRule::modified_following)) == r.modified_following);
    }
}

} // namespace

TEST_CASE("adjustment with a Saturday+Sunday weekend and US holidays", "[business-day]") {
    // Worked by hand from a 2026/2027 calendar. Holidays: Thanksgiving Thu 2026-11-26, Christmas
    // Fri 2026-12-25, New Year Fri 2027-01-01, and (made up) Thu 2026-04-30.
    const auto cal = BusinessCalendar::make({date::Saturday, date::Sunday},
                                            {d("2026-11-26"), d("2026-12-25"), d("2027-01-01"), d("2026-04-30")})
                         .value();
    check_rows(cal, {
                        // date          none          following     preceding     modified_following
                        {"2026-11-28", "2026-11-28", "2026-11-30", "2026-11-27", "2026-11-30"}, // Sat
                        {"2026-11-29", "2026-11-29", "2026-11-30", "2026-11-27", "2026-11-30"}, // Sun
                        {"2026-11-30", "2026-11-30", "2026-11-30", "2026-11-30", "2026-11-30"}, // Mon
                        {"2026-10-31", "2026-10-31", "2026-11-02", "2026-10-30", "2026-10-30"}, // Sat, month end
                        {"2026-11-01", "2026-11-01", "2026-11-02", "2026-10-30", "2026-11-02"}, // Sun, month start
                        {"2026-11-26", "2026-11-26", "2026-11-27", "2026-11-25", "2026-11-27"}, // Thanksgiving
                        {"2026-12-25", "2026-12-25", "2026-12-28", "2026-12-24", "2026-12-28"}, // Christmas, Fri
                        {"2026-12-26", "2026-12-26", "2026-12-28", "2026-12-24", "2026-12-28"}, // Sat after it
                        {"2027-01-01", "2027-01-01", "2027-01-04", "2026-12-31", "2027-01-04"}, // New Year, Fri
                        {"2027-01-30", "2027-01-30", "2027-02-01", "2027-01-29", "2027-01-29"}, // Sat, month end
                        {"2027-01-31", "2027-01-31", "2027-02-01", "2027-01-29", "2027-01-29"}, // Sun, month end
                        {"2026-04-30", "2026-04-30", "2026-05-01", "2026-04-29", "2026-04-29"}, // holiday, month end
                    });
}

TEST_CASE("adjustment with a Friday+Saturday weekend and Israeli holidays", "[business-day]") {
    // Holidays: Rosh Hashana Sat 2026-09-12, Yom Kippur Mon 2026-09-21.
    const auto cal =
        BusinessCalendar::make({date::Friday, date::Saturday}, {d("2026-09-12"), d("2026-09-21")}).value();
    check_rows(cal, {
                        {"2026-11-27", "2026-11-27", "2026-11-29", "2026-11-26", "2026-11-29"}, // Fri
                        {"2026-11-28", "2026-11-28", "2026-11-29", "2026-11-26", "2026-11-29"}, // Sat
                        {"2026-11-29", "2026-11-29", "2026-11-29", "2026-11-29", "2026-11-29"}, // Sun works
                        {"2027-04-30", "2027-04-30", "2027-05-02", "2027-04-29", "2027-04-29"}, // Fri, month end
                        {"2026-09-21", "2026-09-21", "2026-09-22", "2026-09-20", "2026-09-22"}, // Yom Kippur
                        {"2026-09-11", "2026-09-11", "2026-09-13", "2026-09-10", "2026-09-13"}, // Fri before RH
                        {"2026-10-10", "2026-10-10", "2026-10-11", "2026-10-08", "2026-10-11"}, // Sat the 10th
                    });
    CHECK(cal.is_business_day(d("2026-11-29")));
    CHECK_FALSE(cal.is_business_day(d("2026-11-27")));
}

TEST_CASE("the longest run of days off bounds every adjustment", "[business-day]") {
    CHECK(BusinessCalendar{}.max_shift() == 2);
    // A holiday on Monday joins the weekend: Sat, Sun, Mon.
    CHECK(BusinessCalendar::make({date::Saturday, date::Sunday}, {d("2026-09-07")}).value().max_shift() == 3);
    // A week of holidays between two weekends: Sat..Sun of the next week, 9 days.
    std::vector<Date> week;
    for (int i = 0; i < 5; ++i) {
        week.push_back(d("2026-12-21") + date::days{i});
    }
    const auto cal = BusinessCalendar::make({date::Saturday, date::Sunday}, week).value();
    CHECK(cal.max_shift() == 9);
    CHECK(to_iso(cal.adjust(d("2026-12-19"), BusinessDayRule::following)) == "2026-12-28");
    // A six-day weekend.
    CHECK(BusinessCalendar::make({date::Monday, date::Tuesday, date::Wednesday, date::Thursday, date::Friday,
                                  date::Saturday},
                                 {})
              .value()
              .max_shift() == 6);
}

TEST_CASE("a week with no business day is rejected", "[business-day]") {
    auto cal = BusinessCalendar::make({date::Monday, date::Tuesday, date::Wednesday, date::Thursday, date::Friday,
                                       date::Saturday, date::Sunday},
                                      {});
    REQUIRE_FALSE(cal.ok());
    CHECK_THAT(cal.error().message(), Catch::Contains("at least one must be a business day"));
}

TEST_CASE("business-day rules parse from their names only", "[business-day]") {
    CHECK(parse_business_day_rule("modified_following").value() == BusinessDayRule::modified_following);
    CHECK(to_string(BusinessDayRule::preceding) == "preceding");
    auto bad = parse_business_day_rule("Following");
    REQUIRE_FALSE(bad.ok());
    CHECK_THAT(bad.error().message(), Catch::Contains("none, preceding, following or modified_following"));
}
