#include "core/edits.hpp"
#include "core/recording.hpp"

#include "builders.hpp"

#include <catch2/catch.hpp>

using namespace steadypay::core;
using namespace steadypay::test;

namespace {

Household base() {
    auto h = household("1000.00", "2026-11-22");
    add_income(h, "pay", "900.00", "FREQ=MONTHLY;BYMONTHDAY=1", "2026-01-01");
    add_bill(h, "rent", "700.00", "FREQ=MONTHLY;BYMONTHDAY=1", "2026-01-01", Priority::housing);
    add_bill(h, "phone", "55.00", "FREQ=MONTHLY;BYMONTHDAY=8", "2026-01-08", Priority::phone_internet);
    return h;
}

Household applied(const Household& h, const Edit& e) {
    auto r = apply_edit(h, e);
    INFO((r ? std::string() : r.error().message()));
    REQUIRE(r.ok());
    return std::move(r).value();
}

Edit rebased(const Edit& e, const Household& current) {
    auto r = rebase(e, current);
    if (const auto* c = std::get_if<Conflict>(&r)) {
        FAIL("unexpected conflict on " << c->id);
    }
    return std::get<Edit>(r);
}

Conflict conflict_of(const Edit& e, const Household& current) {
    auto r = rebase(e, current);
    REQUIRE(std::holds_alternative<Conflict>(r));
    return std::get<Conflict>(r);
}

} // namespace

TEST_CASE("edits add, change and remove one thing, and validate the result", "[edits]") {
    auto h = base();
    auto internet = h.bills[1];
    internet.id = "internet";
    internet.name = "Internet";
    auto h2 = applied(h, AddBill{internet});
    REQUIRE(h2.bills.size() == 3);
    CHECK(h2.bills[2].id == "internet");

    auto cheaper = h2.bills[0];
    cheaper.amount = Amount::fixed(money("650.00"));
    auto h3 = applied(h2, ChangeBill{h2.bills[0], cheaper});
    CHECK(h3.bills[0].amount.min == money("650.00"));
    CHECK(h3.bills.size() == 3); // in its place

    // An edit that breaks a rule is refused with the household file's path, nothing changed.
    auto broken = h3.bills[0];
    broken.grace_days = -1;
    auto refused = apply_edit(h3, ChangeBill{h3.bills[0], broken});
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == Errc::bad_input);
    CHECK(refused.error().message() == "bills[0].grace_days: -1 is out of range (0..365)");
    // An id that is already used is refused by validation.
    auto dup = apply_edit(h3, AddIncome{h3.incomes[0]});
    REQUIRE_FALSE(dup);
    CHECK_THAT(dup.error().message(), Catch::Contains("is already used"));

    // Removing a bill takes its payment records; the edit saw them.
    auto paid = applied(h3, record_edit(h3, "rent", day("2026-12-01"), PaymentStatus::paid, day("2026-12-01")));
    REQUIRE(paid.payments.size() == 1);
    CHECK(paid.payments[0].amount == money("650.00"));
    auto remove = remove_item_edit(paid, "rent");
    REQUIRE(remove);
    CHECK(std::get<RemoveItem>(remove.value()).payments.size() == 1);
    auto gone = applied(paid, remove.value());
    CHECK_FALSE(gone.find_bill("rent"));
    CHECK(gone.payments.empty());
    CHECK(remove_item_edit(gone, "rent").error().code == Errc::not_found);

    // An account in use cannot go.
    auto account = remove_account_edit(gone, "checking");
    REQUIRE(account);
    auto in_use = apply_edit(gone, account.value());
    REQUIRE_FALSE(in_use);
    CHECK(in_use.error().message() ==
          "account \"checking\" is used by pay, phone, internet: move or remove them first");
}

TEST_CASE("an edit whose 'before' is no longer so is a conflict, and changes nothing", "[edits]") {
    auto h = base();
    auto renamed = h.bills[0];
    renamed.name = "Rent (new lease)";
    const Edit rename = ChangeBill{h.bills[0], renamed};
    // Meanwhile someone changed the rent's amount.
    auto other = h.bills[0];
    other.amount = Amount::fixed(money("720.00"));
    auto moved_on = applied(h, ChangeBill{h.bills[0], other});
    auto r = apply_edit(moved_on, rename);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == Errc::conflict);

    const Edit pay = record_edit(h, "rent", day("2026-12-01"), PaymentStatus::paid, day("2026-12-01"));
    auto skipped = applied(h, record_edit(h, "rent", day("2026-12-01"), PaymentStatus::skipped));
    CHECK(apply_edit(skipped, pay).error().code == Errc::conflict);
    const Edit balance = balance_edit(h.accounts[0], money("500.00"), day("2026-11-30"));
    auto rebalanced = applied(h, balance_edit(h.accounts[0], money("480.00"), day("2026-11-30")));
    CHECK(apply_edit(rebalanced, balance).error().code == Errc::conflict);
}

TEST_CASE("rebase carries an edit over changes to other things and other fields", "[edits][rebase]") {
    const auto h = base();
    auto renamed = h.bills[0];
    renamed.name = "Rent (new lease)";
    const Edit rename = ChangeBill{h.bills[0], renamed};

    SECTION("a payment recorded elsewhere: the rename applies, the payment stays") {
        auto current = applied(h, record_edit(h, "rent", day("2026-12-01"), PaymentStatus::paid, day("2026-12-01")));
        auto result = applied(current, rebased(rename, current));
        CHECK(result.bills[0].name == "Rent (new lease)");
        REQUIRE(result.payments.size() == 1);
        CHECK(result.payments[0].status == PaymentStatus::paid);
    }
    SECTION("another field of the same bill changed elsewhere: both changes are kept") {
        auto other = h.bills[0];
        other.grace_days = 5;
        auto current = applied(h, ChangeBill{h.bills[0], other});
        auto result = applied(current, rebased(rename, current));
        CHECK(result.bills[0].name == "Rent (new lease)");
        CHECK(result.bills[0].grace_days == 5);
    }
    SECTION("the same field changed differently: a conflict naming it") {
        auto other = h.bills[0];
        other.name = "Rent (old lease)";
        other.late_fee = money("75.00");
        auto current = applied(h, ChangeBill{h.bills[0], other});
        const auto c = conflict_of(rename, current);
        CHECK(c.kind == ConflictKind::changed);
        CHECK(c.target == EditTarget::bill);
        CHECK(c.id == "rent");
        CHECK(c.fields == std::vector<std::string>{"name"});
    }
    SECTION("the same field changed the same way: nothing left to do") {
        auto current = applied(h, rename);
        CHECK(std::holds_alternative<NoChange>(rebased(rename, current)));
    }
    SECTION("the bill was removed elsewhere") {
        auto current = applied(h, remove_item_edit(h, "rent").value());
        const auto c = conflict_of(rename, current);
        CHECK(c.kind == ConflictKind::removed);
        CHECK(c.id == "rent");
    }
    SECTION("a bill added under an id someone else took meanwhile") {
        auto gym = h.bills[1];
        gym.id = "gym";
        gym.name = "Gym";
        const Edit add = AddBill{gym};
        auto current = applied(h, add);
        CHECK(conflict_of(add, current).kind == ConflictKind::taken);
    }
}

TEST_CASE("rebase of payments, balances, removals and settings", "[edits][rebase]") {
    const auto h = base();
    const auto due = day("2026-12-01");
    const Edit pay = record_edit(h, "rent", due, PaymentStatus::paid, due);

    SECTION("another occurrence recorded meanwhile: no clash") {
        auto current = applied(h, record_edit(h, "rent", day("2026-11-01"), PaymentStatus::paid, day("2026-11-01")));
        auto result = applied(current, rebased(pay, current));
        CHECK(result.payments.size() == 2);
    }
    SECTION("the same occurrence recorded the same way meanwhile: nothing to do") {
        auto current = applied(h, pay);
        CHECK(std::holds_alternative<NoChange>(rebased(pay, current)));
    }
    SECTION("the same occurrence recorded differently meanwhile: a conflict on that payment") {
        auto current = applied(h, record_edit(h, "rent", due, PaymentStatus::skipped));
        const auto c = conflict_of(pay, current);
        CHECK(c.target == EditTarget::payment);
        CHECK(c.id == "rent");
        CHECK(c.due == due);
    }
    SECTION("a removal of a bill that was paid meanwhile asks again") {
        const auto remove = remove_item_edit(h, "rent").value();
        auto current = applied(h, pay);
        const auto c = conflict_of(remove, current);
        CHECK(c.fields == std::vector<std::string>{"payments"});
        // Removing what is already gone is nothing to do.
        auto gone = applied(h, remove);
        CHECK(std::holds_alternative<NoChange>(rebased(remove, gone)));
    }
    SECTION("a balance typed in while another writer changed the cushion: both kept") {
        const Edit balance = balance_edit(h.accounts[0], money("512.00"), day("2026-11-30"));
        auto cushioned = h.accounts[0];
        cushioned.cushion = money("100.00");
        auto current = applied(h, ChangeAccount{h.accounts[0], cushioned});
        auto result = applied(current, rebased(balance, current));
        CHECK(result.accounts[0].balance == money("512.00"));
        CHECK(result.accounts[0].cushion == money("100.00"));
        // Two balances typed in at once: the later must look again.
        auto other = applied(h, balance_edit(h.accounts[0], money("498.00"), day("2026-11-30")));
        CHECK(conflict_of(balance, other).fields == std::vector<std::string>{"balance"});
    }
    SECTION("settings merge field by field") {
        auto mine = settings_of(h);
        mine.name = "Jordan";
        const Edit rename = settings_edit(h, mine);
        auto theirs = settings_of(h);
        theirs.holidays.push_back(day("2026-12-25"));
        auto current = applied(h, settings_edit(h, theirs));
        auto result = applied(current, rebased(rename, current));
        CHECK(result.name == "Jordan");
        CHECK(result.holidays == std::vector<Date>{day("2026-12-25")});
    }
}

TEST_CASE("the currency cannot change once there are amounts: one rule, in core", "[edits]") {
    auto h = base();
    auto s = settings_of(h);
    s.currency = ils();
    auto r = apply_edit(h, settings_edit(h, s));
    REQUIRE_FALSE(r);
    CHECK(r.error().code == Errc::bad_input);
    CHECK_THAT(r.error().message(), Catch::StartsWith("household.currency: the currency cannot change once there are "
                                                      "amounts (USD to ILS)"));
    Household empty;
    empty.name = "New";
    empty.currency = usd();
    auto es = settings_of(empty);
    es.currency = ils();
    CHECK(apply_edit(empty, settings_edit(empty, es))->currency == ils());
}

TEST_CASE("a balance typed in today counts today's items as still to come", "[edits][balance]") {
    // Tue 2026-12-01: the rent (700.00) and the paycheck (900.00) land today.
    auto h = base();
    const auto today = day("2026-12-01");
    CHECK(balance_as_of(today, false) == day("2026-11-30"));
    CHECK(balance_as_of(today, true) == today);
    h = applied(h, balance_edit(h.accounts[0], money("412.37"), balance_as_of(today, false)));
    const auto to_come = landing_on(h, "checking", today);
    REQUIRE(to_come.size() == 2);
    std::vector<std::string> names;
    for (const auto& o : to_come) {
        names.push_back(item_name(h, o));
    }
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string>{"pay", "rent"});
    // A payment recorded on another day, or skipped, does not land today.
    h = applied(h, record_edit(h, "rent", today, PaymentStatus::skipped));
    REQUIRE(landing_on(h, "checking", today).size() == 1);
    CHECK(landing_on(h, "savings", today).empty());
    // The phone's autopay pulls three days early: it lands on Dec 5 for its Dec 8 due date.
    h.bills[1].autopay = true;
    h.bills[1].autopay_lead_days = 3;
    const auto dec5 = landing_on(h, "checking", day("2026-12-05"));
    REQUIRE(dec5.size() == 1);
    CHECK(item_name(h, dec5[0]) == "phone");
}
