// The strength hint shown while a new passphrase is typed.

#include "app/common/passphrase_strength.hpp"
#include "storage/store.hpp"

#include <catch2/catch.hpp>

using steadypay::app::passphrase_strength;
using steadypay::app::Strength;

TEST_CASE("passphrase strength: too short below the store's minimum", "[passphrase]") {
    const std::string short_one(steadypay::storage::k_min_passphrase_length - 1, 'x');
    const auto h = passphrase_strength(short_one);
    CHECK(h.strength == Strength::too_short);
    CHECK(h.advice.find(std::to_string(steadypay::storage::k_min_passphrase_length)) != std::string::npos);
    CHECK(passphrase_strength(short_one + "y").strength != Strength::too_short);
}

TEST_CASE("passphrase strength: guessable words and runs stay weak however long", "[passphrase]") {
    for (const char* p : {"password1234", "Password12345", "qwertyqwerty", "123456789012", "aaaaaaaaaaaaaaaa",
                          "letmein12345", "steadypay2026"}) {
        CAPTURE(p);
        CHECK(passphrase_strength(p).strength <= Strength::weak);
    }
}

TEST_CASE("passphrase strength: length wins, several words are strong", "[passphrase]") {
    CHECK(passphrase_strength("correct horse battery staple").strength >= Strength::strong);
    CHECK(passphrase_strength("maple tunnel orbit quiet lantern").strength == Strength::very_strong);
    // More words never make it weaker.
    CHECK(passphrase_strength("river candle mosaic").bits < passphrase_strength("river candle mosaic thunder").bits);
    // Mixed kinds of characters count for more than one kind at the same length.
    CHECK(passphrase_strength("k7#Qm2!vX9pL").bits > passphrase_strength("kqmvxplrtzsd").bits);
}
