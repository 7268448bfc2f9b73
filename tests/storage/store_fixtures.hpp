#pragma once
// What the store tests share: a quick key derivation, the specification's example household.

#include "storage/household_file.hpp"
#include "storage/store.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

namespace steadypay::test {

// A low iteration count, so that each open is fast; the header records it, so the file opens
// like any other. (Stores made by the program use 256,000: see the command line's tests.)
inline storage::CipherSettings fast_cipher() {
    storage::CipherSettings c;
    c.kdf_iter = 2000;
    return c;
}

inline core::Household spec_household() {
    auto h = storage::load_household_file(std::filesystem::path(STEADYPAY_TEST_DATA_DIR) / "spec-example.json");
    REQUIRE(h.ok());
    return h.value();
}

} // namespace steadypay::test
