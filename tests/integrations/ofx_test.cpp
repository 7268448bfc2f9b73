// OFX through LibOFX, on LibOFX's own sample statements (libofx-doc) and files written here.

#include "integrations/ofx_reader.hpp"
#include "integrations/statement_file.hpp"

#include "core/dates.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

using namespace steadypay;
using test::TempDir;
namespace fs = std::filesystem;

namespace {

const fs::path k_samples = STEADYPAY_OFX_SAMPLES;
core::Currency usd() { return core::Currency::from_code("USD").value(); }
core::Date day(const char* iso) { return core::parse_iso_date(iso).value(); }

void write(const fs::path& p, std::string_view text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
}

std::size_t entries(const fs::path& dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : fs::recursive_directory_iterator(dir)) {
        ++n;
    }
    return n;
}

// Reads with the child's private folder under `root`, and the program's own TMPDIR set to
// `outer`, so that a test can look at both afterwards.
core::Result<integrations::StatementFile> read(const fs::path& file, const fs::path& root, const fs::path& outer) {
    ::setenv("TMPDIR", outer.c_str(), 1);
    integrations::ReadOptions options;
    options.ofx.private_root = root;
    options.ofx.timeout_seconds = 20;
    auto r = integrations::read_statement_file(file, usd(), options);
    ::unsetenv("TMPDIR");
    return r;
}

// The OFX 1.6 and 2.0.1 specifications' statement example, as LibOFX ships it: two
// transactions and the balances, read off the files by hand.
void check_spec_example(const core::Statement& st, int year) {
    const auto y = std::to_string(year);
    REQUIRE(st.transactions.size() == 2);
    const auto& check = st.transactions[0];
    CHECK(check.posted == day((y + "-10-04").c_str()));
    CHECK(check.amount == core::Money::from_minor(-20000, usd()));
    CHECK(check.source_id == "00002");
    CHECK(check.kind == core::TransactionKind::check);
    const auto& atm = st.transactions[1];
    CHECK(atm.posted == day((y + "-10-20").c_str()));
    CHECK(atm.amount == core::Money::from_minor(-30000, usd()));
    CHECK(atm.source_id == "00003");
    CHECK(atm.kind == core::TransactionKind::cash);
    REQUIRE(st.ledger.has_value());
    CHECK(st.ledger->amount == core::Money::from_minor(20029, usd()));
    CHECK(st.ledger->as_of == day((y + "-10-29").c_str()));
    REQUIRE(st.available.has_value());
    CHECK(st.available->amount == core::Money::from_minor(20029, usd()));
    CHECK(st.currency == "USD");
    CHECK(st.account_hint.find("999988") != std::string::npos);
    CHECK(st.format == "ofx");
}

} // namespace

TEST_CASE("LibOFX's OFX 1.6 example statement reads exactly, and leaves nothing on disk", "[integrations][ofx]") {
    TempDir root;
    TempDir outer;
    auto r = read(k_samples / "ofx_spec160_stmtrs_example.sgml", root.path(), outer.path());
    INFO((r.ok() ? std::string() : r.error().message()));
    REQUIRE(r.ok());
    check_spec_example(r->statement, 1996);
    CHECK(r->sha256.size() == 64);
    // LibOFX's plaintext copy went into the private folder, and the folder went with it.
    CHECK(entries(root.path()) == 0);
    CHECK(entries(outer.path()) == 0);
}

TEST_CASE("LibOFX's OFX 2.0.1 (XML) example statement reads exactly", "[integrations][ofx]") {
    TempDir dir;
    const auto xml = dir / "spec201.ofx";
    const auto command = "gzip -dc '" + (k_samples / "ofx_spec201_stmtrs_example.xml.gz").string() + "' > '" +
                         xml.string() + "'";
    REQUIRE(std::system(command.c_str()) == 0);
    TempDir root;
    auto r = read(xml, root.path(), dir.path());
    INFO((r.ok() ? std::string() : r.error().message()));
    REQUIRE(r.ok());
    check_spec_example(r->statement, 1999);
    CHECK(entries(root.path()) == 0);
}

TEST_CASE("a QFX file with Hebrew payees and an Intuit tag reads, payees intact", "[integrations][ofx]") {
    TempDir dir;
    const auto file = dir / "bank.qfx";
    write(file, R"(<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<?OFX OFXHEADER="200" VERSION="211" SECURITY="NONE" OLDFILEUID="NONE" NEWFILEUID="NONE"?>
<OFX>
<SIGNONMSGSRSV1><SONRS><STATUS><CODE>0</CODE><SEVERITY>INFO</SEVERITY></STATUS>
<DTSERVER>20261203120000</DTSERVER><LANGUAGE>ENG</LANGUAGE><INTU.BID>10898</INTU.BID></SONRS></SIGNONMSGSRSV1>
<BANKMSGSRSV1><STMTTRNRS><TRNUID>1</TRNUID><STATUS><CODE>0</CODE><SEVERITY>INFO</SEVERITY></STATUS>
<STMTRS><CURDEF>USD</CURDEF>
<BANKACCTFROM><BANKID>021000021</BANKID><ACCTID>4417</ACCTID><ACCTTYPE>CHECKING</ACCTTYPE></BANKACCTFROM>
<BANKTRANLIST><DTSTART>20261201</DTSTART><DTEND>20261203</DTEND>
<STMTTRN><TRNTYPE>DIRECTDEBIT</TRNTYPE><DTPOSTED>20261201</DTPOSTED><TRNAMT>-1200.00</TRNAMT><FITID>2026120101</FITID><NAME>דירה ברחוב הרצל</NAME><MEMO>שכר דירה</MEMO></STMTTRN>
<STMTTRN><TRNTYPE>DIRECTDEP</TRNTYPE><DTPOSTED>20261203</DTPOSTED><TRNAMT>1487.23</TRNAMT><FITID>2026120301</FITID><NAME>ACME CORP PAYROLL</NAME></STMTTRN>
<STMTTRN><TRNTYPE>POS</TRNTYPE><DTPOSTED>20261203</DTPOSTED><TRNAMT>-0.10</TRNAMT><FITID>2026120302</FITID><NAME>Corner Cafe</NAME></STMTTRN>
</BANKTRANLIST>
<LEDGERBAL><BALAMT>287.13</BALAMT><DTASOF>20261203</DTASOF></LEDGERBAL>
<AVAILBAL><BALAMT>250.00</BALAMT><DTASOF>20261203</DTASOF></AVAILBAL>
</STMTRS></STMTTRNRS></BANKMSGSRSV1>
</OFX>
)");
    TempDir root;
    auto r = read(file, root.path(), dir.path());
    INFO((r.ok() ? std::string() : r.error().message()));
    REQUIRE(r.ok());
    const auto& st = r->statement;
    REQUIRE(st.transactions.size() == 3);
    CHECK(st.transactions[0].payee == "דירה ברחוב הרצל");
    CHECK(st.transactions[0].memo == "שכר דירה");
    CHECK(st.transactions[0].kind == core::TransactionKind::transfer);
    CHECK(st.transactions[1].amount.minor() == 148723); // a double from LibOFX, exact minor units
    CHECK(st.transactions[2].amount.minor() == -10);
    CHECK(st.transactions[2].kind == core::TransactionKind::card);
    CHECK(st.ledger->amount.minor() == 28713);
    CHECK(st.ledger->as_of == day("2026-12-03"));
    CHECK(st.available->amount.minor() == 25000);
    CHECK(entries(root.path()) == 0);
}

TEST_CASE("LibOFX's known crash inputs give a clear error or a statement, never a crash", "[integrations][ofx][hostile]") {
    TempDir root;
    TempDir outer;
    for (const char* name : {"heap-buffer-overflow-1.ofx", "heap-buffer-overflow-2.ofx", "null-ptr-deref-1.ofx",
                             "null-ptr-deref-2.ofx", "use-after-free.ofx", "downcast.ofx", "failing-ofx-file1.xml",
                             "failing-ofx-file2.xml"}) {
        INFO(name);
        auto r = read(k_samples / name, root.path(), outer.path());
        if (!r.ok()) {
            const auto text = r.error().message();
            CHECK(text.rfind((k_samples / name).string() + ":", 0) == 0); // "file: ..." or "file:1: ..."
            CHECK(text.find('\n') == std::string::npos);
        }
        CHECK(entries(root.path()) == 0);
        CHECK(entries(outer.path()) == 0);
    }
}

TEST_CASE("a file that is not an OFX statement is refused before LibOFX sees it", "[integrations][ofx][hostile]") {
    CHECK(integrations::check_ofx_shape("OFXHEADER:100\nDATA:OFXSGML\n").error().message() ==
          "is not an OFX file (no <OFX> element)");
    CHECK(integrations::check_ofx_shape("<OFX><SIGNONMSGSRSV1></SIGNONMSGSRSV1></OFX>").error().message() ==
          "has no bank or card statement (no <STMTTRN> or <LEDGERBAL>)");
    CHECK(integrations::check_ofx_shape(std::string_view("<OFX>\0<STMTTRN>", 14)).error().message() ==
          "is not an OFX file (it has NUL bytes)");
    CHECK(integrations::check_ofx_shape("<OFX><STMTTRN></STMTTRN></OFX>").ok());
}

TEST_CASE("an OFX file with statements of two accounts asks which", "[integrations][ofx]") {
    TempDir dir;
    const auto file = dir / "two.ofx";
    const std::string one = R"(<STMTTRNRS><TRNUID>1</TRNUID><STATUS><CODE>0</CODE><SEVERITY>INFO</SEVERITY></STATUS><STMTRS><CURDEF>USD</CURDEF>
<BANKACCTFROM><BANKID>1</BANKID><ACCTID>@ID@</ACCTID><ACCTTYPE>CHECKING</ACCTTYPE></BANKACCTFROM>
<BANKTRANLIST><DTSTART>20261201</DTSTART><DTEND>20261203</DTEND>
<STMTTRN><TRNTYPE>DEBIT</TRNTYPE><DTPOSTED>20261201</DTPOSTED><TRNAMT>-@AMOUNT@</TRNAMT><FITID>@ID@-1</FITID><NAME>Shop</NAME></STMTTRN>
</BANKTRANLIST><LEDGERBAL><BALAMT>10.00</BALAMT><DTASOF>20261203</DTASOF></LEDGERBAL></STMTRS></STMTTRNRS>
)";
    auto account = [&](const char* id, const char* amount) {
        std::string s = one;
        for (std::size_t at; (at = s.find("@ID@")) != std::string::npos;) {
            s.replace(at, 4, id);
        }
        s.replace(s.find("@AMOUNT@"), 8, amount);
        return s;
    };
    write(file, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n<?OFX OFXHEADER=\"200\" VERSION=\"211\" "
                    "SECURITY=\"NONE\" OLDFILEUID=\"NONE\" NEWFILEUID=\"NONE\"?>\n<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>0</CODE>"
                    "<SEVERITY>INFO</SEVERITY></STATUS><DTSERVER>20261203</DTSERVER><LANGUAGE>ENG</LANGUAGE></SONRS>"
                    "</SIGNONMSGSRSV1><BANKMSGSRSV1>" +
                    account("1111", "5.00") + account("2222", "7.00") + "</BANKMSGSRSV1></OFX>\n");
    TempDir root;
    auto both = read(file, root.path(), dir.path());
    REQUIRE_FALSE(both.ok());
    CHECK(both.error().message().find("has statements of several accounts (") != std::string::npos);
    integrations::ReadOptions options;
    options.ofx.private_root = root.path();
    options.ofx.account = "2222";
    auto chosen = integrations::read_statement_file(file, usd(), options);
    INFO((chosen.ok() ? std::string() : chosen.error().message()));
    REQUIRE(chosen.ok());
    REQUIRE(chosen->statement.transactions.size() == 1);
    CHECK(chosen->statement.transactions[0].amount.minor() == -700);
    CHECK(chosen->statement.transactions[0].source_id == "2222-1");
}
