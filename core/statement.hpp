#pragma once
// What really happened: the transactions a statement (a bank's OFX, a QIF, a CSV export from a
// pay platform) says moved in or out of an account, and what they mean for the household.
//
// - Identity. A transaction is known by its source's own id when the source gives one (OFX's
//   FITID, PayPal's transaction id), else by a fingerprint of its date, amount and payee with a
//   per-day sequence: the second identical coffee of one day is "...#2", so that two real
//   identical charges are both kept, while the same file (or an overlapping statement) imported
//   again adds nothing.
// - Reconciliation. A debit that matches an expected bill occurrence (a payee rule, or the bill's
//   payee or name in the transaction's payee; the amount within the bill's range; the date within
//   the window around the due date) pays it, with the real date and amount; a credit that matches
//   an income occurrence records the income arrived, with its real amount.
// - Possible double charges. Two distinct debits with the same payee and amount within 3 days (5
//   for bank transfers), or two debits matching one occurrence.

#include "core/household.hpp"
#include "core/occurrence.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace steadypay::core {

// How money moved, where the source says: the dispute deadline and the double-charge window depend
// on it.
enum class TransactionKind {
    other,
    card,     // a card purchase or a card-based autopay
    transfer, // ACH, direct debit, direct deposit, a bank transfer
    check,
    cash,     // ATM, cash deposit
    fee,      // a bank's or platform's fee
    interest,
};
[[nodiscard]] Result<TransactionKind> parse_transaction_kind(std::string_view text);
[[nodiscard]] std::string_view to_string(TransactionKind k);

// One line of a statement.
struct Transaction {
    Date posted;
    Money amount;          // signed: negative is money out of the account
    std::string payee;
    std::string memo;
    std::string source_id; // the source's own id; empty when it gives none
    TransactionKind kind = TransactionKind::other;
    std::optional<Date> available; // when the money can be spent, when later than `posted` (Stripe's available_on)
    friend bool operator==(const Transaction&, const Transaction&) = default;
};

// A balance a statement reports, at the close of `as_of`.
struct StatementBalance {
    Money amount;
    Date as_of;
    friend bool operator==(const StatementBalance&, const StatementBalance&) = default;
};

// What one file says about one account.
struct Statement {
    std::string format;       // "ofx", "qif", "csv:paypal"...
    std::string account_hint; // the account as the file names it (OFX's ACCTID), empty when it does not
    std::string currency;     // ISO 4217 code the file states, empty when it does not
    std::vector<Transaction> transactions; // in the file's order
    std::optional<StatementBalance> ledger;    // the closing (booked) balance
    std::optional<StatementBalance> available; // what could be spent at its date
    std::size_t skipped = 0;                   // rows the file has that move no money here (holds, other currencies)
    // The statement's end: its ledger balance's date, else its last transaction's, else none.
    [[nodiscard]] std::optional<Date> end() const;
    [[nodiscard]] std::optional<Date> start() const;
};

// The payee as matching sees it: letters and digits in lower case (ASCII folded, other scripts
// kept), every run of anything else one space, trimmed: "AMZN Mktp US*2K4" -> "amzn mktp us 2k4",
// "חברת החשמל  בע\"מ" -> "חברת החשמל בע מ".
[[nodiscard]] std::string normalize_payee(std::string_view payee);

// The keys that identify each transaction of `transactions` (same order): "id:<source id>" when
// it has one, else "fp:<date>|<minor units>|<normalized payee>#<n>", n counting the transactions
// with the same fingerprint in the list, in order, from 1.
[[nodiscard]] std::vector<std::string> transaction_keys(const std::vector<Transaction>& transactions);

// A payee rule, trained by what the person confirms: a transaction whose normalized payee contains
// `pattern` (itself normalized) belongs to `item`.
struct PayeeRule {
    std::string pattern;
    std::string item;
    friend bool operator==(const PayeeRule&, const PayeeRule&) = default;
};

// How far from its due date a payment still counts as that occurrence's: from `before` days
// before (the autopay lead days come on top) to the grace days plus `after` days after, for
// bills; incomes from `income_before` before to `income_after` after.
struct MatchWindow {
    int before = 5;
    int after = 10;
    int income_before = 3;
    int income_after = 5;
};

// One transaction matched to one occurrence.
struct Match {
    std::size_t transaction = 0; // index into the transactions given
    ItemKind kind = ItemKind::bill;
    std::string item;
    Date due;
    Date date;    // the transaction's posted date
    Money amount; // positive: what was paid or received
    bool by_rule = false;
    friend bool operator==(const Match&, const Match&) = default;
};

// A debit that would have matched an occurrence another transaction of the same list matched.
struct SecondMatch {
    std::size_t transaction = 0;
    std::size_t other = 0; // the transaction that took the occurrence
    std::string item;
    Date due;
    friend bool operator==(const SecondMatch&, const SecondMatch&) = default;
};

struct Reconciliation {
    std::vector<Match> matches; // by transaction index
    std::vector<SecondMatch> second_matches;
};

// Matches the transactions of `account` to its bills' and incomes' occurrences that have no
// record yet (or are recorded unpaid). Each transaction matches at most one occurrence and each
// occurrence at most one transaction; the closest pairs are taken first (a rule's match before a
// name's, then the nearest date). Bills need the amount within their range (a fixed amount
// exactly, times the occurrence's count); incomes within a quarter of their range either way,
// since pay varies. `skip` (same order as `transactions`, or empty) marks transactions already
// matched earlier, which are left alone.
[[nodiscard]] Reconciliation reconcile(const Household& household, std::string_view account,
                                       const std::vector<Transaction>& transactions,
                                       const std::vector<PayeeRule>& rules, const MatchWindow& window = {},
                                       const std::vector<bool>& skip = {});

// Two debits that may be one charge taken twice.
struct DoubleCharge {
    std::size_t first = 0;  // indices into the transactions given, first < second by date then index
    std::size_t second = 0;
    Money at_stake;         // positive: the amount of one of them
    Date dispute_by;        // the last day to dispute the second one
    bool same_occurrence = false; // both matched one bill occurrence (more certain)
    friend bool operator==(const DoubleCharge&, const DoubleCharge&) = default;
};

// How long a person has to dispute a charge: 120 days after a card charge (the card networks'
// chargeback limit), 60 days after the statement that shows a bank transfer (the US rule for
// electronic transfers, Regulation E, and near the EU's 8 weeks for direct debits).
inline constexpr int k_card_dispute_days = 120;
inline constexpr int k_transfer_dispute_days = 60;
// How close two alike debits must be to look like one charge taken twice.
inline constexpr int k_double_charge_days = 3;
inline constexpr int k_double_charge_transfer_days = 5;

// The possible double charges among `transactions` (one account's): distinct debits with the same
// normalized payee and amount, posted within 3 days of each other (5 when both are transfers),
// and the pairs `second_matches` names. `statement_end` gives each transaction's statement end
// (same order), from which a transfer's dispute deadline counts; each pair is reported once.
[[nodiscard]] std::vector<DoubleCharge> possible_double_charges(const std::vector<Transaction>& transactions,
                                                                const std::vector<Date>& statement_end,
                                                                const std::vector<SecondMatch>& second_matches = {});

} // namespace steadypay::core
