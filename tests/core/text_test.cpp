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

TEST_CASE("what a person typed is quoted short, on one line, with controls escaped", "[text]") {
    CHECK(quote_input("rent") == "\"rent\"");
    CHECK(quote_input("") == "\"\"");
    CHECK(quote_input("a\x1b[2Jb") == "\"a\\x1b[2Jb\"");
    CHECK(quote_input("two\nlines") == "\"two\\x0alines\"");
    CHECK(quote_input("\x7f") == "\"\\x7f\"");
    // C1 controls are two bytes in UTF-8 (U+009B is C2 9B), escaped byte by byte.
    CHECK(quote_input("\xc2\x9b" "31m") == "\"\\xc2\\x9b31m\"");
    // Bytes that are not UTF-8: a stray continuation byte, an overlong '/', a cut-off sequence.
    CHECK(quote_input("\x80") == "\"\\x80\"");
    CHECK(quote_input("\xc0\xaf") == "\"\\xc0\\xaf\"");
    CHECK(quote_input("ab\xe2\x82") == "\"ab\\xe2\\x82\"");
    // Hebrew, Arabic and the shekel sign pass as they are, counted as characters, not bytes.
    CHECK(quote_input("שכר דירה") == "\"שכר דירה\"");
    CHECK(quote_input("إيجار ₪", 5) == "\"إيجار...\"");
    // 100 kB comes back as its first 40 characters.
    const std::string huge(100'000, 'x');
    CHECK(quote_input(huge) == "\"" + std::string(40, 'x') + "...\"");
    CHECK(clip_input("abcdef", 3) == "abc...");
    CHECK(clip_input("abc", 3) == "abc");
}

TEST_CASE("printable text keeps every character a person wrote and escapes the rest", "[text]") {
    CHECK(printable("Rent\x1b]0;pwned\x07") == "Rent\\x1b]0;pwned\\x07");
    CHECK(printable("חשמל, كهرباء") == "חשמל, كهرباء");
    CHECK(printable("tab\there") == "tab\\x09here");
    CHECK(is_clean_text("Metro Wireless (611)"));
    CHECK(is_clean_text("חברת החשמל"));
    CHECK(is_clean_text(""));
    CHECK_FALSE(is_clean_text("bell\a"));
    CHECK_FALSE(is_clean_text("\xed\xa0\x80")); // a UTF-16 surrogate written as UTF-8
    CHECK_FALSE(is_clean_text("\xf4\x90\x80\x80")); // past U+10FFFF
    CHECK_FALSE(is_clean_text("\xc2\x85")); // NEL, a C1 control
    CHECK(is_clean_text("\xc2\xa0")); // a no-break space is text
}
