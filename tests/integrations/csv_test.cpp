#include "integrations/csv_reader.hpp"
#include "integrations/statement_file.hpp"

#include "core/dates.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace steadypay;
using integrations::DateOrder;
namespace fs = std::filesystem;

namespace {

core::Currency code(const char* c) { return core::Currency::from_code(c).value(); }
core::Date day(const char* iso) { return core::parse_iso_date(iso).value(); }

core::Statement read(std::string_view text, const char* preset = nullptr, DateOrder order = DateOrder::detect,
                     const char* currency = "USD") {
    std::optional<integrations::CsvMapping> mapping;
    if (preset) {
        mapping = integrations::csv_preset(preset).value();
    }
    auto r = integrations::read_csv(text, mapping ? &*mapping : nullptr, code(currency), "f.csv", order);
    INFO((r.ok() ? std::string() : r.error().message()));
    REQUIRE(r.ok());
    return r.value();
}

std::string refused(std::string_view text, const char* preset = nullptr) {
    std::optional<integrations::CsvMapping> mapping;
    if (preset) {
        mapping = integrations::csv_preset(preset).value();
    }
    auto r = integrations::read_csv(text, mapping ? &*mapping : nullptr, code("USD"), "f.csv");
    REQUIRE_FALSE(r.ok());
    return r.error().message();
}

// Hebrew in Windows-1255: the letters U+05D0..U+05EA are the bytes 0xE0..0xFA.
std::string to_1255(std::string_view utf8) {
    std::string out;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c == 0xD7 && i + 1 < utf8.size()) {
            const unsigned cp = ((c & 0x1F) << 6) | (static_cast<unsigned char>(utf8[++i]) & 0x3F);
            REQUIRE((cp >= 0x5D0 && cp <= 0x5EA));
            out.push_back(static_cast<char>(cp - 0x5D0 + 0xE0));
        } else {
            out.push_back(static_cast<char>(c));
        }
    }
    return out;
}

const char* const k_paypal =
    "\"Date\",\"Time\",\"TimeZone\",\"Name\",\"Type\",\"Status\",\"Currency\",\"Gross\",\"Fee\",\"Net\","
    "\"From Email Address\",\"Transaction ID\",\"Item Title\",\"Balance\"\n"
    "\"12/01/2026\",\"09:14:02\",\"PST\",\"Maya Cohen\",\"Website Payment\",\"Completed\",\"USD\",\"1,120.00\","
    "\"-33.78\",\"1,086.22\",\"maya@example.com\",\"5AB12345CD678901E\",\"Logo design\",\"1,586.22\"\n"
    "\"12/02/2026\",\"10:00:00\",\"PST\",\"Hotel\",\"General Authorization\",\"Pending\",\"USD\",\"-50.00\",\"0.00\","
    "\"-50.00\",\"\",\"1XY00000000000000\",\"\",\"1,586.22\"\n"
    "\"12/03/2026\",\"11:00:00\",\"PST\",\"Adobe Inc\",\"Preapproved Payment Bill User Payment\",\"Completed\",\"USD\","
    "\"-22.99\",\"0.00\",\"-22.99\",\"\",\"7CD00000000000000\",\"Creative Cloud\",\"1,563.23\"\n"
    "\"12/03/2026\",\"12:00:00\",\"PST\",\"\",\"Hold on Balance for Dispute Investigation\",\"Completed\",\"USD\","
    "\"-100.00\",\"0.00\",\"-100.00\",\"\",\"8EF00000000000000\",\"\",\"1,463.23\"\n"
    "\"12/04/2026\",\"08:00:00\",\"PST\",\"Maya Cohen\",\"Update to eCheck Received\",\"Completed\",\"USD\","
    "\"0.00\",\"0.00\",\"0.00\",\"\",\"9GH00000000000000\",\"\",\"1,463.23\"\n"
    "\"12/05/2026\",\"08:00:00\",\"PST\",\"Client GmbH\",\"Website Payment\",\"Completed\",\"EUR\","
    "\"50.00\",\"-2.10\",\"47.90\",\"\",\"2JK00000000000000\",\"\",\"47.90\"\n"
    "\"12/15/2026\",\"08:00:00\",\"PST\",\"\",\"General Withdrawal\",\"Completed\",\"USD\","
    "\"-1,000.00\",\"0.00\",\"-1,000.00\",\"\",\"3LM00000000000000\",\"\",\"463.23\"\n";

} // namespace

TEST_CASE("PayPal's activity download: the net amount, holds and other currencies left out", "[integrations][csv]") {
    const auto st = read(k_paypal); // found from the header; 12/15 says month/day
    CHECK(st.format == "csv:paypal");
    REQUIRE(st.transactions.size() == 3);
    CHECK(st.skipped == 4); // the authorization, the hold, the "Update to" row, the euros
    CHECK(st.transactions[0].posted == day("2026-12-01"));
    CHECK(st.transactions[0].amount.minor() == 108622); // 1,120.00 less the 33.78 fee
    CHECK(st.transactions[0].payee == "Maya Cohen");
    CHECK(st.transactions[0].source_id == "5AB12345CD678901E");
    CHECK(st.transactions[0].memo == "Logo design");
    CHECK(st.transactions[1].amount.minor() == -2299);
    CHECK(st.transactions[2].posted == day("2026-12-15"));
    REQUIRE(st.ledger.has_value());
    CHECK(st.ledger->amount.minor() == 46323);
    CHECK(st.ledger->as_of == day("2026-12-15"));
}

TEST_CASE("Stripe's balance report: the net, and when the money can be spent", "[integrations][csv]") {
    const auto st = read("balance_transaction_id,created_utc,available_on_utc,currency,gross,fee,net,"
                         "reporting_category,description\n"
                         "txn_1,2026-12-01 10:00:00,2026-12-03 00:00:00,usd,100.00,-3.20,96.80,charge,Invoice 1001\n"
                         "txn_2,2026-12-02 09:00:00,2026-12-02 09:00:00,usd,-96.80,0.00,-96.80,payout,STRIPE PAYOUT\n");
    CHECK(st.format == "csv:stripe");
    REQUIRE(st.transactions.size() == 2);
    CHECK(st.transactions[0].amount.minor() == 9680);
    CHECK(st.transactions[0].available == day("2026-12-03"));
    CHECK(st.transactions[0].source_id == "txn_1");
    CHECK(st.transactions[0].memo == "charge");
    CHECK_FALSE(st.transactions[1].available.has_value());
    CHECK(st.transactions[1].kind == core::TransactionKind::transfer);
}

TEST_CASE("Square's transactions and Payoneer's, by their presets", "[integrations][csv]") {
    const auto square = read("Date,Time,Time Zone,Gross Sales,Fees,Net Total,Transaction ID,Payment ID,Description,"
                             "Customer Name\n"
                             "2026-12-01,10:00:00,Eastern Time,$45.00,-$1.61,$43.39,T1,P1,Haircut,Dana\n");
    CHECK(square.format == "csv:square");
    CHECK(square.transactions.at(0).amount.minor() == 4339);
    CHECK(square.transactions.at(0).payee == "Dana");
    const auto payoneer = read("Transaction Date,Description,Amount,Currency,Status,Transaction ID\n"
                               "03 Dec 2026,Payment from Upwork,\"1,250.00\",USD,Completed,PY-77\n"
                               "04 Dec 2026,Card fee,-3.00,USD,Pending,PY-78\n",
                               "payoneer");
    REQUIRE(payoneer.transactions.size() == 1);
    CHECK(payoneer.transactions[0].posted == day("2026-12-03"));
    CHECK(payoneer.transactions[0].amount.minor() == 125000);
    CHECK(payoneer.skipped == 1);
}

TEST_CASE("a Hebrew bank's export in Windows-1255 with debit and credit columns", "[integrations][csv]") {
    test::TempDir dir;
    const auto file = dir / "leumi.csv";
    std::ofstream(file, std::ios::binary) << to_1255("תאריך,תיאור,חובה,זכות,יתרה\r\n"
                                                     "01/12/2026,שכר דירה,\"4,200.00\",,-2350.00\r\n"
                                                     "10/12/2026,משכורת,,\"7,400.00\",5050.00\r\n"
                                                     "15/12/2026,חברת החשמל,312.40,,4737.60\r\n");
    auto r = integrations::read_statement_file(file, code("ILS"));
    INFO((r.ok() ? std::string() : r.error().message()));
    REQUIRE(r.ok());
    const auto& st = r->statement;
    CHECK(st.format == "csv:bank");
    REQUIRE(st.transactions.size() == 3);
    CHECK(st.transactions[0].payee == "שכר דירה");
    CHECK(st.transactions[0].amount.minor() == -420000);
    CHECK(st.transactions[1].posted == day("2026-12-10"));
    CHECK(st.transactions[1].amount.minor() == 740000);
    CHECK(st.transactions[2].amount.minor() == -31240);
    CHECK(st.ledger->amount.minor() == 473760);
    CHECK(st.ledger->as_of == day("2026-12-15"));
}

TEST_CASE("an Arabic bank's export: UTF-8 with a byte order mark, semicolons, decimal commas, newest first",
          "[integrations][csv]") {
    const auto st = read("\xEF\xBB\xBF" "التاريخ;الوصف;المبلغ;الرصيد\n"
                         "02/12/2026;راتب;5.000,00;6.000,00\n"
                         "01/12/2026;إيجار;-3.100,55;1.000,00\n",
                         nullptr, DateOrder::dmy, "EGP");
    REQUIRE(st.transactions.size() == 2);
    CHECK(st.transactions[0].payee == "راتب");
    CHECK(st.transactions[1].amount.minor() == -310055);
    CHECK(st.ledger->amount.minor() == 600000); // beside the newest, the first row
    CHECK(st.ledger->as_of == day("2026-12-02"));
}

TEST_CASE("a headerless bank file, and the person's own mapping saved and read back", "[integrations][csv]") {
    const auto st = read("2026-12-01,RENT ACH,-1200.00\n2026-12-02,COFFEE,-4.50\n", "bank-headerless");
    REQUIRE(st.transactions.size() == 2);
    CHECK(st.transactions[0].payee == "RENT ACH");
    auto mine = integrations::with_columns(integrations::CsvMapping{}, "date=Buchungstag,amount=Betrag,payee=Empfänger");
    REQUIRE(mine.ok());
    mine->name = "sparkasse";
    mine->delimiter = ';';
    mine->decimal = ',';
    mine->date_order = DateOrder::dmy;
    const auto json = integrations::mapping_to_json(mine.value());
    auto back = integrations::mapping_from_json(json);
    REQUIRE(back.ok());
    CHECK(back.value() == mine.value());
    // With a decimal comma, the point groups thousands: -1.234 is -1234.00 euros.
    auto r = integrations::read_csv("Buchungstag;Empfänger;Betrag\n03.12.2026;Stadtwerke;-1.234\n", &back.value(),
                                    code("EUR"), "f.csv");
    REQUIRE(r.ok());
    CHECK(r->transactions[0].amount.minor() == -123400);
    auto ok = integrations::read_csv("Buchungstag;Empfänger;Betrag\n03.12.2026;Stadtwerke;-1.234,50\n", &back.value(),
                                     code("EUR"), "f.csv");
    REQUIRE(ok.ok());
    CHECK(ok->transactions[0].amount.minor() == -123450);
    CHECK(ok->transactions[0].posted == day("2026-12-03"));
    CHECK(integrations::with_columns({}, "colour=Blue").error().message().rfind("\"colour\" is not a field", 0) == 0);
    CHECK(integrations::mapping_from_json("{\"columns\": {\"date\": 3}}").error().message() ==
          "columns.date: must be a list of column names");
    CHECK(integrations::csv_preset("venmo").error().message().rfind("\"venmo\" is not a preset (paypal, ", 0) == 0);
}

TEST_CASE("hostile and broken CSV files are refused with the line, never half read", "[integrations][csv][hostile]") {
    CHECK(refused("Date,Description,Amount\n2026-12-01,\"unclosed,-5.00\n") ==
          "f.csv:2: a quoted field is not closed before the end of the file");
    CHECK(refused("Date,Description,Amount\n2026-12-01,Shop,12a\n") == "f.csv:2: Amount: \"12a\" is not an amount");
    CHECK(refused("Date,Description,Amount\n2026-12-01,Shop,\"12,3,4\"\n") ==
          "f.csv:2: Amount: \"12,3,4\" is not an amount");
    CHECK(refused("Date,Description,Amount\n") == "f.csv: has no transactions");
    CHECK(refused("Colour,Shape\nred,round\n") ==
          "f.csv:1: no column is the date: name it (for example --columns date=Posting Date)");
    CHECK(refused("Date,Description,Amount\n2026-12-01,Shop,-1.00\nnot a date,Shop,-1.00\n") ==
          "f.csv:3: \"not a date\" is not a date");
    const std::string huge = "Date,Description,Amount\n2026-12-01," + std::string(70000, 'x') + ",-1.00\n";
    CHECK(refused(huge) == "f.csv: a field is longer than 65536 bytes: this is not a statement");
    CHECK(refused("Date,Description,Amount\n2026-12-01,Shop,-1.00\n2026-12-02\n") ==
          "f.csv:3: has 1 fields where the first row has 3");
    // A payee with control characters is kept, written so that a terminal shows it safely.
    const auto st = read("Date,Description,Amount\n2026-12-01,\"Shop\x1b[2J\",-1.00\n");
    CHECK(st.transactions[0].payee == "Shop\\x1b[2J");
}
