#include "app/common/passphrase_strength.hpp"

#include "app/common/i18n.hpp"
#include "storage/store.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <string>

namespace steadypay::app {

namespace {

// Words and runs at the top of every password-guessing list.
constexpr std::string_view k_guessable[] = {"password", "passw0rd", "steadypay", "qwerty", "asdf",   "letmein",
                                            "welcome",  "iloveyou", "admin",     "monkey", "dragon", "abc123",
                                            "12345",    "23456",    "34567",     "45678",  "56789",  "98765",
                                            "abcdef",   "000000",   "111111",    "123123", "654321"};

} // namespace

StrengthHint passphrase_strength(std::string_view p) {
    StrengthHint h;
    if (p.size() < storage::k_min_passphrase_length) {
        h.advice = sayn("Use at least {0} character.", "Use at least {0} characters.", storage::k_min_passphrase_length,
                        static_cast<long long>(storage::k_min_passphrase_length));
        return h;
    }
    bool lower = false;
    bool upper = false;
    bool digit = false;
    bool other = false;
    std::set<char> distinct;
    for (char c : p) {
        const auto u = static_cast<unsigned char>(c);
        lower = lower || std::islower(u);
        upper = upper || std::isupper(u);
        digit = digit || std::isdigit(u);
        other = other || !std::isalnum(u);
        distinct.insert(c);
    }
    const int pool = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (other ? 33 : 0);
    // Repeated characters add little: count length by distinct characters, plus a little for the rest.
    double effective = static_cast<double>(distinct.size()) + 0.25 * static_cast<double>(p.size() - distinct.size());
    // The first things an attacker tries count as about one character each, however long.
    std::string folded(p);
    for (char& c : folded) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    for (std::string_view guessable : k_guessable) {
        if (folded.find(guessable) != std::string::npos) {
            effective -= static_cast<double>(guessable.size() - 1);
        }
    }
    effective = std::max(effective, 1.0);
    h.bits = effective * std::log2(std::max(pool, 2));
    if (h.bits < 40) {
        h.strength = Strength::weak;
        h.advice = tr("Weak: add more words.");
    } else if (h.bits < 60) {
        h.strength = Strength::fair;
        h.advice = tr("Fair: a few more words would make it strong.");
    } else if (h.bits < 90) {
        h.strength = Strength::strong;
        h.advice = tr("Strong.");
    } else {
        h.strength = Strength::very_strong;
        h.advice = tr("Very strong.");
    }
    return h;
}

} // namespace steadypay::app
