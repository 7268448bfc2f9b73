#pragma once
// The store's schema, as numbered migrations. Migration N brings a store from user_version N-1
// to N; each runs in one transaction. Never edit a released migration: add the next one.

#include <cstdint>
#include <span>

namespace steadypay::storage {

// The household a store of one person keeps its rows under (a caseload will hold more).
inline constexpr std::int64_t k_household_id = 1;

struct Migration {
    int version;
    const char* description;
    const char* sql;
};

[[nodiscard]] std::span<const Migration> migrations();

} // namespace steadypay::storage
