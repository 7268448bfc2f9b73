#pragma once
// A JSON parser that refuses what nlohmann::json would silently accept: a key given twice in one
// object (the last would win) is an error naming its path. Syntax errors give line and column.

#include "core/result.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace steadypay::storage {

// "line 3, column 14: ..." or "bills[1].name: the key appears twice in this object".
[[nodiscard]] core::Result<nlohmann::json> parse_json_strict(std::string_view text);

// Appends ".key" or "[index]" to a JSON path; a key at the top level has no leading dot.
[[nodiscard]] std::string json_path(std::string_view base, std::string_view key);
[[nodiscard]] std::string json_path(std::string_view base, std::size_t index);

} // namespace steadypay::storage
