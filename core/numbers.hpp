#pragma once
// Whole numbers read from text, with std::from_chars: the whole text must be the number, and a
// value that does not fit is out of range, never wrapped ("4294967297" is not 1).
//
//   parse_whole("42")           -> 42
//   parse_whole("-7")           -> -7
//   parse_whole("+7")           -> not a number (unless allow_plus, as RFC 5545's "+3" ordinals)
//   parse_whole("")             -> not a number
//   parse_whole(" 7"), ("7x")   -> not a number
//   parse_whole("99999999999999999999") -> out of range (past the 64-bit integers)

#include <cstdint>
#include <optional>
#include <string_view>

namespace steadypay::core {

enum class WholeError {
    not_a_number, // empty, or anything but an optional sign and digits
    out_of_range, // digits, but outside the range asked for (or past 64 bits)
};

struct Whole {
    std::int64_t value = 0;
    std::optional<WholeError> error;
    [[nodiscard]] explicit operator bool() const noexcept { return !error; }
};

// The number `text` spells, checked against [lo, hi].
[[nodiscard]] Whole parse_whole(std::string_view text, std::int64_t lo = INT64_MIN, std::int64_t hi = INT64_MAX,
                                bool allow_plus = false);

} // namespace steadypay::core
