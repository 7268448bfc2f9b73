#include "fault_vfs.hpp"

#include "storage/store_file.hpp"

#include <sqlite3.h>

#include <atomic>
#include <mutex>

namespace steadypay::test {

namespace {

struct Counters {
    Fault kind = Fault::write;
    int fail_at = 0; // 0: never
    int writes = 0;
    int syncs = 0;
    bool fired = false;
};
Counters g_counters;
std::mutex g_mutex;

struct FaultyFile {
    sqlite3_file base;
    sqlite3_file* inner;
};

sqlite3_vfs* g_inner = nullptr;

sqlite3_file* inner_of(sqlite3_file* f) { return reinterpret_cast<FaultyFile*>(f)->inner; }

bool should_fail(Fault kind) {
    std::lock_guard lock(g_mutex);
    int& count = kind == Fault::write ? g_counters.writes : g_counters.syncs;
    ++count;
    if (g_counters.fail_at > 0 && g_counters.kind == kind && count >= g_counters.fail_at) {
        g_counters.fired = true;
        return true;
    }
    return false;
}

int x_close(sqlite3_file* f) { return inner_of(f)->pMethods->xClose(inner_of(f)); }
int x_read(sqlite3_file* f, void* b, int n, sqlite3_int64 o) { return inner_of(f)->pMethods->xRead(inner_of(f), b, n, o); }
int x_write(sqlite3_file* f, const void* b, int n, sqlite3_int64 o) {
    if (should_fail(Fault::write)) {
        return SQLITE_IOERR_WRITE;
    }
    return inner_of(f)->pMethods->xWrite(inner_of(f), b, n, o);
}
int x_truncate(sqlite3_file* f, sqlite3_int64 s) { return inner_of(f)->pMethods->xTruncate(inner_of(f), s); }
int x_sync(sqlite3_file* f, int flags) {
    if (should_fail(Fault::sync)) {
        return SQLITE_IOERR_FSYNC;
    }
    return inner_of(f)->pMethods->xSync(inner_of(f), flags);
}
int x_size(sqlite3_file* f, sqlite3_int64* s) { return inner_of(f)->pMethods->xFileSize(inner_of(f), s); }
int x_lock(sqlite3_file* f, int l) { return inner_of(f)->pMethods->xLock(inner_of(f), l); }
int x_unlock(sqlite3_file* f, int l) { return inner_of(f)->pMethods->xUnlock(inner_of(f), l); }
int x_check(sqlite3_file* f, int* o) { return inner_of(f)->pMethods->xCheckReservedLock(inner_of(f), o); }
int x_fcntl(sqlite3_file* f, int op, void* a) { return inner_of(f)->pMethods->xFileControl(inner_of(f), op, a); }
int x_sector(sqlite3_file* f) { return inner_of(f)->pMethods->xSectorSize(inner_of(f)); }
int x_devchar(sqlite3_file* f) { return inner_of(f)->pMethods->xDeviceCharacteristics(inner_of(f)); }

const sqlite3_io_methods k_methods = {1,       x_close, x_read,   x_write,  x_truncate, x_sync,  x_size,
                                      x_lock,  x_unlock, x_check, x_fcntl,  x_sector,   x_devchar, nullptr,
                                      nullptr, nullptr, nullptr,  nullptr,  nullptr};

constexpr std::size_t k_offset = (sizeof(FaultyFile) + 7) & ~std::size_t{7};

int x_open(sqlite3_vfs*, const char* name, sqlite3_file* file, int flags, int* out) {
    auto* f = reinterpret_cast<FaultyFile*>(file);
    f->inner = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(file) + k_offset);
    f->base.pMethods = nullptr;
    const int rc = g_inner->xOpen(g_inner, name, f->inner, flags, out);
    if (rc == SQLITE_OK) {
        f->base.pMethods = &k_methods;
    }
    return rc;
}
int x_delete(sqlite3_vfs*, const char* n, int s) { return g_inner->xDelete(g_inner, n, s); }
int x_access(sqlite3_vfs*, const char* n, int fl, int* o) { return g_inner->xAccess(g_inner, n, fl, o); }
int x_full(sqlite3_vfs*, const char* n, int k, char* o) { return g_inner->xFullPathname(g_inner, n, k, o); }
void* x_dlopen(sqlite3_vfs*, const char* n) { return g_inner->xDlOpen(g_inner, n); }
void x_dlerror(sqlite3_vfs*, int n, char* o) { g_inner->xDlError(g_inner, n, o); }
void (*x_dlsym(sqlite3_vfs*, void* h, const char* s))(void) { return g_inner->xDlSym(g_inner, h, s); }
void x_dlclose(sqlite3_vfs*, void* h) { g_inner->xDlClose(g_inner, h); }
int x_random(sqlite3_vfs*, int n, char* o) { return g_inner->xRandomness(g_inner, n, o); }
int x_sleep(sqlite3_vfs*, int m) { return g_inner->xSleep(g_inner, m); }
int x_time(sqlite3_vfs*, double* o) { return g_inner->xCurrentTime(g_inner, o); }
int x_lasterr(sqlite3_vfs*, int n, char* o) { return g_inner->xGetLastError(g_inner, n, o); }
int x_time64(sqlite3_vfs*, sqlite3_int64* o) { return g_inner->xCurrentTimeInt64(g_inner, o); }

sqlite3_vfs g_vfs{};

} // namespace

const char* fault_vfs_name() {
    static std::once_flag once;
    std::call_once(once, [] {
        g_inner = sqlite3_vfs_find(storage::store_vfs_name());
        g_vfs.iVersion = 2;
        g_vfs.szOsFile = static_cast<int>(k_offset) + g_inner->szOsFile;
        g_vfs.mxPathname = g_inner->mxPathname;
        g_vfs.zName = "steadypay-faulty";
        g_vfs.xOpen = x_open;
        g_vfs.xDelete = x_delete;
        g_vfs.xAccess = x_access;
        g_vfs.xFullPathname = x_full;
        g_vfs.xDlOpen = x_dlopen;
        g_vfs.xDlError = x_dlerror;
        g_vfs.xDlSym = x_dlsym;
        g_vfs.xDlClose = x_dlclose;
        g_vfs.xRandomness = x_random;
        g_vfs.xSleep = x_sleep;
        g_vfs.xCurrentTime = x_time;
        g_vfs.xGetLastError = x_lasterr;
        g_vfs.xCurrentTimeInt64 = x_time64;
        sqlite3_vfs_register(&g_vfs, 0);
    });
    return g_vfs.zName;
}

void arm_fault(Fault kind, int n) {
    std::lock_guard lock(g_mutex);
    g_counters = Counters{kind, n, 0, 0, false};
}

void disarm_fault() {
    std::lock_guard lock(g_mutex);
    g_counters = Counters{};
}

int fault_calls(Fault kind) {
    std::lock_guard lock(g_mutex);
    return kind == Fault::write ? g_counters.writes : g_counters.syncs;
}

bool fault_fired() {
    std::lock_guard lock(g_mutex);
    return g_counters.fired;
}

} // namespace steadypay::test
