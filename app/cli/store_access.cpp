#include "app/cli/store_access.hpp"

#include "app/common/clock.hpp"
#include "storage/household_file.hpp"

#include <cstdlib>
#include <iostream>
#include <termios.h>
#include <unistd.h>

namespace steadypay::cli {

namespace {

core::Result<storage::Passphrase> first_line_of(const std::string& option, const std::string& file) {
    auto text = storage::read_text_file(file, 64 * 1024); // a passphrase, not a library
    if (!text) {
        return std::move(text).error().context(option);
    }
    std::string line = text.value().substr(0, text.value().find('\n'));
    if (!line.empty() && line.back() == '\r') {
        line.pop_back();
    }
    storage::Passphrase p(std::move(line));
    // Wipe the whole file's text too.
    for (char& c : text.value()) {
        c = 0;
    }
    if (p.empty()) {
        return core::bad_input("the first line is empty").context(file).context(option);
    }
    return p;
}

bool stdin_is_terminal() { return ::isatty(STDIN_FILENO) == 1; }

// Reads one line from the terminal without echoing it. Echo goes off before the prompt shows:
// switching it off flushes pending input, which must not swallow an answer typed after the
// prompt appeared. Restoring it afterwards keeps whatever was typed next.
core::Result<storage::Passphrase> prompt(const std::string& question) {
    termios old {};
    const bool have_termios = ::tcgetattr(STDIN_FILENO, &old) == 0;
    if (have_termios) {
        termios quiet = old;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    std::cerr << question << std::flush;
    std::string line;
    const bool got = static_cast<bool>(std::getline(std::cin, line));
    if (have_termios) {
        ::tcsetattr(STDIN_FILENO, TCSADRAIN, &old);
    }
    std::cerr << '\n';
    if (!got) {
        return core::bad_input("no passphrase was entered");
    }
    return storage::Passphrase(std::move(line));
}

core::Error no_passphrase() {
    return core::bad_input("no passphrase: give --passphrase-file FILE or set STEADYPAY_PASSPHRASE (standard input "
                           "is not a terminal, so Steadypay cannot ask)");
}

} // namespace

std::filesystem::path store_path(const Context& ctx) {
    return ctx.db_path.empty() ? storage::default_store_path() : std::filesystem::path(ctx.db_path);
}

core::Result<storage::Passphrase> read_passphrase(const Context& ctx) {
    if (!ctx.passphrase_file.empty()) {
        return first_line_of("--passphrase-file", ctx.passphrase_file);
    }
    if (const char* env = std::getenv("STEADYPAY_PASSPHRASE"); env && *env) {
        return storage::Passphrase(env);
    }
    if (stdin_is_terminal()) {
        return prompt("Passphrase for " + store_path(ctx).string() + ": ");
    }
    return no_passphrase();
}

core::Result<storage::Passphrase> read_new_passphrase(const Context& ctx, const std::string& file,
                                                      bool ordinary_sources_allowed) {
    if (!file.empty()) {
        return first_line_of("--new-passphrase-file", file);
    }
    if (const char* env = std::getenv("STEADYPAY_NEW_PASSPHRASE"); env && *env) {
        return storage::Passphrase(env);
    }
    if (ordinary_sources_allowed) {
        if (!ctx.passphrase_file.empty()) {
            return first_line_of("--passphrase-file", ctx.passphrase_file);
        }
        if (const char* env = std::getenv("STEADYPAY_PASSPHRASE"); env && *env) {
            return storage::Passphrase(env);
        }
    }
    if (!stdin_is_terminal()) {
        return ordinary_sources_allowed
                   ? core::bad_input("no passphrase for the new store: give --passphrase-file FILE or set "
                                     "STEADYPAY_PASSPHRASE (standard input is not a terminal, so Steadypay cannot ask)")
                   : core::bad_input("no new passphrase: give --new-passphrase-file FILE or set "
                                     "STEADYPAY_NEW_PASSPHRASE (standard input is not a terminal)");
    }
    auto first = prompt("New passphrase (at least " + std::to_string(storage::k_min_passphrase_length) +
                        " characters): ");
    if (!first) {
        return first;
    }
    auto second = prompt("The same passphrase again: ");
    if (!second) {
        return second;
    }
    if (first->view() != second->view()) {
        return core::bad_input("the two passphrases differ; nothing was changed");
    }
    return first;
}

core::Result<storage::Store> open_store(const Context& ctx) {
    const auto path = store_path(ctx);
    // Check the file before asking for a passphrase: no point asking for a store that is not there.
    if (auto header = storage::read_store_header(path); !header) {
        return std::move(header).error();
    }
    auto pass = read_passphrase(ctx);
    if (!pass) {
        return std::move(pass).error();
    }
    storage::OpenOptions options;
    options.busy_timeout_ms = ctx.wait_seconds * 1000;
    options.now = app::clock().now_utc();
    for (char& c : options.now) {
        if (c == ':') {
            c = '-';
        }
    }
    return storage::Store::open(path, pass.value(), options);
}

storage::ChangeContext change_context(const std::string& command) {
    return storage::ChangeContext{app::clock().now_utc(), command};
}

} // namespace steadypay::cli
