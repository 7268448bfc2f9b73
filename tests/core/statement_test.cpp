#include "core/statement.hpp"

#include "core/dates.hpp"
#include "tests/core/builders.hpp"

#include <catch2/catch.hpp>

using namespace steadypay;
using namespace steadypay::test;

namespace {

core::Transaction tx(const std::string& posted, const std::string& amount, const std::string& payee,
                     std::string id = {}, core::TransactionKind kind = core::TransactionKind::other) {
    core::Transaction t;
    t.posted = day(posted);
    t.amount = money(amount);
    t.payee = payee;
    t.source_id = std::move(id);
    t.kind = kind;
    return t;
}

// Rent 1200.00 on the 1st (payee "Oak Street Properties"), electricity 90..150 on the 12th with 5
// grace days, pay 1500.00 every other Friday from 2026-11-06.
core::Household december() {
    auto h = household("800.00", "2026-11-25");
    auto& rent = add_bill(h, "rent", "1200.00", "FREQ=MONTHLY;BYMONTHDAY=1", "2026-01-01", core::Priority::housing);
    rent.payee = "Oak Street Properties";
    rent.name = "Rent";
    auto& power = add_bill(h, "power", "90.00", "FREQ=MONTHLY;BYMONTHDAY=12", "2026-01-12", core::Priority::utilities);
    power.amount = core::Amount::range(money("90.00"), money("150.00"));
    power.name = "Electricity";
    power.payee = "City Power & Light";
    power.grace_days = 5;
    auto& pay = add_income(h, "pay", "1500.00", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "2026-11-06");
    pay.source = "ACME Corp";
    pay.name = "Paycheck";
    return h;
}

} // namespace

TEST_CASE("payees are compared by their words, in lower case, in any script", "[statement]") {
    CHECK(core::normalize_payee("AMZN Mktp US*2K4") == "amzn mktp us 2k4");
    CHECK(core::normalize_payee("  City Power & Light, Inc. ") == "city power light inc");
    CHECK(core::normalize_payee("חברת החשמל  - ירושלים") == "חברת החשמל ירושלים");
    CHECK(core::normalize_payee("***") == "");
}

TEST_CASE("a transaction is known by its source's id, else by its fingerprint and its place among twins of the day",
          "[statement]") {
    const std::vector<core::Transaction> list{
        tx("2026-12-01", "-4.50", "Corner Cafe"),
        tx("2026-12-01", "-4.50", "CORNER CAFE"), // the same coffee bought twice: both are kept
        tx("2026-12-02", "-4.50", "Corner Cafe"),
        tx("2026-12-02", "-60.00", "Metro Wireless", "FIT-991"),
    };
    const auto keys = core::transaction_keys(list);
    REQUIRE(keys.size() == 4);
    CHECK(keys[0] == "fp:2026-12-01|-450|corner cafe#1");
    CHECK(keys[1] == "fp:2026-12-01|-450|corner cafe#2");
    CHECK(keys[2] == "fp:2026-12-02|-450|corner cafe#1");
    CHECK(keys[3] == "id:FIT-991");
    // An overlapping statement that starts on Dec 2 gives Dec 2's coffee the same key.
    CHECK(core::transaction_keys({list[2]}).front() == keys[2]);
}

TEST_CASE("a statement's debits pay the bills they match, and its credits record the pay that arrived",
          "[statement][reconcile]") {
    const auto h = december();
    const std::vector<core::Transaction> list{
        tx("2026-12-01", "-1200.00", "OAK STREET PROPERTIES ACH"), // rent, on its day
        tx("2026-12-04", "1487.23", "ACME CORP PAYROLL"),          // pay of Fri Dec 4, less than 1500.00
        tx("2026-12-15", "-131.70", "CITY POWER LIGHT"),           // electricity due Dec 12, 3 days late
        tx("2026-12-05", "-23.99", "Streamly"),                    // nothing expected
        tx("2026-12-06", "-1100.00", "Oak Street Properties"),     // not rent's amount: left alone
    };
    const auto r = core::reconcile(h, "checking", list, {});
    REQUIRE(r.matches.size() == 3);
    CHECK(r.matches[0] == core::Match{0, core::ItemKind::bill, "rent", day("2026-12-01"), day("2026-12-01"),
                                      money("1200.00"), false});
    CHECK(r.matches[1] == core::Match{1, core::ItemKind::income, "pay", day("2026-12-04"), day("2026-12-04"),
                                      money("1487.23"), false});
    CHECK(r.matches[2] == core::Match{2, core::ItemKind::bill, "power", day("2026-12-12"), day("2026-12-15"),
                                      money("131.70"), false});
    CHECK(r.second_matches.empty());
}

TEST_CASE("what is matched is left out of reconciliation: recorded occurrences and transactions matched before",
          "[statement][reconcile]") {
    auto h = december();
    h.payments.push_back(core::Payment{"rent", day("2026-12-01"), core::PaymentStatus::paid, day("2026-11-30"),
                                       money("1200.00"), {}});
    const std::vector<core::Transaction> list{tx("2026-12-01", "-1200.00", "Oak Street Properties"),
                                              tx("2026-12-04", "1500.00", "ACME Corp")};
    const auto r = core::reconcile(h, "checking", list, {}, {}, {false, true});
    CHECK(r.matches.empty());
    // Recorded unpaid is still open: the statement shows it paid after all.
    h.payments.front().status = core::PaymentStatus::unpaid;
    h.payments.front().date.reset();
    h.payments.front().amount.reset();
    const auto again = core::reconcile(h, "checking", list, {});
    REQUIRE(again.matches.size() == 2);
    CHECK(again.matches[0].item == "rent");
}

TEST_CASE("a payee rule matches what the bill's names do not, and wins over a name", "[statement][reconcile]") {
    const auto h = december();
    const std::vector<core::Transaction> list{tx("2026-12-02", "-1200.00", "PPD OSP MGMT 4471")};
    CHECK(core::reconcile(h, "checking", list, {}).matches.empty());
    const auto r = core::reconcile(h, "checking", list, {core::PayeeRule{"OSP Mgmt", "rent"}});
    REQUIRE(r.matches.size() == 1);
    CHECK(r.matches[0].item == "rent");
    CHECK(r.matches[0].by_rule);
}

TEST_CASE("a payment outside the window around its due date is not that occurrence's", "[statement][reconcile]") {
    const auto h = december();
    // Rent of Dec 1: 5 days before (Nov 26) to 10 after (Dec 11); Nov 25 and Dec 12 are outside.
    CHECK(core::reconcile(h, "checking", {tx("2026-11-25", "-1200.00", "Oak Street Properties")}, {}).matches.empty());
    CHECK(core::reconcile(h, "checking", {tx("2026-12-12", "-1200.00", "Oak Street Properties")}, {}).matches.empty());
    const auto early = core::reconcile(h, "checking", {tx("2026-11-26", "-1200.00", "Oak Street Properties")}, {});
    REQUIRE(early.matches.size() == 1);
    CHECK(early.matches[0].due == day("2026-12-01"));
}

TEST_CASE("two debits matching one rent: one pays it, the other is a possible double charge",
          "[statement][double]") {
    const auto h = december();
    std::vector<core::Transaction> list{tx("2026-12-01", "-1200.00", "Oak Street Properties ACH", {},
                                           core::TransactionKind::transfer),
                                        tx("2026-12-02", "-1200.00", "Oak Street Properties web payment", {},
                                           core::TransactionKind::transfer)};
    const auto r = core::reconcile(h, "checking", list, {});
    REQUIRE(r.matches.size() == 1);
    CHECK(r.matches[0].transaction == 0);
    REQUIRE(r.second_matches.size() == 1);
    CHECK(r.second_matches[0] == core::SecondMatch{1, 0, "rent", day("2026-12-01")});
    // Statement of Dec 31: a transfer is disputed within 60 days of it, by Mar 1 2027.
    const auto d = core::possible_double_charges(list, {day("2026-12-31"), day("2026-12-31")}, r.second_matches);
    REQUIRE(d.size() == 1);
    CHECK(d[0] == core::DoubleCharge{0, 1, money("1200.00"), day("2027-03-01"), true});
}

TEST_CASE("alike debits within 3 days are a possible double charge, 5 for transfers, with the dispute deadline",
          "[statement][double]") {
    using K = core::TransactionKind;
    const std::vector<core::Transaction> list{
        tx("2026-12-01", "-39.99", "FitLife Gym", {}, K::card),
        tx("2026-12-04", "-39.99", "FITLIFE GYM", {}, K::card),      // 3 days later: a double charge
        tx("2026-12-01", "-60.00", "Metro Wireless", {}, K::card),
        tx("2026-12-05", "-60.00", "Metro Wireless", {}, K::card),   // 4 days later, cards: not
        tx("2026-12-01", "-75.00", "State Auto Ins", {}, K::transfer),
        tx("2026-12-06", "-75.00", "State Auto Ins", {}, K::transfer), // 5 days later, transfers: yes
        tx("2026-12-02", "-12.00", "Corner Cafe", {}, K::card),
        tx("2026-12-02", "-12.50", "Corner Cafe", {}, K::card),      // another amount: not
        tx("2026-12-03", "39.99", "FitLife Gym", {}, K::card),       // a refund is no charge
    };
    const std::vector<core::Date> ends(list.size(), day("2026-12-31"));
    const auto d = core::possible_double_charges(list, ends);
    REQUIRE(d.size() == 2);
    // Card: 120 days after Dec 4 2026 is Apr 3 2027 (27 + 31 + 28 + 31 + 3).
    CHECK(d[0] == core::DoubleCharge{0, 1, money("39.99"), day("2027-04-03"), false});
    // Transfer: 60 days after the Dec 31 statement is Mar 1 2027.
    CHECK(d[1] == core::DoubleCharge{4, 5, money("75.00"), day("2027-03-01"), false});
}

TEST_CASE("the same charge three times is two possible double charges, not three", "[statement][double]") {
    const std::vector<core::Transaction> list{tx("2026-12-01", "-9.99", "Streamly"), tx("2026-12-01", "-9.99", "Streamly"),
                                              tx("2026-12-02", "-9.99", "Streamly")};
    const auto d = core::possible_double_charges(list, {});
    REQUIRE(d.size() == 2);
    CHECK((d[0].first == 0 && d[0].second == 1));
    CHECK((d[1].first == 1 && d[1].second == 2));
    // Not knowing the kind, the earlier deadline: Dec 1 + 60 = Jan 30 before Dec 1 + 120 = Mar 31.
    CHECK(d[0].dispute_by == day("2027-01-30"));
}

TEST_CASE("a statement's start and end", "[statement]") {
    core::Statement s;
    CHECK_FALSE(s.end().has_value());
    s.transactions = {tx("2026-12-03", "-1.00", "a"), tx("2026-11-28", "-1.00", "b")};
    CHECK(s.start() == day("2026-11-28"));
    CHECK(s.end() == day("2026-12-03"));
    s.ledger = core::StatementBalance{money("10.00"), day("2026-12-05")};
    CHECK(s.end() == day("2026-12-05"));
}
