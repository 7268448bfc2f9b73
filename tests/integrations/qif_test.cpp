#include "integrations/qif_reader.hpp"

#include "core/dates.hpp"

#include <catch2/catch.hpp>

using namespace steadypay;

namespace {

core::Currency usd() { return core::Currency::from_code("USD").value(); }
core::Date day(const char* iso) { return core::parse_iso_date(iso).value(); }

core::Statement read(std::string_view text, integrations::DateOrder order = integrations::DateOrder::detect) {
    auto r = integrations::read_qif(text, usd(), "bank.qif", order);
    INFO((r.ok() ? std::string() : r.error().message()));
    REQUIRE(r.ok());
    return r.value();
}

std::string refused(std::string_view text, integrations::DateOrder order = integrations::DateOrder::detect) {
    auto r = integrations::read_qif(text, usd(), "bank.qif", order);
    REQUIRE_FALSE(r.ok());
    return r.error().message();
}

} // namespace

TEST_CASE("a bank QIF with a check, a transfer and a split reads, month/day worked out from Dec 15",
          "[integrations][qif]") {
    const auto st = read("!Type:Bank\r\n"
                         "D12/01'26\r\nT-1,200.00\r\nPLandlord\r\nMDecember rent\r\nN1001\r\n^\r\n"
                         "D12/15'26\r\nT2,450.00\r\nPACME Payroll\r\nLSalary\r\n^\r\n"
                         "D12/16'26\r\nT-80.00\r\nPCity Utilities\r\nSUtilities:Electric\r\n$-60.00\r\n"
                         "SUtilities:Water\r\n$-20.00\r\n^\r\n"
                         "D12/17'26\r\nT-100.00\r\nL[Savings]\r\n^\r\n");
    REQUIRE(st.transactions.size() == 4);
    CHECK(st.format == "qif");
    CHECK(st.transactions[0].posted == day("2026-12-01"));
    CHECK(st.transactions[0].amount.minor() == -120000);
    CHECK(st.transactions[0].payee == "Landlord");
    CHECK(st.transactions[0].memo == "December rent");
    CHECK(st.transactions[0].kind == core::TransactionKind::check);
    CHECK(st.transactions[1].posted == day("2026-12-15"));
    CHECK(st.transactions[1].amount.minor() == 245000);
    CHECK(st.transactions[2].amount.minor() == -8000); // the splits' total, as T says
    CHECK(st.transactions[3].kind == core::TransactionKind::transfer);
    CHECK(st.transactions[3].source_id.empty()); // QIF has no ids: the fingerprint identifies them
}

TEST_CASE("QIF dates day/month, told or worked out; asked about when they fit both", "[integrations][qif]") {
    const auto dmy = read("!Type:CCard\nD01/12/2026\nT-5.00\nPShop\n^\nD15/12/2026\nT-6.00\nPShop\n^\n");
    CHECK(dmy.transactions[0].posted == day("2026-12-01"));
    CHECK(dmy.transactions[1].posted == day("2026-12-15"));
    const std::string open = "!Type:Bank\nD01/02/2026\nT-5.00\n^\nD03/04/2026\nT-6.00\n^\n";
    CHECK(refused(open) == "bank.qif:2: \"01/02/2026\" could be day/month or month/day: say which (dmy or mdy)");
    CHECK(read(open, integrations::DateOrder::mdy).transactions[1].posted == day("2026-03-04"));
    CHECK(read(open, integrations::DateOrder::dmy).transactions[1].posted == day("2026-04-03"));
}

TEST_CASE("what a QIF reader cannot take is refused with its line", "[integrations][qif][hostile]") {
    CHECK(refused("!Type:Invst\nD12/01'26\n^\n") ==
          "bank.qif:1: is an investment account: only bank, cash and card accounts can be imported");
    CHECK(refused("D12/01'26\nT-5.00\n^\n") == "bank.qif:1: is not a QIF file (it does not start with !Type:)");
    CHECK(refused("!Type:Bank\nD12/01'26\nT-5.00\n") ==
          "bank.qif:2: the last transaction does not end with ^ (the file may be cut short)");
    CHECK(refused("!Type:Bank\nD12/01'26\nT-5.00\nZzz\n^\n") == "bank.qif:4: \"Zzz\" is not a QIF line");
    CHECK(refused("!Type:Bank\nD2026-12-01\nTfive\n^\n") == "bank.qif:3: \"five\" is not an amount");
    CHECK(refused("!Type:Bank\nPNo date\nT-5.00\n^\n") == "bank.qif:2: this transaction has no date (D line)");
    // Lists of categories are no transactions; an account header before the type is fine.
    const auto st = read("!Option:AutoSwitch\n!Account\nNChecking\nTBank\n^\n!Clear:AutoSwitch\n!Type:Cat\nNFood\n^\n"
                         "!Type:Bank\nD2026-12-01\nT-5.00\n^\n");
    CHECK(st.transactions.size() == 1);
}
