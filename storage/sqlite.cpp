#include "storage/sqlite.hpp"

namespace steadypay::storage {

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        close();
        m_db = other.m_db;
        other.m_db = nullptr;
    }
    return *this;
}

Database::~Database() { close(); }

void Database::close() noexcept {
    if (m_db) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

namespace {

// What went wrong, without the file. SQLite's own words (`detail`) stay as SQLite wrote them.
core::Error sqlite_problem(int rc, const std::string& detail, std::string_view what) {
    using core::Errc;
    switch (rc & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return core::problem(Errc::busy, "in use by another program, which kept it locked past the wait; try again "
                                         "when it is done");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return core::problem(Errc::store_unavailable, "the store is damaged ({0}): restore it from a backup", detail);
    case SQLITE_READONLY:
        return core::problem(Errc::store_unavailable, "cannot change the store: it is read-only (check the "
                                                      "permissions of the file and its folder); nothing was changed");
    case SQLITE_CANTOPEN:
        return core::problem(Errc::store_unavailable,
                             "cannot open the store's files ({0}): check that its folder exists and can be written",
                             detail);
    case SQLITE_FULL:
        return core::problem(Errc::io, "the disk is full; nothing was changed");
    default: {
        const Errc code = (rc & 0xFF) == SQLITE_CONSTRAINT ? Errc::bad_input : Errc::io;
        return what.empty() ? core::problem(code, "{0}", detail) : core::problem(code, "{0} ({1})", detail, what);
    }
    }
}

} // namespace

core::Error sqlite_error(sqlite3* db, int rc, std::string_view what) {
    const char* name = db ? sqlite3_db_filename(db, "main") : nullptr;
    const std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    // A schema SQLite cannot parse is a damaged page of sqlite_master, whatever the code says.
    if (detail.rfind("malformed database schema", 0) == 0) {
        rc = SQLITE_CORRUPT;
    }
    core::Error e = sqlite_problem(rc, detail, what);
    return name && *name ? std::move(e).context(name) : e;
}

core::Error Database::error(std::string_view what) const {
    return sqlite_error(m_db, m_db ? sqlite3_extended_errcode(m_db) : SQLITE_ERROR, what);
}

core::Status Database::exec(std::string_view sql) const {
    const std::string text(sql);
    if (const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, nullptr); rc != SQLITE_OK) {
        return sqlite_error(m_db, rc, {});
    }
    return {};
}

core::Result<Statement> Database::prepare(std::string_view sql) const {
    sqlite3_stmt* stmt = nullptr;
    if (const int rc = sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
        rc != SQLITE_OK) {
        return sqlite_error(m_db, rc, "preparing a statement");
    }
    return Statement(stmt, m_db);
}

core::Result<std::optional<std::string>> Database::query_text(std::string_view sql) const {
    auto stmt = prepare(sql);
    if (!stmt) {
        return std::move(stmt).error();
    }
    auto row = stmt->step();
    if (!row) {
        return std::move(row).error();
    }
    if (!row.value()) {
        return std::optional<std::string>{};
    }
    return stmt->column_optional_text(0);
}

core::Result<std::int64_t> Database::query_int(std::string_view sql) const {
    auto stmt = prepare(sql);
    if (!stmt) {
        return std::move(stmt).error();
    }
    auto row = stmt->step();
    if (!row) {
        return std::move(row).error();
    }
    return row.value() ? stmt->column_int(0) : 0;
}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_stmt = other.m_stmt;
        m_db = other.m_db;
        other.m_stmt = nullptr;
    }
    return *this;
}

Statement::~Statement() { sqlite3_finalize(m_stmt); }

Statement& Statement::bind(int index, std::int64_t value) {
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    sqlite3_bind_text(m_stmt, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind(int index, std::nullopt_t) {
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

Statement& Statement::bind(int index, const std::optional<std::int64_t>& value) {
    return value ? bind(index, *value) : bind(index, std::nullopt);
}

Statement& Statement::bind(int index, const std::optional<std::string>& value) {
    return value ? bind(index, std::string_view(*value)) : bind(index, std::nullopt);
}

core::Result<bool> Statement::step() {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        return false;
    }
    return sqlite_error(m_db, rc, {});
}

core::Status Statement::run() {
    auto r = step();
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    if (!r) {
        return std::move(r).error();
    }
    return {};
}

void Statement::reset() noexcept {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

std::int64_t Statement::column_int(int index) const { return sqlite3_column_int64(m_stmt, index); }

std::string Statement::column_text(int index) const {
    const auto* text = sqlite3_column_text(m_stmt, index);
    const int n = sqlite3_column_bytes(m_stmt, index);
    return text ? std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(n)) : std::string();
}

bool Statement::column_is_null(int index) const { return sqlite3_column_type(m_stmt, index) == SQLITE_NULL; }

int Statement::column_type(int index) const { return sqlite3_column_type(m_stmt, index); }

std::optional<std::int64_t> Statement::column_optional_int(int index) const {
    return column_is_null(index) ? std::nullopt : std::optional<std::int64_t>(column_int(index));
}

std::optional<std::string> Statement::column_optional_text(int index) const {
    return column_is_null(index) ? std::nullopt : std::optional<std::string>(column_text(index));
}

core::Result<Transaction> Transaction::begin(const Database& db) {
    if (auto s = db.exec("BEGIN IMMEDIATE"); !s) {
        return std::move(s).error();
    }
    return Transaction(&db);
}

core::Result<Transaction> Transaction::begin_read(const Database& db) {
    if (auto s = db.exec("BEGIN DEFERRED"); !s) {
        return std::move(s).error();
    }
    return Transaction(&db);
}

Transaction::~Transaction() {
    if (m_db) {
        (void)m_db->exec("ROLLBACK");
    }
}

core::Status Transaction::commit() {
    if (auto s = m_db->exec("COMMIT"); !s) {
        (void)m_db->exec("ROLLBACK");
        m_db = nullptr;
        return s;
    }
    m_db = nullptr;
    return {};
}

} // namespace steadypay::storage
