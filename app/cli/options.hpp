#pragma once
// Option values that are parsed after the command line is read, so that every error can name
// its option and say exactly what is wrong ("--amount: "12,50" is not an amount: ...").

#include "app/cli/context.hpp"

#include "core/household.hpp"

#include <optional>
#include <string>

namespace steadypay::cli {

// A text option that remembers whether it was given.
struct Opt {
    std::string value;
    CLI::Option* option = nullptr;
    [[nodiscard]] bool given() const { return option != nullptr && option->count() > 0; }
};

inline void add_opt(CLI::App& sub, Opt& opt, const std::string& name, const std::string& help) {
    opt.option = sub.add_option(name, opt.value, help);
}

[[nodiscard]] core::Result<core::Money> money_option(const std::string& option, const std::string& text,
                                                    core::Currency currency);
// "300.00" or a range "250.00..520.00".
[[nodiscard]] core::Result<core::Amount> amount_option(const std::string& option, const std::string& text,
                                                      core::Currency currency);
// A whole number, or "none" for no value.
[[nodiscard]] core::Result<std::optional<int>> nullable_count_option(const std::string& option,
                                                                    const std::string& text, long lo, long hi);
// "MO,TU" style lists of two-letter days.
[[nodiscard]] core::Result<std::vector<date::weekday>> weekdays_option(const std::string& option,
                                                                      const std::string& text);

// Turns a validation error about `list`[`index`] into one about the command's options:
// "bills[3].grace_days: -1 is out of range" -> "--grace-days: -1 is out of range".
[[nodiscard]] core::Error as_option_error(core::Error e, const std::string& list, std::size_t index);

// "300.00" or "250.00..520.00".
[[nodiscard]] std::string amount_text(const core::Amount& a);

} // namespace steadypay::cli
