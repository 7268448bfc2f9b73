#pragma once
// Writes a JSON document straight to a stream as it is made, laid out exactly as
// nlohmann::json::dump(2) lays it out (two-space indent, `"key": value`, `[]` and `{}` when
// empty, UTF-8 kept as it is): the command line prints long forecasts without building the whole
// document first. nlohmann_json stays what reads JSON, and the tests check this writer against it.

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace steadypay::app {

class JsonWriter {
public:
    explicit JsonWriter(std::ostream& out) : m_out(out) {}
    JsonWriter(const JsonWriter&) = delete;
    JsonWriter& operator=(const JsonWriter&) = delete;
    ~JsonWriter() { flush(); }

    void begin_object();
    void end_object();
    void begin_array();
    void end_array();
    // The key of the next value, inside an object.
    void key(std::string_view k);
    void value(std::string_view s);
    void value(const char* s) { value(std::string_view(s)); }
    void value(std::int64_t n);
    void value(int n) { value(static_cast<std::int64_t>(n)); }
    void value(bool b);
    void null();
    // A key and its value at once.
    template <typename T>
    void field(std::string_view k, const T& v) {
        key(k);
        value(v);
    }
    // Writes what is buffered to the stream.
    void flush();

private:
    void before_value();
    void newline(std::size_t depth);
    void string(std::string_view s);
    void raw(std::string_view s);
    void flush_when_full();

    struct Level {
        bool object = false;
        bool empty = true;
    };
    std::ostream& m_out;
    std::vector<Level> m_levels;
    bool m_after_key = false;
    std::string m_buffer;
};

} // namespace steadypay::app
