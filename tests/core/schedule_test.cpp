#include "core/schedule.hpp"

#include <catch2/catch.hpp>

using namespace steadypay::core;

namespace {

Date d(const char* iso) { return parse_iso_date(iso).value(); }

Schedule sched(const char* rrule, const char* start, std::optional<Date> end = {}) {
    auto s = Schedule::make(rrule, d(start), end);
    REQUIRE(s.ok());
    return s.value();
}

std::vector<std::string> dues(const std::vector<DueDate>& v) {
    std::vector<std::string> out;
    for (const auto& x : v) {
        out.push_back(to_iso(x.due));
    }
    return out;
}

} // namespace

TEST_CASE("rent on the 1st is due on the next business day", "[schedule]") {
    const auto s = sched("FREQ=MONTHLY;BYMONTHDAY=1", "2026-01-01");
    const BusinessCalendar cal;
    // Nov 1 2026 is a Sunday, Aug 1 a Saturday.
    CHECK(dues(due_dates(s, BusinessDayRule::following, cal, d("2026-07-15"), d("2026-12-31"))) ==
          std::vector<std::string>{"2026-08-03", "2026-09-01", "2026-10-01", "2026-11-02", "2026-12-01"});
    const auto nov = due_dates(s, BusinessDayRule::following, cal, d("2026-11-01"), d("2026-11-30"));
    REQUIRE(nov.size() == 1);
    CHECK(to_iso(nov[0].scheduled) == "2026-11-01");
    CHECK(to_iso(nov[0].due) == "2026-11-02");
}

TEST_CASE("a scheduled date outside the window is found when adjustment moves it in", "[schedule]") {
    // Scheduled Sat 2026-10-31; with `following` it is due Mon 2026-11-02, inside a November window.
    const auto s = sched("FREQ=MONTHLY;BYMONTHDAY=-1", "2026-01-01");
    const BusinessCalendar cal;
    CHECK(dues(due_dates(s, BusinessDayRule::following, cal, d("2026-11-01"), d("2026-11-10"))) ==
          std::vector<std::string>{"2026-11-02"});
    // With `preceding`, Fri 2026-10-30: outside.
    CHECK(due_dates(s, BusinessDayRule::preceding, cal, d("2026-11-01"), d("2026-11-10")).empty());
}

TEST_CASE("dates that adjust to one day become one due date with a count", "[schedule]") {
    // Regression guard: a daily item over a weekend must not turn into three separate payments
    // on Monday that share one identity; it is one payment of three days' amount.
    const auto s = sched("FREQ=DAILY", "2026-11-20");
    const BusinessCalendar cal;
    const auto v = due_dates(s, BusinessDayRule::following, cal, d("2026-11-20"), d("2026-11-24"));
    REQUIRE(v.size() == 3);
    CHECK(to_iso(v[0].due) == "2026-11-20");
    CHECK(v[0].count == 1);
    CHECK(to_iso(v[1].due) == "2026-11-23");
    CHECK(to_iso(v[1].scheduled) == "2026-11-21");
    CHECK(v[1].count == 3);
    CHECK(to_iso(v[2].due) == "2026-11-24");
    // The same seen from a window that starts on the Monday.
    const auto w = due_dates(s, BusinessDayRule::following, cal, d("2026-11-23"), d("2026-11-23"));
    REQUIRE(w.size() == 1);
    CHECK(w[0].count == 3);
}

TEST_CASE("the schedule's end bounds the scheduled dates, before adjustment", "[schedule]") {
    // Ends Sat 2026-10-31: the Oct 31 date is in, and is due Mon Nov 2.
    const auto s = sched("FREQ=MONTHLY;BYMONTHDAY=-1", "2026-01-01", d("2026-10-31"));
    const BusinessCalendar cal;
    CHECK(dues(due_dates(s, BusinessDayRule::following, cal, d("2026-09-01"), d("2027-03-01"))) ==
          std::vector<std::string>{"2026-09-30", "2026-11-02"});
}

TEST_CASE("first_due_dates counts distinct due dates and honours a bound", "[schedule]") {
    const auto s = sched("FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "2026-01-09");
    const auto cal = BusinessCalendar::make({date::Saturday, date::Sunday}, {d("2026-12-25")}).value();
    CHECK(dues(first_due_dates(s, BusinessDayRule::preceding, cal, 3, d("2026-12-31"))) ==
          std::vector<std::string>{"2026-01-09", "2026-01-23", "2026-02-06"});
    const auto late = first_due_dates(s, BusinessDayRule::preceding, cal, 100, d("2026-12-31"));
    REQUIRE(late.size() == 26);
    CHECK(to_iso(late.back().due) == "2026-12-24"); // Christmas Friday: paid Thursday
    CHECK(is_due_date(s, BusinessDayRule::preceding, cal, d("2026-12-24")));
    CHECK_FALSE(is_due_date(s, BusinessDayRule::preceding, cal, d("2026-12-25")));
}

TEST_CASE("a schedule cannot end before it starts", "[schedule]") {
    auto s = Schedule::make("FREQ=MONTHLY", d("2026-05-01"), d("2026-04-30"));
    REQUIRE_FALSE(s.ok());
    CHECK_THAT(s.error().message(), Catch::Contains("before the start"));
}
