#include "storage/strict_json.hpp"

#include <optional>
#include <set>
#include <vector>

namespace steadypay::storage {

using nlohmann::json;

std::string json_path(std::string_view base, std::string_view key) {
    return base.empty() ? std::string(key) : std::string(base) + "." + std::string(key);
}

std::string json_path(std::string_view base, std::size_t index) {
    return std::string(base) + "[" + std::to_string(index) + "]";
}

namespace {

// Builds the document like nlohmann's own DOM parser, and also tracks the path of every value
// so a duplicate key can be reported where it is.
class StrictBuilder : public nlohmann::json_sax<json> {
public:
    explicit StrictBuilder(json& root) : m_root(root) {}

    bool null() override { return put(json(nullptr)); }
    bool boolean(bool v) override { return put(json(v)); }
    bool number_integer(number_integer_t v) override { return put(json(v)); }
    bool number_unsigned(number_unsigned_t v) override { return put(json(v)); }
    bool number_float(number_float_t v, const string_t&) override { return put(json(v)); }
    bool string(string_t& v) override { return put(json(std::move(v))); }
    bool binary(binary_t& v) override { return put(json::binary(std::move(v))); }

    bool start_object(std::size_t) override {
        if (!put(json::object())) {
            return false;
        }
        m_keys.emplace_back();
        return true;
    }
    bool key(string_t& k) override {
        if (!m_keys.back().insert(k).second) {
            m_error = core::bad_input("the key appears twice in one object").context(json_path(path(), k));
            return false;
        }
        m_pending_key = k;
        return true;
    }
    bool end_object() override {
        m_keys.pop_back();
        m_stack.pop_back();
        m_segments.pop_back();
        return true;
    }
    bool start_array(std::size_t) override { return put(json::array()); }
    bool end_array() override {
        m_stack.pop_back();
        m_segments.pop_back();
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& ex) override {
        // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ..."
        // becomes "line 1, column 5: syntax error ...".
        std::string what = ex.what();
        const auto at = what.find("line ");
        m_error = core::bad_input("not valid JSON: {0}", at == std::string::npos ? what : what.substr(at));
        return false;
    }

    [[nodiscard]] const std::optional<core::Error>& error() const { return m_error; }

private:
    // The path of the value about to be placed.
    std::string path() const {
        std::string p;
        for (const auto& s : m_segments) {
            p += s;
        }
        return p;
    }

    bool put(json value) {
        const bool container = value.is_object() || value.is_array();
        json* placed = nullptr;
        std::string segment;
        if (m_stack.empty()) {
            m_root = std::move(value);
            placed = &m_root;
        } else if (m_stack.back()->is_array()) {
            segment = "[" + std::to_string(m_stack.back()->size()) + "]";
            m_stack.back()->push_back(std::move(value));
            placed = &m_stack.back()->back();
        } else {
            segment = (m_segments.size() <= 1 ? "" : ".") + m_pending_key;
            placed = &((*m_stack.back())[m_pending_key] = std::move(value));
        }
        if (container) {
            m_stack.push_back(placed);
            m_segments.push_back(std::move(segment));
        }
        return true;
    }

    json& m_root;
    std::vector<json*> m_stack;
    std::vector<std::string> m_segments;
    std::vector<std::set<std::string>> m_keys;
    std::string m_pending_key;
    std::optional<core::Error> m_error;
};

} // namespace

core::Result<json> parse_json_strict(std::string_view text) {
    json root;
    StrictBuilder builder(root);
    bool ok = false;
    try {
        ok = json::sax_parse(text.begin(), text.end(), &builder);
    } catch (const json::exception& e) {
        return core::bad_input("not valid JSON: {0}", e.what());
    }
    if (ok) {
        return root;
    }
    return builder.error() ? *builder.error() : core::bad_input("not valid JSON");
}

} // namespace steadypay::storage
