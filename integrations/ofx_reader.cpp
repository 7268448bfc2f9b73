#include "integrations/ofx_reader.hpp"

#include "core/text.hpp"

#include <libofx/libofx.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <clocale>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace steadypay::integrations {

namespace fs = std::filesystem;
using core::Errc;
using core::Result;

namespace {

constexpr std::size_t k_max_ofx_bytes = 64 * 1024 * 1024;
constexpr std::size_t k_max_reply_bytes = 256 * 1024 * 1024;

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

// The child's reply: one record a line, fields split by TAB, with TAB, newline and backslash escaped.
std::string escape(std::string_view s) {
    std::string out;
    for (const char c : s) {
        if (c == '\t') {
            out += "\\t";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\\') {
            out += "\\\\";
        } else if (c != '\r') {
            out.push_back(c);
        }
    }
    return out;
}

std::string unescape(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            const char n = s[++i];
            out.push_back(n == 't' ? '\t' : n == 'n' ? '\n' : n);
        } else {
            out.push_back(s[i]);
        }
    }
    return out;
}

std::vector<std::string> split(std::string_view line) {
    std::vector<std::string> out;
    std::size_t at = 0;
    while (true) {
        const auto tab = line.find('\t', at);
        out.push_back(unescape(line.substr(at, tab == std::string_view::npos ? std::string_view::npos : tab - at)));
        if (tab == std::string_view::npos) {
            return out;
        }
        at = tab + 1;
    }
}

std::string number(double d) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", d);
    return buf;
}

struct ChildOut {
    std::string text;
};

void add_line(ChildOut& out, std::initializer_list<std::string> fields) {
    bool first = true;
    for (const auto& f : fields) {
        if (!first) {
            out.text.push_back('\t');
        }
        first = false;
        out.text += escape(f);
    }
    out.text.push_back('\n');
}

std::string valid_text(const char* s, int valid) { return valid ? std::string(s) : std::string(); }
std::string valid_time(time_t t, int valid) { return valid ? std::to_string(static_cast<long long>(t)) : std::string(); }

int on_statement(const struct OfxStatementData data, void* self) {
    add_line(*static_cast<ChildOut*>(self),
             {"S", valid_text(data.account_id, data.account_id_valid), valid_text(data.currency, data.currency_valid),
              data.ledger_balance_valid ? number(data.ledger_balance) : "",
              valid_time(data.ledger_balance_date, data.ledger_balance_date_valid),
              data.available_balance_valid ? number(data.available_balance) : "",
              valid_time(data.available_balance_date, data.available_balance_date_valid),
              valid_time(data.date_end, data.date_end_valid)});
    return 0;
}

int on_account(const struct OfxAccountData data, void* self) {
    add_line(*static_cast<ChildOut*>(self),
             {"A", valid_text(data.account_id, data.account_id_valid),
              valid_text(data.account_number, data.account_number_valid),
              valid_text(data.currency, data.currency_valid)});
    return 0;
}

int on_transaction(const struct OfxTransactionData data, void* self) {
    add_line(*static_cast<ChildOut*>(self),
             {"T", valid_text(data.account_id, data.account_id_valid), valid_text(data.fi_id, data.fi_id_valid),
              data.amount_valid ? number(data.amount) : "", valid_time(data.date_posted, data.date_posted_valid),
              valid_text(data.name, data.name_valid), valid_text(data.memo, data.memo_valid),
              data.transactiontype_valid ? std::to_string(static_cast<int>(data.transactiontype)) : "",
              valid_text(data.check_number, data.check_number_valid),
              valid_time(data.date_funds_available, data.date_funds_available_valid),
              valid_text(data.payee_id, data.payee_id_valid)});
    return 0;
}

// In the child: parse, write the reply, and go, without running the parent's exit handlers.
[[noreturn]] void run_child(const fs::path& file, const fs::path& private_dir, int fd, int timeout_seconds) {
    const int null = ::open("/dev/null", O_RDWR | O_CLOEXEC);
    if (null >= 0) {
        ::dup2(null, STDIN_FILENO);
        ::dup2(null, STDOUT_FILENO);
        ::dup2(null, STDERR_FILENO);
    }
    ::setenv("TMPDIR", private_dir.c_str(), 1);
    ::setenv("TMP", private_dir.c_str(), 1);
    ::setenv("TEMP", private_dir.c_str(), 1);
    std::setlocale(LC_ALL, "C");
    ::alarm(static_cast<unsigned>(std::max(1, timeout_seconds)));
    ofx_PARSER_msg = 0;
    ofx_DEBUG_msg = 0;
    ofx_WARNING_msg = 0;
    ofx_ERROR_msg = 0;
    ofx_INFO_msg = 0;
    ofx_STATUS_msg = 0;
    ChildOut out;
    LibofxContextPtr ctx = libofx_get_new_context();
    ofx_set_statement_cb(ctx, on_statement, &out);
    ofx_set_account_cb(ctx, on_account, &out);
    ofx_set_transaction_cb(ctx, on_transaction, &out);
    const int rc = libofx_proc_file(ctx, file.c_str(), AUTODETECT);
    libofx_free_context(ctx);
    add_line(out, {"E", std::to_string(rc)});
    const char* p = out.text.data();
    std::size_t left = out.text.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, left);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            ::_exit(3);
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    ::_exit(0);
}

fs::path private_root(const OfxOptions& options) {
    if (!options.private_root.empty()) {
        return options.private_root;
    }
    std::error_code ec;
    if (const char* xdg = std::getenv("XDG_RUNTIME_DIR"); xdg && *xdg == '/' && fs::is_directory(xdg, ec)) {
        return xdg;
    }
    if (fs::is_directory("/dev/shm", ec) && ::access("/dev/shm", W_OK) == 0) {
        return "/dev/shm";
    }
    return fs::temp_directory_path(ec);
}

Result<std::optional<core::Date>> day_of(const std::string& seconds, std::string_view what) {
    if (seconds.empty()) {
        return std::optional<core::Date>{};
    }
    char* end = nullptr;
    errno = 0;
    const long long t = std::strtoll(seconds.c_str(), &end, 10);
    if (errno != 0 || *end != '\0') {
        return core::bad_input("LibOFX gave {0} a date it cannot have", std::string(what));
    }
    const auto day = date::floor<date::days>(std::chrono::sys_seconds{std::chrono::seconds{t}});
    return std::optional<core::Date>{core::Date{day}};
}

// A double from LibOFX as exact minor units, at once.
Result<core::Money> money_of(const std::string& text, const core::Currency& currency) {
    char* end = nullptr;
    const double d = std::strtod(text.c_str(), &end);
    const double scaled = d * static_cast<double>(currency.minor_per_major());
    if (*end != '\0' || !std::isfinite(d) || std::fabs(scaled) > static_cast<double>(core::k_max_amount_minor)) {
        return core::bad_input("{0} is not an amount this program can hold", core::quote_input(text));
    }
    return core::Money::from_minor(std::llround(scaled), currency);
}

core::TransactionKind kind_of(const std::string& type) {
    if (type.empty()) {
        return core::TransactionKind::other;
    }
    switch (static_cast<TransactionType>(std::atoi(type.c_str()))) {
    case OFX_POS:
        return core::TransactionKind::card;
    case OFX_XFER:
    case OFX_PAYMENT:
    case OFX_DIRECTDEP:
    case OFX_DIRECTDEBIT:
    case OFX_REPEATPMT:
    case OFX_DEP:
        return core::TransactionKind::transfer;
    case OFX_CHECK:
        return core::TransactionKind::check;
    case OFX_ATM:
    case OFX_CASH:
        return core::TransactionKind::cash;
    case OFX_FEE:
    case OFX_SRVCHG:
        return core::TransactionKind::fee;
    case OFX_INT:
    case OFX_DIV:
        return core::TransactionKind::interest;
    default:
        return core::TransactionKind::other;
    }
}

std::string clean(const std::string& s) { return core::is_clean_text(s) ? s : core::printable(s); }

} // namespace

bool looks_like_ofx(std::string_view bytes) {
    const auto head = lower(bytes.substr(0, 4096));
    return head.find("ofxheader") != std::string::npos || head.find("<ofx>") != std::string::npos ||
           head.find("<?ofx") != std::string::npos;
}

core::Status check_ofx_shape(std::string_view bytes) {
    if (bytes.size() > k_max_ofx_bytes) {
        return core::bad_input("is larger than an OFX statement can be ({0} bytes at most)", k_max_ofx_bytes);
    }
    if (bytes.find('\0') != std::string_view::npos) {
        return core::bad_input("is not an OFX file (it has NUL bytes)");
    }
    if (!looks_like_ofx(bytes)) {
        return core::bad_input("is not an OFX file (no OFX header or <OFX> element)");
    }
    const auto all = lower(bytes);
    if (all.find("<ofx>") == std::string::npos) {
        return core::bad_input("is not an OFX file (no <OFX> element)");
    }
    if (all.find("<stmttrn>") == std::string::npos && all.find("<ledgerbal>") == std::string::npos) {
        return core::bad_input("has no bank or card statement (no <STMTTRN> or <LEDGERBAL>)");
    }
    return {};
}

Result<core::Statement> read_ofx(const fs::path& file, std::string_view bytes, const core::Currency& currency,
                                 const OfxOptions& options) {
    if (auto s = check_ofx_shape(bytes); !s) {
        return std::move(s).error().context(file.string());
    }
    const auto root = private_root(options);
    std::string tmpl = (root / "steadypay-ofx-XXXXXX").string();
    if (::mkdtemp(tmpl.data()) == nullptr) {
        return problem(Errc::io, "cannot make a private folder for reading the statement ({0})", std::strerror(errno))
            .context(root.string());
    }
    const fs::path private_dir = tmpl;
    const auto cleanup = [&] {
        std::error_code ec;
        fs::remove_all(private_dir, ec);
    };
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        cleanup();
        return problem(Errc::io, "cannot start the OFX reader ({0})", std::strerror(errno));
    }
    std::fflush(nullptr);
    const pid_t pid = ::fork();
    if (pid < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        cleanup();
        return problem(Errc::io, "cannot start the OFX reader ({0})", std::strerror(errno));
    }
    if (pid == 0) {
        ::close(fds[0]);
        run_child(file, private_dir, fds[1], options.timeout_seconds);
    }
    ::close(fds[1]);
    std::string reply;
    char buf[65536];
    bool too_much = false;
    while (true) {
        const ssize_t n = ::read(fds[0], buf, sizeof buf);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        if (reply.size() + static_cast<std::size_t>(n) > k_max_reply_bytes) {
            too_much = true;
            ::kill(pid, SIGKILL);
            break;
        }
        reply.append(buf, static_cast<std::size_t>(n));
    }
    ::close(fds[0]);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    cleanup();
    const bool finished = reply.rfind("E\t", 0) == 0 || reply.find("\nE\t") != std::string::npos;
    if (too_much || !WIFEXITED(status) || WEXITSTATUS(status) != 0 || !finished) {
        if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM) {
            return core::bad_input("LibOFX took longer than {0} seconds on this file and was stopped",
                                   options.timeout_seconds)
                .context(file.string());
        }
        return core::bad_input("LibOFX could not read this file: it stopped on it (the file is damaged or hostile)")
            .context(file.string());
    }

    // The statements by account, in the file's order.
    struct Found {
        std::string account;
        core::Statement statement;
    };
    std::vector<Found> found;
    const auto statement_of = [&](const std::string& account) -> core::Statement& {
        for (auto& f : found) {
            if (f.account == account) {
                return f.statement;
            }
        }
        found.push_back(Found{account, {}});
        found.back().statement.format = "ofx";
        found.back().statement.account_hint = account;
        return found.back().statement;
    };
    std::size_t at = 0;
    while (at < reply.size()) {
        auto end = reply.find('\n', at);
        end = end == std::string::npos ? reply.size() : end;
        const auto f = split(std::string_view(reply).substr(at, end - at));
        at = end + 1;
        if (f.empty()) {
            continue;
        }
        if (f[0] == "S" && f.size() >= 8) {
            auto& st = statement_of(f[1]);
            st.currency = f[2];
            auto ledger_day = day_of(f[4], "the ledger balance");
            auto avail_day = day_of(f[6], "the available balance");
            auto end_day = day_of(f[7], "the statement's end");
            if (!ledger_day || !avail_day || !end_day) {
                return (!ledger_day ? std::move(ledger_day).error()
                                    : !avail_day ? std::move(avail_day).error() : std::move(end_day).error())
                    .context(file.string());
            }
            if (!f[3].empty()) {
                auto m = money_of(f[3], currency);
                if (!m) {
                    return std::move(m).error().context("LEDGERBAL").context(file.string());
                }
                const auto on = ledger_day.value() ? ledger_day.value() : end_day.value();
                if (on) {
                    st.ledger = core::StatementBalance{m.value(), *on};
                }
            }
            if (!f[5].empty() && (avail_day.value() || end_day.value())) {
                auto m = money_of(f[5], currency);
                if (!m) {
                    return std::move(m).error().context("AVAILBAL").context(file.string());
                }
                st.available = core::StatementBalance{m.value(), avail_day.value() ? *avail_day.value() : *end_day.value()};
            }
        } else if (f[0] == "A" && f.size() >= 4) {
            auto& st = statement_of(f[1]);
            if (st.currency.empty()) {
                st.currency = f[3];
            }
        } else if (f[0] == "T" && f.size() >= 11) {
            auto& st = statement_of(f[1]);
            const std::string place = f[2].empty() ? std::string("STMTTRN") : "STMTTRN " + core::quote_input(f[2]);
            auto posted = day_of(f[4], "a transaction");
            if (!posted || !posted.value()) {
                return core::bad_input("a transaction has no posted date (DTPOSTED)").context(place).context(file.string());
            }
            if (f[3].empty()) {
                return core::bad_input("a transaction has no amount (TRNAMT)").context(place).context(file.string());
            }
            auto amount = money_of(f[3], currency);
            if (!amount) {
                return std::move(amount).error().context(place).context(file.string());
            }
            core::Transaction t;
            t.posted = *posted.value();
            t.amount = amount.value();
            t.payee = clean(f[5]);
            t.memo = clean(f[6]);
            t.kind = kind_of(f[7]);
            t.source_id = clean(f[2]);
            if (auto a = day_of(f[9], "a transaction's funds"); a && a.value() && *a.value() > t.posted) {
                t.available = *a.value();
            }
            if (t.payee.empty() && !f[8].empty()) {
                t.payee = "#" + clean(f[8]); // a check with no payee: its number
            }
            st.transactions.push_back(std::move(t));
        }
    }
    if (found.empty()) {
        return core::bad_input("has no statement LibOFX could read").context(file.string());
    }
    const Found* chosen = nullptr;
    if (found.size() == 1) {
        chosen = &found.front();
    } else if (!options.account.empty()) {
        for (const auto& f : found) {
            if (f.account == options.account ||
                (f.account.size() >= options.account.size() &&
                 f.account.compare(f.account.size() - options.account.size(), options.account.size(), options.account) == 0)) {
                chosen = &f;
                break;
            }
        }
    }
    if (chosen == nullptr) {
        core::ListFact accounts;
        for (const auto& f : found) {
            accounts.names.push_back(f.account);
        }
        return core::bad_input("has statements of several accounts ({0}): say which one", accounts)
            .context(file.string());
    }
    auto st = chosen->statement;
    if (!st.currency.empty() && st.currency.size() != 3) {
        st.currency.clear();
    }
    return st;
}

} // namespace steadypay::integrations
