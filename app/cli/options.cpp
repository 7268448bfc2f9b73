#include "app/cli/options.hpp"

#include "app/common/i18n.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <map>

namespace steadypay::cli {

core::Result<core::Money> money_option(const std::string& option, const std::string& text, core::Currency currency) {
    // As people write amounts: "$1,150.00", "1.150,00" in a decimal-comma locale, "١٢٣٫٤٥".
    auto m = app::formats().parse_money(text, currency);
    if (!m) {
        return std::move(m).error().context(option);
    }
    return m;
}

core::Result<core::Amount> amount_option(const std::string& option, const std::string& text, core::Currency currency) {
    const auto dots = text.find("..");
    if (dots == std::string::npos) {
        auto m = money_option(option, text, currency);
        if (!m) {
            return std::move(m).error();
        }
        return core::Amount::fixed(m.value());
    }
    auto lo = money_option(option, text.substr(0, dots), currency);
    if (!lo) {
        return std::move(lo).error();
    }
    auto hi = money_option(option, text.substr(dots + 2), currency);
    if (!hi) {
        return std::move(hi).error();
    }
    return core::Amount::range(lo.value(), hi.value());
}

core::Result<std::optional<int>> nullable_count_option(const std::string& option, const std::string& text, long lo,
                                                       long hi) {
    if (text == "none") {
        return std::optional<int>{};
    }
    auto n = count_option(option, text, lo, hi);
    if (!n) {
        return core::bad_input("{0} is not a whole number from {1} to {2}, or \"none\"", core::quote_input(text), lo,
                               hi)
            .context(option);
    }
    return std::optional<int>(static_cast<int>(n.value()));
}

core::Result<std::vector<date::weekday>> weekdays_option(const std::string& option, const std::string& text) {
    std::vector<date::weekday> days;
    std::size_t begin = 0;
    while (true) {
        const auto comma = text.find(',', begin);
        auto wd = core::parse_weekday_code(text.substr(begin, comma == std::string::npos ? comma : comma - begin));
        if (!wd) {
            return std::move(wd).error().context(option);
        }
        days.push_back(wd.value());
        if (comma == std::string::npos) {
            return days;
        }
        begin = comma + 1;
    }
}

core::Error as_option_error(core::Error e, const std::string& list, std::size_t index) {
    const auto split = core::field_of(e, list, index);
    if (!split) {
        return e;
    }
    if (split->field.empty()) {
        return split->error;
    }
    static const std::map<std::string, std::string> k_names{
        {"id", "ID"},
        {"schedule.rrule", "--rrule"},
        {"schedule.start", "--start"},
        {"schedule.end", "--end"},
        {"amount.min", "--amount"},
        {"amount.max", "--amount"},
        {"autopay_lead_days", "--lead-days"},
        {"reported_late_after_days", "--reported-late-after"},
        {"shutoff_after_days", "--shutoff-after"},
    };
    std::string name;
    if (const auto it = k_names.find(split->field); it != k_names.end()) {
        name = it->second;
    } else {
        name = "--" + split->field;
        std::replace(name.begin(), name.end(), '_', '-');
    }
    return split->error.context(name);
}

std::string amount_text(const core::Amount& a) {
    return a.is_range ? a.min.to_string() + ".." + a.max.to_string() : a.min.to_string();
}

} // namespace steadypay::cli
