#include "storage/store.hpp"

#include "core/numbers.hpp"
#include "core/text.hpp"
#include "storage/household_rows.hpp"
#include "storage/schema.hpp"

#include <openssl/evp.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <sys/stat.h>
#include <tuple>
#include <unistd.h>

namespace steadypay::storage {

namespace fs = std::filesystem;
using core::Error;
using core::Errc;
using core::Household;
using core::Money;
using core::Result;
using core::Status;

namespace {

constexpr const char* k_genesis_hash = "0000000000000000000000000000000000000000000000000000000000000000";

// One thing verify found wrong.
template <class... F> Error damage_found(core::Message what, const F&... facts) {
    return problem(Errc::store_unavailable, what, facts...);
}

template <class... F> Error io_error(const fs::path& path, core::Message what, const F&... facts) {
    return problem(Errc::io, what, facts...).context(path.string());
}

// Folders the store lives in are private: created 0700.
Status make_private_dirs(const fs::path& dir) {
    if (dir.empty()) {
        return {};
    }
    std::error_code ec;
    if (fs::is_directory(dir, ec)) {
        return {};
    }
    if (auto s = make_private_dirs(dir.parent_path()); !s) {
        return s;
    }
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
        return io_error(dir, "cannot create the folder ({0})", std::strerror(errno));
    }
    return {};
}

void sync_dir(const fs::path& dir) {
    const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

void remove_store_files(const fs::path& path) {
    ::unlink(path.c_str());
    ::unlink((path.string() + "-journal").c_str());
}

// Opens the database behind the header, applies the key and cipher settings, and checks both
// that SQLCipher is really there and that the key is right.
Result<Database> open_database(const fs::path& path, const Passphrase& passphrase, const StoreHeader& header,
                               const OpenOptions& options) {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX,
                                   options.vfs.empty() ? store_vfs_name() : options.vfs.c_str());
    Database db(raw);
    if (rc != SQLITE_OK) {
        return sqlite_error(raw, rc, "opening the store");
    }
    // Before the first read: another program's write lock is waited for, not an instant failure.
    sqlite3_busy_timeout(raw, options.busy_timeout_ms);
    // Without SQLCipher, PRAGMA key is ignored and the file would be plaintext: refuse.
    auto version = db.query_text("PRAGMA cipher_version");
    if (!version || !version.value() || version.value()->empty()) {
        return problem(Errc::internal,
                       "this program's SQLite has no encryption (SQLCipher); refusing to open the store");
    }
    if (sqlite3_key(raw, passphrase.view().data(), static_cast<int>(passphrase.size())) != SQLITE_OK) {
        return db.error("setting the key");
    }
    if (auto s = db.exec("PRAGMA kdf_iter = " + std::to_string(header.cipher.kdf_iter) +
                         "; PRAGMA cipher_page_size = " + std::to_string(header.cipher.page_size) + ";");
        !s) {
        return std::move(s).error();
    }
    // The first read decrypts page 1: this is where a wrong passphrase shows. (A damaged first
    // page looks the same to SQLCipher; the header check has already refused a cut-short file.)
    auto probe = db.query_int("SELECT count(*) FROM sqlite_master");
    if (!probe) {
        if (sqlite3_errcode(raw) == SQLITE_NOTADB) {
            return problem(Errc::wrong_passphrase, "wrong passphrase").context(path.string());
        }
        return std::move(probe).error();
    }
    if (auto s = db.exec("PRAGMA foreign_keys = ON;"
                         "PRAGMA synchronous = FULL;"
                         "PRAGMA journal_mode = DELETE;"
                         "PRAGMA temp_store = MEMORY;"
                         "PRAGMA secure_delete = ON;"
                         "PRAGMA mmap_size = 0;");
        !s) {
        return std::move(s).error();
    }
    return db;
}

Status run_migration(const Database& db, const Migration& m) {
    auto tx = Transaction::begin(db);
    if (!tx) {
        return std::move(tx).error();
    }
    if (auto s = db.exec(m.sql); !s) {
        return problem(Errc::internal, "schema migration {0} failed", m.version).because(std::move(s).error());
    }
    if (auto s = db.exec("PRAGMA user_version = " + std::to_string(m.version)); !s) {
        return s;
    }
    return tx->commit();
}

Status put_info(const Database& db, const std::string& key, const std::string& value) {
    auto stmt = db.prepare("INSERT OR REPLACE INTO store_info (key, value) VALUES (?1, ?2)");
    if (!stmt) {
        return std::move(stmt).error();
    }
    return stmt->bind(1, key).bind(2, value).run();
}

Result<std::string> get_info(const Database& db, const std::string& key) {
    auto stmt = db.prepare("SELECT value FROM store_info WHERE key = ?1");
    if (!stmt) {
        return std::move(stmt).error();
    }
    stmt->bind(1, key);
    auto row = stmt->step();
    if (!row) {
        return std::move(row).error();
    }
    return row.value() ? stmt->column_text(0) : std::string();
}

std::string cipher_text(const CipherSettings& c) {
    return c.cipher + " " + c.kdf + " " + std::to_string(c.kdf_iter) + " " + std::to_string(c.page_size) + " " +
           c.hmac;
}

std::optional<std::string> iso_opt(const std::optional<core::Date>& d) {
    return d ? std::optional<std::string>(core::to_iso(*d)) : std::nullopt;
}

std::optional<std::int64_t> minor_opt(const std::optional<Money>& m) {
    return m ? std::optional<std::int64_t>(m->minor()) : std::nullopt;
}

// The audit log -------------------------------------------------------------------------------

Result<std::vector<AuditEntry>> read_audit(const Database& db) {
    auto s = db.prepare("SELECT seq, at, command, household_id, item_id, due, old_status, new_status, date, amount, "
                        "prev_hash, hash FROM audit_log ORDER BY seq");
    if (!s) {
        return std::move(s).error();
    }
    std::vector<AuditEntry> out;
    while (true) {
        auto row = s->step();
        if (!row) {
            return std::move(row).error();
        }
        if (!row.value()) {
            break;
        }
        AuditEntry e;
        e.seq = s->column_int(0);
        e.at = s->column_text(1);
        e.command = s->column_text(2);
        e.household = s->column_int(3);
        e.item = s->column_text(4);
        e.due = s->column_text(5);
        e.old_status = s->column_text(6);
        e.new_status = s->column_text(7);
        e.date = s->column_optional_text(8);
        e.amount = s->column_optional_int(9);
        e.prev_hash = s->column_text(10);
        e.hash = s->column_text(11);
        out.push_back(std::move(e));
    }
    return out;
}

using PaymentKey = std::pair<std::string, std::string>; // item, due

std::map<PaymentKey, const core::Payment*> by_key(const Household& h) {
    std::map<PaymentKey, const core::Payment*> m;
    for (const auto& p : h.payments) {
        m[{p.item, core::to_iso(p.due)}] = &p;
    }
    return m;
}

// Appends one entry per payment whose status, date or amount differs between `before` and `after`.
Status append_audit(const Database& db, std::int64_t household, const Household& before, const Household& after,
                    const ChangeContext& context) {
    const auto old_map = by_key(before);
    const auto new_map = by_key(after);
    std::vector<PaymentKey> keys;
    for (const auto& [k, _] : old_map) {
        keys.push_back(k);
    }
    for (const auto& [k, _] : new_map) {
        if (!old_map.count(k)) {
            keys.push_back(k);
        }
    }
    std::sort(keys.begin(), keys.end());
    auto head = get_info(db, "audit_head");
    auto count = db.query_int("SELECT count(*) FROM audit_log");
    if (!head || !count) {
        return problem(Errc::io, "cannot read the audit log");
    }
    std::string prev = head.value().empty() ? k_genesis_hash : head.value();
    std::int64_t seq = count.value();
    auto insert = db.prepare("INSERT INTO audit_log (seq, at, command, household_id, item_id, due, old_status, "
                             "new_status, date, amount, prev_hash, hash) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    if (!insert) {
        return std::move(insert).error();
    }
    for (const auto& key : keys) {
        const auto o = old_map.find(key);
        const auto n = new_map.find(key);
        const core::Payment* op = o == old_map.end() ? nullptr : o->second;
        const core::Payment* np = n == new_map.end() ? nullptr : n->second;
        const auto same = [](const core::Payment* a, const core::Payment* b) {
            if (!a || !b) {
                return a == b;
            }
            return a->status == b->status && a->date == b->date && a->amount == b->amount;
        };
        if (same(op, np)) {
            continue;
        }
        AuditEntry e;
        e.seq = ++seq;
        e.at = context.at;
        e.command = context.command;
        e.household = household;
        e.item = key.first;
        e.due = key.second;
        e.old_status = op ? std::string(core::to_string(op->status)) : "expected";
        e.new_status = np ? std::string(core::to_string(np->status)) : "expected";
        if (np) {
            e.date = iso_opt(np->date);
            e.amount = minor_opt(np->amount);
        }
        e.prev_hash = prev;
        e.hash = audit_hash(e);
        prev = e.hash;
        if (auto r = insert->bind(1, e.seq)
                         .bind(2, e.at)
                         .bind(3, e.command)
                         .bind(4, e.household)
                         .bind(5, e.item)
                         .bind(6, e.due)
                         .bind(7, e.old_status)
                         .bind(8, e.new_status)
                         .bind(9, e.date)
                         .bind(10, e.amount)
                         .bind(11, e.prev_hash)
                         .bind(12, e.hash)
                         .run();
            !r) {
            return r;
        }
    }
    if (seq == count.value()) {
        return {}; // no payment changed: the head stays
    }
    if (auto r = put_info(db, "audit_head", prev); !r) {
        return r;
    }
    return put_info(db, "audit_count", std::to_string(seq));
}

// The store's revision: bumped by every write, so a writer can tell the store moved on.
Result<std::int64_t> read_revision(const Database& db) {
    auto text = get_info(db, "revision");
    if (!text) {
        return std::move(text).error();
    }
    if (text->empty()) {
        return std::int64_t{0}; // a store from before revisions were kept
    }
    const auto n = core::parse_whole(text.value(), 0);
    if (!n) {
        return problem(Errc::store_unavailable,
                       "the store is damaged: store_info, field revision: {0} is not a revision",
                       core::quote_input(text.value()));
    }
    return n.value;
}

Status bump_revision(const Database& db) {
    auto r = read_revision(db);
    if (!r) {
        return std::move(r).error();
    }
    return put_info(db, "revision", std::to_string(r.value() + 1));
}

} // namespace

std::string audit_hash(const AuditEntry& e) {
    // Fields separated by the ASCII unit separator, which none of them can contain.
    std::string text;
    const auto add = [&](const std::string& field) {
        text += field;
        text += '\x1f';
    };
    add(std::to_string(e.seq));
    add(e.at);
    add(e.command);
    add(std::to_string(e.household));
    add(e.item);
    add(e.due);
    add(e.old_status);
    add(e.new_status);
    add(e.date.value_or("-"));
    add(e.amount ? std::to_string(*e.amount) : "-");
    add(e.prev_hash);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha256(), nullptr);
    static constexpr char k_hex[] = "0123456789abcdef";
    std::string hex;
    for (unsigned int i = 0; i < length; ++i) {
        hex += k_hex[digest[i] >> 4];
        hex += k_hex[digest[i] & 0xF];
    }
    return hex;
}

fs::path xdg_base_dir(const char* variable, const char* fallback) {
    if (const char* xdg = std::getenv(variable); xdg && *xdg == '/') {
        return xdg;
    }
    const char* home = std::getenv("HOME");
    return fs::path(home && *home ? home : ".") / fallback;
}

fs::path default_store_path() { return xdg_base_dir("XDG_DATA_HOME", ".local/share") / "steadypay" / "steadypay.db"; }

Result<Store> Store::create(const fs::path& path, const Passphrase& passphrase, const Household& household,
                            const ChangeContext& context, const CipherSettings& cipher, const OpenOptions& options) {
    if (passphrase.size() < k_min_passphrase_length) {
        return core::bad_input("a passphrase needs at least {0} characters", k_min_passphrase_length);
    }
    if (auto s = core::validate(household); !s) {
        return std::move(s).error();
    }
    if (auto s = make_private_dirs(path.parent_path()); !s) {
        return std::move(s).error();
    }
    StoreHeader header;
    header.cipher = cipher;
    if (auto s = create_store_file(path, header); !s) {
        return std::move(s).error();
    }
    // From here on the file is ours: on any failure, remove it rather than leave half a store.
    auto fail = [&](Error e) {
        remove_store_files(path);
        return e;
    };
    auto db = open_database(path, passphrase, header, options);
    if (!db) {
        return fail(std::move(db).error());
    }
    for (const auto& m : migrations()) {
        if (auto s = run_migration(db.value(), m); !s) {
            db->close();
            return fail(std::move(s).error());
        }
    }
    {
        auto tx = Transaction::begin(db.value());
        if (!tx) {
            db->close();
            return fail(std::move(tx).error());
        }
        const Household empty;
        Status s = put_info(db.value(), "format", std::to_string(header.format));
        if (s) s = put_info(db.value(), "cipher", cipher_text(header.cipher));
        if (s) s = put_info(db.value(), "created", context.at);
        if (s) s = put_info(db.value(), "audit_head", k_genesis_hash);
        if (s) s = put_info(db.value(), "audit_count", "0");
        if (s) s = put_info(db.value(), "revision", "1");
        if (s) s = write_household(db.value(), k_household_id, nullptr, household);
        if (s) s = append_audit(db.value(), k_household_id, empty, household, context);
        if (s) s = tx->commit();
        if (!s) {
            db->close();
            return fail(std::move(s).error());
        }
    }
    sync_dir(path.parent_path());
    return Store(std::move(db).value(), path, header, options.vfs);
}

Result<Store> Store::open(const fs::path& path, const Passphrase& passphrase, const OpenOptions& options) {
    auto header = read_store_header(path);
    if (!header) {
        return std::move(header).error();
    }
    auto db = open_database(path, passphrase, header.value(), options);
    if (!db) {
        return std::move(db).error();
    }
    auto version = db->query_int("PRAGMA user_version");
    if (!version) {
        return problem(Errc::store_unavailable, "cannot read the schema version").context(path.string());
    }
    if (version.value() == 0) {
        return problem(Errc::store_unavailable, "is an incomplete store (its creation was interrupted)")
            .context(path.string());
    }
    if (version.value() > k_schema_version) {
        return problem(Errc::store_unavailable,
                       "was made by a newer Steadypay (schema {0}; this build knows up to {1})", version.value(),
                       k_schema_version)
            .context(path.string());
    }
    Store store(std::move(db).value(), path, header.value(), options.vfs);
    if (version.value() < k_schema_version) {
        // An encrypted backup first, so a failed migration loses nothing.
        const fs::path backup_path = path.string() + ".schema-v" + std::to_string(version.value()) + "-" +
                                     (options.now.empty() ? std::string("backup") : options.now) + ".bak";
        if (auto s = store.backup(backup_path, false); !s) {
            return problem(s.error().code, "cannot back up the store before upgrading it")
                .because(std::move(s).error());
        }
        for (const auto& m : migrations()) {
            if (m.version > version.value()) {
                if (auto s = run_migration(store.m_db, m); !s) {
                    return problem(s.error().code,
                                   "the store could not be upgraded and is unchanged (a backup is at {0})",
                                   backup_path.string())
                        .because(std::move(s).error());
                }
            }
        }
    }
    return store;
}

Result<Household> Store::load() const {
    auto tx = Transaction::begin_read(m_db);
    if (!tx) {
        return std::move(tx).error();
    }
    auto h = read_household(m_db, k_household_id);
    if (!h) {
        return located(std::move(h).error());
    }
    if (auto s = tx->commit(); !s) {
        return std::move(s).error();
    }
    return h;
}

Result<std::int64_t> Store::revision() const { return read_revision(m_db); }

Result<Applied> Store::apply(const core::Edit& edit, const ChangeContext& context, std::optional<std::int64_t> based_on) {
    return write([&](const Household&) -> Result<core::Edit> { return edit; }, context, based_on);
}

Result<Applied> Store::apply_with(const std::function<Result<core::Edit>(const Household&)>& make,
                                  const ChangeContext& context) {
    return write(make, context, std::nullopt);
}

Result<Applied> Store::write(const std::function<Result<core::Edit>(const Household&)>& make,
                             const ChangeContext& context, std::optional<std::int64_t> based_on) {
    return write_plan(
        [&](const Household& before) -> Result<WritePlan> {
            auto edit = make(before);
            if (!edit) {
                return std::move(edit).error();
            }
            WritePlan plan;
            plan.edits.push_back(std::move(edit).value());
            return plan;
        },
        context, based_on);
}

Result<Applied> Store::write_plan(const std::function<Result<WritePlan>(const Household&)>& make,
                                  const ChangeContext& context, std::optional<std::int64_t> based_on) {
    auto tx = Transaction::begin(m_db);
    if (!tx) {
        return std::move(tx).error();
    }
    auto revision = read_revision(m_db);
    if (!revision) {
        return located(std::move(revision).error());
    }
    if (based_on && *based_on != revision.value()) {
        return problem(Errc::conflict,
                       "the store changed since it was read (revision {0}, now {1}); nothing was changed", *based_on,
                       revision.value())
            .context(m_path.string());
    }
    // The household as it is now, read inside the transaction: the edits apply to it, and the
    // audit log sees every change.
    auto before = read_household(m_db, k_household_id);
    if (!before) {
        return located(std::move(before).error());
    }
    auto plan = make(before.value());
    if (!plan) {
        return std::move(plan).error();
    }
    std::erase_if(plan->edits, [](const core::Edit& e) { return std::holds_alternative<core::NoChange>(e); });
    if (plan->edits.empty() && !plan->rows) {
        return Applied{revision.value(), std::move(before).value()};
    }
    Household after = before.value();
    for (const auto& edit : plan->edits) {
        auto next = core::apply_edit(after, edit);
        if (!next) {
            return std::move(next).error();
        }
        after = std::move(next).value();
    }
    Status s = write_household(m_db, k_household_id, &before.value(), after);
    if (s)
        s = append_audit(m_db, k_household_id, before.value(), after, context);
    if (s && plan->rows)
        s = plan->rows(after);
    if (!s) {
        return located(std::move(s).error());
    }
    if (!plan->keep) {
        return Applied{revision.value(), std::move(after)}; // rolled back as `tx` goes
    }
    if (s) s = put_info(m_db, "revision", std::to_string(revision.value() + 1));
    if (s) s = tx->commit();
    if (!s) {
        return located(std::move(s).error());
    }
    return Applied{revision.value() + 1, std::move(after)};
}

Error Store::located(Error e) const {
    if (e.where.empty() || (e.where.front() != m_path.string() && e.where.front().rfind('/', 0) != 0)) {
        return std::move(e).context(m_path.string());
    }
    return e;
}

Status Store::change_passphrase(const Passphrase& new_passphrase) {
    if (new_passphrase.size() < k_min_passphrase_length) {
        return core::bad_input("a passphrase needs at least {0} characters", k_min_passphrase_length);
    }
    if (!m_db) {
        return problem(Errc::store_unavailable, "the store is closed: open it again").context(m_path.string());
    }
    // SQLCipher's rekey reports success when it could not write a page (a read-only file, a lock
    // another program holds): look first, then check afterwards that the new passphrase opens it.
    const auto parent = m_path.parent_path().empty() ? fs::path(".") : m_path.parent_path();
    if (::access(m_path.c_str(), W_OK) != 0 || ::access(parent.c_str(), W_OK) != 0) {
        return problem(Errc::store_unavailable,
                       "cannot change the passphrase: the store or its folder is read-only; nothing was changed")
            .context(m_path.string());
    }
    // Nothing changed yet: say so, and why, without the file's name twice.
    const auto not_changed = [&](Error why) {
        if (!why.where.empty() && why.where.front() == m_path.string()) {
            why.where.erase(why.where.begin());
        }
        const Errc code = why.code;
        return problem(code, "the passphrase was not changed, and the old passphrase still opens it")
            .because(std::move(why))
            .context(m_path.string());
    };
    {
        // The whole store is about to be rewritten: wait for other programs to let it go (the
        // commit takes the exclusive lock the rewrite will need), and say so if they do not.
        auto tx = Transaction::begin(m_db);
        if (!tx) {
            return not_changed(std::move(tx).error());
        }
        if (auto s = tx->commit(); !s) {
            return not_changed(std::move(s).error());
        }
    }
    const int rc =
        sqlite3_rekey(m_db.handle(), new_passphrase.view().data(), static_cast<int>(new_passphrase.size()));
    OpenOptions check;
    check.vfs = m_vfs;
    auto reopened = rc == SQLITE_OK ? Store::open(m_path, new_passphrase, check) : Result<Store>(m_db.error("rekey"));
    if (!reopened) {
        // The file still has the old key, but this connection may not: it is closed, so that
        // nothing is written with a key the file does not have.
        m_db.close();
        const bool busy = reopened.error().code == Errc::wrong_passphrase || reopened.error().code == Errc::busy;
        return not_changed(busy ? problem(Errc::busy, "the store could not be rewritten: another program was using it")
                                : std::move(reopened).error());
    }
    return {};
}

Status Store::backup(const fs::path& destination, bool overwrite) const {
    std::error_code ec;
    if (fs::exists(destination, ec) && fs::equivalent(destination, m_path, ec)) {
        // Replacing the open store by its own copy would lose it if anything went wrong.
        return core::bad_input("is this store itself (choose another file)").context(destination.string());
    }
    if (!overwrite && fs::exists(destination, ec)) {
        return core::bad_input("already exists (choose another name)").context(destination.string());
    }
    if (auto s = make_private_dirs(destination.parent_path()); !s) {
        return s;
    }
    fs::path tmp = destination;
    tmp += ".tmp-" + std::to_string(::getpid());
    ::unlink(tmp.c_str());
    if (auto s = create_store_file(tmp, m_header); !s) {
        return s;
    }
    const auto fail = [&](Error e) {
        (void)m_db.exec("DETACH DATABASE backup");
        remove_store_files(tmp);
        return e;
    };
    // The copy gets the same cipher settings, and the same passphrase: SQLCipher encrypts every
    // page it writes there (the sqlite3_backup API would write plaintext with SQLCipher 3.4).
    if (auto s = m_db.exec("PRAGMA cipher_default_kdf_iter = " + std::to_string(m_header.cipher.kdf_iter) +
                           "; PRAGMA cipher_default_page_size = " + std::to_string(m_header.cipher.page_size));
        !s) {
        return fail(std::move(s).error());
    }
    // Without KEY, SQLCipher attaches with the main database's derived key and salt: the copy
    // opens with the same passphrase, and the passphrase itself is not needed here.
    auto attach = m_db.prepare("ATTACH DATABASE ?1 AS backup");
    if (!attach) {
        return fail(std::move(attach).error());
    }
    if (auto s = attach->bind(1, tmp.string()).run(); !s) {
        return fail(problem(Errc::io, "cannot create the backup").because(std::move(s).error()));
    }
    if (auto s = m_db.exec("SELECT sqlcipher_export('backup')"); !s) {
        return fail(problem(Errc::io, "cannot write the backup").because(std::move(s).error()));
    }
    // The copy's schema is the store's own (which, before a migration, is older than this build's):
    // labelled as newer, the copy would never be migrated.
    auto version = m_db.query_int("PRAGMA main.user_version");
    if (!version) {
        return fail(std::move(version).error());
    }
    if (auto s = m_db.exec("PRAGMA backup.user_version = " + std::to_string(version.value())); !s) {
        return fail(std::move(s).error());
    }
    if (auto s = m_db.exec("DETACH DATABASE backup"); !s) {
        return fail(std::move(s).error());
    }
    if (const int fd = ::open(tmp.c_str(), O_RDONLY | O_CLOEXEC); fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
    if (::rename(tmp.c_str(), destination.c_str()) != 0) {
        auto e = io_error(destination, "cannot move the backup into place ({0})", std::strerror(errno));
        remove_store_files(tmp);
        return e;
    }
    sync_dir(destination.parent_path());
    return {};
}

Result<VerifyReport> Store::verify() const {
    VerifyReport report;
    // Every page's HMAC, where the SQLCipher version has the check (4.x; on 3.x the pragma is
    // unknown and returns nothing, and integrity_check below reads every page in use instead,
    // failing on one whose HMAC does not match). It returns a row per damaged page.
    if (auto pages = m_db.prepare("PRAGMA cipher_integrity_check"); pages) {
        if (auto r = each_row(pages.value(),
                              [&]() -> Status {
                                  report.problems.push_back(damage_found("page check: {0}", pages->column_text(0)));
                                  return {};
                              });
            !r) {
            report.problems.push_back(damage_found("page check failed").because(std::move(r).error()));
        }
    }
    auto integrity = m_db.prepare("PRAGMA integrity_check");
    if (!integrity) {
        return std::move(integrity).error();
    }
    while (true) {
        auto row = integrity->step();
        if (!row) {
            report.problems.push_back(damage_found("integrity check failed").because(std::move(row).error()));
            break;
        }
        if (!row.value()) {
            break;
        }
        if (const auto line = integrity->column_text(0); line != "ok") {
            report.problems.push_back(damage_found("integrity: {0}", line));
        }
    }
    auto fk = m_db.prepare("PRAGMA foreign_key_check");
    if (fk) {
        if (auto r = each_row(fk.value(),
                              [&]() -> Status {
                                  report.problems.push_back(damage_found("a row of {0} points to a missing {1}",
                                                                         fk->column_text(0), fk->column_text(2)));
                                  return {};
                              });
            !r) {
            report.problems.push_back(damage_found("foreign key check failed").because(std::move(r).error()));
        }
    }
    auto version = m_db.query_int("PRAGMA user_version");
    report.schema_version = version ? static_cast<int>(version.value()) : 0;
    if (report.schema_version != k_schema_version) {
        report.problems.push_back(
            damage_found("schema version {0}, expected {1}", report.schema_version, k_schema_version));
    }
    auto triggers = m_db.query_int("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE "
                                   "'audit_log_append_only_%'");
    if (!triggers || triggers.value() != 2) {
        report.problems.push_back(damage_found("the audit log is no longer protected against changes"));
    }
    auto cipher = get_info(m_db, "cipher");
    if (!cipher || cipher.value() != cipher_text(m_header.cipher)) {
        report.problems.push_back(
            damage_found("the cipher settings in the header do not match the store's own record"));
    }
    // The audit chain: every entry's hash, its link to the previous one, and the recorded head.
    auto entries = read_audit(m_db);
    if (!entries) {
        report.problems.push_back(damage_found("cannot read the audit log").because(std::move(entries).error()));
    } else {
        std::string prev = k_genesis_hash;
        std::int64_t expected_seq = 1;
        bool chain_ok = true;
        for (const auto& e : entries.value()) {
            std::optional<Error> problem;
            if (e.seq != expected_seq) {
                problem = damage_found("audit log: entry {0} is missing", expected_seq);
            } else if (e.prev_hash != prev) {
                problem = damage_found("audit log: entry {0} does not follow the entry before it", e.seq);
            } else if (audit_hash(e) != e.hash) {
                problem = damage_found("audit log: entry {0} was changed", e.seq);
            }
            if (problem) {
                report.problems.push_back(std::move(*problem));
                chain_ok = false;
                break;
            }
            prev = e.hash;
            ++expected_seq;
        }
        report.audit_entries = static_cast<std::int64_t>(entries->size());
        // The recorded head catches entries removed from the end, which leave the chain intact.
        auto head = get_info(m_db, "audit_head");
        auto count = get_info(m_db, "audit_count");
        if (chain_ok &&
            (!head || head.value() != prev || !count || count.value() != std::to_string(entries->size()))) {
            report.problems.push_back(damage_found("audit log: its last entries were removed"));
        }
    }
    std::vector<Damage> damage;
    auto household = read_household(m_db, k_household_id, &damage);
    for (const auto& d : damage) {
        report.problems.push_back(damage_found("damaged").because(describe(d)));
    }
    if (!household) {
        report.problems.push_back(damage_found("the household cannot be read").because(household.error()));
    } else if (auto s = core::validate(household.value()); damage.empty() && !s) {
        report.problems.push_back(damage_found("the household is not valid").because(std::move(s).error()));
    }
    if (auto r = read_revision(m_db); !r) {
        report.problems.push_back(std::move(r).error());
    }
    return report;
}

Result<std::vector<AuditEntry>> Store::audit_log() const { return read_audit(m_db); }

Status Store::acknowledge(const std::vector<std::string>& warning_ids, const ChangeContext& context) {
    return set_acknowledged(warning_ids, true, context);
}

Status Store::unacknowledge(const std::vector<std::string>& warning_ids, const ChangeContext& context) {
    return set_acknowledged(warning_ids, false, context);
}

Status Store::set_acknowledged(const std::vector<std::string>& warning_ids, bool acknowledged,
                               const ChangeContext& context) {
    auto tx = Transaction::begin(m_db);
    if (!tx) {
        return std::move(tx).error();
    }
    auto s = m_db.prepare(acknowledged ? "INSERT OR IGNORE INTO warning_acknowledgements (household_id, warning_id, "
                                         "acknowledged_at) VALUES (?1, ?2, ?3)"
                                       : "DELETE FROM warning_acknowledgements WHERE household_id = ?1 AND "
                                         "warning_id = ?2");
    if (!s) {
        return std::move(s).error();
    }
    for (const auto& id : warning_ids) {
        auto& statement = s->bind(1, k_household_id).bind(2, id);
        if (acknowledged) {
            statement.bind(3, context.at);
        }
        if (auto r = statement.run(); !r) {
            return r;
        }
    }
    if (auto r = bump_revision(m_db); !r) {
        return r;
    }
    return tx->commit();
}

Result<std::vector<std::string>> Store::acknowledged_warnings() const {
    auto s = m_db.prepare("SELECT warning_id FROM warning_acknowledgements WHERE household_id = ?1 ORDER BY warning_id");
    if (!s) {
        return std::move(s).error();
    }
    s->bind(1, k_household_id);
    std::vector<std::string> ids;
    if (auto r = each_row(s.value(), [&]() -> Status {
            ids.push_back(s->column_text(0));
            return {};
        });
        !r) {
        return std::move(r).error();
    }
    return ids;
}

} // namespace steadypay::storage
