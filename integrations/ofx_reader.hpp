#pragma once
// OFX 1.x (SGML) and 2.x (XML) statements, and Quicken's QFX (OFX with an Intuit tag or two),
// read through LibOFX, as GnuCash, KMyMoney and HomeBank read them. LibOFX has edges this reader
// keeps away from the person:
//
// - It has crashed on hostile files before (its own sample set keeps heap overflows, a
//   use-after-free and null dereferences). A file's shape is checked first, and LibOFX runs in a
//   child process with a time limit: a file that takes it down is an error, never a crash of
//   the program.
// - It writes a plaintext copy of the statement into $TMPDIR while it parses. The child's $TMPDIR
//   is a private folder (0700) made for this one file in memory ($XDG_RUNTIME_DIR, else /dev/shm),
//   removed with whatever is in it when the child ends, however it ends.
// - It parses amounts as `double` through the C library's locale: the child reads numbers in the
//   "C" locale, and each double becomes exact minor units at once (rounded to the currency's
//   digits), so no double is ever kept.

#include "core/statement.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace steadypay::integrations {

struct OfxOptions {
    // Where the child's private folder is made; empty: $XDG_RUNTIME_DIR, else /dev/shm, else the
    // system's temporary folder.
    std::filesystem::path private_root;
    int timeout_seconds = 60;
    // The account to take when the file has statements of several (OFX's ACCTID, or its last
    // digits); empty: the file must have one.
    std::string account;
};

// Whether `bytes` look like an OFX or QFX file at all (a header, an <OFX> element, no NUL bytes,
// a sane size); the reader refuses anything else before LibOFX sees it.
[[nodiscard]] bool looks_like_ofx(std::string_view bytes);
[[nodiscard]] core::Status check_ofx_shape(std::string_view bytes);

[[nodiscard]] core::Result<core::Statement> read_ofx(const std::filesystem::path& file, std::string_view bytes,
                                                     const core::Currency& currency, const OfxOptions& options = {});

} // namespace steadypay::integrations
