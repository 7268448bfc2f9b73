// Statements in the store: importing, de-duplication, reconciliation, undo, all-or-nothing.

#include "core/dates.hpp"
#include "fault_vfs.hpp"
#include "storage/household_file.hpp"
#include "storage/store.hpp"
#include "store_fixtures.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

using namespace steadypay;
using storage::Passphrase;
using storage::Store;
using test::TempDir;
namespace fs = std::filesystem;

namespace {

const storage::ChangeContext k_ctx{"2026-12-03T08:00:00Z", "import"};
const char* const k_pass = "correct horse battery";

core::Currency ils() { return core::Currency::from_code("ILS").value(); }
core::Money shekels(const char* text) { return core::Money::parse(text, ils()).value(); }
core::Date day(const char* iso) { return core::parse_iso_date(iso).value(); }

core::Transaction tx(const char* posted, const char* amount, const char* payee, const char* id = "") {
    core::Transaction t;
    t.posted = day(posted);
    t.amount = shekels(amount);
    t.payee = payee;
    t.source_id = id;
    return t;
}

// The spec household (checking 1850.00 as of Nov 22; rent 4200.00 to "Landlord" on the 1st, the
// card minimum 300.00 to "Isracard" on the 2nd), and what the bank says of Dec 1..3.
storage::StatementImport december() {
    storage::StatementImport in;
    in.account = "checking";
    in.file = "december.ofx";
    in.file_sha256 = "ab12";
    in.statement.format = "ofx";
    in.statement.currency = "ILS";
    in.statement.transactions = {
        tx("2026-12-01", "-4200.00", "LANDLORD STANDING ORDER"),
        tx("2026-12-02", "-300.00", "ISRACARD"),
        tx("2026-12-02", "-35.00", "Cafe Aroma"),
        tx("2026-12-02", "-35.00", "Cafe Aroma"), // bought twice: both real, both kept
    };
    // 1850.00 - 4200.00 - 300.00 - 70.00
    in.statement.ledger = core::StatementBalance{shekels("-2720.00"), day("2026-12-03")};
    return in;
}

Store make_store(const fs::path& path) {
    auto s = Store::create(path, Passphrase(k_pass), test::spec_household(), k_ctx, test::fast_cipher());
    REQUIRE(s.ok());
    return std::move(s).value();
}

std::string json_of(const Store& s) { return storage::household_to_json(s.load().value()); }

} // namespace

TEST_CASE("an imported statement pays the bills it matches, sets the balance and keeps its transactions",
          "[store][statements]") {
    TempDir dir;
    auto store = make_store(dir / "home.db");
    const auto audit_before = store.audit_log().value().size();
    auto r = store.import_statement(december(), k_ctx);
    INFO((r.ok() ? std::string() : r.error().message()));
    REQUIRE(r.ok());
    CHECK(r->import_id == 1);
    CHECK(r->read == 4);
    CHECK(r->added.size() == 4);
    CHECK(r->duplicates == 0);
    REQUIRE(r->matches.size() == 2);
    CHECK(r->matches[0].item == "rent");
    CHECK(r->matches[1].item == "card-min");
    REQUIRE(r->balance_set.has_value());
    CHECK(r->balance_set->amount == shekels("-2720.00"));
    // The two coffees of Dec 2 look like one charge taken twice.
    REQUIRE(r->double_charges.size() == 1);
    CHECK(r->double_charges[0].first.transaction.payee == "Cafe Aroma");
    CHECK(r->double_charges[0].first.id != 0);
    CHECK(r->double_charges[0].second.id != r->double_charges[0].first.id);
    CHECK(r->double_charges[0].at_stake == shekels("35.00"));

    const auto h = store.load().value();
    const auto* rent = h.find_payment("rent", day("2026-12-01"));
    REQUIRE(rent != nullptr);
    CHECK(rent->status == core::PaymentStatus::paid);
    CHECK(rent->date == day("2026-12-01"));
    CHECK(rent->amount == shekels("4200.00"));
    REQUIRE(h.find_payment("card-min", day("2026-12-02")) != nullptr);
    CHECK(h.accounts[0].balance == shekels("-2720.00"));
    CHECK(h.accounts[0].as_of == day("2026-12-03"));
    // Audited as the import's.
    const auto audit = store.audit_log().value();
    REQUIRE(audit.size() == audit_before + 2);
    CHECK(audit.back().command == "import");
    CHECK(store.verify().value().ok());

    const auto txs = store.transactions("checking").value();
    REQUIRE(txs.size() == 4);
    CHECK(txs[0].matched_item == "rent");
    CHECK(txs[0].matched_due == day("2026-12-01"));
    CHECK_FALSE(txs[2].matched_item.has_value());
    CHECK(txs[2].key == "fp:2026-12-02|-3500|cafe aroma#1");
    CHECK(txs[3].key == "fp:2026-12-02|-3500|cafe aroma#2");
    const auto imports = store.imports().value();
    REQUIRE(imports.size() == 1);
    CHECK(imports[0].added == 4);
    CHECK(imports[0].matched == 2);
    CHECK(imports[0].first == day("2026-12-01"));
    CHECK(imports[0].last == day("2026-12-03"));
    CHECK(imports[0].balance_set);
    CHECK(store.double_charges().value().size() == 1);
}

TEST_CASE("the same statement, or one that overlaps it, adds only what is new", "[store][statements]") {
    TempDir dir;
    auto store = make_store(dir / "home.db");
    REQUIRE(store.import_statement(december(), k_ctx).ok());
    const auto revision = store.revision().value();
    auto again = store.import_statement(december(), k_ctx);
    REQUIRE(again.ok());
    CHECK(again->import_id == 0);
    CHECK(again->added.empty());
    CHECK(again->duplicates == 4);
    CHECK(again->matches.empty());
    CHECK(store.revision().value() == revision); // nothing was written
    CHECK(store.imports().value().size() == 1);

    // Dec 2..4: the card payment and both coffees again, and a new charge.
    auto overlap = december();
    overlap.statement.transactions.erase(overlap.statement.transactions.begin());
    overlap.statement.transactions.push_back(tx("2026-12-04", "-60.00", "Partner Communications"));
    overlap.statement.ledger = core::StatementBalance{shekels("-2780.00"), day("2026-12-04")};
    auto r = store.import_statement(overlap, k_ctx);
    REQUIRE(r.ok());
    CHECK(r->duplicates == 3);
    REQUIRE(r->added.size() == 1);
    CHECK(r->added[0].transaction.payee == "Partner Communications");
    CHECK(store.transactions().value().size() == 5);
    CHECK(store.load().value().accounts[0].balance == shekels("-2780.00"));
}

TEST_CASE("an undone import leaves the store as it was, and can be imported again", "[store][statements]") {
    TempDir dir;
    auto store = make_store(dir / "home.db");
    const auto before = json_of(store);
    REQUIRE(store.import_statement(december(), k_ctx).ok());
    auto undo = store.undo_import(1, {"2026-12-03T09:00:00Z", "imports undo"});
    INFO((undo.ok() ? std::string() : undo.error().message()));
    REQUIRE(undo.ok());
    CHECK(undo->removed == 4);
    CHECK(undo->unmatched == 2);
    CHECK(undo->kept.empty());
    CHECK(undo->balance_restored);
    CHECK(json_of(store) == before);
    CHECK(store.transactions().value().empty());
    const auto imports = store.imports().value();
    REQUIRE(imports.size() == 1);
    CHECK(imports[0].undone_at == "2026-12-03T09:00:00Z");
    CHECK(store.audit_log().value().back().command == "imports undo");
    CHECK(store.verify().value().ok());

    auto twice = store.undo_import(1, k_ctx);
    REQUIRE_FALSE(twice.ok());
    CHECK(twice.error().message() == "import 1 was undone already, on 2026-12-03T09:00:00Z");
    auto missing = store.undo_import(7, k_ctx);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == core::Errc::not_found);

    auto again = store.import_statement(december(), k_ctx);
    REQUIRE(again.ok());
    CHECK(again->added.size() == 4);
    CHECK(again->import_id == 2);
}

TEST_CASE("undoing an import keeps what the person changed since", "[store][statements]") {
    TempDir dir;
    auto store = make_store(dir / "home.db");
    REQUIRE(store.import_statement(december(), k_ctx).ok());
    // The person says the rent was paid on Nov 30 after all, and types a newer balance.
    auto h = store.load().value();
    REQUIRE(store.apply(core::record_edit(h, "rent", day("2026-12-01"), core::PaymentStatus::paid, day("2026-11-30"),
                                          shekels("4200.00")),
                        k_ctx)
                .ok());
    REQUIRE(store.apply(core::balance_edit(h.accounts[0], shekels("-2500.00"), day("2026-12-04")), k_ctx).ok());
    auto undo = store.undo_import(1, k_ctx);
    REQUIRE(undo.ok());
    CHECK(undo->unmatched == 1);
    CHECK(undo->kept == std::vector<std::string>{"rent 2026-12-01"});
    CHECK_FALSE(undo->balance_restored);
    const auto after = store.load().value();
    CHECK(after.find_payment("rent", day("2026-12-01"))->date == day("2026-11-30"));
    CHECK(after.find_payment("card-min", day("2026-12-02")) == nullptr);
    CHECK(after.accounts[0].balance == shekels("-2500.00"));
}

TEST_CASE("a dry run says what an import would do and keeps nothing", "[store][statements]") {
    TempDir dir;
    auto store = make_store(dir / "home.db");
    const auto before = json_of(store);
    const auto revision = store.revision().value();
    auto in = december();
    in.dry_run = true;
    auto r = store.import_statement(in, k_ctx);
    REQUIRE(r.ok());
    CHECK(r->dry_run);
    CHECK(r->import_id == 0);
    CHECK(r->added.size() == 4);
    CHECK(r->matches.size() == 2);
    CHECK(r->double_charges.size() == 1);
    CHECK(json_of(store) == before);
    CHECK(store.revision().value() == revision);
    CHECK(store.transactions().value().empty());
    CHECK(store.imports().value().empty());
}

TEST_CASE("an import that cannot be done leaves nothing", "[store][statements]") {
    TempDir dir;
    auto store = make_store(dir / "home.db");
    const auto before = json_of(store);
    auto wrong_account = december();
    wrong_account.account = "savings";
    auto r = store.import_statement(wrong_account, k_ctx);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message() == "\"savings\" is not an account");
    auto dollars = december();
    dollars.statement.currency = "USD";
    r = store.import_statement(dollars, k_ctx);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message() == "the statement is in USD and the household in ILS");
    CHECK(json_of(store) == before);
    CHECK(store.transactions().value().empty());
    CHECK(store.imports().value().empty());
}

TEST_CASE("a statement's balance dated after today is not taken as the account's", "[store][statements]") {
    TempDir dir;
    auto store = make_store(dir / "home.db");
    auto in = december();
    in.today = day("2026-12-02"); // the statement says Dec 3
    auto r = store.import_statement(in, k_ctx);
    REQUIRE(r.ok());
    CHECK_FALSE(r->balance_set.has_value());
    CHECK(store.load().value().accounts[0].balance == shekels("1850.00"));
    CHECK(r->matches.size() == 2); // the rest is imported as ever
}

TEST_CASE("a failing write during an import keeps all of it or none", "[store][statements][faults]") {
    TempDir dir;
    const auto path = dir / "home.db";
    make_store(path);
    const auto fresh = fs::path(dir / "fresh.db");
    fs::copy_file(path, fresh);
    int failures = 0;
    for (int n = 1; n < 200; ++n) {
        fs::copy_file(fresh, path, fs::copy_options::overwrite_existing);
        bool saved = false;
        {
            auto faulty = Store::open(path, Passphrase(k_pass), {test::fault_vfs_name(), ""});
            REQUIRE(faulty.ok());
            test::arm_fault(test::Fault::write, n);
            saved = faulty->import_statement(december(), k_ctx).ok();
            test::disarm_fault();
        }
        auto s = Store::open(path, Passphrase(k_pass));
        REQUIRE(s.ok());
        INFO("fault on write #" << n);
        const auto txs = s->transactions().value();
        const auto h = s->load().value();
        if (saved) {
            CHECK(txs.size() == 4);
            CHECK(h.accounts[0].balance == shekels("-2720.00"));
            break;
        }
        ++failures;
        CHECK(txs.empty());
        CHECK(s->imports().value().empty());
        CHECK(h.find_payment("rent", day("2026-12-01")) == nullptr);
        CHECK(h.accounts[0].balance == shekels("1850.00"));
        CHECK(s->verify().value().ok());
    }
    CHECK(failures >= 3);
}

TEST_CASE("payee rules the person confirms match what the bill's names do not", "[store][statements]") {
    TempDir dir;
    auto store = make_store(dir / "home.db");
    auto in = december();
    in.statement.transactions = {tx("2026-12-01", "-4200.00", "HOR. KEVA 8812 YOSEF COHEN", "FIT-1")};
    in.statement.ledger.reset();
    auto bad = store.add_payee_rule({"yosef cohen", "no-such-bill"}, k_ctx);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == core::Errc::not_found);
    auto added = store.add_payee_rule({"Yosef  Cohen", "rent"}, k_ctx);
    INFO((added.ok() ? std::string() : added.error().message()));
    REQUIRE(added.ok());
    CHECK(store.payee_rules().value() == std::vector<core::PayeeRule>{{"yosef cohen", "rent"}});
    auto r = store.import_statement(in, k_ctx);
    REQUIRE(r.ok());
    REQUIRE(r->matches.size() == 1);
    CHECK(r->matches[0].item == "rent");
    CHECK(r->matches[0].by_rule);
    CHECK(r->added[0].key == "id:FIT-1");
}

TEST_CASE("a rule added after an import matches what the import left, and undoing the import undoes it",
          "[store][statements]") {
    TempDir dir;
    auto store = make_store(dir / "home.db");
    auto in = december();
    in.statement.transactions = {tx("2026-12-01", "-4200.00", "HOR. KEVA 8812 YOSEF COHEN", "FIT-1")};
    in.statement.ledger.reset();
    auto first = store.import_statement(in, k_ctx);
    REQUIRE(first.ok());
    CHECK(first->matches.empty());
    auto nothing = store.reconcile_stored(k_ctx);
    REQUIRE(nothing.ok());
    CHECK(nothing->matches.empty());
    REQUIRE(store.add_payee_rule({"yosef cohen", "rent"}, k_ctx).ok());
    auto r = store.reconcile_stored({"2026-12-03T10:00:00Z", "reconcile"});
    REQUIRE(r.ok());
    REQUIRE(r->matched.size() == 1);
    CHECK(r->matched[0].matched_item == "rent");
    CHECK(store.load().value().find_payment("rent", day("2026-12-01"))->amount == shekels("4200.00"));
    CHECK(store.audit_log().value().back().command == "reconcile");
    CHECK(store.transactions().value().at(0).matched_item == "rent");
    auto undo = store.undo_import(first->import_id, k_ctx);
    REQUIRE(undo.ok());
    CHECK(undo->unmatched == 1);
    CHECK(store.load().value().find_payment("rent", day("2026-12-01")) == nullptr);
}
