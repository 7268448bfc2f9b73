#pragma once
// The household file, format "steadypay-household/1": one JSON document that describes a
// household completely (docs/household-format.md). Reading is strict: unknown keys (usually
// typos), a key given twice, numbers where amounts belong ("12.5" must be a string), dates that
// do not exist and ids that point nowhere are errors naming the JSON path:
//
//   bills[2].schedule.rrule: BYMONTHDAY=32 is out of range (1..31 or -31..-1)
//
// Writing gives back the document that was read (key order aside): a key the source spelled out
// is written even when it only repeats its default.

#include "core/household.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace steadypay::storage {

inline constexpr std::string_view k_household_format = "steadypay-household/1";

// Parses and validates a household document.
[[nodiscard]] core::Result<core::Household> parse_household(std::string_view json_text);

// Reads a household file; errors start with the file's name ("home.json: bills[0].amount: ...").
[[nodiscard]] core::Result<core::Household> load_household_file(const std::filesystem::path& path);

// The household as a document (two-space indent, final newline).
[[nodiscard]] std::string household_to_json(const core::Household& household);

// Writes the document to a temporary file beside `path` and renames it into place, so a reader
// never sees half a file.
[[nodiscard]] core::Status save_household_file(const core::Household& household, const std::filesystem::path& path);

// Whether the IANA time zone database knows `name` ("Asia/Jerusalem", "UTC").
[[nodiscard]] bool is_known_time_zone(std::string_view name);

// Reads a whole file of at most `max_bytes` (small text files: households, passphrases). A pipe
// or a device is read too (a passphrase may come from one), but never past the bound: /dev/zero is
// "too large", not a hang until memory runs out.
inline constexpr std::size_t k_max_household_file_bytes = 64 * 1024 * 1024;
[[nodiscard]] core::Result<std::string> read_text_file(const std::filesystem::path& path,
                                                       std::size_t max_bytes = k_max_household_file_bytes);

// Writes `content` to `path` through a temporary file and a rename, syncing both.
[[nodiscard]] core::Status write_file_atomically(const std::filesystem::path& path, std::string_view content);

} // namespace steadypay::storage
