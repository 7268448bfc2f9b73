#pragma once
// Thin RAII wrappers over the SQLCipher C API: a connection and a prepared statement. Failures
// become Errors that carry SQLite's message and what was being done.

// SQLCipher's key functions are declared only with SQLITE_HAS_CODEC.
#ifndef SQLITE_HAS_CODEC
#define SQLITE_HAS_CODEC 1
#endif
#include <sqlite3.h>

#include "core/result.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace steadypay::storage {

class Statement;

// What a failed SQLite call means for the store, as an Error that names the file:
//   busy or locked      -> Errc::busy: "<file>: in use by another program ..."
//   corrupt, not a db   -> Errc::store_unavailable: "<file>: the store is damaged ..."
//   read-only, cannot open a journal -> Errc::store_unavailable, saying what cannot be written
//   a constraint        -> Errc::bad_input
//   anything else       -> Errc::io, with SQLite's message and `what` was being done
[[nodiscard]] core::Error sqlite_error(sqlite3* db, int rc, std::string_view what);

class Database {
public:
    Database() = default;
    explicit Database(sqlite3* db) noexcept : m_db(db) {}
    Database(Database&& other) noexcept : m_db(other.m_db) { other.m_db = nullptr; }
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    [[nodiscard]] sqlite3* handle() const noexcept { return m_db; }
    [[nodiscard]] explicit operator bool() const noexcept { return m_db != nullptr; }

    // Runs one or more statements that return no rows.
    [[nodiscard]] core::Status exec(std::string_view sql) const;
    [[nodiscard]] core::Result<Statement> prepare(std::string_view sql) const;
    // The first column of the first row as text (nullopt when there is no row).
    [[nodiscard]] core::Result<std::optional<std::string>> query_text(std::string_view sql) const;
    [[nodiscard]] core::Result<std::int64_t> query_int(std::string_view sql) const;

    // An Error for the last failure on this connection, with the kind sqlite_error gives it.
    [[nodiscard]] core::Error error(std::string_view what) const;

    void close() noexcept;

private:
    sqlite3* m_db = nullptr;
};

class Statement {
public:
    Statement() = default;
    Statement(sqlite3_stmt* stmt, sqlite3* db) noexcept : m_stmt(stmt), m_db(db) {}
    Statement(Statement&& other) noexcept : m_stmt(other.m_stmt), m_db(other.m_db) { other.m_stmt = nullptr; }
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    // Parameters are numbered from 1, as in SQLite.
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, std::nullopt_t);
    Statement& bind(int index, const std::optional<std::int64_t>& value);
    Statement& bind(int index, const std::optional<std::string>& value);

    // Advances: true when a row is ready, false when done.
    [[nodiscard]] core::Result<bool> step();
    // Runs a statement that returns no rows, then resets it for reuse.
    [[nodiscard]] core::Status run();
    void reset() noexcept;

    [[nodiscard]] std::int64_t column_int(int index) const;
    [[nodiscard]] std::string column_text(int index) const;
    [[nodiscard]] bool column_is_null(int index) const;
    // SQLITE_INTEGER, SQLITE_TEXT, SQLITE_NULL, ...: SQLite keeps what was written, whatever the column says.
    [[nodiscard]] int column_type(int index) const;
    [[nodiscard]] std::optional<std::int64_t> column_optional_int(int index) const;
    [[nodiscard]] std::optional<std::string> column_optional_text(int index) const;

private:
    sqlite3_stmt* m_stmt = nullptr;
    sqlite3* m_db = nullptr;
};

// Calls `row()` for each row of `stmt`; a row that cannot be read (a damaged page) fails the
// whole read, rather than ending it early as if the table stopped there.
template <class F> [[nodiscard]] core::Status each_row(Statement& stmt, F&& row) {
    while (true) {
        auto next = stmt.step();
        if (!next) {
            return std::move(next).error();
        }
        if (!next.value()) {
            return {};
        }
        if (core::Status s = row(); !s) {
            return s;
        }
    }
}

// A transaction that rolls back unless committed.
class Transaction {
public:
    // BEGIN IMMEDIATE: takes the write lock at once, so two writers never both start.
    [[nodiscard]] static core::Result<Transaction> begin(const Database& db);
    // BEGIN DEFERRED, for reads that must see one state of the store across several statements.
    [[nodiscard]] static core::Result<Transaction> begin_read(const Database& db);
    Transaction(Transaction&& other) noexcept : m_db(other.m_db) { other.m_db = nullptr; }
    Transaction& operator=(Transaction&&) = delete;
    Transaction(const Transaction&) = delete;
    ~Transaction();
    [[nodiscard]] core::Status commit();

private:
    explicit Transaction(const Database* db) : m_db(db) {}
    const Database* m_db = nullptr;
};

} // namespace steadypay::storage
