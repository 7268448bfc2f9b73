#include "core/numbers.hpp"

#include <charconv>
#include <system_error>

namespace steadypay::core {

Whole parse_whole(std::string_view text, std::int64_t lo, std::int64_t hi, bool allow_plus) {
    // from_chars takes '-' but not '+'; a '+' followed by another sign is not a number.
    if (allow_plus && text.size() > 1 && text.front() == '+' && text[1] != '-') {
        text.remove_prefix(1);
    }
    std::int64_t value = 0;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value, 10);
    if (text.empty() || ptr != end || (ec != std::errc() && ec != std::errc::result_out_of_range)) {
        return Whole{0, WholeError::not_a_number};
    }
    if (ec == std::errc::result_out_of_range || value < lo || value > hi) {
        return Whole{0, WholeError::out_of_range};
    }
    return Whole{value, std::nullopt};
}

} // namespace steadypay::core
