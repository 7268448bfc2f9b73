#pragma once
// Result<T>: the value of an operation that can fail for expected reasons (bad input, a wrong
// passphrase, I/O), or the Error that says what went wrong and where. A broken invariant is a
// bug, not an Error: it asserts.
//
//   Result<Money> r = Money::parse("12.50", usd);
//   if (!r) return r.error().context("bills[2].amount");   // "bills[2].amount: ..."
//   Money m = r.value();

#include <cassert>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

namespace steadypay::core {

// What kind of failure; the command line maps these to its exit codes.
enum class Errc {
    bad_input,         // malformed or invalid input: exit 2
    overflow,          // an amount too large to represent: exit 2
    currency_mismatch, // two currencies met in one sum: exit 2
    not_found,         // a referenced item, date or file does not exist: exit 2
    wrong_passphrase,  // exit 3
    store_unavailable, // missing, corrupt or foreign store file: exit 4
    busy,              // another program kept the store locked past the wait: exit 5
    conflict,          // the store changed since the change was prepared: exit 5
    io,                // the operating system refused a read or write
    network,           // a network operation failed
    internal,          // a bug or an unexpected library failure: exit 1
};

struct Error {
    Errc code = Errc::internal;
    std::string message;

    // Prefixes the message with where the error happened: "bills[2].rrule" + ": " + message.
    [[nodiscard]] Error context(std::string_view where) const& {
        return Error{code, std::string(where) + ": " + message};
    }
    [[nodiscard]] Error context(std::string_view where) && {
        message.insert(0, std::string(where) + ": ");
        return std::move(*this);
    }
};

[[nodiscard]] inline Error bad_input(std::string message) { return Error{Errc::bad_input, std::move(message)}; }

template <class T> class [[nodiscard]] Result {
public:
    using value_type = T;

    Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {}           // NOLINT: implicit by design
    Result(Error error) : m_v(std::in_place_index<1>, std::move(error)) {}       // NOLINT: implicit by design

    [[nodiscard]] bool ok() const noexcept { return m_v.index() == 0; }
    explicit operator bool() const noexcept { return ok(); }

    [[nodiscard]] T& value() & {
        assert(ok());
        return std::get<0>(m_v);
    }
    [[nodiscard]] const T& value() const& {
        assert(ok());
        return std::get<0>(m_v);
    }
    [[nodiscard]] T&& value() && {
        assert(ok());
        return std::get<0>(std::move(m_v));
    }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    [[nodiscard]] const Error& error() const& {
        assert(!ok());
        return std::get<1>(m_v);
    }
    [[nodiscard]] Error&& error() && {
        assert(!ok());
        return std::get<1>(std::move(m_v));
    }

private:
    std::variant<T, Error> m_v;
};

template <> class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_failed(true) {} // NOLINT: implicit by design

    [[nodiscard]] bool ok() const noexcept { return !m_failed; }
    explicit operator bool() const noexcept { return ok(); }
    [[nodiscard]] const Error& error() const& {
        assert(m_failed);
        return m_error;
    }
    [[nodiscard]] Error&& error() && {
        assert(m_failed);
        return std::move(m_error);
    }

private:
    Error m_error;
    bool m_failed = false;
};

using Status = Result<void>;

} // namespace steadypay::core
