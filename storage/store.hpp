#pragma once
// The encrypted store: one SQLCipher database file per person, or per counselor's caseload.
//
// - The passphrase is asked for at open and never written anywhere. A wrong one is
//   Errc::wrong_passphrase and leaves the file byte for byte as it was.
// - A missing, empty or foreign file is Errc::store_unavailable; nothing is created, truncated or
//   deleted to "recover" it.
// - Every change is one transaction (synchronous=FULL, rollback journal): after a crash the store
//   holds either all of a command's changes or none.
// - Schema changes are numbered migrations (PRAGMA user_version), each in one transaction, with
//   an encrypted backup of the store taken first.
// - Every change to a payment's status is appended to an audit log whose entries are chained by
//   SHA-256 hashes, so that editing or removing an entry shows in verify().
// - Files are created 0600 in a folder created 0700; temporary tables stay in memory (SQLite's
//   spill files would not be encrypted).

#include "core/edits.hpp"
#include "core/household.hpp"
#include "core/statement.hpp"
#include "core/warnings.hpp"
#include "storage/passphrase.hpp"
#include "storage/sqlite.hpp"
#include "storage/store_file.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace steadypay::storage {

inline constexpr int k_schema_version = 5;
inline constexpr std::size_t k_min_passphrase_length = 8;

// Who changes what, and when (UTC, "2026-11-22T10:15:00Z"): goes into the audit log.
struct ChangeContext {
    std::string at;
    std::string command;
};

struct AuditEntry {
    std::int64_t seq = 0;
    std::string at;
    std::string command;
    std::int64_t household = 0;
    std::string item;
    std::string due;
    std::string old_status; // "expected" when there was no record
    std::string new_status; // "expected" when the record was removed
    std::optional<std::string> date;
    std::optional<std::int64_t> amount; // minor units
    std::string prev_hash;
    std::string hash;
};

// What a write left: the store's new revision and the household it holds.
struct Applied {
    std::int64_t revision = 0;
    core::Household household;
};

// A transaction as the store keeps it: with the import it came from and, once matched, the
// occurrence it paid or brought in.
struct StoredTransaction {
    std::int64_t id = 0; // 0 in a dry run: not stored
    std::string account;
    std::int64_t import_id = 0;
    std::string key; // core::transaction_keys
    core::Transaction transaction;
    core::Date statement_end;
    std::optional<std::string> matched_item;
    std::optional<core::Date> matched_due;
};

// One import, as `imports` lists it.
struct ImportRecord {
    std::int64_t id = 0;
    std::string account;
    std::string at;     // when (UTC)
    std::string file;   // the file's name as given
    std::string format; // core::Statement::format
    std::string file_sha256;
    std::optional<core::Date> first; // the dates its transactions span
    std::optional<core::Date> last;
    std::int64_t added = 0;
    std::int64_t matched = 0;
    std::optional<core::StatementBalance> ledger; // as the statement said
    std::optional<core::StatementBalance> available;
    bool balance_set = false; // the ledger balance became the account's
    std::optional<std::string> undone_at;
};

// Two stored debits that may be one charge taken twice (core::possible_double_charges).
struct DoubleChargeFound {
    StoredTransaction first;
    StoredTransaction second;
    core::Money at_stake;
    core::Date dispute_by;
    bool same_occurrence = false;
};

// A statement to import into `account`.
struct StatementImport {
    std::string account;
    core::Statement statement;
    std::string file;        // the file's name, for the list of imports
    std::string file_sha256; // of its bytes
    bool dry_run = false;    // work everything out, keep nothing
    // Today in the household's zone: a ledger balance dated after it (a file from a clock set
    // wrong, or a hand-made one) is not taken as the account's balance.
    std::optional<core::Date> today;
};

// What an import did (or, in a dry run, would do).
struct ImportSummary {
    std::int64_t import_id = 0; // 0 when nothing was kept: a dry run, or nothing new
    std::int64_t revision = 0;
    std::size_t read = 0;                              // transactions in the statement
    std::vector<StoredTransaction> added;              // new ones, in the statement's order
    std::size_t duplicates = 0;                        // already in the store
    std::vector<core::Match> matches;                  // `transaction` indexes `added`
    std::vector<DoubleChargeFound> double_charges;     // involving a new transaction
    std::optional<core::StatementBalance> balance_set; // became the account's balance
    bool dry_run = false;
};

// What matching the stored transactions again did (after a new payee rule, a new bill).
struct MatchSummary {
    std::vector<StoredTransaction> matched; // the transactions now matched, as `matches` says
    std::vector<core::Match> matches;       // `transaction` indexes the store's transactions() list
    std::int64_t revision = 0;
};

// What undoing an import did.
struct UndoSummary {
    std::int64_t import_id = 0;
    std::size_t removed = 0;       // transactions
    std::size_t unmatched = 0;     // payments put back as they were before the import
    std::vector<std::string> kept; // "item due" of payments changed since, left as they are
    bool balance_restored = false;
    std::int64_t revision = 0;
};

struct VerifyReport {
    std::vector<core::Error> problems; // empty when the store is sound
    std::int64_t audit_entries = 0;
    int schema_version = 0;
    [[nodiscard]] bool ok() const { return problems.empty(); }
};

struct OpenOptions {
    std::string vfs;   // the SQLite VFS; empty for the store's own (tests wrap it to inject faults)
    std::string now;   // names the backup taken before a migration
    // How long to wait for another program's lock before giving up with Errc::busy.
    int busy_timeout_ms = 10'000;
};

class Store {
public:
    Store(Store&&) noexcept = default;
    Store& operator=(Store&&) noexcept = default;
    ~Store() = default;

    // Creates a new store at `path` holding `household` (which must validate). Refuses an
    // existing file. The folder is created (0700) if missing. Passphrases shorter than
    // k_min_passphrase_length are refused.
    [[nodiscard]] static core::Result<Store> create(const std::filesystem::path& path, const Passphrase& passphrase,
                                                    const core::Household& household, const ChangeContext& context,
                                                    const CipherSettings& cipher = {}, const OpenOptions& options = {});

    // Opens an existing store, migrating it to the current schema if it is older.
    [[nodiscard]] static core::Result<Store> open(const std::filesystem::path& path, const Passphrase& passphrase,
                                                  const OpenOptions& options = {});

    // The household, read in one read transaction. A value that cannot be read back is
    // Errc::store_unavailable naming it ("the store is damaged: bills row 12, field start: ...").
    [[nodiscard]] core::Result<core::Household> load() const;

    // Bumped by every write; a writer holding an older one is working from an older state.
    [[nodiscard]] core::Result<std::int64_t> revision() const;

    // Applies `edit` to the household as the store holds it now, in one write transaction: reads
    // it, applies the edit (core::apply: the domain's rules, then validation), writes the rows that
    // changed, appends an audit entry for every payment whose status, date or amount changes, and
    // bumps the revision. With `based_on`, a store whose revision is no longer that one refuses with
    // Errc::conflict and nothing changes: the writer reloads and rebases its edit (core::rebase).
    // A NoChange edit writes nothing.
    [[nodiscard]] core::Result<Applied> apply(const core::Edit& edit, const ChangeContext& context,
                                              std::optional<std::int64_t> based_on = std::nullopt);

    // The same, with the edit worked out by `make` from the household as it is inside the
    // transaction (for the command line, whose options say what to change, not what was seen).
    [[nodiscard]] core::Result<Applied>
    apply_with(const std::function<core::Result<core::Edit>(const core::Household&)>& make,
               const ChangeContext& context);

    // Changes the passphrase (re-encrypts every page in one transaction), and checks that the new
    // one opens the store before saying so. When it does not (another program kept the store, a
    // file that cannot be written), the old passphrase still opens the store and this Store is
    // closed: open it again.
    [[nodiscard]] core::Status change_passphrase(const Passphrase& new_passphrase);

    // Writes an encrypted copy (same passphrase and cipher settings) to `destination`, through a
    // temporary file beside it and a rename. Refuses to replace an existing file unless asked.
    [[nodiscard]] core::Status backup(const std::filesystem::path& destination, bool overwrite = false) const;

    // Integrity check, foreign keys, the audit chain, and the household's own validity.
    [[nodiscard]] core::Result<VerifyReport> verify() const;

    [[nodiscard]] core::Result<std::vector<AuditEntry>> audit_log() const;

    // Warnings acknowledged by their stable ids; acknowledging twice is harmless.
    [[nodiscard]] core::Status acknowledge(const std::vector<std::string>& warning_ids, const ChangeContext& context);
    // Brings acknowledged warnings back (shown again while they hold); unknown ids are harmless.
    [[nodiscard]] core::Status unacknowledge(const std::vector<std::string>& warning_ids, const ChangeContext& context);
    [[nodiscard]] core::Result<std::vector<std::string>> acknowledged_warnings() const;

    // Imports a statement in one write transaction: its transactions the store does not hold yet
    // (by core::transaction_keys), the occurrences they match recorded paid or arrived (audited as
    // "import"), and its ledger balance as the account's when it is no older than the account's.
    // Nothing is kept when any part fails, or in a dry run. A statement in another currency than
    // the household's is refused.
    [[nodiscard]] core::Result<ImportSummary> import_statement(const StatementImport& import,
                                                               const ChangeContext& context);
    // Takes an import back as a whole: its transactions go, the payments it recorded are put back as
    // they were (unless changed since: those are kept, and said), and the balance it set too.
    [[nodiscard]] core::Result<UndoSummary> undo_import(std::int64_t import_id, const ChangeContext& context);
    // Matches the stored transactions no occurrence has yet, as an import does (the payee rules
    // of now, the bills of now), in one write transaction. Undoing their import undoes these too.
    [[nodiscard]] core::Result<MatchSummary> reconcile_stored(const ChangeContext& context);
    [[nodiscard]] core::Result<std::vector<ImportRecord>> imports() const;
    // The transactions of `account` (all accounts when empty), by date, then as imported.
    [[nodiscard]] core::Result<std::vector<StoredTransaction>> transactions(std::string_view account = {}) const;
    // What the imported statements say for the warnings: the days each account's statements
    // cover (from the first import's first day to the last one's end), and the double charges.
    [[nodiscard]] core::Result<core::StatementFacts> statement_facts() const;
    // The possible double charges among the stored transactions, account by account.
    [[nodiscard]] core::Result<std::vector<DoubleChargeFound>> double_charges() const;
    // Payee rules: a transaction whose payee has `pattern`'s words belongs to `item`. Adding one
    // with a pattern already there replaces its item.
    [[nodiscard]] core::Result<std::vector<core::PayeeRule>> payee_rules() const;
    [[nodiscard]] core::Status add_payee_rule(const core::PayeeRule& rule, const ChangeContext& context);

    [[nodiscard]] const StoreHeader& header() const { return m_header; }
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
    [[nodiscard]] const Database& database() const { return m_db; }

private:
    [[nodiscard]] core::Status set_acknowledged(const std::vector<std::string>& warning_ids, bool acknowledged,
                                              const ChangeContext& context);
    [[nodiscard]] core::Result<Applied> write(const std::function<core::Result<core::Edit>(const core::Household&)>& make,
                                              const ChangeContext& context, std::optional<std::int64_t> based_on);
    // One write: edits to the household and, beside them, rows of the store's other tables.
    struct WritePlan {
        std::vector<core::Edit> edits;
        // Runs after the household is written, inside the transaction (may be empty).
        std::function<core::Status(const core::Household& after)> rows;
        bool keep = true; // false: roll everything back (a dry run)
    };
    [[nodiscard]] core::Result<Applied>
    write_plan(const std::function<core::Result<WritePlan>(const core::Household&)>& make, const ChangeContext& context,
               std::optional<std::int64_t> based_on);
    // Names the store in an error that does not say which file it is about.
    [[nodiscard]] core::Error located(core::Error e) const;

    Store(Database db, std::filesystem::path path, StoreHeader header, std::string vfs)
        : m_db(std::move(db)), m_path(std::move(path)), m_header(std::move(header)), m_vfs(std::move(vfs)) {}

    Database m_db;
    std::filesystem::path m_path;
    StoreHeader m_header;
    std::string m_vfs;
};

// An XDG base folder: $`variable` when it is an absolute path, else $HOME/`fallback`
// ("XDG_CONFIG_HOME", ".config" -> /home/jo/.config).
[[nodiscard]] std::filesystem::path xdg_base_dir(const char* variable, const char* fallback);

// The default store: $XDG_DATA_HOME/steadypay/steadypay.db (~/.local/share/... without it).
[[nodiscard]] std::filesystem::path default_store_path();

// The SHA-256 of an audit entry's fields and the previous hash (lower-case hex).
[[nodiscard]] std::string audit_hash(const AuditEntry& entry);

} // namespace steadypay::storage
