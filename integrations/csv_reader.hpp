#pragma once
// CSV exports: what banks and pay platforms let people download, read through a named column
// mapping. Presets cover PayPal's activity download, Stripe's balance reports, Square's
// transactions and deposits, Payoneer's transactions and the common bank layouts; a person can
// write their own mapping and save it.

#include "core/statement.hpp"
#include "integrations/text_input.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace steadypay::integrations {

// Where each field of a transaction is: a column's header names, any one of them (compared
// without case, spaces or quotes around), or for a file without a header row the column's
// number from 1 ("3").
struct CsvColumns {
    std::vector<std::string> date, amount, debit, credit, payee, memo, id, kind, status, type, available, currency,
        balance;
    friend bool operator==(const CsvColumns&, const CsvColumns&) = default;
};

struct CsvMapping {
    std::string name;      // the preset's or the person's name for it
    bool header = true;    // the first row names the columns
    char delimiter = 0;    // 0: the first row's most common of , ; TAB |
    char decimal = '.';    // a lone separator before three digits is this one's, not a thousands'
    DateOrder date_order = DateOrder::detect;
    CsvColumns columns;
    bool negate = false;   // amounts are positive for money out (many card exports)
    bool debit_negative = false; // the debit column is already signed
    // Rows that are not money moving: a status among these, or a type containing one of these
    // (compared without case). PayPal's holds, authorizations and "Update to ..." rows.
    std::vector<std::string> skip_status;
    std::vector<std::string> skip_type;
    friend bool operator==(const CsvMapping&, const CsvMapping&) = default;
};

// The presets: "paypal", "stripe", "square", "square-deposits", "payoneer", "bank" (a header row,
// a signed amount or debit and credit columns, in English, Hebrew or Arabic), "bank-headerless"
// (date, description, amount) and "bank-headerless-debit-credit" (date, description, debit, credit).
[[nodiscard]] const std::vector<std::string>& csv_preset_names();
[[nodiscard]] core::Result<CsvMapping> csv_preset(std::string_view name);

// A mapping the person wrote or saved, as JSON:
//   {"name": "mybank", "header": true, "delimiter": ";", "decimal": ",", "date_order": "dmy",
//    "negate": false, "columns": {"date": ["Buchungstag"], "amount": ["Betrag"], "payee": ["Empfänger"]},
//    "skip_status": [], "skip_type": []}
[[nodiscard]] core::Result<CsvMapping> mapping_from_json(std::string_view json);
[[nodiscard]] std::string mapping_to_json(const CsvMapping& mapping);
// "date=Buchungstag,amount=Betrag,payee=Empfänger" over `base` (a preset or an empty mapping).
[[nodiscard]] core::Result<CsvMapping> with_columns(CsvMapping base, std::string_view spec);

// Reads a CSV file's text (UTF-8) into a statement in `currency`. With no mapping, the header row
// says which preset fits (PayPal's, Stripe's, Square's, else a bank's). Rows in another currency
// are left out and counted. Errors name the file and line ("file.csv:12") and the column.
[[nodiscard]] core::Result<core::Statement> read_csv(std::string_view text, const CsvMapping* mapping,
                                                     const core::Currency& currency, std::string_view file_name,
                                                     DateOrder order = DateOrder::detect);

} // namespace steadypay::integrations
