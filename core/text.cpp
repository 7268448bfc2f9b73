#include "core/text.hpp"

#include <algorithm>
#include <cstdint>

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

namespace {

// The length of the UTF-8 sequence at the start of `s` (1..4), or 0 when it is not one (a stray
// continuation byte, an overlong form, a surrogate, past U+10FFFF, or cut short).
std::size_t utf8_length(std::string_view s) {
    const auto b = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const auto cont = [&](std::size_t i) { return i < s.size() && (b(i) & 0xC0) == 0x80; };
    const unsigned char c = b(0);
    if (c < 0x80) {
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        return cont(1) ? 2 : 0;
    }
    if (c >= 0xE0 && c <= 0xEF) {
        if (!cont(1) || !cont(2) || (c == 0xE0 && b(1) < 0xA0) || (c == 0xED && b(1) > 0x9F)) {
            return 0;
        }
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (!cont(1) || !cont(2) || !cont(3) || (c == 0xF0 && b(1) < 0x90) || (c == 0xF4 && b(1) > 0x8F)) {
            return 0;
        }
        return 4;
    }
    return 0;
}

// Whether the sequence of `length` bytes at the start of `s` is a control character.
bool is_control(std::string_view s, std::size_t length) {
    const auto c = static_cast<unsigned char>(s[0]);
    if (length == 1) {
        return c < 0x20 || c == 0x7F;
    }
    // C1 controls, U+0080..U+009F, are C2 80..C2 9F in UTF-8.
    return length == 2 && c == 0xC2 && static_cast<unsigned char>(s[1]) <= 0x9F;
}

void append_escape(std::string& out, std::string_view bytes) {
    static constexpr char k_hex[] = "0123456789abcdef";
    for (char ch : bytes) {
        const auto u = static_cast<unsigned char>(ch);
        out += "\\x";
        out += k_hex[u >> 4];
        out += k_hex[u & 0xF];
    }
}

// Appends up to `max_chars` characters of `text`, escaped; returns whether all of it fitted.
bool append_printable(std::string& out, std::string_view text, std::size_t max_chars) {
    std::size_t chars = 0;
    while (!text.empty()) {
        if (chars == max_chars) {
            return false;
        }
        const std::size_t n = utf8_length(text);
        if (n == 0) {
            append_escape(out, text.substr(0, 1));
            text.remove_prefix(1);
        } else {
            if (is_control(text, n)) {
                append_escape(out, text.substr(0, n));
            } else {
                out.append(text.substr(0, n));
            }
            text.remove_prefix(n);
        }
        ++chars;
    }
    return true;
}

} // namespace

std::string clip_input(std::string_view text, std::size_t max_chars) {
    std::string out;
    if (!append_printable(out, text, max_chars)) {
        out += "...";
    }
    return out;
}

std::string quote_input(std::string_view text, std::size_t max_chars) {
    return "\"" + clip_input(text, max_chars) + "\"";
}

std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    append_printable(out, text, SIZE_MAX);
    return out;
}

std::string printable_lines(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    while (!text.empty()) {
        const auto nl = text.find('\n');
        append_printable(out, text.substr(0, nl), SIZE_MAX);
        if (nl == std::string_view::npos) {
            break;
        }
        out += '\n';
        text.remove_prefix(nl + 1);
    }
    return out;
}

bool is_clean_text(std::string_view text) {
    while (!text.empty()) {
        const std::size_t n = utf8_length(text);
        if (n == 0 || is_control(text, n)) {
            return false;
        }
        text.remove_prefix(n);
    }
    return true;
}

} // namespace steadypay::core
