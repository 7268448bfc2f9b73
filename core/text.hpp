#pragma once
// Small text helpers for messages that help a person fix a typo.

#include <string>
#include <string_view>
#include <vector>

namespace steadypay::core {

// The Levenshtein distance between two strings (insertions, deletions, substitutions).
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word` when it is within `max_distance` edits (and not `word` itself),
// else an empty view: "grace_day" -> "grace_days", "forcast" -> "forecast".
[[nodiscard]] std::string_view closest_match(std::string_view word, const std::vector<std::string_view>& candidates,
                                             std::size_t max_distance = 2);

// What a person typed, quoted for a message: at most `max_chars` characters (a longer text is cut
// and ends in "..."), with control characters and bytes that are not UTF-8 written as escapes, so
// a message stays one short line however hostile the input:
//   "rent" -> "\"rent\"";   "a\x1b[2Jb" -> "\"a\\x1b[2Jb\"";   100 kB of 'x' -> the first 40, then "...".
[[nodiscard]] std::string quote_input(std::string_view text, std::size_t max_chars = 40);
// The same without the quotes ("COUNT=" + clip_input(value)).
[[nodiscard]] std::string clip_input(std::string_view text, std::size_t max_chars = 40);

// `text` as a terminal may show it: control characters (C0, DEL and C1) and bytes that are not
// UTF-8 are written as escapes ("\x1b"); everything else, Hebrew and Arabic included, as it is.
[[nodiscard]] std::string printable(std::string_view text);
// The same for text of several lines: its line breaks stay.
[[nodiscard]] std::string printable_lines(std::string_view text);

// Whether `text` is valid UTF-8 without control characters (C0, DEL, C1): what names, payees and
// notes may hold.
[[nodiscard]] bool is_clean_text(std::string_view text);

} // namespace steadypay::core
