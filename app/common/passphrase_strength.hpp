#pragma once
// A rough strength hint for a new passphrase, shown while it is typed. It estimates the guesses
// an attacker needs from its length and the kinds of characters in it, and always favours
// length: four random words beat eight characters of line noise.

#include <string>
#include <string_view>

namespace steadypay::app {

enum class Strength { too_short, weak, fair, strong, very_strong };

struct StrengthHint {
    Strength strength = Strength::too_short;
    double bits = 0; // estimated entropy
    std::string advice;
};

[[nodiscard]] StrengthHint passphrase_strength(std::string_view passphrase);

} // namespace steadypay::app
