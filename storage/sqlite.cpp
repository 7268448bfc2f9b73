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

core::Error Database::error(std::string_view what, core::Errc code) const {
    std::string msg(what);
    if (m_db) {
        msg += ": ";
        msg += sqlite3_errmsg(m_db);
    }
    return core::Error{code, std::move(msg)};
}

core::Status Database::exec(std::string_view sql) const {
    char* err = nullptr;
    const std::string text(sql);
    if (sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        std::string msg = err ? err : sqlite3_errmsg(m_db);
        sqlite3_free(err);
        return core::Error{core::Errc::io, msg};
    }
    return {};
}

core::Result<Statement> Database::prepare(std::string_view sql) const {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK) {
        return error("cannot prepare a statement");
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
    const core::Errc code = rc == SQLITE_CONSTRAINT ? core::Errc::bad_input : core::Errc::io;
    return core::Error{code, sqlite3_errmsg(m_db)};
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

std::optional<std::int64_t> Statement::column_optional_int(int index) const {
    return column_is_null(index) ? std::nullopt : std::optional<std::int64_t>(column_int(index));
}

std::optional<std::string> Statement::column_optional_text(int index) const {
    return column_is_null(index) ? std::nullopt : std::optional<std::string>(column_text(index));
}

core::Result<Transaction> Transaction::begin(const Database& db) {
    if (auto s = db.exec("BEGIN IMMEDIATE"); !s) {
        return db.error("cannot start a transaction");
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
        auto e = m_db->error("cannot commit");
        (void)m_db->exec("ROLLBACK");
        m_db = nullptr;
        return e;
    }
    m_db = nullptr;
    return {};
}

} // namespace steadypay::storage
