#include "core/recurrence.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace steadypay::core;

namespace {

Date d(const std::string& iso) {
    auto r = parse_iso_date(iso);
    REQUIRE(r.ok());
    return r.value();
}

RecurrenceRule rule(const std::string& text) {
    auto r = parse_rrule(text);
    INFO(text << ": " << (r.ok() ? "" : r.error().message()));
    REQUIRE(r.ok());
    return r.value();
}

std::vector<std::string> iso(const std::vector<Date>& dates) {
    std::vector<std::string> out;
    for (auto x : dates) {
        out.push_back(to_iso(x));
    }
    return out;
}

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(' ');
    const auto e = s.find_last_not_of(' ');
    return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

struct OracleCase {
    std::string rule, start, from, to;
    std::vector<std::string> expected;
};

std::vector<OracleCase> oracle_cases() {
    std::ifstream in(STEADYPAY_TEST_DATA_DIR "/rrule_cases.txt");
    REQUIRE(in.good());
    std::vector<OracleCase> cases;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') {
            continue;
        }
        std::vector<std::string> fields;
        std::stringstream ss(line);
        std::string f;
        while (std::getline(ss, f, '|')) {
            fields.push_back(trim(f));
        }
        REQUIRE(fields.size() == 5);
        OracleCase c{fields[0], fields[1], fields[2], fields[3], {}};
        if (fields[4] != "-") {
            std::stringstream ds(fields[4]);
            std::string x;
            while (ds >> x) {
                c.expected.push_back(x);
            }
        }
        cases.push_back(std::move(c));
    }
    return cases;
}

} // namespace

TEST_CASE("expansion matches python-dateutil on every case of the oracle file", "[recurrence]") {
    const auto cases = oracle_cases();
    REQUIRE(cases.size() >= 70);
    for (const auto& c : cases) {
        INFO(c.rule << " from DTSTART " << c.start << " in [" << c.from << ", " << c.to << "]");
        CHECK(iso(expand(rule(c.rule), d(c.start), d(c.from), d(c.to))) == c.expected);
    }
}

TEST_CASE("a window far from DTSTART gives the same dates as expanding from DTSTART", "[recurrence]") {
    // Without COUNT the expander jumps straight to the window's period; this checks the jump.
    for (const auto& c : oracle_cases()) {
        const auto r = rule(c.rule);
        const auto start = d(c.start);
        const auto full = expand(r, start, start, d(c.to));
        for (int offset : {1, 17, 45, 200, 400}) {
            const Date from = start + date::days{offset};
            std::vector<Date> expected;
            for (auto x : full) {
                if (x >= from) {
                    expected.push_back(x);
                }
            }
            INFO(c.rule << " DTSTART " << c.start << " from " << to_iso(from));
            CHECK(expand(r, start, from, d(c.to)) == expected);
        }
    }
}

TEST_CASE("month-end rules skip dates that do not exist, never move them", "[recurrence]") {
    // Hand-worked: RFC 5545 drops invalid dates; it does not clamp them to the month's end.
    struct Row {
        const char* rule;
        const char* start;
        std::vector<std::string> first;
    };
    const Row rows[] = {
        {"FREQ=MONTHLY;BYMONTHDAY=31", "2026-01-31", {"2026-01-31", "2026-03-31", "2026-05-31", "2026-07-31"}},
        {"FREQ=MONTHLY;BYMONTHDAY=30", "2028-01-30", {"2028-01-30", "2028-03-30", "2028-04-30"}},
        {"FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1", "2027-12-01",
         {"2027-12-30", "2028-01-30", "2028-02-29", "2028-03-30"}},
        {"FREQ=MONTHLY;BYMONTHDAY=-1", "2027-01-15", {"2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30"}},
        {"FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "2025-01-01", {"2028-02-29", "2032-02-29", "2036-02-29"}},
        {"FREQ=YEARLY", "2024-02-29", {"2024-02-29", "2028-02-29", "2032-02-29"}},
        // 2100 is not a leap year (divisible by 100, not by 400); 2000 was.
        {"FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "2096-03-01", {"2104-02-29", "2108-02-29"}},
        {"FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "1999-01-01", {"2000-02-29", "2004-02-29"}},
    };
    for (const auto& r : rows) {
        INFO(r.rule << " from " << r.start);
        CHECK(iso(first_occurrences(rule(r.rule), d(r.start), r.first.size())) == r.first);
    }
}

TEST_CASE("DTSTART counts only when it matches the rule, and COUNT counts real occurrences", "[recurrence]") {
    // DTSTART is a Wednesday; the rule is Fridays.
    CHECK(iso(first_occurrences(rule("FREQ=WEEKLY;BYDAY=FR;COUNT=2"), d("2026-11-18"), 10)) ==
          std::vector<std::string>{"2026-11-20", "2026-11-27"});
    // DTSTART is a Friday: it is the first occurrence.
    CHECK(iso(first_occurrences(rule("FREQ=WEEKLY;BYDAY=FR;COUNT=2"), d("2026-11-20"), 10)) ==
          std::vector<std::string>{"2026-11-20", "2026-11-27"});
    // COUNT is counted from DTSTART even when the window starts later.
    CHECK(iso(expand(rule("FREQ=MONTHLY;COUNT=3"), d("2026-01-15"), d("2026-03-01"), d("2027-01-01"))) ==
          std::vector<std::string>{"2026-03-15"});
}

TEST_CASE("rules that never occur terminate", "[recurrence]") {
    for (const char* text : {"FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "FREQ=MONTHLY;BYMONTH=4;BYMONTHDAY=31;COUNT=5",
                             "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31", "FREQ=MONTHLY;BYDAY=6MO",
                             "FREQ=YEARLY;BYMONTH=2;BYDAY=5MO;BYMONTHDAY=1,2,3,4,5,6,7"}) {
        INFO(text);
        CHECK(first_occurrences(rule(text), d("2026-01-01"), 3).empty());
        CHECK(expand(rule(text), d("2026-01-01"), d("2026-01-01"), d("2126-01-01")).empty());
    }
}

TEST_CASE("UNTIL bounds the dates, in date or date-time form", "[recurrence]") {
    const std::vector<std::string> expected{"2026-01-15", "2026-02-15", "2026-03-15"};
    for (const char* until : {"20260315", "20260315T000000", "20260315T235959Z"}) {
        INFO(until);
        CHECK(iso(expand(rule(std::string("FREQ=MONTHLY;BYMONTHDAY=15;UNTIL=") + until), d("2026-01-15"),
                         d("2026-01-01"), d("2027-01-01"))) == expected);
    }
}

TEST_CASE("names and values are case-insensitive and the RRULE: prefix is accepted", "[recurrence]") {
    CHECK(rule("freq=monthly;bymonthday=1") == rule("FREQ=MONTHLY;BYMONTHDAY=1"));
    CHECK(rule("RRULE:FREQ=WEEKLY;BYDAY=FR") == rule("FREQ=WEEKLY;BYDAY=FR"));
    CHECK(rule("FREQ=MONTHLY;BYMONTHDAY=1;") == rule("FREQ=MONTHLY;BYMONTHDAY=1"));
    CHECK(rule("BYMONTHDAY=1;FREQ=MONTHLY") == rule("FREQ=MONTHLY;BYMONTHDAY=1"));
}

TEST_CASE("the canonical text of a rule parses back to the same rule", "[recurrence]") {
    for (const char* text :
         {"FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR;WKST=SU",
          "FREQ=YEARLY;BYMONTH=11;BYDAY=4TH", "FREQ=DAILY;COUNT=5", "FREQ=MONTHLY;UNTIL=20271231;BYDAY=-1MO,2FR",
          "FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYMONTHDAY=2,3,4,5,6,7,8;BYDAY=TU"}) {
        INFO(text);
        const auto r = rule(text);
        CHECK(to_string(r) == text);
        CHECK(rule(to_string(r)) == r);
    }
}

TEST_CASE("invalid rules are errors that name the part", "[recurrence]") {
    struct Row {
        const char* text;
        const char* message;
    };
    const Row rows[] = {
        {"", "the rule is empty"},
        {"BYMONTHDAY=1", "FREQ is missing"},
        {"FREQ=MONTHLY;BYMONTHDAY=32", "BYMONTHDAY=32 is out of range (1..31 or -31..-1)"},
        {"FREQ=MONTHLY;BYMONTHDAY=0", "BYMONTHDAY=0 is out of range"},
        {"FREQ=MONTHLY;BYMONTHDAY=-32", "BYMONTHDAY=-32 is out of range"},
        {"FREQ=MONTHLY;BYMONTHDAY=1,x", "\"X\" is not a whole number"},
        {"FREQ=MONTHLY;INTERVAL=0", "INTERVAL=0 must be a whole number from 1"},
        {"FREQ=MONTHLY;INTERVAL=-1", "INTERVAL=-1 must be"},
        {"FREQ=MONTHLY;COUNT=0", "COUNT=0 must be"},
        {"FREQ=MONTHLY;COUNT=2;UNTIL=20270101", "COUNT and UNTIL cannot both be given"},
        {"FREQ=HOURLY", "FREQ=HOURLY is not supported"},
        {"FREQ=MINUTELY", "FREQ=MINUTELY is not supported"},
        {"FREQ=FORTNIGHTLY", "FREQ=FORTNIGHTLY is not a frequency"},
        {"FREQ=YEARLY;BYYEARDAY=100", "BYYEARDAY is not supported"},
        {"FREQ=YEARLY;BYWEEKNO=20", "BYWEEKNO is not supported"},
        {"FREQ=DAILY;BYHOUR=9", "BYHOUR is not supported"},
        {"FREQ=MONTHLY;BYFOO=1", "\"BYFOO\" is not an RRULE part"},
        {"FREQ=MONTHLY;FREQ=WEEKLY", "FREQ is given twice"},
        {"FREQ=MONTHLY;BYMONTH=13", "BYMONTH=13 is out of range (1..12)"},
        {"FREQ=MONTHLY;BYMONTH=-1", "BYMONTH=-1 is out of range"},
        {"FREQ=MONTHLY;BYDAY=XX", "\"XX\" is not a weekday"},
        {"FREQ=MONTHLY;BYDAY=0MO", "the ordinal must be 1..53"},
        {"FREQ=MONTHLY;BYDAY=54MO", "the ordinal must be 1..53"},
        {"FREQ=WEEKLY;BYDAY=2FR", "an ordinal needs FREQ=MONTHLY or FREQ=YEARLY"},
        {"FREQ=DAILY;BYDAY=-1MO", "an ordinal needs FREQ=MONTHLY or FREQ=YEARLY"},
        {"FREQ=WEEKLY;BYMONTHDAY=1", "BYMONTHDAY cannot be used with FREQ=WEEKLY"},
        {"FREQ=MONTHLY;BYSETPOS=1", "BYSETPOS needs another BY part"},
        {"FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0", "BYSETPOS=0 is out of range"},
        {"FREQ=MONTHLY;BYDAY=MO;BYSETPOS=367", "BYSETPOS=367 is out of range"},
        {"FREQ=MONTHLY;WKST=XX", "WKST=XX is not a weekday"},
        {"FREQ=MONTHLY;UNTIL=20260230", "UNTIL=20260230 is not a date that exists"},
        {"FREQ=MONTHLY;UNTIL=2026-02-01", "UNTIL=2026-02-01 is not a date"},
        {"FREQ=MONTHLY;BYMONTHDAY", "\"BYMONTHDAY\" is not a NAME=VALUE part"},
        {"FREQ=MONTHLY;BYMONTHDAY=", "BYMONTHDAY has no value"},
        {"FREQ=MONTHLY;;BYMONTHDAY=1", "is not a NAME=VALUE part"},
    };
    for (const auto& r : rows) {
        INFO(r.text);
        auto parsed = parse_rrule(r.text);
        REQUIRE_FALSE(parsed.ok());
        CHECK(parsed.error().code == Errc::bad_input);
        CHECK_THAT(parsed.error().message(), Catch::Contains(r.message));
    }
}

TEST_CASE("expansion stops at year 9999", "[recurrence]") {
    const auto dates = first_occurrences(rule("FREQ=YEARLY"), d("9997-06-01"), 10);
    CHECK(iso(dates) == std::vector<std::string>{"9997-06-01", "9998-06-01", "9999-06-01"});
}
