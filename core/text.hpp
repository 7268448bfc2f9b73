#pragma once
// Small text helpers for messages that help a person fix a typo.

#include <string_view>
#include <vector>

namespace steadypay::core {

// The Levenshtein distance between two strings (insertions, deletions, substitutions).
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word` when it is within `max_distance` edits (and not `word` itself),
// else an empty view: "grace_day" -> "grace_days", "forcast" -> "forecast".
[[nodiscard]] std::string_view closest_match(std::string_view word, const std::vector<std::string_view>& candidates,
                                             std::size_t max_distance = 2);

} // namespace steadypay::core
