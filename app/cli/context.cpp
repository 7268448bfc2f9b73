#include "app/cli/context.hpp"

#include "app/common/exit_codes.hpp"

#include <ostream>

namespace steadypay::cli {

int Context::fail(const core::Error& e) const {
    // One line, always: a message with a newline inside would break scripts that read stderr.
    std::string message = e.message;
    for (char& c : message) {
        if (c == '\n' || c == '\r') {
            c = ' ';
        }
    }
    err << "steadypay: " << message << '\n';
    return app::exit_code_for(e);
}

core::Result<core::Date> date_option(const std::string& option, const std::string& text) {
    auto d = core::parse_iso_date(text);
    if (!d) {
        return std::move(d).error().context(option);
    }
    return d;
}

core::Result<long> count_option(const std::string& option, const std::string& text, long lo, long hi) {
    const bool negative = !text.empty() && text[0] == '-';
    const std::string digits = negative ? text.substr(1) : text;
    long value = 0;
    bool ok = !digits.empty() && digits.size() <= 12;
    for (char ch : digits) {
        if (ch < '0' || ch > '9') {
            ok = false;
            break;
        }
        value = value * 10 + (ch - '0');
    }
    if (!ok) {
        return core::bad_input(option + ": \"" + text + "\" is not a whole number");
    }
    value = negative ? -value : value;
    if (value < lo || value > hi) {
        return core::bad_input(option + ": " + text + " is out of range (" + std::to_string(lo) + ".." +
                               std::to_string(hi) + ")");
    }
    return value;
}

} // namespace steadypay::cli
