#include "core/text.hpp"

#include <algorithm>

namespace steadypay::core {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> prev(b.size() + 1);
    std::vector<std::size_t> cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        prev[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0U : 1U)});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::string_view closest_match(std::string_view word, const std::vector<std::string_view>& candidates,
                               std::size_t max_distance) {
    std::string_view best;
    std::size_t best_distance = max_distance + 1;
    for (auto c : candidates) {
        const auto d = edit_distance(word, c);
        if (d > 0 && d < best_distance) {
            best = c;
            best_distance = d;
        }
    }
    return best;
}

} // namespace steadypay::core
