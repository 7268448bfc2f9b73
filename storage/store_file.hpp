#pragma once
// The store file: a plaintext header, then the SQLCipher database.
//
//   bytes 0..15     "Steadypay store\n"
//   bytes 16..      one line of JSON with the format and cipher settings, then zero bytes up to
//                   4096, e.g. {"format":1,"cipher":"aes-256-cbc","kdf":"pbkdf2-hmac-sha1",
//                   "kdf_iter":256000,"page_size":1024,"hmac":"hmac-sha1"}
//   bytes 4096..    the encrypted database (SQLCipher 3.4 file format)
//
// SQLCipher 3.4 records neither its key-derivation settings nor anything that tells its files
// from random bytes. The header does both: any future build knows how this file was encrypted,
// and a file that is not a store is told apart from a wrong passphrase. It holds nothing secret.
// The database behind it is read and written through the "steadypay" SQLite VFS, which shifts
// every access to the main database file by the header's size; journals are separate files and
// are not shifted.

#include "core/result.hpp"

#include <filesystem>
#include <string>

namespace steadypay::storage {

inline constexpr int k_store_format = 1;
inline constexpr long k_header_size = 4096;
inline constexpr std::string_view k_store_magic = "Steadypay store\n";

struct CipherSettings {
    std::string cipher = "aes-256-cbc";
    std::string kdf = "pbkdf2-hmac-sha1";
    int kdf_iter = 256000;
    int page_size = 1024;
    std::string hmac = "hmac-sha1";
    friend bool operator==(const CipherSettings&, const CipherSettings&) = default;
};

struct StoreHeader {
    int format = k_store_format;
    CipherSettings cipher;
};

// Reads and checks a store file's header. Missing, empty, short or foreign files are
// Errc::store_unavailable with a message that says which.
[[nodiscard]] core::Result<StoreHeader> read_store_header(const std::filesystem::path& path);

// The 4096 header bytes for `header`.
[[nodiscard]] std::string encode_store_header(const StoreHeader& header);

// Creates `path` exclusively (mode 0600), writes the header and syncs it. Fails if it exists.
[[nodiscard]] core::Status create_store_file(const std::filesystem::path& path, const StoreHeader& header);

// The name of the SQLite VFS that skips the header; registered on first use.
[[nodiscard]] const char* store_vfs_name();

} // namespace steadypay::storage
