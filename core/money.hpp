#pragma once
// Money: an exact amount in integer minor units of one ISO 4217 currency.
//
// No floating point anywhere: "1234.50" ILS is 123450 agorot; "1500" JPY is 1500 yen (JPY has
// no minor unit); "1.250" KWD is 1250 fils. Arithmetic is checked: an overflow or a sum of two
// currencies is an error, never a wrap and never a silent conversion. Money * Money does not
// compile; Money * integer (a count) does.
//
//   auto ils = Currency::from_code("ILS").value();
//   Money rent = Money::parse("4200.00", ils).value();
//   Money low = rent * 2 - Money::parse("10000", ils).value();   // "-1600.00"

#include "core/result.hpp"

#include <compare>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace steadypay::core {

// Thrown by the Money operators on overflow or a currency mismatch. Public functions of core that
// compute with Money catch it and return an Error instead; it never crosses the core boundary.
class MoneyError : public std::runtime_error {
public:
    explicit MoneyError(Error error) : std::runtime_error(error.message()), m_error(std::move(error)) {}
    [[nodiscard]] Errc code() const noexcept { return m_error.code; }
    [[nodiscard]] const Error& error() const noexcept { return m_error; }

private:
    Error m_error;
};

class Currency {
public:
    // "XXX", ISO 4217's code for "no currency": a placeholder that combines with no real one.
    Currency() noexcept = default;

    // Looks up an active ISO 4217 code (upper case, three letters): "ILS" -> 2 minor digits.
    [[nodiscard]] static Result<Currency> from_code(std::string_view code);

    [[nodiscard]] std::string_view code() const noexcept { return {m_code, 3}; }
    [[nodiscard]] int minor_digits() const noexcept { return m_digits; }
    // 10^minor_digits: 100 for ILS, 1 for JPY, 1000 for KWD.
    [[nodiscard]] std::int64_t minor_per_major() const noexcept;

    friend bool operator==(const Currency& a, const Currency& b) noexcept { return a.m_key == b.m_key; }

private:
    Currency(std::string_view code, int digits) noexcept;
    char m_code[3] = {'X', 'X', 'X'};
    std::int8_t m_digits = 0;
    // The three letters packed into one integer, so comparing currencies is one instruction.
    std::uint32_t m_key = ('X' << 16) | ('X' << 8) | 'X';
};

// The widest amount a household may hold, in minor units either way (100000000000.00 in a
// currency with two decimals): sums of a lifetime of such amounts stay far from 64 bits' end.
inline constexpr std::int64_t k_max_amount_minor = 10'000'000'000'000;

class Money {
public:
    // Zero with no currency (XXX): a placeholder until a real amount is assigned.
    Money() noexcept = default;
    // Zero in the given currency.
    explicit Money(Currency currency) noexcept : m_currency(currency) {}
    [[nodiscard]] static Money from_minor(std::int64_t minor, Currency currency) noexcept {
        return Money(minor, currency);
    }

    // Parses a decimal string: an optional '-', digits, and optionally '.' followed by one up to
    // the currency's minor digits. "1234.50", "-80.00", "12", "12.5" (= 12.50) are amounts;
    // "1,234.50", "+5", ".5", "5.", "1e3", "12.345" (ILS), " 12" are not.
    [[nodiscard]] static Result<Money> parse(std::string_view text, Currency currency);

    // Always prints every minor digit: "1234.50", "-0.05", "1500" (JPY).
    [[nodiscard]] std::string to_string() const;

    [[nodiscard]] std::int64_t minor() const noexcept { return m_minor; }
    [[nodiscard]] Currency currency() const noexcept { return m_currency; }
    [[nodiscard]] bool is_zero() const noexcept { return m_minor == 0; }
    [[nodiscard]] bool is_negative() const noexcept { return m_minor < 0; }
    [[nodiscard]] bool is_positive() const noexcept { return m_minor > 0; }

    // Checked arithmetic that reports failure as a value.
    [[nodiscard]] Result<Money> checked_add(const Money& other) const;
    [[nodiscard]] Result<Money> checked_sub(const Money& other) const;
    [[nodiscard]] Result<Money> checked_mul(std::int64_t factor) const;

    // The same arithmetic, throwing MoneyError on failure (for use inside core computations).
    // Inline: the forecast applies them hundreds of thousands of times.
    friend Money operator+(const Money& a, const Money& b) {
        std::int64_t r = 0;
        if (!(a.m_currency == b.m_currency)) [[unlikely]] {
            throw_mismatch(a, b);
        }
        if (__builtin_add_overflow(a.m_minor, b.m_minor, &r)) [[unlikely]] {
            throw_overflow();
        }
        return from_minor(r, a.m_currency);
    }
    friend Money operator-(const Money& a, const Money& b) {
        std::int64_t r = 0;
        if (!(a.m_currency == b.m_currency)) [[unlikely]] {
            throw_mismatch(a, b);
        }
        if (__builtin_sub_overflow(a.m_minor, b.m_minor, &r)) [[unlikely]] {
            throw_overflow();
        }
        return from_minor(r, a.m_currency);
    }
    friend Money operator-(const Money& a) {
        std::int64_t r = 0;
        if (__builtin_sub_overflow(std::int64_t{0}, a.m_minor, &r)) [[unlikely]] {
            throw_overflow();
        }
        return from_minor(r, a.m_currency);
    }
    friend Money operator*(const Money& a, std::int64_t factor) {
        std::int64_t r = 0;
        if (__builtin_mul_overflow(a.m_minor, factor, &r)) [[unlikely]] {
            throw_overflow();
        }
        return from_minor(r, a.m_currency);
    }
    friend Money operator*(std::int64_t factor, const Money& a) { return a * factor; }
    Money& operator+=(const Money& other) { return *this = *this + other; }
    Money& operator-=(const Money& other) { return *this = *this - other; }

    // Ordering within one currency; comparing two currencies throws MoneyError.
    friend std::strong_ordering operator<=>(const Money& a, const Money& b) {
        if (!(a.m_currency == b.m_currency)) [[unlikely]] {
            throw_mismatch(a, b);
        }
        return a.m_minor <=> b.m_minor;
    }
    friend bool operator==(const Money& a, const Money& b) {
        return a.m_currency == b.m_currency && a.m_minor == b.m_minor;
    }

    // The amount halfway between a and b, rounded towards a: midpoint(10.00, 10.05) = 10.02.
    [[nodiscard]] static Money midpoint(const Money& a, const Money& b);

private:
    Money(std::int64_t minor, Currency currency) noexcept : m_minor(minor), m_currency(currency) {}
    [[noreturn]] static void throw_mismatch(const Money& a, const Money& b);
    [[noreturn]] static void throw_overflow();

    std::int64_t m_minor = 0;
    Currency m_currency;
};

[[nodiscard]] inline Money min(const Money& a, const Money& b) { return b < a ? b : a; }
[[nodiscard]] inline Money max(const Money& a, const Money& b) { return a < b ? b : a; }

// An amount as the fact of an error's message.
inline Fact to_fact(const Money& m) {
    return AmountFact{m.minor(), std::string(m.currency().code()), m.to_string()};
}

} // namespace steadypay::core
