#pragma once
// How commands reach the encrypted store: its path, the passphrase, and opening it.
//
// The passphrase comes from --passphrase-file (its first line), else STEADYPAY_PASSPHRASE, else a
// prompt without echo when standard input is a terminal. Otherwise it is an error, never a hang.
// It is never accepted as a command-line argument (other users can read those).

#include "app/cli/context.hpp"

#include "storage/passphrase.hpp"
#include "storage/store.hpp"

#include <filesystem>

namespace steadypay::cli {

[[nodiscard]] std::filesystem::path store_path(const Context& ctx);

// The passphrase of an existing store.
[[nodiscard]] core::Result<storage::Passphrase> read_passphrase(const Context& ctx);

// A new passphrase: from `file` (first line) if given, else STEADYPAY_NEW_PASSPHRASE, else asked
// twice on a terminal. For a new store, the ordinary sources count as the new passphrase too.
[[nodiscard]] core::Result<storage::Passphrase> read_new_passphrase(const Context& ctx, const std::string& file,
                                                                  bool ordinary_sources_allowed);

[[nodiscard]] core::Result<storage::Store> open_store(const Context& ctx);

// The audit context of a change made now by `command`.
[[nodiscard]] storage::ChangeContext change_context(const std::string& command);

} // namespace steadypay::cli
