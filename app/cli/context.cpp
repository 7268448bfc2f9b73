#include "app/cli/context.hpp"

#include "app/common/exit_codes.hpp"
#include "app/common/words.hpp"
#include "core/numbers.hpp"
#include "core/text.hpp"

#include <ostream>

namespace steadypay::cli {

int Context::fail(const core::Error& e) const {
    // One line, always: a message with a newline inside would break scripts that read stderr.
    std::string message = app::describe(e);
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
    const auto n = core::parse_whole(text, lo, hi);
    if (n.error == core::WholeError::not_a_number) {
        return core::bad_input("{0} is not a whole number", core::quote_input(text)).context(option);
    }
    if (!n) {
        return core::bad_input("{0} is out of range ({1}..{2})", core::clip_input(text), lo, hi).context(option);
    }
    return static_cast<long>(n.value);
}

} // namespace steadypay::cli
