#pragma once
// The household in the store's tables.
//
// Reading checks every field as it is read: a date that does not parse, a word the program does
// not know, an integer where text belongs or a count out of range is damage, named by table, row
// (the row's rowid) and field, never read as a guess (1970, zero, the first enum value):
//   "the store is damaged: bills row 12, field start: \"2026-13-40\" is not a date that exists"
//
// Writing compares the household with what the store holds and touches only the rows that
// differ: an edit of one bill updates one row. Lists keep their order through each row's
// `position`; a row whose place does not change keeps its position, so removing or adding an
// item rewrites no other row.

#include "core/household.hpp"
#include "storage/sqlite.hpp"

#include <string>
#include <vector>

namespace steadypay::storage {

struct Damage {
    std::string table;
    std::int64_t row = 0; // the row's rowid
    std::string field;
    core::Error problem;
};

// "bills row 12, field start: \"2026-13-40\" is not a date that exists"
[[nodiscard]] core::Error describe(const Damage& damage);

// Reads the household with this id. The first damaged field fails the read (Errc::store_unavailable,
// "the store is damaged: " + describe(...)), unless `damage` is given: then every damaged field is
// listed there, and the household comes back without the rows they are in (for verify).
[[nodiscard]] core::Result<core::Household> read_household(const Database& db, std::int64_t id,
                                                           std::vector<Damage>* damage = nullptr);

// Writes `after` where the store holds `before` (nullptr: no household yet), changing only the
// rows that differ. Foreign keys are checked at commit, so the order of the changes is free.
[[nodiscard]] core::Status write_household(const Database& db, std::int64_t id, const core::Household* before,
                                           const core::Household& after);

} // namespace steadypay::storage
