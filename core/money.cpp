#include "core/money.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <array>
#include <limits>

namespace steadypay::core {

namespace {

struct CurrencyInfo {
    std::string_view code;
    int digits;
};

// Active ISO 4217 codes and their minor units (ISO 4217 amendment list, 2024). Kept sorted by
// code for binary search; the test suite checks the order.
constexpr std::array k_currencies{
    CurrencyInfo{"AED", 2}, CurrencyInfo{"AFN", 2}, CurrencyInfo{"ALL", 2}, CurrencyInfo{"AMD", 2},
    CurrencyInfo{"ANG", 2}, CurrencyInfo{"AOA", 2}, CurrencyInfo{"ARS", 2}, CurrencyInfo{"AUD", 2},
    CurrencyInfo{"AWG", 2}, CurrencyInfo{"AZN", 2}, CurrencyInfo{"BAM", 2}, CurrencyInfo{"BBD", 2},
    CurrencyInfo{"BDT", 2}, CurrencyInfo{"BGN", 2}, CurrencyInfo{"BHD", 3}, CurrencyInfo{"BIF", 0},
    CurrencyInfo{"BMD", 2}, CurrencyInfo{"BND", 2}, CurrencyInfo{"BOB", 2}, CurrencyInfo{"BRL", 2},
    CurrencyInfo{"BSD", 2}, CurrencyInfo{"BTN", 2}, CurrencyInfo{"BWP", 2}, CurrencyInfo{"BYN", 2},
    CurrencyInfo{"BZD", 2}, CurrencyInfo{"CAD", 2}, CurrencyInfo{"CDF", 2}, CurrencyInfo{"CHF", 2},
    CurrencyInfo{"CLF", 4}, CurrencyInfo{"CLP", 0}, CurrencyInfo{"CNY", 2}, CurrencyInfo{"COP", 2},
    CurrencyInfo{"CRC", 2}, CurrencyInfo{"CUP", 2}, CurrencyInfo{"CVE", 2}, CurrencyInfo{"CZK", 2},
    CurrencyInfo{"DJF", 0}, CurrencyInfo{"DKK", 2}, CurrencyInfo{"DOP", 2}, CurrencyInfo{"DZD", 2},
    CurrencyInfo{"EGP", 2}, CurrencyInfo{"ERN", 2}, CurrencyInfo{"ETB", 2}, CurrencyInfo{"EUR", 2},
    CurrencyInfo{"FJD", 2}, CurrencyInfo{"FKP", 2}, CurrencyInfo{"GBP", 2}, CurrencyInfo{"GEL", 2},
    CurrencyInfo{"GHS", 2}, CurrencyInfo{"GIP", 2}, CurrencyInfo{"GMD", 2}, CurrencyInfo{"GNF", 0},
    CurrencyInfo{"GTQ", 2}, CurrencyInfo{"GYD", 2}, CurrencyInfo{"HKD", 2}, CurrencyInfo{"HNL", 2},
    CurrencyInfo{"HTG", 2}, CurrencyInfo{"HUF", 2}, CurrencyInfo{"IDR", 2}, CurrencyInfo{"ILS", 2},
    CurrencyInfo{"INR", 2}, CurrencyInfo{"IQD", 3}, CurrencyInfo{"IRR", 2}, CurrencyInfo{"ISK", 0},
    CurrencyInfo{"JMD", 2}, CurrencyInfo{"JOD", 3}, CurrencyInfo{"JPY", 0}, CurrencyInfo{"KES", 2},
    CurrencyInfo{"KGS", 2}, CurrencyInfo{"KHR", 2}, CurrencyInfo{"KMF", 0}, CurrencyInfo{"KPW", 2},
    CurrencyInfo{"KRW", 0}, CurrencyInfo{"KWD", 3}, CurrencyInfo{"KYD", 2}, CurrencyInfo{"KZT", 2},
    CurrencyInfo{"LAK", 2}, CurrencyInfo{"LBP", 2}, CurrencyInfo{"LKR", 2}, CurrencyInfo{"LRD", 2},
    CurrencyInfo{"LSL", 2}, CurrencyInfo{"LYD", 3}, CurrencyInfo{"MAD", 2}, CurrencyInfo{"MDL", 2},
    CurrencyInfo{"MGA", 2}, CurrencyInfo{"MKD", 2}, CurrencyInfo{"MMK", 2}, CurrencyInfo{"MNT", 2},
    CurrencyInfo{"MOP", 2}, CurrencyInfo{"MRU", 2}, CurrencyInfo{"MUR", 2}, CurrencyInfo{"MVR", 2},
    CurrencyInfo{"MWK", 2}, CurrencyInfo{"MXN", 2}, CurrencyInfo{"MYR", 2}, CurrencyInfo{"MZN", 2},
    CurrencyInfo{"NAD", 2}, CurrencyInfo{"NGN", 2}, CurrencyInfo{"NIO", 2}, CurrencyInfo{"NOK", 2},
    CurrencyInfo{"NPR", 2}, CurrencyInfo{"NZD", 2}, CurrencyInfo{"OMR", 3}, CurrencyInfo{"PAB", 2},
    CurrencyInfo{"PEN", 2}, CurrencyInfo{"PGK", 2}, CurrencyInfo{"PHP", 2}, CurrencyInfo{"PKR", 2},
    CurrencyInfo{"PLN", 2}, CurrencyInfo{"PYG", 0}, CurrencyInfo{"QAR", 2}, CurrencyInfo{"RON", 2},
    CurrencyInfo{"RSD", 2}, CurrencyInfo{"RUB", 2}, CurrencyInfo{"RWF", 0}, CurrencyInfo{"SAR", 2},
    CurrencyInfo{"SBD", 2}, CurrencyInfo{"SCR", 2}, CurrencyInfo{"SDG", 2}, CurrencyInfo{"SEK", 2},
    CurrencyInfo{"SGD", 2}, CurrencyInfo{"SHP", 2}, CurrencyInfo{"SLE", 2}, CurrencyInfo{"SOS", 2},
    CurrencyInfo{"SRD", 2}, CurrencyInfo{"SSP", 2}, CurrencyInfo{"STN", 2}, CurrencyInfo{"SVC", 2},
    CurrencyInfo{"SYP", 2}, CurrencyInfo{"SZL", 2}, CurrencyInfo{"THB", 2}, CurrencyInfo{"TJS", 2},
    CurrencyInfo{"TMT", 2}, CurrencyInfo{"TND", 3}, CurrencyInfo{"TOP", 2}, CurrencyInfo{"TRY", 2},
    CurrencyInfo{"TTD", 2}, CurrencyInfo{"TWD", 2}, CurrencyInfo{"TZS", 2}, CurrencyInfo{"UAH", 2},
    CurrencyInfo{"UGX", 0}, CurrencyInfo{"USD", 2}, CurrencyInfo{"UYI", 0}, CurrencyInfo{"UYU", 2},
    CurrencyInfo{"UYW", 4}, CurrencyInfo{"UZS", 2}, CurrencyInfo{"VED", 2}, CurrencyInfo{"VES", 2},
    CurrencyInfo{"VND", 0}, CurrencyInfo{"VUV", 0}, CurrencyInfo{"WST", 2}, CurrencyInfo{"XAF", 0},
    CurrencyInfo{"XCD", 2}, CurrencyInfo{"XOF", 0}, CurrencyInfo{"XPF", 0}, CurrencyInfo{"YER", 2},
    CurrencyInfo{"ZAR", 2}, CurrencyInfo{"ZMW", 2}, CurrencyInfo{"ZWG", 2},
};

static_assert(std::is_sorted(k_currencies.begin(), k_currencies.end(),
                             [](const CurrencyInfo& a, const CurrencyInfo& b) { return a.code < b.code; }),
              "the currency table must stay sorted by code");

constexpr std::array<std::int64_t, 5> k_pow10{1, 10, 100, 1000, 10000};

void require_same_currency(const Money& a, const Money& b) {
    if (!(a.currency() == b.currency())) [[unlikely]] {
        throw MoneyError(problem(Errc::currency_mismatch, "cannot combine {0} and {1} amounts", a.currency().code(),
                                 b.currency().code()));
    }
}

template <class F> Result<Money> catching(F&& f) {
    try {
        return f();
    } catch (const MoneyError& e) {
        return e.error();
    }
}

} // namespace

Currency::Currency(std::string_view code, int digits) noexcept : m_digits(static_cast<std::int8_t>(digits)) {
    std::copy_n(code.begin(), 3, m_code);
    m_key = (static_cast<std::uint32_t>(static_cast<unsigned char>(code[0])) << 16) |
            (static_cast<std::uint32_t>(static_cast<unsigned char>(code[1])) << 8) |
            static_cast<std::uint32_t>(static_cast<unsigned char>(code[2]));
}

Result<Currency> Currency::from_code(std::string_view code) {
    auto it = std::lower_bound(k_currencies.begin(), k_currencies.end(), code,
                               [](const CurrencyInfo& info, std::string_view c) { return info.code < c; });
    if (code.size() != 3 || it == k_currencies.end() || it->code != code) {
        return bad_input("{0} is not an ISO 4217 currency code (such as USD, EUR, ILS)", quote_input(code));
    }
    return Currency(it->code, it->digits);
}

std::int64_t Currency::minor_per_major() const noexcept { return k_pow10[static_cast<std::size_t>(m_digits)]; }

Result<Money> Money::parse(std::string_view text, Currency currency) {
    const auto fail = [&](Error why) {
        return bad_input("{0} is not an amount", quote_input(text)).because(std::move(why));
    };
    const int digits = currency.minor_digits();
    std::size_t i = 0;
    bool negative = false;
    if (i < text.size() && text[i] == '-') {
        negative = true;
        ++i;
    }
    const std::size_t int_begin = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        ++i;
    }
    const std::size_t int_end = i;
    std::size_t frac_begin = i;
    std::size_t frac_end = i;
    if (i < text.size() && text[i] == '.') {
        frac_begin = ++i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
            ++i;
        }
        frac_end = i;
        if (frac_end == frac_begin) {
            return fail(bad_input("a '.' must be followed by digits"));
        }
    }
    const std::string example = digits == 0 ? "\"1234\"" : "\"1234." + std::string(static_cast<std::size_t>(digits), '5') + "\"";
    if (i != text.size() || int_end == int_begin) {
        return fail(bad_input("write digits with an optional '-' and '.', like {0} (no spaces, signs other than '-', "
                              "or thousands separators)",
                              example));
    }
    const auto frac_len = frac_end - frac_begin;
    if (frac_len > static_cast<std::size_t>(digits)) {
        return fail(problem_n(Errc::bad_input, "{0} has {1} decimal", "{0} has {1} decimals",
                              static_cast<std::uint64_t>(digits), currency.code(), digits));
    }
    constexpr auto max = std::numeric_limits<std::int64_t>::max();
    std::int64_t value = 0;
    const auto push_digit = [&](char c) {
        const int d = c - '0';
        if (value > (max - d) / 10) {
            return false;
        }
        value = value * 10 + d;
        return true;
    };
    for (std::size_t k = int_begin; k < int_end; ++k) {
        if (!push_digit(text[k])) {
            return problem(Errc::overflow, "{0} is too large an amount", quote_input(text));
        }
    }
    for (std::size_t k = 0; k < static_cast<std::size_t>(digits); ++k) {
        if (!push_digit(k < frac_len ? text[frac_begin + k] : '0')) {
            return problem(Errc::overflow, "{0} is too large an amount", quote_input(text));
        }
    }
    return from_minor(negative ? -value : value, currency);
}

std::string Money::to_string() const {
    const int digits = m_currency.minor_digits();
    // Work on the magnitude as unsigned so INT64_MIN prints correctly.
    const bool negative = m_minor < 0;
    const std::uint64_t magnitude =
        negative ? static_cast<std::uint64_t>(-(m_minor + 1)) + 1U : static_cast<std::uint64_t>(m_minor);
    std::string s = std::to_string(magnitude);
    if (digits > 0) {
        const auto d = static_cast<std::size_t>(digits);
        if (s.size() <= d) {
            s.insert(0, d + 1 - s.size(), '0');
        }
        s.insert(s.size() - d, 1, '.');
    }
    if (negative) {
        s.insert(0, 1, '-');
    }
    return s;
}

Result<Money> Money::checked_add(const Money& other) const {
    return catching([&] { return *this + other; });
}
Result<Money> Money::checked_sub(const Money& other) const {
    return catching([&] { return *this - other; });
}
Result<Money> Money::checked_mul(std::int64_t factor) const {
    return catching([&] { return *this * factor; });
}

void Money::throw_overflow() {
    throw MoneyError(problem(Errc::overflow, "an amount went past the largest Steadypay can count"));
}

void Money::throw_mismatch(const Money& a, const Money& b) {
    require_same_currency(a, b);
    throw MoneyError(problem(Errc::currency_mismatch, "cannot combine {0} and {1} amounts", a.currency().code(),
                             b.currency().code())); // not reached: the check above throws
}

Money Money::midpoint(const Money& a, const Money& b) {
    require_same_currency(a, b);
    // The distance between two int64 values always fits in uint64, and half of it in int64.
    const std::int64_t lo = std::min(a.m_minor, b.m_minor);
    const std::int64_t hi = std::max(a.m_minor, b.m_minor);
    const std::uint64_t distance = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo);
    std::int64_t half = lo + static_cast<std::int64_t>(distance / 2);
    // An odd distance puts the exact midpoint between two units: take the one towards a.
    if (distance % 2 != 0 && a.m_minor == hi) {
        ++half;
    }
    return Money::from_minor(half, a.m_currency);
}

} // namespace steadypay::core
