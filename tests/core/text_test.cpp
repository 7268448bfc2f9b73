#include "core/text.hpp"

#include <catch2/catch.hpp>

using namespace steadypay::core;

TEST_CASE("edit distance counts insertions, deletions and substitutions", "[text]") {
    CHECK(edit_distance("", "") == 0);
    CHECK(edit_distance("abc", "") == 3);
    CHECK(edit_distance("forcast", "forecast") == 1);
    CHECK(edit_distance("grace_day", "grace_days") == 1);
    CHECK(edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("the closest candidate is suggested only when it is close", "[text]") {
    const std::vector<std::string_view> commands{"forecast", "plan", "warnings", "schedule"};
    CHECK(closest_match("forcast", commands) == "forecast");
    CHECK(closest_match("warning", commands) == "warnings");
    CHECK(closest_match("zzzz", commands).empty());
    CHECK(closest_match("plan", commands).empty()); // the word itself is not a suggestion
}
