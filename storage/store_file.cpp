#include "storage/store_file.hpp"

#include "storage/sqlite.hpp"
#include "storage/strict_json.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sys/stat.h>
#include <unistd.h>

namespace steadypay::storage {

namespace {

template <class... F> core::Error unavailable(const std::filesystem::path& path, core::Message why, const F&... facts) {
    return core::problem(core::Errc::store_unavailable, why, facts...).context(path.string());
}

} // namespace

std::string encode_store_header(const StoreHeader& header) {
    nlohmann::ordered_json j;
    j["format"] = header.format;
    j["cipher"] = header.cipher.cipher;
    j["kdf"] = header.cipher.kdf;
    j["kdf_iter"] = header.cipher.kdf_iter;
    j["page_size"] = header.cipher.page_size;
    j["hmac"] = header.cipher.hmac;
    std::string bytes(k_store_magic);
    bytes += j.dump() + "\n";
    bytes.resize(static_cast<std::size_t>(k_header_size), '\0');
    return bytes;
}

core::Result<StoreHeader> read_store_header(const std::filesystem::path& path) {
    // Look before opening: opening a FIFO for reading would wait for a writer, forever.
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        if (errno == ENOENT) {
            return unavailable(path, "no such store (create one with 'steadypay init')");
        }
        return unavailable(path, "cannot open ({0})", std::strerror(errno));
    }
    if (S_ISDIR(st.st_mode)) {
        return unavailable(path, "is a folder, not a store");
    }
    if (!S_ISREG(st.st_mode)) {
        return unavailable(path, "is not a regular file, so it cannot be a store");
    }
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        return unavailable(path, "cannot open ({0})", std::strerror(errno));
    }
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return unavailable(path, "is not a regular file, so it cannot be a store");
    }
    std::string head(static_cast<std::size_t>(k_header_size), '\0');
    std::size_t got = 0;
    while (got < head.size()) {
        const auto n = ::read(fd, head.data() + got, head.size() - got);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    if (st.st_size == 0) {
        return unavailable(path, "is empty: not a Steadypay store");
    }
    if (head.compare(0, 16, "SQLite format 3\0", 16) == 0) {
        return unavailable(path, "is an unencrypted SQLite database, not a Steadypay store");
    }
    if (got < k_store_magic.size() || head.compare(0, k_store_magic.size(), k_store_magic) != 0) {
        const auto first = head.find_first_not_of(" \t\r\n");
        if (first != std::string::npos && head[first] == '{') {
            return unavailable(path, "is not a Steadypay store (it looks like a household file: read it with "
                                     "--household FILE, or bring it into a store with import-household)");
        }
        return unavailable(path, "is not a Steadypay store");
    }
    if (got < static_cast<std::size_t>(k_header_size)) {
        return unavailable(path, "is cut short: its header is incomplete");
    }
    const auto line_end = head.find('\n', k_store_magic.size());
    if (line_end == std::string::npos) {
        return unavailable(path, "has a damaged header");
    }
    auto doc = parse_json_strict(std::string_view(head).substr(k_store_magic.size(), line_end - k_store_magic.size()));
    if (!doc || !doc->is_object()) {
        return unavailable(path, "has a damaged header");
    }
    StoreHeader h;
    try {
        const auto& j = doc.value();
        h.format = j.at("format").get<int>();
        if (h.format > k_store_format) {
            return unavailable(path, "was made by a newer Steadypay (store format {0}; this build reads up to {1})",
                               h.format, k_store_format);
        }
        if (h.format < 1) {
            return unavailable(path, "has a damaged header");
        }
        h.cipher.cipher = j.at("cipher").get<std::string>();
        h.cipher.kdf = j.at("kdf").get<std::string>();
        h.cipher.kdf_iter = j.at("kdf_iter").get<int>();
        h.cipher.page_size = j.at("page_size").get<int>();
        h.cipher.hmac = j.at("hmac").get<std::string>();
    } catch (const nlohmann::json::exception&) {
        return unavailable(path, "has a damaged header");
    }
    if (h.cipher.cipher != "aes-256-cbc" || h.cipher.kdf != "pbkdf2-hmac-sha1" || h.cipher.hmac != "hmac-sha1" ||
        h.cipher.kdf_iter < 1 || h.cipher.page_size < 512 || h.cipher.page_size > 65536 ||
        (h.cipher.page_size & (h.cipher.page_size - 1)) != 0) {
        return unavailable(path, "uses cipher settings this build does not support");
    }
    // SQLite writes whole pages: a database part that is not a whole number of them was cut short
    // (a copy that stopped early, a full disk). Inside the first page this would otherwise look
    // like a wrong passphrase.
    const auto body = static_cast<long long>(st.st_size) - k_header_size;
    if (body % h.cipher.page_size != 0) {
        return unavailable(path,
                           "is cut short or damaged: its database part ({0} bytes) is not a whole number of {1}-byte "
                           "pages; restore it from a backup",
                           body, h.cipher.page_size);
    }
    return h;
}

core::Status create_store_file(const std::filesystem::path& path, const StoreHeader& header) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST) {
            return core::bad_input("already exists; Steadypay never overwrites a store").context(path.string());
        }
        return core::problem(core::Errc::io, "cannot create ({0})", std::strerror(errno)).context(path.string());
    }
    const std::string bytes = encode_store_header(header);
    std::size_t done = 0;
    bool ok = true;
    while (done < bytes.size()) {
        const auto n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            ok = false;
            break;
        }
        done += static_cast<std::size_t>(n);
    }
    ok = ok && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok) {
        const auto e = core::problem(core::Errc::io, "cannot write ({0})", std::strerror(errno)).context(path.string());
        ::unlink(path.c_str());
        return e;
    }
    return {};
}

// The VFS ---------------------------------------------------------------------------------------

namespace {

struct ShiftedFile {
    sqlite3_file base;   // must come first: SQLite sees this
    sqlite3_file* real;  // the underlying file, stored right after this struct
    sqlite3_int64 shift; // k_header_size for main database files, 0 for the rest
};

sqlite3_vfs* g_real = nullptr;

sqlite3_file* real_of(sqlite3_file* f) { return reinterpret_cast<ShiftedFile*>(f)->real; }
sqlite3_int64 shift_of(sqlite3_file* f) { return reinterpret_cast<ShiftedFile*>(f)->shift; }

int x_close(sqlite3_file* f) {
    auto* r = real_of(f);
    return r->pMethods ? r->pMethods->xClose(r) : SQLITE_OK;
}
int x_read(sqlite3_file* f, void* buf, int amount, sqlite3_int64 offset) {
    return real_of(f)->pMethods->xRead(real_of(f), buf, amount, offset + shift_of(f));
}
int x_write(sqlite3_file* f, const void* buf, int amount, sqlite3_int64 offset) {
    return real_of(f)->pMethods->xWrite(real_of(f), buf, amount, offset + shift_of(f));
}
int x_truncate(sqlite3_file* f, sqlite3_int64 size) {
    return real_of(f)->pMethods->xTruncate(real_of(f), size + shift_of(f));
}
int x_sync(sqlite3_file* f, int flags) { return real_of(f)->pMethods->xSync(real_of(f), flags); }
int x_file_size(sqlite3_file* f, sqlite3_int64* size) {
    const int rc = real_of(f)->pMethods->xFileSize(real_of(f), size);
    if (rc == SQLITE_OK) {
        *size = std::max<sqlite3_int64>(0, *size - shift_of(f));
    }
    return rc;
}
int x_lock(sqlite3_file* f, int level) { return real_of(f)->pMethods->xLock(real_of(f), level); }
int x_unlock(sqlite3_file* f, int level) { return real_of(f)->pMethods->xUnlock(real_of(f), level); }
int x_check_reserved(sqlite3_file* f, int* out) {
    return real_of(f)->pMethods->xCheckReservedLock(real_of(f), out);
}
int x_file_control(sqlite3_file* f, int op, void* arg) {
    if (op == SQLITE_FCNTL_SIZE_HINT && shift_of(f) != 0) {
        sqlite3_int64 hint = *static_cast<sqlite3_int64*>(arg) + shift_of(f);
        return real_of(f)->pMethods->xFileControl(real_of(f), op, &hint);
    }
    if (op == SQLITE_FCNTL_MMAP_SIZE) {
        // Memory-mapped reads would bypass the shift: keep them off.
        if (arg) {
            *static_cast<sqlite3_int64*>(arg) = 0;
        }
        return SQLITE_OK;
    }
    return real_of(f)->pMethods->xFileControl(real_of(f), op, arg);
}
int x_sector_size(sqlite3_file* f) { return real_of(f)->pMethods->xSectorSize(real_of(f)); }
int x_device_characteristics(sqlite3_file* f) { return real_of(f)->pMethods->xDeviceCharacteristics(real_of(f)); }

// Version 1 methods: no shared memory (no WAL; the store uses a rollback journal) and no
// memory-mapped fetch, either of which would see the file without the shift.
const sqlite3_io_methods k_methods = {
    1,       x_close, x_read, x_write, x_truncate, x_sync, x_file_size, x_lock, x_unlock, x_check_reserved,
    x_file_control, x_sector_size, x_device_characteristics,
    nullptr, nullptr, nullptr, nullptr, nullptr, nullptr,
};

int x_open(sqlite3_vfs* vfs, const char* name, sqlite3_file* file, int flags, int* out_flags) {
    auto* shifted = reinterpret_cast<ShiftedFile*>(file);
    shifted->real = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(file) +
                                                    ((sizeof(ShiftedFile) + 7) & ~std::size_t{7}));
    shifted->shift = (flags & SQLITE_OPEN_MAIN_DB) ? k_header_size : 0;
    shifted->base.pMethods = nullptr;
    (void)vfs;
    const int rc = g_real->xOpen(g_real, name, shifted->real, flags, out_flags);
    if (rc != SQLITE_OK) {
        return rc;
    }
    if (shifted->shift != 0) {
        // A main database file without its header was not made by Steadypay: refuse it rather
        // than write a database into the header's place.
        sqlite3_int64 size = 0;
        if (shifted->real->pMethods->xFileSize(shifted->real, &size) != SQLITE_OK || size < k_header_size) {
            shifted->real->pMethods->xClose(shifted->real);
            return SQLITE_CANTOPEN;
        }
    }
    shifted->base.pMethods = &k_methods;
    return SQLITE_OK;
}

int x_delete(sqlite3_vfs*, const char* name, int sync_dir) { return g_real->xDelete(g_real, name, sync_dir); }
int x_access(sqlite3_vfs*, const char* name, int flags, int* out) { return g_real->xAccess(g_real, name, flags, out); }
int x_full_pathname(sqlite3_vfs*, const char* name, int n, char* out) {
    return g_real->xFullPathname(g_real, name, n, out);
}
void* x_dl_open(sqlite3_vfs*, const char* name) { return g_real->xDlOpen(g_real, name); }
void x_dl_error(sqlite3_vfs*, int n, char* out) { g_real->xDlError(g_real, n, out); }
void (*x_dl_sym(sqlite3_vfs*, void* handle, const char* symbol))(void) { return g_real->xDlSym(g_real, handle, symbol); }
void x_dl_close(sqlite3_vfs*, void* handle) { g_real->xDlClose(g_real, handle); }
int x_randomness(sqlite3_vfs*, int n, char* out) { return g_real->xRandomness(g_real, n, out); }
int x_sleep(sqlite3_vfs*, int micros) { return g_real->xSleep(g_real, micros); }
int x_current_time(sqlite3_vfs*, double* out) { return g_real->xCurrentTime(g_real, out); }
int x_last_error(sqlite3_vfs*, int n, char* out) { return g_real->xGetLastError(g_real, n, out); }
int x_current_time_int64(sqlite3_vfs*, sqlite3_int64* out) { return g_real->xCurrentTimeInt64(g_real, out); }

sqlite3_vfs g_vfs{};

} // namespace

const char* store_vfs_name() {
    static std::once_flag once;
    std::call_once(once, [] {
        g_real = sqlite3_vfs_find(nullptr);
        g_vfs.iVersion = 2;
        g_vfs.szOsFile = static_cast<int>(((sizeof(ShiftedFile) + 7) & ~std::size_t{7})) + g_real->szOsFile;
        g_vfs.mxPathname = g_real->mxPathname;
        g_vfs.zName = "steadypay";
        g_vfs.xOpen = x_open;
        g_vfs.xDelete = x_delete;
        g_vfs.xAccess = x_access;
        g_vfs.xFullPathname = x_full_pathname;
        g_vfs.xDlOpen = x_dl_open;
        g_vfs.xDlError = x_dl_error;
        g_vfs.xDlSym = x_dl_sym;
        g_vfs.xDlClose = x_dl_close;
        g_vfs.xRandomness = x_randomness;
        g_vfs.xSleep = x_sleep;
        g_vfs.xCurrentTime = x_current_time;
        g_vfs.xGetLastError = x_last_error;
        g_vfs.xCurrentTimeInt64 = x_current_time_int64;
        sqlite3_vfs_register(&g_vfs, 0);
    });
    return g_vfs.zName;
}

} // namespace steadypay::storage
