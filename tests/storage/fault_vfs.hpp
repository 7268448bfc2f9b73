#pragma once
// A SQLite VFS for tests that wraps the store's own VFS and fails the Nth write or sync, to show
// that no transaction is ever half-applied.

#include <string>

namespace steadypay::test {

enum class Fault { write, sync };

// Registers (once) and returns the VFS name "steadypay-faulty".
const char* fault_vfs_name();

// From now on, the `n`th call (1-based) of `kind` fails with an I/O error, and so does every
// later one (a disk that failed stays failed until the next arm or disarm).
void arm_fault(Fault kind, int n);
void disarm_fault();
// How many writes and syncs went through since the last arm/disarm.
int fault_calls(Fault kind);
bool fault_fired();

} // namespace steadypay::test
