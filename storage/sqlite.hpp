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

    // An Error for the last failure on this connection: "<what>: <SQLite's message>".
    [[nodiscard]] core::Error error(std::string_view what, core::Errc code = core::Errc::io) const;

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
    [[nodiscard]] std::optional<std::int64_t> column_optional_int(int index) const;
    [[nodiscard]] std::optional<std::string> column_optional_text(int index) const;

private:
    sqlite3_stmt* m_stmt = nullptr;
    sqlite3* m_db = nullptr;
};

// A transaction that rolls back unless committed.
class Transaction {
public:
    // BEGIN IMMEDIATE: takes the write lock at once, so two writers never both start.
    [[nodiscard]] static core::Result<Transaction> begin(const Database& db);
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
