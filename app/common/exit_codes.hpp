#pragma once
// Exit codes of the command line (docs/cli.md): a contract for scripts.

#include "core/result.hpp"

namespace steadypay::app {

enum ExitCode : int {
    k_exit_ok = 0,
    k_exit_internal = 1,
    k_exit_bad_input = 2,
    k_exit_wrong_passphrase = 3,
    k_exit_store_unavailable = 4,
    k_exit_store_in_use = 5,
};

[[nodiscard]] inline int exit_code_for(const core::Error& e) {
    switch (e.code) {
    case core::Errc::bad_input:
    case core::Errc::overflow:
    case core::Errc::currency_mismatch:
    case core::Errc::not_found:
        return k_exit_bad_input;
    case core::Errc::wrong_passphrase:
        return k_exit_wrong_passphrase;
    case core::Errc::store_unavailable:
        return k_exit_store_unavailable;
    case core::Errc::busy:
    case core::Errc::conflict:
        return k_exit_store_in_use;
    case core::Errc::io:
    case core::Errc::network:
    case core::Errc::internal:
        return k_exit_internal;
    }
    return k_exit_internal;
}

} // namespace steadypay::app
