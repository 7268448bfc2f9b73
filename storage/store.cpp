#include "storage/store.hpp"

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

constexpr std::int64_t k_household_id = 1;
constexpr const char* k_genesis_hash = "0000000000000000000000000000000000000000000000000000000000000000";

Error io_error(const fs::path& path, const std::string& what) {
    return Error{Errc::io, path.string() + ": " + what};
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
        return io_error(dir, std::string("cannot create the folder (") + std::strerror(errno) + ")");
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

std::string join(const std::vector<std::string>& parts, char sep) {
    std::string s;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) {
            s += sep;
        }
        s += parts[i];
    }
    return s;
}

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    if (s.empty()) {
        return out;
    }
    std::size_t begin = 0;
    while (true) {
        const auto pos = s.find(sep, begin);
        out.push_back(s.substr(begin, pos == std::string::npos ? std::string::npos : pos - begin));
        if (pos == std::string::npos) {
            return out;
        }
        begin = pos + 1;
    }
}

std::string written_text(const core::KeySet& k) { return join(k.keys(), ','); }
core::KeySet written_keys(const std::string& text) {
    core::KeySet k;
    for (const auto& key : split(text, ',')) {
        k.add(key);
    }
    return k;
}

// Opens the database behind the header, applies the key and cipher settings, and checks both
// that SQLCipher is really there and that the key is right.
Result<Database> open_database(const fs::path& path, const Passphrase& passphrase, const StoreHeader& header,
                               const std::string& vfs) {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX,
                                   vfs.empty() ? store_vfs_name() : vfs.c_str());
    Database db(raw);
    if (rc != SQLITE_OK) {
        return db.error(path.string() + ": cannot open the store", Errc::store_unavailable);
    }
    // Without SQLCipher, PRAGMA key is ignored and the file would be plaintext: refuse.
    auto version = db.query_text("PRAGMA cipher_version");
    if (!version || !version.value() || version.value()->empty()) {
        return Error{Errc::internal, "this program's SQLite has no encryption (SQLCipher); refusing to open the store"};
    }
    if (sqlite3_key(raw, passphrase.view().data(), static_cast<int>(passphrase.size())) != SQLITE_OK) {
        return db.error("cannot set the key");
    }
    if (auto s = db.exec("PRAGMA kdf_iter = " + std::to_string(header.cipher.kdf_iter) +
                         "; PRAGMA cipher_page_size = " + std::to_string(header.cipher.page_size) + ";");
        !s) {
        return std::move(s).error();
    }
    // The first read decrypts page 1: this is where a wrong passphrase shows.
    auto probe = db.query_int("SELECT count(*) FROM sqlite_master");
    if (!probe) {
        const int code = sqlite3_errcode(raw);
        if (code == SQLITE_NOTADB) {
            return Error{Errc::wrong_passphrase, path.string() + ": wrong passphrase"};
        }
        return Error{Errc::store_unavailable, path.string() + ": cannot read the store: " + probe.error().message};
    }
    sqlite3_busy_timeout(raw, 5000);
    if (auto s = db.exec("PRAGMA foreign_keys = ON;"
                         "PRAGMA synchronous = FULL;"
                         "PRAGMA journal_mode = DELETE;"
                         "PRAGMA temp_store = MEMORY;"
                         "PRAGMA secure_delete = ON;"
                         "PRAGMA mmap_size = 0;");
        !s) {
        return Error{Errc::store_unavailable, path.string() + ": cannot set up the store: " + s.error().message};
    }
    return db;
}

Status run_migration(const Database& db, const Migration& m) {
    auto tx = Transaction::begin(db);
    if (!tx) {
        return std::move(tx).error();
    }
    if (auto s = db.exec(m.sql); !s) {
        return Error{Errc::internal, "schema migration " + std::to_string(m.version) + " failed: " + s.error().message};
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

// Reading the household ------------------------------------------------------------------------

Money money(std::int64_t minor, core::Currency c) { return Money::from_minor(minor, c); }

core::Date date_of(const std::string& iso) {
    auto d = core::parse_iso_date(iso);
    return d ? d.value() : core::Date{};
}

Result<core::Schedule> schedule_of(const std::string& rrule, const std::string& start,
                                   const std::optional<std::string>& end) {
    auto rule = core::parse_rrule(rrule);
    if (!rule) {
        return Error{Errc::store_unavailable, "a stored schedule is damaged: " + rule.error().message};
    }
    std::optional<core::Date> e;
    if (end) {
        e = date_of(*end);
    }
    return core::Schedule{rrule, std::move(rule).value(), date_of(start), e};
}

Result<Household> read_household(const Database& db, std::int64_t id) {
    Household h;
    {
        auto s = db.prepare("SELECT name, currency, timezone, weekend, holidays, intraday_order, written "
                            "FROM households WHERE id = ?1");
        if (!s) {
            return std::move(s).error();
        }
        s->bind(1, id);
        auto row = s->step();
        if (!row) {
            return std::move(row).error();
        }
        if (!row.value()) {
            return Error{Errc::store_unavailable, "the store holds no household"};
        }
        h.name = s->column_text(0);
        auto c = core::Currency::from_code(s->column_text(1));
        if (!c) {
            return Error{Errc::store_unavailable, "the stored currency is damaged"};
        }
        h.currency = c.value();
        h.timezone = s->column_text(2);
        h.weekend.clear();
        for (const auto& code : split(s->column_text(3), ',')) {
            auto wd = core::parse_weekday_code(code);
            if (wd) {
                h.weekend.push_back(wd.value());
            }
        }
        for (const auto& d : split(s->column_text(4), ',')) {
            h.holidays.push_back(date_of(d));
        }
        h.intraday_order = core::parse_intraday_order(s->column_text(5)).value();
        h.written = written_keys(s->column_text(6));
    }
    const auto c = h.currency;
    {
        auto s = db.prepare("SELECT key, value FROM settings WHERE household_id = ?1");
        if (!s) {
            return std::move(s).error();
        }
        s->bind(1, id);
        auto& t = h.lead_times;
        for (auto row = s->step(); row && row.value(); row = s->step()) {
            const auto key = s->column_text(0);
            const auto value = s->column_text(1);
            if (key == "lead_times.written") {
                t.written = written_keys(value);
                continue;
            }
            const int n = std::atoi(value.c_str());
            if (key == "lead_days.overdraft") {
                t.overdraft = n;
            } else if (key == "lead_days.below_cushion") {
                t.below_cushion = n;
            } else if (key == "lead_days.bill_at_risk") {
                t.bill_at_risk = n;
            } else if (key == "lead_days.autopay_insufficient_funds") {
                t.autopay_insufficient_funds = n;
            }
        }
    }
    {
        auto s = db.prepare("SELECT id, name, balance, as_of, overdraft_limit, overdraft_fee, cushion, written "
                            "FROM accounts WHERE household_id = ?1 ORDER BY position");
        if (!s) {
            return std::move(s).error();
        }
        s->bind(1, id);
        for (auto row = s->step(); row && row.value(); row = s->step()) {
            core::Account a;
            a.id = s->column_text(0);
            a.name = s->column_text(1);
            a.balance = money(s->column_int(2), c);
            a.as_of = date_of(s->column_text(3));
            a.overdraft_limit = money(s->column_int(4), c);
            a.overdraft_fee = money(s->column_int(5), c);
            a.cushion = money(s->column_int(6), c);
            a.written = written_keys(s->column_text(7));
            h.accounts.push_back(std::move(a));
        }
    }
    {
        auto s = db.prepare("SELECT id, name, source, account_id, amount_min, amount_max, amount_is_range, rrule, start, "
                            "end, business_day, written FROM incomes WHERE household_id = ?1 ORDER BY position");
        if (!s) {
            return std::move(s).error();
        }
        s->bind(1, id);
        for (auto row = s->step(); row && row.value(); row = s->step()) {
            core::Income x;
            x.id = s->column_text(0);
            x.name = s->column_text(1);
            x.source = s->column_text(2);
            x.account = s->column_text(3);
            x.amount = core::Amount{money(s->column_int(4), c), money(s->column_int(5), c), s->column_int(6) != 0};
            auto sched = schedule_of(s->column_text(7), s->column_text(8), s->column_optional_text(9));
            if (!sched) {
                return std::move(sched).error();
            }
            x.schedule = std::move(sched).value();
            x.business_day = core::parse_business_day_rule(s->column_text(10)).value();
            x.written = written_keys(s->column_text(11));
            h.incomes.push_back(std::move(x));
        }
    }
    {
        auto s = db.prepare(
            "SELECT id, name, payee, account_id, amount_min, amount_max, amount_is_range, minimum, rrule, start, end, "
            "business_day, priority, autopay, autopay_lead_days, grace_days, late_fee, reported_late_after_days, "
            "shutoff_after_days, hardship_contact, written FROM bills WHERE household_id = ?1 ORDER BY position");
        if (!s) {
            return std::move(s).error();
        }
        s->bind(1, id);
        for (auto row = s->step(); row && row.value(); row = s->step()) {
            core::Bill b;
            b.id = s->column_text(0);
            b.name = s->column_text(1);
            b.payee = s->column_text(2);
            b.account = s->column_text(3);
            b.amount = core::Amount{money(s->column_int(4), c), money(s->column_int(5), c), s->column_int(6) != 0};
            if (auto m = s->column_optional_int(7)) {
                b.minimum = money(*m, c);
            }
            auto sched = schedule_of(s->column_text(8), s->column_text(9), s->column_optional_text(10));
            if (!sched) {
                return std::move(sched).error();
            }
            b.schedule = std::move(sched).value();
            b.business_day = core::parse_business_day_rule(s->column_text(11)).value();
            b.priority = core::parse_priority(s->column_text(12)).value();
            b.autopay = s->column_int(13) != 0;
            b.autopay_lead_days = static_cast<int>(s->column_int(14));
            b.grace_days = static_cast<int>(s->column_int(15));
            b.late_fee = money(s->column_int(16), c);
            if (auto v = s->column_optional_int(17)) {
                b.reported_late_after_days = static_cast<int>(*v);
            }
            if (auto v = s->column_optional_int(18)) {
                b.shutoff_after_days = static_cast<int>(*v);
            }
            b.hardship_contact = s->column_text(19);
            b.written = written_keys(s->column_text(20));
            h.bills.push_back(std::move(b));
        }
    }
    {
        auto s = db.prepare("SELECT item_id, due, status, date, amount FROM payments WHERE household_id = ?1 "
                            "ORDER BY position");
        if (!s) {
            return std::move(s).error();
        }
        s->bind(1, id);
        for (auto row = s->step(); row && row.value(); row = s->step()) {
            core::Payment p;
            p.item = s->column_text(0);
            p.due = date_of(s->column_text(1));
            p.status = core::parse_payment_status(s->column_text(2)).value();
            if (auto d = s->column_optional_text(3)) {
                p.date = date_of(*d);
            }
            if (auto a = s->column_optional_int(4)) {
                p.amount = money(*a, c);
            }
            h.payments.push_back(std::move(p));
        }
    }
    return h;
}

// Writing the household ------------------------------------------------------------------------

std::optional<std::string> iso_opt(const std::optional<core::Date>& d) {
    return d ? std::optional<std::string>(core::to_iso(*d)) : std::nullopt;
}

std::optional<std::int64_t> int_opt(const std::optional<int>& v) {
    return v ? std::optional<std::int64_t>(*v) : std::nullopt;
}

std::optional<std::int64_t> minor_opt(const std::optional<Money>& m) {
    return m ? std::optional<std::int64_t>(m->minor()) : std::nullopt;
}

Status write_household(const Database& db, std::int64_t id, const Household& h) {
    for (const char* table : {"payments", "bills", "incomes", "accounts", "settings"}) {
        auto s = db.prepare(std::string("DELETE FROM ") + table + " WHERE household_id = ?1");
        if (!s) {
            return std::move(s).error();
        }
        if (auto r = s->bind(1, id).run(); !r) {
            return r;
        }
    }
    std::vector<std::string> weekend;
    for (auto wd : h.weekend) {
        weekend.emplace_back(core::weekday_code(wd));
    }
    std::vector<std::string> holidays;
    for (auto d : h.holidays) {
        holidays.push_back(core::to_iso(d));
    }
    {
        // UPDATE, then INSERT if there was no row: INSERT OR REPLACE would delete the row first and,
        // with foreign keys on, cascade into everything that refers to the household.
        auto update = db.prepare("UPDATE households SET name = ?2, currency = ?3, timezone = ?4, weekend = ?5, "
                                 "holidays = ?6, intraday_order = ?7, written = ?8 WHERE id = ?1");
        auto insert = db.prepare("INSERT INTO households (id, name, currency, timezone, weekend, holidays, "
                                 "intraday_order, written) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
        if (!update) {
            return std::move(update).error();
        }
        if (!insert) {
            return std::move(insert).error();
        }
        for (auto* stmt : {&update.value(), &insert.value()}) {
            if (auto r = stmt->bind(1, id)
                             .bind(2, h.name)
                             .bind(3, h.currency.code())
                             .bind(4, h.timezone)
                             .bind(5, join(weekend, ','))
                             .bind(6, join(holidays, ','))
                             .bind(7, core::to_string(h.intraday_order))
                             .bind(8, written_text(h.written))
                             .run();
                !r) {
                return r;
            }
            if (sqlite3_changes(db.handle()) > 0) {
                break;
            }
        }
    }
    {
        auto s = db.prepare("INSERT INTO settings (household_id, key, value) VALUES (?1, ?2, ?3)");
        if (!s) {
            return std::move(s).error();
        }
        const auto& t = h.lead_times;
        for (const auto& [key, value] :
             {std::pair<std::string, std::string>{"lead_days.overdraft", std::to_string(t.overdraft)},
              {"lead_days.below_cushion", std::to_string(t.below_cushion)},
              {"lead_days.bill_at_risk", std::to_string(t.bill_at_risk)},
              {"lead_days.autopay_insufficient_funds", std::to_string(t.autopay_insufficient_funds)},
              {"lead_times.written", written_text(t.written)}}) {
            if (auto r = s->bind(1, id).bind(2, key).bind(3, value).run(); !r) {
                return r;
            }
        }
    }
    {
        auto s = db.prepare("INSERT INTO accounts (household_id, id, position, name, balance, as_of, overdraft_limit, "
                            "overdraft_fee, cushion, written) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
        if (!s) {
            return std::move(s).error();
        }
        for (std::size_t i = 0; i < h.accounts.size(); ++i) {
            const auto& a = h.accounts[i];
            if (auto r = s->bind(1, id)
                             .bind(2, a.id)
                             .bind(3, static_cast<std::int64_t>(i))
                             .bind(4, a.name)
                             .bind(5, a.balance.minor())
                             .bind(6, core::to_iso(a.as_of))
                             .bind(7, a.overdraft_limit.minor())
                             .bind(8, a.overdraft_fee.minor())
                             .bind(9, a.cushion.minor())
                             .bind(10, written_text(a.written))
                             .run();
                !r) {
                return r;
            }
        }
    }
    {
        auto s = db.prepare("INSERT INTO incomes (household_id, id, position, name, source, account_id, amount_min, "
                            "amount_max, amount_is_range, rrule, start, end, business_day, written) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
        if (!s) {
            return std::move(s).error();
        }
        for (std::size_t i = 0; i < h.incomes.size(); ++i) {
            const auto& x = h.incomes[i];
            if (auto r = s->bind(1, id)
                             .bind(2, x.id)
                             .bind(3, static_cast<std::int64_t>(i))
                             .bind(4, x.name)
                             .bind(5, x.source)
                             .bind(6, x.account)
                             .bind(7, x.amount.min.minor())
                             .bind(8, x.amount.max.minor())
                             .bind(9, std::int64_t{x.amount.is_range ? 1 : 0})
                             .bind(10, x.schedule.rrule)
                             .bind(11, core::to_iso(x.schedule.start))
                             .bind(12, iso_opt(x.schedule.end))
                             .bind(13, core::to_string(x.business_day))
                             .bind(14, written_text(x.written))
                             .run();
                !r) {
                return r;
            }
        }
    }
    {
        auto s = db.prepare(
            "INSERT INTO bills (household_id, id, position, name, payee, account_id, amount_min, amount_max, "
            "amount_is_range, minimum, rrule, start, end, business_day, priority, autopay, autopay_lead_days, "
            "grace_days, late_fee, reported_late_after_days, shutoff_after_days, hardship_contact, written) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, "
            "?22, ?23)");
        if (!s) {
            return std::move(s).error();
        }
        for (std::size_t i = 0; i < h.bills.size(); ++i) {
            const auto& b = h.bills[i];
            if (auto r = s->bind(1, id)
                             .bind(2, b.id)
                             .bind(3, static_cast<std::int64_t>(i))
                             .bind(4, b.name)
                             .bind(5, b.payee)
                             .bind(6, b.account)
                             .bind(7, b.amount.min.minor())
                             .bind(8, b.amount.max.minor())
                             .bind(9, std::int64_t{b.amount.is_range ? 1 : 0})
                             .bind(10, minor_opt(b.minimum))
                             .bind(11, b.schedule.rrule)
                             .bind(12, core::to_iso(b.schedule.start))
                             .bind(13, iso_opt(b.schedule.end))
                             .bind(14, core::to_string(b.business_day))
                             .bind(15, core::to_string(b.priority))
                             .bind(16, std::int64_t{b.autopay ? 1 : 0})
                             .bind(17, std::int64_t{b.autopay_lead_days})
                             .bind(18, std::int64_t{b.grace_days})
                             .bind(19, b.late_fee.minor())
                             .bind(20, int_opt(b.reported_late_after_days))
                             .bind(21, int_opt(b.shutoff_after_days))
                             .bind(22, b.hardship_contact)
                             .bind(23, written_text(b.written))
                             .run();
                !r) {
                return r;
            }
        }
    }
    {
        auto s = db.prepare("INSERT INTO payments (household_id, item_id, due, position, status, date, amount) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        if (!s) {
            return std::move(s).error();
        }
        for (std::size_t i = 0; i < h.payments.size(); ++i) {
            const auto& p = h.payments[i];
            if (auto r = s->bind(1, id)
                             .bind(2, p.item)
                             .bind(3, core::to_iso(p.due))
                             .bind(4, static_cast<std::int64_t>(i))
                             .bind(5, core::to_string(p.status))
                             .bind(6, iso_opt(p.date))
                             .bind(7, minor_opt(p.amount))
                             .run();
                !r) {
                return r;
            }
        }
    }
    return {};
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
        return Error{Errc::io, "cannot read the audit log"};
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
    if (auto r = put_info(db, "audit_head", prev); !r) {
        return r;
    }
    return put_info(db, "audit_count", std::to_string(seq));
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
        return core::bad_input("a passphrase needs at least " + std::to_string(k_min_passphrase_length) +
                               " characters");
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
    auto db = open_database(path, passphrase, header, options.vfs);
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
        if (s) s = write_household(db.value(), k_household_id, household);
        if (s) s = append_audit(db.value(), k_household_id, empty, household, context);
        if (s) s = tx->commit();
        if (!s) {
            db->close();
            return fail(std::move(s).error());
        }
    }
    sync_dir(path.parent_path());
    return Store(std::move(db).value(), path, header);
}

Result<Store> Store::open(const fs::path& path, const Passphrase& passphrase, const OpenOptions& options) {
    auto header = read_store_header(path);
    if (!header) {
        return std::move(header).error();
    }
    auto db = open_database(path, passphrase, header.value(), options.vfs);
    if (!db) {
        return std::move(db).error();
    }
    auto version = db->query_int("PRAGMA user_version");
    if (!version) {
        return Error{Errc::store_unavailable, path.string() + ": cannot read the schema version"};
    }
    if (version.value() == 0) {
        return Error{Errc::store_unavailable, path.string() + ": is an incomplete store (its creation was interrupted)"};
    }
    if (version.value() > k_schema_version) {
        return Error{Errc::store_unavailable, path.string() + ": was made by a newer Steadypay (schema " +
                                                  std::to_string(version.value()) + "; this build knows up to " +
                                                  std::to_string(k_schema_version) + ")"};
    }
    Store store(std::move(db).value(), path, header.value());
    if (version.value() < k_schema_version) {
        // An encrypted backup first, so a failed migration loses nothing.
        const fs::path backup_path = path.string() + ".schema-v" + std::to_string(version.value()) + "-" +
                                     (options.now.empty() ? std::string("backup") : options.now) + ".bak";
        if (auto s = store.backup(backup_path, false); !s) {
            return Error{s.error().code, "cannot back up the store before upgrading it: " + s.error().message};
        }
        for (const auto& m : migrations()) {
            if (m.version > version.value()) {
                if (auto s = run_migration(store.m_db, m); !s) {
                    return Error{s.error().code, s.error().message + " (the store is unchanged; a backup is at " +
                                                     backup_path.string() + ")"};
                }
            }
        }
    }
    return store;
}

Result<Household> Store::load() const { return read_household(m_db, k_household_id); }

Status Store::save(const Household& household, const ChangeContext& context) {
    if (auto s = core::validate(household); !s) {
        return s;
    }
    auto tx = Transaction::begin(m_db);
    if (!tx) {
        return std::move(tx).error();
    }
    // The household as it is now, read inside the transaction, so the audit log sees every change.
    auto before = read_household(m_db, k_household_id);
    if (!before) {
        return std::move(before).error();
    }
    if (auto s = write_household(m_db, k_household_id, household); !s) {
        return s;
    }
    if (auto s = append_audit(m_db, k_household_id, before.value(), household, context); !s) {
        return s;
    }
    return tx->commit();
}

Status Store::change_passphrase(const Passphrase& new_passphrase) {
    if (new_passphrase.size() < k_min_passphrase_length) {
        return core::bad_input("a passphrase needs at least " + std::to_string(k_min_passphrase_length) +
                               " characters");
    }
    if (sqlite3_rekey(m_db.handle(), new_passphrase.view().data(), static_cast<int>(new_passphrase.size())) !=
        SQLITE_OK) {
        return m_db.error("cannot change the passphrase");
    }
    return {};
}

Status Store::backup(const fs::path& destination, bool overwrite) const {
    std::error_code ec;
    if (fs::exists(destination, ec) && fs::equivalent(destination, m_path, ec)) {
        // Replacing the open store by its own copy would lose it if anything went wrong.
        return core::bad_input(destination.string() + ": is this store itself (choose another file)");
    }
    if (!overwrite && fs::exists(destination, ec)) {
        return core::bad_input(destination.string() + ": already exists (choose another name)");
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
        return fail(Error{Errc::io, "cannot create the backup: " + s.error().message});
    }
    if (auto s = m_db.exec("SELECT sqlcipher_export('backup')"); !s) {
        return fail(Error{Errc::io, "cannot write the backup: " + s.error().message});
    }
    if (auto s = m_db.exec("PRAGMA backup.user_version = " + std::to_string(k_schema_version)); !s) {
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
        auto e = io_error(destination, std::string("cannot move the backup into place (") + std::strerror(errno) + ")");
        remove_store_files(tmp);
        return e;
    }
    sync_dir(destination.parent_path());
    return {};
}

Result<VerifyReport> Store::verify() const {
    VerifyReport report;
    auto integrity = m_db.prepare("PRAGMA integrity_check");
    if (!integrity) {
        return std::move(integrity).error();
    }
    while (true) {
        auto row = integrity->step();
        if (!row) {
            report.problems.push_back("integrity check failed: " + row.error().message);
            break;
        }
        if (!row.value()) {
            break;
        }
        if (const auto line = integrity->column_text(0); line != "ok") {
            report.problems.push_back("integrity: " + line);
        }
    }
    auto fk = m_db.prepare("PRAGMA foreign_key_check");
    if (fk) {
        while (true) {
            auto row = fk->step();
            if (!row || !row.value()) {
                break;
            }
            report.problems.push_back("a row of " + fk->column_text(0) + " points to a missing " + fk->column_text(2));
        }
    }
    auto version = m_db.query_int("PRAGMA user_version");
    report.schema_version = version ? static_cast<int>(version.value()) : 0;
    if (report.schema_version != k_schema_version) {
        report.problems.push_back("schema version " + std::to_string(report.schema_version) + ", expected " +
                                  std::to_string(k_schema_version));
    }
    auto triggers = m_db.query_int("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE "
                                   "'audit_log_append_only_%'");
    if (!triggers || triggers.value() != 2) {
        report.problems.push_back("the audit log is no longer protected against changes");
    }
    auto cipher = get_info(m_db, "cipher");
    if (!cipher || cipher.value() != cipher_text(m_header.cipher)) {
        report.problems.push_back("the cipher settings in the header do not match the store's own record");
    }
    // The audit chain: every entry's hash, its link to the previous one, and the recorded head.
    auto entries = read_audit(m_db);
    if (!entries) {
        report.problems.push_back("cannot read the audit log: " + entries.error().message);
    } else {
        std::string prev = k_genesis_hash;
        std::int64_t expected_seq = 1;
        bool chain_ok = true;
        for (const auto& e : entries.value()) {
            std::string problem;
            if (e.seq != expected_seq) {
                problem = "audit log: entry " + std::to_string(expected_seq) + " is missing";
            } else if (e.prev_hash != prev) {
                problem = "audit log: entry " + std::to_string(e.seq) + " does not follow the entry before it";
            } else if (audit_hash(e) != e.hash) {
                problem = "audit log: entry " + std::to_string(e.seq) + " was changed";
            }
            if (!problem.empty()) {
                report.problems.push_back(problem);
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
            report.problems.push_back("audit log: its last entries were removed");
        }
    }
    auto household = read_household(m_db, k_household_id);
    if (!household) {
        report.problems.push_back("the household cannot be read: " + household.error().message);
    } else if (auto s = core::validate(household.value()); !s) {
        report.problems.push_back("the household is not valid: " + s.error().message);
    }
    return report;
}

Result<std::vector<AuditEntry>> Store::audit_log() const { return read_audit(m_db); }

Status Store::acknowledge(const std::vector<std::string>& warning_ids, const ChangeContext& context) {
    auto tx = Transaction::begin(m_db);
    if (!tx) {
        return std::move(tx).error();
    }
    auto s = m_db.prepare("INSERT OR IGNORE INTO warning_acknowledgements (household_id, warning_id, acknowledged_at) "
                          "VALUES (?1, ?2, ?3)");
    if (!s) {
        return std::move(s).error();
    }
    for (const auto& id : warning_ids) {
        if (auto r = s->bind(1, k_household_id).bind(2, id).bind(3, context.at).run(); !r) {
            return r;
        }
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
    for (auto row = s->step(); row && row.value(); row = s->step()) {
        ids.push_back(s->column_text(0));
    }
    return ids;
}

} // namespace steadypay::storage
