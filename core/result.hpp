#pragma once
// Result<T>: the value of an operation that can fail for expected reasons (bad input, a wrong
// passphrase, I/O), or the Error that says what went wrong and where. A broken invariant is a
// bug, not an Error: it asserts.
//
//   Result<Money> r = Money::parse("12.50", usd);
//   if (!r) return r.error().context("bills[2].amount");   // "bills[2].amount: ..."
//   return bad_input("{0} is not a date that exists", quote_input(text));
//   Money m = r.value();

#include <date/date.h>

#include <cassert>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

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

// A message kept for later (in a table, or passed to a function that is not one of those below):
// marked with N_("...") so that the catalogue template finds it. Nothing else makes one, so a
// literal cannot reach a table or a parameter without being marked.
class Marked {
public:
    [[nodiscard]] constexpr const char* text() const noexcept { return m_text; }

private:
    constexpr explicit Marked(const char* english) : m_text(english) {}
    friend consteval Marked N_(const char* english);
    const char* m_text;
};

consteval Marked N_(const char* english) { return Marked(english); }

// What an error says, as the catalogues know it: an English string literal with numbered fields
// ("{0} is not a date that exists") that the error's facts fill. It is a message id, never a
// finished sentence: the app looks up its translation and writes each fact in the person's formats.
// consteval, so only a literal can be one. Every function that takes a Message (problem,
// problem_n, bad_input and the helpers that pass one on) is a keyword of po/CMakeLists.txt's
// xgettext, so the literal written at its call is in the catalogue template; the catalogue test
// fails when a function takes a Message and is not one.
struct Message {
    consteval Message(const char* english) : text(english) {}            // NOLINT: implicit by design
    constexpr Message(Marked marked) noexcept : text(marked.text()) {} // NOLINT: implicit by design
    const char* text;
};

// An amount an error is about (core/money.hpp's Money needs this header, so not Money itself):
// its minor units, its currency and the household file's writing of it ("-80.00").
struct AmountFact {
    std::int64_t minor = 0;
    std::string currency;
    std::string plain;
};
// Names or dates said together: "pay, phone, internet"; "2026-12-01, 2027-01-01".
struct ListFact {
    std::vector<std::string> names;
    std::vector<date::sys_days> dates;
};
// Words inside a message that are a message of their own ("a boolean" in "must be a string, not
// {0}"): translated before they fill the field.
struct Phrase {
    const char* text;
};
// One value a message's field shows: a text (a name, an id, what was typed, already quoted where
// the message quotes it), a date, an amount, a whole number, a list of names, or a phrase.
using Fact = std::variant<std::string, date::sys_days, AmountFact, std::int64_t, ListFact, Phrase>;

inline Fact to_fact(std::string s) {
    return s;
}
inline Fact to_fact(std::string_view s) {
    return std::string(s);
}
inline Fact to_fact(const char* s) {
    return std::string(s);
}
inline Fact to_fact(date::sys_days d) {
    return d;
}
inline Fact to_fact(ListFact l) {
    return l;
}
inline Fact to_fact(Marked m) {
    return Phrase{m.text()};
}
template <class N>
requires std::is_integral_v<N> Fact to_fact(N n) {
    if constexpr (std::is_unsigned_v<N> && sizeof(N) >= sizeof(std::int64_t)) {
        if (n > static_cast<N>(INT64_MAX)) {
            return std::to_string(n); // too large to be a count: said as it was written
        }
    }
    return static_cast<std::int64_t>(n);
}

// What went wrong, as facts: the kind (`code`), the message and the values it names, where it
// happened (outermost first: the file, then the JSON path or option), and what caused it.
// message() writes it in English with the household file's formats, for logs and tests; what a
// person reads is app::describe(), in their language.
struct Error {
    Errc code = Errc::internal;
    const char* what = "";
    const char* what_plural = nullptr; // the plural message, chosen by `count`
    std::uint64_t count = 0;
    std::vector<Fact> facts;
    std::vector<std::string> where;
    std::shared_ptr<const Error> cause; // said after the message: "cannot write the backup: ..."

    // "bills[2].rrule: COUNT=0 must be a whole number from 1 to 1000000".
    [[nodiscard]] std::string message() const;
    // The message's English with its fields filled, without where or cause.
    [[nodiscard]] std::string text() const;

    // Says where the error happened, outside what it already says: "bills[2].rrule" then "household.json".
    [[nodiscard]] Error context(std::string_view place) const& {
        Error e = *this;
        return std::move(e).context(place);
    }
    [[nodiscard]] Error context(std::string_view place) && {
        // A new list rather than an insert at the front, which GCC 12 -O2 warns about
        // (-Wnull-dereference inside std::vector::insert).
        std::vector<std::string> places;
        places.reserve(where.size() + 1);
        places.emplace_back(place);
        for (auto& w : where) {
            places.push_back(std::move(w));
        }
        where = std::move(places);
        return std::move(*this);
    }
    // This error, said as the consequence of `why`: "cannot write the backup: <why>".
    [[nodiscard]] Error because(Error why) && {
        cause = std::make_shared<const Error>(std::move(why));
        return std::move(*this);
    }
};

// `pattern` with its fields "{0}", "{1}"... replaced by `fields` ("{{" and "}}" are braces), as fmt
// would: what Error::text() does with the English, and the app with a translation.
[[nodiscard]] std::string fill_fields(std::string_view pattern, const std::vector<std::string>& fields);

// Error{code, message, facts...}: `facts` fill the message's fields in order.
template <class... F> [[nodiscard]] Error problem(Errc code, Message what, const F&... facts) {
    Error e;
    e.code = code;
    e.what = what.text;
    e.facts.reserve(sizeof...(F));
    (e.facts.push_back(to_fact(facts)), ...);
    return e;
}
// The same with a plural message: the form for `n` (which a field may show as well).
template <class... F>
[[nodiscard]] Error problem_n(Errc code, Message one, Message other, std::uint64_t n, const F&... facts) {
    Error e = problem(code, one, facts...);
    e.what_plural = other.text;
    e.count = n;
    return e;
}
template <class... F> [[nodiscard]] Error bad_input(Message what, const F&... facts) {
    return problem(Errc::bad_input, what, facts...);
}

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
