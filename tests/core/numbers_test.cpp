#include "core/numbers.hpp"
#include "core/dates.hpp"
#include "core/recurrence.hpp"

#include <catch2/catch.hpp>

using namespace steadypay::core;

TEST_CASE("whole numbers are the whole text, in range, never wrapped", "[numbers]") {
    struct Case {
        const char* text;
        std::optional<std::int64_t> value;
        std::optional<WholeError> error;
    };
    const Case cases[] = {
        {"0", 0, {}},
        {"42", 42, {}},
        {"-7", -7, {}},
        {"1234567890", 1234567890, {}},                 // 10 digits
        {"9223372036854775807", INT64_MAX, {}},         // 19 digits, the largest
        {"-9223372036854775808", INT64_MIN, {}},
        {"9223372036854775808", {}, WholeError::out_of_range},
        {"12345678901234567890", {}, WholeError::out_of_range}, // 20 digits
        {"-12345678901234567890", {}, WholeError::out_of_range},
        {"", {}, WholeError::not_a_number},
        {"-", {}, WholeError::not_a_number},
        {"+5", {}, WholeError::not_a_number},
        {" 5", {}, WholeError::not_a_number},
        {"5 ", {}, WholeError::not_a_number},
        {"5x", {}, WholeError::not_a_number},
        {"0x10", {}, WholeError::not_a_number},
        {"1e3", {}, WholeError::not_a_number},
        {"--5", {}, WholeError::not_a_number},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        const auto n = parse_whole(c.text);
        CHECK(n.error == c.error);
        if (c.value) {
            CHECK(n.value == *c.value);
        }
    }
    CHECK(parse_whole("+5", INT64_MIN, INT64_MAX, true).value == 5);
    CHECK(parse_whole("+-5", INT64_MIN, INT64_MAX, true).error == WholeError::not_a_number);
    CHECK(parse_whole("+", INT64_MIN, INT64_MAX, true).error == WholeError::not_a_number);
    CHECK(parse_whole("11", 1, 10).error == WholeError::out_of_range);
    CHECK(parse_whole("0", 1, 10).error == WholeError::out_of_range);
    CHECK(parse_whole("10", 1, 10).value == 10);
}

TEST_CASE("RRULE numbers that overflow are refused, not read modulo 2^32", "[numbers][recurrence]") {
    // Previously COUNT=4294967297 was read as COUNT=1 (the hand-written parser wrapped).
    for (const char* rule : {"FREQ=MONTHLY;COUNT=4294967297", "FREQ=MONTHLY;COUNT=12345678901234567890",
                             "FREQ=MONTHLY;COUNT=-1", "FREQ=MONTHLY;COUNT=0"}) {
        INFO(rule);
        auto r = parse_rrule(rule);
        REQUIRE_FALSE(r);
        CHECK_THAT(r.error().message(), Catch::StartsWith("COUNT="));
        CHECK_THAT(r.error().message(), Catch::EndsWith("must be a whole number from 1 to 1000000"));
    }
    for (const char* rule : {"FREQ=DAILY;INTERVAL=4294967297", "FREQ=DAILY;INTERVAL=-2", "FREQ=DAILY;INTERVAL=+"}) {
        INFO(rule);
        CHECK_FALSE(parse_rrule(rule));
    }
    auto day = parse_rrule("FREQ=MONTHLY;BYMONTHDAY=4294967297");
    REQUIRE_FALSE(day);
    CHECK(day.error().message() == "BYMONTHDAY=4294967297 is out of range (1..31 or -31..-1)");
    auto huge = parse_rrule("FREQ=MONTHLY;BYMONTHDAY=99999999999999999999999");
    REQUIRE_FALSE(huge);
    CHECK(huge.error().message() == "BYMONTHDAY=99999999999999999999999 is out of range (1..31 or -31..-1)");
    auto empty_item = parse_rrule("FREQ=MONTHLY;BYMONTHDAY=1,,2");
    REQUIRE_FALSE(empty_item);
    CHECK(empty_item.error().message() == "BYMONTHDAY=1,,2: \"\" is not a whole number");
    auto pos = parse_rrule("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=4294967297");
    CHECK_FALSE(pos);
    auto ordinal = parse_rrule("FREQ=MONTHLY;BYDAY=4294967298FR");
    REQUIRE_FALSE(ordinal);
    CHECK(ordinal.error().message() == "BYDAY=4294967298FR: the ordinal must be 1..53 or -53..-1");
    // "+2" is RFC 5545's own way of writing an ordinal.
    REQUIRE(parse_rrule("FREQ=MONTHLY;BYDAY=+2FR"));
    CHECK(parse_rrule("FREQ=MONTHLY;BYDAY=+2FR")->by_day.front().ordinal == 2);
}

TEST_CASE("a long rule is quoted short in its error", "[numbers][recurrence]") {
    const std::string value(100'000, '7');
    auto r = parse_rrule("FREQ=DAILY;COUNT=" + value);
    REQUIRE_FALSE(r);
    CHECK(r.error().message() == "COUNT=" + std::string(40, '7') + "... must be a whole number from 1 to 1000000");
    auto d = parse_iso_date(std::string(50'000, '2'));
    REQUIRE_FALSE(d);
    CHECK(d.error().message().size() < 120);
}
