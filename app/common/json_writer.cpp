#include "app/common/json_writer.hpp"

#include <charconv>

namespace steadypay::app {

namespace {
constexpr std::size_t k_flush_at = 1 << 16;
}

void JsonWriter::raw(std::string_view s) {
    m_buffer.append(s);
    flush_when_full();
}

void JsonWriter::flush_when_full() {
    if (m_buffer.size() >= k_flush_at) {
        flush();
    }
}

void JsonWriter::flush() {
    m_out.write(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
    m_buffer.clear();
}

void JsonWriter::newline(std::size_t depth) {
    m_buffer.push_back('\n');
    m_buffer.append(2 * depth, ' ');
}

// A value goes after its key, or on its own line in an array (after a comma when not the first).
void JsonWriter::before_value() {
    if (m_after_key) {
        m_after_key = false;
        return;
    }
    if (!m_levels.empty()) {
        auto& level = m_levels.back();
        if (!level.empty) {
            m_buffer.push_back(',');
        }
        level.empty = false;
        newline(m_levels.size());
    }
}

void JsonWriter::begin_object() {
    before_value();
    raw("{");
    m_levels.push_back(Level{true, true});
}

void JsonWriter::begin_array() {
    before_value();
    raw("[");
    m_levels.push_back(Level{false, true});
}

void JsonWriter::end_object() {
    const bool empty = m_levels.back().empty;
    m_levels.pop_back();
    if (!empty) {
        newline(m_levels.size());
    }
    raw("}");
}

void JsonWriter::end_array() {
    const bool empty = m_levels.back().empty;
    m_levels.pop_back();
    if (!empty) {
        newline(m_levels.size());
    }
    raw("]");
}

void JsonWriter::key(std::string_view k) {
    auto& level = m_levels.back();
    if (!level.empty) {
        m_buffer.push_back(',');
    }
    level.empty = false;
    newline(m_levels.size());
    string(k);
    m_buffer.append(": ");
    m_after_key = true;
}

// As nlohmann_json escapes: the quote, the backslash, and control characters (named where JSON
// names them, \u00xx otherwise); everything else, UTF-8 included, as it is.
void JsonWriter::string(std::string_view s) {
    m_buffer.push_back('"');
    std::size_t run = 0; // the start of the characters not yet copied, which need no escape
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto u = static_cast<unsigned char>(s[i]);
        if (u >= 0x20 && u != '"' && u != '\\') {
            continue;
        }
        m_buffer.append(s.substr(run, i - run));
        run = i + 1;
        switch (u) {
        case '"':
            m_buffer.append("\\\"");
            break;
        case '\\':
            m_buffer.append("\\\\");
            break;
        case '\b':
            m_buffer.append("\\b");
            break;
        case '\f':
            m_buffer.append("\\f");
            break;
        case '\n':
            m_buffer.append("\\n");
            break;
        case '\r':
            m_buffer.append("\\r");
            break;
        case '\t':
            m_buffer.append("\\t");
            break;
        default: {
            static constexpr char hex[] = "0123456789abcdef";
            m_buffer.append("\\u00");
            m_buffer.push_back(hex[u >> 4]);
            m_buffer.push_back(hex[u & 0xF]);
        }
        }
    }
    m_buffer.append(s.substr(run));
    m_buffer.push_back('"');
}

void JsonWriter::value(std::string_view s) {
    before_value();
    string(s);
    flush_when_full();
}

void JsonWriter::value(std::int64_t n) {
    before_value();
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
    raw(std::string_view(digits, static_cast<std::size_t>(end - digits)));
}

void JsonWriter::value(bool b) {
    before_value();
    raw(b ? "true" : "false");
}

void JsonWriter::null() {
    before_value();
    raw("null");
}

} // namespace steadypay::app
