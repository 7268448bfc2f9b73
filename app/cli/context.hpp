#pragma once
// What every command of the `steadypay` program shares: the global options, the output streams
// and the helpers that turn option text into checked values with errors that name the option.

#include "core/household.hpp"
#include "core/result.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>

namespace steadypay::cli {

struct Context {
    std::ostream& out;
    std::ostream& err;
    std::string db_path;         // --db, or STEADYPAY_DB, or the default store
    std::string passphrase_file; // --passphrase-file
    int wait_seconds = 10;       // --wait: for another program's lock
    bool json = false;

    // Prints "steadypay: <message>" on standard error and returns the matching exit code.
    int fail(const core::Error& e) const;
};

// Option values, checked: the error names the option ("--from: ...").
[[nodiscard]] core::Result<core::Date> date_option(const std::string& option, const std::string& text);
// A whole number in [lo, hi].
[[nodiscard]] core::Result<long> count_option(const std::string& option, const std::string& text, long lo, long hi);

class Command {
public:
    virtual ~Command() = default;
    // Registers the subcommand and its options on `app`.
    virtual void add_to(CLI::App& app, Context& ctx) = 0;
    [[nodiscard]] bool selected() const { return m_sub != nullptr && m_sub->parsed(); }
    [[nodiscard]] virtual int run(Context& ctx) = 0;

protected:
    CLI::App* m_sub = nullptr;
};

} // namespace steadypay::cli
