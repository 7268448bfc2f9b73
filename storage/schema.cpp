#include "storage/schema.hpp"

#include <array>

namespace steadypay::storage {

namespace {

// Money is INTEGER minor units of the household's currency; dates are ISO TEXT (YYYY-MM-DD),
// checked by the program (SQLite's date functions accept 2026-02-30). `position` keeps the
// order of lists; `written` lists the keys a household file spelled out, so an export gives
// back the imported document.
constexpr const char* k_v1 = R"sql(
CREATE TABLE store_info (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE households (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL,
    currency       TEXT NOT NULL CHECK (length(currency) = 3),
    timezone       TEXT NOT NULL,
    weekend        TEXT NOT NULL,
    holidays       TEXT NOT NULL,
    intraday_order TEXT NOT NULL CHECK (intraday_order IN ('debits_first', 'credits_first')),
    written        TEXT NOT NULL DEFAULT ''
);

CREATE TABLE accounts (
    household_id    INTEGER NOT NULL REFERENCES households(id) ON DELETE CASCADE,
    id              TEXT NOT NULL,
    position        INTEGER NOT NULL,
    name            TEXT NOT NULL,
    balance         INTEGER NOT NULL,
    as_of           TEXT NOT NULL,
    overdraft_limit INTEGER NOT NULL,
    overdraft_fee   INTEGER NOT NULL,
    cushion         INTEGER NOT NULL,
    written         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (household_id, id)
);

CREATE TABLE incomes (
    household_id    INTEGER NOT NULL REFERENCES households(id) ON DELETE CASCADE,
    id              TEXT NOT NULL,
    position        INTEGER NOT NULL,
    name            TEXT NOT NULL,
    source          TEXT NOT NULL,
    account_id      TEXT NOT NULL,
    amount_min      INTEGER NOT NULL,
    amount_max      INTEGER NOT NULL,
    amount_is_range INTEGER NOT NULL CHECK (amount_is_range IN (0, 1)),
    rrule           TEXT NOT NULL,
    start           TEXT NOT NULL,
    end             TEXT,
    business_day    TEXT NOT NULL,
    written         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (household_id, id),
    FOREIGN KEY (household_id, account_id) REFERENCES accounts(household_id, id)
);

CREATE TABLE bills (
    household_id             INTEGER NOT NULL REFERENCES households(id) ON DELETE CASCADE,
    id                       TEXT NOT NULL,
    position                 INTEGER NOT NULL,
    name                     TEXT NOT NULL,
    payee                    TEXT NOT NULL,
    account_id               TEXT NOT NULL,
    amount_min               INTEGER NOT NULL,
    amount_max               INTEGER NOT NULL,
    amount_is_range          INTEGER NOT NULL CHECK (amount_is_range IN (0, 1)),
    minimum                  INTEGER,
    rrule                    TEXT NOT NULL,
    start                    TEXT NOT NULL,
    end                      TEXT,
    business_day             TEXT NOT NULL,
    priority                 TEXT NOT NULL,
    autopay                  INTEGER NOT NULL CHECK (autopay IN (0, 1)),
    autopay_lead_days        INTEGER NOT NULL,
    grace_days               INTEGER NOT NULL,
    late_fee                 INTEGER NOT NULL,
    reported_late_after_days INTEGER,
    shutoff_after_days       INTEGER,
    hardship_contact         TEXT NOT NULL,
    written                  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (household_id, id),
    FOREIGN KEY (household_id, account_id) REFERENCES accounts(household_id, id)
);

CREATE TABLE payments (
    household_id INTEGER NOT NULL REFERENCES households(id) ON DELETE CASCADE,
    item_id      TEXT NOT NULL,
    due          TEXT NOT NULL,
    position     INTEGER NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('paid', 'skipped', 'unpaid')),
    date         TEXT,
    amount       INTEGER,
    PRIMARY KEY (household_id, item_id, due)
);

CREATE TABLE settings (
    household_id INTEGER NOT NULL REFERENCES households(id) ON DELETE CASCADE,
    key          TEXT NOT NULL,
    value        TEXT NOT NULL,
    PRIMARY KEY (household_id, key)
);

CREATE TABLE audit_log (
    seq          INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    command      TEXT NOT NULL,
    household_id INTEGER NOT NULL,
    item_id      TEXT NOT NULL,
    due          TEXT NOT NULL,
    old_status   TEXT NOT NULL,
    new_status   TEXT NOT NULL,
    date         TEXT,
    amount       INTEGER,
    prev_hash    TEXT NOT NULL,
    hash         TEXT NOT NULL
);

CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
)sql";

// Warnings a person has acknowledged, by their stable id, so they stay acknowledged.
constexpr const char* k_v2 = R"sql(
CREATE TABLE warning_acknowledgements (
    household_id    INTEGER NOT NULL REFERENCES households(id) ON DELETE CASCADE,
    warning_id      TEXT NOT NULL,
    acknowledged_at TEXT NOT NULL,
    PRIMARY KEY (household_id, warning_id)
);
)sql";

// What a bank does with a payment it cannot cover, and what each party charges for a declined one.
constexpr const char* k_v3 = R"sql(
ALTER TABLE accounts ADD COLUMN when_uncovered TEXT NOT NULL DEFAULT 'pay'
    CHECK (when_uncovered IN ('pay', 'decline'));
ALTER TABLE accounts ADD COLUMN returned_item_fee INTEGER NOT NULL DEFAULT 0;
ALTER TABLE bills ADD COLUMN returned_payment_fee INTEGER NOT NULL DEFAULT 0;
)sql";

// The region whose bank holidays the household keeps, and the region's days it does not keep.
constexpr const char* k_v4 = R"sql(
ALTER TABLE households ADD COLUMN holiday_region TEXT NOT NULL DEFAULT 'none';
ALTER TABLE households ADD COLUMN holidays_removed TEXT NOT NULL DEFAULT '';
)sql";

// What really happened: statements imported, their transactions per account (known by their key,
// so nothing is imported twice), the occurrences they matched with what was recorded before (so
// that an import can be undone), and the payee rules matching learns from.
constexpr const char* k_v5 = R"sql(
CREATE TABLE imports (
    id                INTEGER PRIMARY KEY,
    household_id      INTEGER NOT NULL REFERENCES households(id) ON DELETE CASCADE,
    account_id        TEXT NOT NULL,
    at                TEXT NOT NULL,
    file_name         TEXT NOT NULL,
    format            TEXT NOT NULL,
    file_sha256       TEXT NOT NULL,
    first_date        TEXT,
    last_date         TEXT,
    added             INTEGER NOT NULL,
    matched           INTEGER NOT NULL,
    ledger_balance    INTEGER,
    ledger_as_of      TEXT,
    available_balance INTEGER,
    available_as_of   TEXT,
    balance_set       INTEGER NOT NULL CHECK (balance_set IN (0, 1)),
    balance_before    INTEGER,
    as_of_before      TEXT,
    undone_at         TEXT
);

CREATE TABLE transactions (
    id             INTEGER PRIMARY KEY,
    household_id   INTEGER NOT NULL REFERENCES households(id) ON DELETE CASCADE,
    account_id     TEXT NOT NULL,
    import_id      INTEGER NOT NULL REFERENCES imports(id),
    key            TEXT NOT NULL,
    posted         TEXT NOT NULL,
    amount         INTEGER NOT NULL,
    payee          TEXT NOT NULL,
    memo           TEXT NOT NULL,
    source_id      TEXT NOT NULL,
    kind           TEXT NOT NULL,
    available      TEXT,
    statement_end  TEXT NOT NULL,
    UNIQUE (household_id, account_id, key)
);
CREATE INDEX transactions_by_import ON transactions(import_id);

CREATE TABLE transaction_matches (
    transaction_id INTEGER PRIMARY KEY REFERENCES transactions(id),
    household_id   INTEGER NOT NULL REFERENCES households(id) ON DELETE CASCADE,
    item_id        TEXT NOT NULL,
    due            TEXT NOT NULL,
    date           TEXT NOT NULL,
    amount         INTEGER NOT NULL,
    before_status  TEXT,
    before_date    TEXT,
    before_amount  INTEGER
);

CREATE TABLE payee_rules (
    household_id INTEGER NOT NULL REFERENCES households(id) ON DELETE CASCADE,
    pattern      TEXT NOT NULL,
    item_id      TEXT NOT NULL,
    PRIMARY KEY (household_id, pattern)
);
)sql";

constexpr std::array k_migrations{
    Migration{1, "households, accounts, incomes, bills, payments, settings and the audit log", k_v1},
    Migration{2, "acknowledged warnings", k_v2},
    Migration{3, "declined payments and their fees", k_v3},
    Migration{4, "bank holidays by region", k_v4},
    Migration{5, "imported statements, their transactions and matches, payee rules", k_v5},
};

} // namespace

std::span<const Migration> migrations() { return k_migrations; }

} // namespace steadypay::storage
