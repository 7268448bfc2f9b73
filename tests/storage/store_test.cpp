#include "storage/store.hpp"

#include "fault_vfs.hpp"
#include "storage/household_file.hpp"
#include "store_fixtures.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>

using namespace steadypay;
using storage::Passphrase;
using storage::Store;
using test::TempDir;
namespace fs = std::filesystem;
using test::fast_cipher;
using test::spec_household;

namespace {

std::vector<std::string> texts(const std::vector<core::Error>& errors) {
    std::vector<std::string> out;
    for (const auto& e : errors) {
        out.push_back(e.message());
    }
    return out;
}

const storage::ChangeContext k_ctx{"2026-11-22T10:00:00Z", "test"};

// A household whose bill name is easy to look for in raw bytes.
core::Household marked_household() {
    auto h = spec_household();
    h.bills[0].name = "Zebrafinch Lantern Rent";
    h.bills[0].payee = "Quixotic Marmoset Holdings";
    return h;
}

Store make_store(const fs::path& path, const core::Household& h, const char* pass = "correct horse battery") {
    auto s = Store::create(path, Passphrase(pass), h, k_ctx, fast_cipher());
    INFO((s.ok() ? std::string() : s.error().message()));
    REQUIRE(s.ok());
    return std::move(s).value();
}

std::string json_of(const core::Household& h) { return storage::household_to_json(h); }

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

mode_t mode_of(const fs::path& p) {
    struct stat st {};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

} // namespace

TEST_CASE("a store holds a household and gives it back unchanged", "[store]") {
    TempDir dir;
    const auto path = dir / "home.db";
    const auto h = spec_household();
    {
        auto store = make_store(path, h);
        auto loaded = store.load();
        REQUIRE(loaded.ok());
        CHECK(json_of(loaded.value()) == json_of(h));
    }
    auto again = Store::open(path, Passphrase("correct horse battery"));
    REQUIRE(again.ok());
    auto loaded = again->load();
    REQUIRE(loaded.ok());
    CHECK(json_of(loaded.value()) == json_of(h));
    CHECK(again->header().cipher.kdf_iter == 2000);
}

TEST_CASE("the store file starts with a plaintext header that records its cipher settings", "[store]") {
    TempDir dir;
    const auto path = dir / "home.db";
    make_store(path, spec_household());
    const auto bytes = test::read_bytes(path);
    REQUIRE(bytes.size() > 4096);
    CHECK(bytes.compare(0, 16, "Steadypay store\n") == 0);
    CHECK(contains(bytes.substr(0, 4096), "\"kdf_iter\":2000"));
    CHECK(contains(bytes.substr(0, 4096), "\"cipher\":\"aes-256-cbc\""));
    // The database behind it is not SQLite's plaintext format.
    CHECK(bytes.compare(4096, 15, "SQLite format 3") != 0);
    auto header = storage::read_store_header(path);
    REQUIRE(header.ok());
    CHECK(header->format == 1);
    CHECK(header->cipher.page_size == 1024);
}

TEST_CASE("a wrong passphrase is refused and leaves the file byte for byte unchanged", "[store]") {
    TempDir dir;
    const auto path = dir / "home.db";
    make_store(path, spec_household());
    const auto before = test::read_bytes(path);
    auto s = Store::open(path, Passphrase("not the passphrase"));
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().code == core::Errc::wrong_passphrase);
    CHECK_THAT(s.error().message(), Catch::Contains("wrong passphrase"));
    CHECK(test::read_bytes(path) == before);
    CHECK_FALSE(fs::exists(path.string() + "-journal"));
    CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator{}) == 1);
}

TEST_CASE("missing, empty, random and foreign files are not stores, and are left alone", "[store]") {
    TempDir dir;
    const Passphrase pass("correct horse battery");
    SECTION("missing: nothing is created") {
        auto s = Store::open(dir / "nope.db", pass);
        REQUIRE_FALSE(s.ok());
        CHECK(s.error().code == core::Errc::store_unavailable);
        CHECK_THAT(s.error().message(), Catch::Contains("no such store"));
        CHECK(fs::is_empty(dir.path()));
    }
    SECTION("empty: stays empty") {
        test::write_bytes(dir / "empty.db", "");
        auto s = Store::open(dir / "empty.db", pass);
        REQUIRE_FALSE(s.ok());
        CHECK(s.error().code == core::Errc::store_unavailable);
        CHECK_THAT(s.error().message(), Catch::Contains("is empty"));
        CHECK(fs::file_size(dir / "empty.db") == 0);
    }
    SECTION("random bytes: unchanged") {
        std::string noise(8192, '\0');
        unsigned x = 12345;
        for (auto& c : noise) {
            x = x * 1103515245U + 12345U;
            c = static_cast<char>(x >> 16);
        }
        test::write_bytes(dir / "noise.db", noise);
        auto s = Store::open(dir / "noise.db", pass);
        REQUIRE_FALSE(s.ok());
        CHECK(s.error().code == core::Errc::store_unavailable);
        CHECK_THAT(s.error().message(), Catch::Contains("not a Steadypay store"));
        CHECK(test::read_bytes(dir / "noise.db") == noise);
    }
    SECTION("an unencrypted SQLite database") {
        std::string sqlite_file = std::string("SQLite format 3") + '\0' + std::string(4080, 'x');
        test::write_bytes(dir / "plain.db", sqlite_file);
        auto s = Store::open(dir / "plain.db", pass);
        REQUIRE_FALSE(s.ok());
        CHECK(s.error().code == core::Errc::store_unavailable);
        CHECK_THAT(s.error().message(), Catch::Contains("unencrypted SQLite database"));
        CHECK(test::read_bytes(dir / "plain.db") == sqlite_file);
    }
    SECTION("a store cut short inside its header") {
        make_store(dir / "home.db", spec_household());
        const auto bytes = test::read_bytes(dir / "home.db");
        test::write_bytes(dir / "cut.db", bytes.substr(0, 1000));
        auto s = Store::open(dir / "cut.db", pass);
        REQUIRE_FALSE(s.ok());
        CHECK(s.error().code == core::Errc::store_unavailable);
        CHECK_THAT(s.error().message(), Catch::Contains("cut short"));
    }
    SECTION("a store cut short inside its first page: damaged, not a wrong passphrase") {
        make_store(dir / "home.db", spec_household());
        const auto bytes = test::read_bytes(dir / "home.db");
        for (std::size_t size : {std::size_t{4096 + 1}, std::size_t{4096 + 500}, std::size_t{4096 + 1023},
                                 bytes.size() - 1}) {
            INFO(size);
            test::write_bytes(dir / "cut.db", bytes.substr(0, size));
            auto s = Store::open(dir / "cut.db", pass);
            REQUIRE_FALSE(s.ok());
            CHECK(s.error().code == core::Errc::store_unavailable);
            CHECK_THAT(s.error().message(), Catch::Contains("is cut short or damaged"));
        }
    }
    SECTION("a FIFO is refused at once, not waited on") {
        REQUIRE(::mkfifo((dir / "fifo.db").c_str(), 0600) == 0);
        auto s = Store::open(dir / "fifo.db", pass);
        REQUIRE_FALSE(s.ok());
        CHECK(s.error().code == core::Errc::store_unavailable);
        CHECK_THAT(s.error().message(), Catch::EndsWith("fifo.db: is not a regular file, so it cannot be a store"));
    }
    SECTION("a store from a newer format") {
        auto header = storage::encode_store_header(storage::StoreHeader{});
        const auto pos = header.find("\"format\":1");
        REQUIRE(pos != std::string::npos);
        header.replace(pos, 10, "\"format\":7");
        test::write_bytes(dir / "new.db", header + std::string(4096, 'z'));
        auto s = Store::open(dir / "new.db", pass);
        REQUIRE_FALSE(s.ok());
        CHECK_THAT(s.error().message(), Catch::Contains("newer Steadypay (store format 7"));
    }
    SECTION("a folder") {
        fs::create_directory(dir / "folder.db");
        auto s = Store::open(dir / "folder.db", pass);
        REQUIRE_FALSE(s.ok());
        CHECK(s.error().code == core::Errc::store_unavailable);
    }
}

TEST_CASE("create refuses an existing file and a short passphrase, and leaves nothing behind on failure",
          "[store]") {
    TempDir dir;
    test::write_bytes(dir / "taken.db", "precious");
    auto over = Store::create(dir / "taken.db", Passphrase("correct horse battery"), spec_household(), k_ctx,
                              fast_cipher());
    REQUIRE_FALSE(over.ok());
    CHECK_THAT(over.error().message(), Catch::Contains("never overwrites"));
    CHECK(test::read_bytes(dir / "taken.db") == "precious");

    auto short_pass = Store::create(dir / "new.db", Passphrase("short"), spec_household(), k_ctx, fast_cipher());
    REQUIRE_FALSE(short_pass.ok());
    CHECK_THAT(short_pass.error().message(), Catch::Contains("at least 8 characters"));
    CHECK_FALSE(fs::exists(dir / "new.db"));

    auto invalid = spec_household();
    invalid.bills[0].account = "nowhere";
    auto bad = Store::create(dir / "new.db", Passphrase("correct horse battery"), invalid, k_ctx, fast_cipher());
    REQUIRE_FALSE(bad.ok());
    CHECK_THAT(bad.error().message(), Catch::Contains("bills[0].account"));
    CHECK_FALSE(fs::exists(dir / "new.db"));
}

TEST_CASE("no plaintext of a bill name reaches the store, its journal or its backups", "[store]") {
    TempDir dir;
    const auto path = dir / "home.db";
    auto store = make_store(path, marked_household());
    const std::string secrets[] = {"Zebrafinch Lantern Rent", "Quixotic Marmoset"};
    for (const auto& s : secrets) {
        CHECK_FALSE(contains(test::read_bytes(path), s));
    }
    // Catch the rollback journal while a write transaction holds it open.
    REQUIRE(store.database().exec("BEGIN IMMEDIATE; UPDATE bills SET name = name || ' (edited)';").ok());
    const auto journal = fs::path(path.string() + "-journal");
    REQUIRE(fs::exists(journal));
    CHECK(mode_of(journal) == 0600);
    const auto journal_bytes = test::read_bytes(journal);
    CHECK(journal_bytes.size() > 1024);
    for (const auto& s : secrets) {
        CHECK_FALSE(contains(journal_bytes, s));
    }
    REQUIRE(store.database().exec("ROLLBACK").ok());
    CHECK_FALSE(fs::exists(journal));

    REQUIRE(store.backup(dir / "copy.db").ok());
    for (const auto& s : secrets) {
        CHECK_FALSE(contains(test::read_bytes(dir / "copy.db"), s));
    }
    // The test itself can find the words when they are there.
    test::write_bytes(dir / "control.txt", "xx Zebrafinch Lantern Rent xx");
    CHECK(contains(test::read_bytes(dir / "control.txt"), secrets[0]));
}

TEST_CASE("store files are private: 0600 files in a 0700 folder", "[store]") {
    TempDir dir;
    const auto path = dir / "new" / "deeper" / "home.db";
    auto store = make_store(path, spec_household());
    CHECK(mode_of(path) == 0600);
    CHECK(mode_of(path.parent_path()) == 0700);
    CHECK(mode_of(path.parent_path().parent_path()) == 0700);
    REQUIRE(store.backup(dir / "backups" / "copy.db").ok());
    CHECK(mode_of(dir / "backups" / "copy.db") == 0600);
    CHECK(mode_of(dir / "backups") == 0700);
}

TEST_CASE("after a passphrase change the old one fails and the new one opens", "[store]") {
    TempDir dir;
    const auto path = dir / "home.db";
    {
        auto store = make_store(path, spec_household(), "first passphrase");
        auto short_one = store.change_passphrase(Passphrase("short"));
        REQUIRE_FALSE(short_one.ok());
        REQUIRE(store.change_passphrase(Passphrase("second passphrase")).ok());
    }
    auto old = Store::open(path, Passphrase("first passphrase"));
    REQUIRE_FALSE(old.ok());
    CHECK(old.error().code == core::Errc::wrong_passphrase);
    auto now = Store::open(path, Passphrase("second passphrase"));
    REQUIRE(now.ok());
    auto h = now->load();
    REQUIRE(h.ok());
    CHECK(json_of(h.value()) == json_of(spec_household()));
    auto report = now->verify();
    REQUIRE(report.ok());
    CHECK(report->ok());
}

TEST_CASE("a backup opens with the same passphrase and holds the same data", "[store]") {
    TempDir dir;
    auto store = make_store(dir / "home.db", spec_household());
    REQUIRE(store.backup(dir / "copy.db").ok());
    auto refused = store.backup(dir / "copy.db");
    REQUIRE_FALSE(refused.ok());
    CHECK_THAT(refused.error().message(), Catch::Contains("already exists"));
    REQUIRE(store.backup(dir / "copy.db", true).ok());
    // Never onto the store itself, even when asked to overwrite, by any name for it.
    const auto before = test::read_bytes(dir / "home.db");
    for (const auto& self : {dir / "home.db", dir.path() / "." / "home.db"}) {
        auto onto_itself = store.backup(self, true);
        REQUIRE_FALSE(onto_itself.ok());
        CHECK_THAT(onto_itself.error().message(), Catch::Contains("is this store itself"));
    }
    CHECK(test::read_bytes(dir / "home.db") == before);
    // No temporary file is left beside it.
    CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator{}) == 2);

    auto copy = Store::open(dir / "copy.db", Passphrase("correct horse battery"));
    INFO((copy.ok() ? std::string() : copy.error().message()));
    REQUIRE(copy.ok());
    auto h = copy->load();
    REQUIRE(h.ok());
    CHECK(json_of(h.value()) == json_of(spec_household()));
    auto report = copy->verify();
    REQUIRE(report.ok());
    INFO((report->ok() ? std::string() : report->problems.front().message()));
    CHECK(report->ok());
    CHECK(report->audit_entries == 1);
    auto wrong = Store::open(dir / "copy.db", Passphrase("another passphrase"));
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().code == core::Errc::wrong_passphrase);
}

TEST_CASE("every change to a payment's status is appended to a hash-chained audit log", "[store][audit]") {
    TempDir dir;
    auto store = make_store(dir / "home.db", spec_household());
    auto h = store.load().value();
    // Pay the card minimum due Wed Dec 2, skip nothing, then change the rent record.
    h.payments.push_back(core::Payment{"card-min", core::parse_iso_date("2026-12-02").value(),
                                       core::PaymentStatus::paid, core::parse_iso_date("2026-11-30").value(),
                                       core::Money::parse("120.00", h.currency).value(), {}});
    REQUIRE(store.apply(core::ReplaceHousehold{h}, {"2026-11-30T08:00:00Z", "pay"}).ok());
    h.payments[0].status = core::PaymentStatus::unpaid;
    h.payments[0].date.reset();
    h.payments[0].amount.reset();
    REQUIRE(store.apply(core::ReplaceHousehold{h}, {"2026-11-30T09:00:00Z", "edit"}).ok());
    // A save that changes no payment adds no entry.
    h.name = "Dana Levi-Cohen";
    REQUIRE(store.apply(core::ReplaceHousehold{h}, {"2026-11-30T10:00:00Z", "rename"}).ok());

    auto log = store.audit_log();
    REQUIRE(log.ok());
    REQUIRE(log->size() == 3);
    CHECK(log->at(0).command == "test");
    CHECK(log->at(0).new_status == "paid");
    CHECK(log->at(1).item == "card-min");
    CHECK(log->at(1).old_status == "expected");
    CHECK(log->at(1).new_status == "paid");
    CHECK(log->at(1).amount == 12000);
    CHECK(log->at(2).item == "rent");
    CHECK(log->at(2).old_status == "paid");
    CHECK(log->at(2).new_status == "unpaid");
    CHECK(log->at(2).prev_hash == log->at(1).hash);
    CHECK(log->at(1).prev_hash == log->at(0).hash);
    CHECK(storage::audit_hash(log->at(2)) == log->at(2).hash);
    auto report = store.verify();
    REQUIRE(report.ok());
    CHECK(report->ok());
    CHECK(report->audit_entries == 3);
}

TEST_CASE("the audit log refuses changes, and tampering shows in verify", "[store][audit]") {
    TempDir dir;
    auto store = make_store(dir / "home.db", spec_household());
    auto h = store.load().value();
    h.payments.push_back(core::Payment{"card-min", core::parse_iso_date("2026-12-02").value(),
                                       core::PaymentStatus::skipped, {}, {}, {}});
    REQUIRE(store.apply(core::ReplaceHousehold{h}, k_ctx).ok());
    const auto& db = store.database();
    auto upd = db.exec("UPDATE audit_log SET amount = 1 WHERE seq = 1");
    REQUIRE_FALSE(upd.ok());
    CHECK_THAT(upd.error().message(), Catch::Contains("append-only"));
    CHECK_FALSE(db.exec("DELETE FROM audit_log WHERE seq = 2").ok());

    SECTION("an edited entry") {
        REQUIRE(db.exec("DROP TRIGGER audit_log_append_only_update; UPDATE audit_log SET amount = 1 WHERE seq = 1")
                    .ok());
        auto report = store.verify();
        REQUIRE(report.ok());
        REQUIRE_FALSE(report->ok());
        CHECK_THAT(texts(report->problems), Catch::VectorContains(std::string("audit log: entry 1 was changed")));
        CHECK_THAT(texts(report->problems),
                   Catch::VectorContains(std::string("the audit log is no longer protected against changes")));
    }
    SECTION("a removed last entry") {
        REQUIRE(db.exec("DROP TRIGGER audit_log_append_only_delete; DELETE FROM audit_log WHERE seq = 2").ok());
        auto report = store.verify();
        REQUIRE(report.ok());
        CHECK_THAT(texts(report->problems),
                   Catch::VectorContains(std::string("audit log: its last entries were removed")));
    }
    SECTION("a removed middle entry") {
        REQUIRE(db.exec("DROP TRIGGER audit_log_append_only_delete; DELETE FROM audit_log WHERE seq = 1").ok());
        auto report = store.verify();
        REQUIRE(report.ok());
        CHECK_THAT(texts(report->problems), Catch::VectorContains(std::string("audit log: entry 1 is missing")));
    }
}

TEST_CASE("today's build opens the committed schema-1 store", "[store][migration]") {
    // golden-v1.db was written by the first release of the store format (passphrase below, the
    // default 256,000 iterations) from spec-example.json. It must keep opening, unchanged in
    // meaning, in every later build; a later schema migrates it with a backup first.
    TempDir dir;
    fs::copy_file(fs::path(STEADYPAY_TEST_DATA_DIR) / "golden-v1.db", dir / "golden.db");
    auto store = Store::open(dir / "golden.db", Passphrase("golden store passphrase"), {"", "2026-11-22"});
    INFO((store.ok() ? std::string() : store.error().message()));
    REQUIRE(store.ok());
    CHECK(store->header().cipher.kdf_iter == 256000);
    auto h = store->load();
    REQUIRE(h.ok());
    CHECK(json_of(h.value()) == json_of(spec_household()));
    auto report = store->verify();
    REQUIRE(report.ok());
    CHECK(report->ok());
    CHECK(report->schema_version == storage::k_schema_version);
    CHECK(report->audit_entries == 1);
    // Upgrading took an encrypted backup first, which still holds the schema-1 store.
    const auto backup = dir / "golden.db.schema-v1-2026-11-22.bak";
    REQUIRE(fs::exists(backup));
    auto old = Store::open(backup, Passphrase("golden store passphrase"));
    REQUIRE(old.ok()); // opening it migrates it too, with its own backup
    // Previously the copy was labelled with this build's schema, so it was never migrated and its
    // household could not be read once a migration added columns.
    CHECK(fs::exists(dir / "golden.db.schema-v1-2026-11-22.bak.schema-v1-backup.bak"));
    auto old_household = old->load();
    INFO((old_household.ok() ? std::string() : old_household.error().message()));
    REQUIRE(old_household.ok());
    CHECK(json_of(old_household.value()) == json_of(spec_household()));
    // The new table works on the upgraded store.
    REQUIRE(store->acknowledge({"overdraft:checking:2026-12-01"}, k_ctx).ok());
    CHECK(store->acknowledged_warnings().value() == std::vector<std::string>{"overdraft:checking:2026-12-01"});
}

TEST_CASE("acknowledged warnings stay acknowledged across opens and saves", "[store]") {
    TempDir dir;
    {
        auto store = make_store(dir / "home.db", spec_household());
        REQUIRE(store.acknowledge({"b:1", "a:2"}, k_ctx).ok());
        REQUIRE(store.acknowledge({"a:2"}, k_ctx).ok()); // twice is harmless
        // Regression: saving the household once replaced its row, and the cascade wiped these.
        auto h = store.load().value();
        h.name = "Renamed";
        REQUIRE(store.apply(core::ReplaceHousehold{h}, k_ctx).ok());
    }
    auto store = Store::open(dir / "home.db", Passphrase("correct horse battery"));
    REQUIRE(store.ok());
    CHECK(store->acknowledged_warnings().value() == std::vector<std::string>{"a:2", "b:1"});
    // One can be brought back; an id never acknowledged is harmless; the rest stay.
    const auto revision = store->revision().value();
    REQUIRE(store->unacknowledge({"a:2", "never:seen:2026-01-01"}, k_ctx).ok());
    CHECK(store->acknowledged_warnings().value() == std::vector<std::string>{"b:1"});
    CHECK(store->revision().value() > revision); // other windows see the change
}

TEST_CASE("warning lead times live in the store like every other setting", "[store]") {
    TempDir dir;
    auto h = spec_household();
    h.lead_times.overdraft = 14;
    h.lead_times.written.add("overdraft");
    h.written.add("warning_lead_days");
    auto store = make_store(dir / "home.db", h);
    auto loaded = store.load().value();
    CHECK(loaded.lead_times.overdraft == 14);
    CHECK(loaded.lead_times.bill_at_risk == 3);
    CHECK(json_of(loaded) == json_of(h));
}

TEST_CASE("writes the golden schema-1 store", "[.golden-writer]") {
    // Run by hand only: steadypay-storage-tests "[.golden-writer]" with STEADYPAY_GOLDEN_OUT set.
    const char* out = std::getenv("STEADYPAY_GOLDEN_OUT");
    REQUIRE(out != nullptr);
    auto s = Store::create(out, Passphrase("golden store passphrase"), spec_household(),
                           {"2026-11-22T00:00:00Z", "import-household"});
    REQUIRE(s.ok());
}

TEST_CASE("a failing write or sync never leaves a transaction half-applied", "[store][faults]") {
    TempDir dir;
    const auto path = dir / "home.db";
    const auto before = spec_household();
    make_store(path, before);
    // The change: a new account, every bill moved to it, new payments.
    auto after = before;
    auto savings = after.accounts[0];
    savings.id = "savings";
    savings.name = "Savings";
    after.accounts.push_back(savings);
    for (auto& b : after.bills) {
        b.account = "savings";
    }
    after.payments.push_back(core::Payment{"card-min", core::parse_iso_date("2026-12-02").value(),
                                           core::PaymentStatus::skipped, {}, {}, {}});
    const auto before_json = json_of(before);
    const auto after_json = json_of(after);

    for (const auto kind : {test::Fault::write, test::Fault::sync}) {
        int failures = 0;
        for (int n = 1; n < 400; ++n) {
            test::disarm_fault();
            // Back to the old state before each attempt.
            {
                auto s = Store::open(path, Passphrase("correct horse battery"));
                REQUIRE(s.ok());
                REQUIRE(s->apply(core::ReplaceHousehold{before}, k_ctx).ok());
            }
            bool saved = false;
            {
                auto faulty = Store::open(path, Passphrase("correct horse battery"), {test::fault_vfs_name(), ""});
                REQUIRE(faulty.ok());
                test::arm_fault(kind, n);
                saved = faulty->apply(core::ReplaceHousehold{after}, k_ctx).ok();
                test::disarm_fault();
            }
            // Reopen normally: a hot journal, if any, is rolled back.
            auto s = Store::open(path, Passphrase("correct horse battery"));
            REQUIRE(s.ok());
            const auto now = json_of(s->load().value());
            INFO("fault on " << (kind == test::Fault::write ? "write" : "sync") << " #" << n);
            if (saved) {
                CHECK(now == after_json);
                CHECK(s->verify().value().ok());
                break; // the fault came after the transaction's last write: nothing left to break
            }
            ++failures;
            CHECK(now == before_json);
            auto report = s->verify();
            REQUIRE(report.ok());
            CHECK(report->ok());
        }
        CHECK(failures >= 3); // the test did exercise failures at several points
    }
}

TEST_CASE("an edit writes only the rows it changes, and every write bumps the revision", "[store][edits]") {
    TempDir dir;
    auto store = make_store(dir / "home.db", spec_household());
    const auto rowids = [&](const std::string& table) {
        std::vector<std::int64_t> out;
        auto s = store.database().prepare("SELECT rowid FROM " + table + " ORDER BY rowid");
        REQUIRE(s.ok());
        REQUIRE(storage::each_row(s.value(), [&]() -> core::Status {
            out.push_back(s->column_int(0));
            return {};
        }));
        return out;
    };
    const auto revision = [&] { return store.revision().value(); };
    CHECK(revision() == 1);
    const auto bills = rowids("bills");
    const auto settings = rowids("settings");
    const auto payments = rowids("payments");
    auto h = store.load().value();

    // One bill's grace period: one row of bills, and the revision in store_info.
    auto electric = h.bills[1];
    electric.grace_days = 21;
    const auto changes = sqlite3_total_changes(store.database().handle());
    auto applied = store.apply(core::ChangeBill{h.bills[1], electric}, k_ctx);
    REQUIRE(applied.ok());
    CHECK(sqlite3_total_changes(store.database().handle()) - changes == 2);
    CHECK(applied->revision == 2);
    CHECK(revision() == 2);
    CHECK(applied->household.bills[1].grace_days == 21);
    CHECK(rowids("bills") == bills);
    CHECK(rowids("settings") == settings);
    CHECK(rowids("payments") == payments);
    CHECK(json_of(store.load().value()) == json_of(applied->household));

    // Removing the first bill rewrites no other bill's row: they keep their rowids and order.
    h = applied->household;
    auto removed = store.apply(core::remove_item_edit(h, "rent").value(), k_ctx);
    REQUIRE(removed.ok());
    CHECK(rowids("bills") == std::vector<std::int64_t>{bills[1], bills[2]});
    const auto names = store.load().value().bills;
    REQUIRE(names.size() == 2);
    CHECK(names[0].id == "electric");
    CHECK(names[1].id == "card-min");
    CHECK(revision() == 3);

    // Nothing to do writes nothing; acknowledging a warning is a write.
    REQUIRE(store.apply(core::NoChange{}, k_ctx).ok());
    CHECK(revision() == 3);
    REQUIRE(store.acknowledge({"overdraft:checking:2026-12-01"}, k_ctx).ok());
    CHECK(revision() == 4);
}

TEST_CASE("a writer that read an older revision is refused and nothing changes", "[store][edits]") {
    TempDir dir;
    auto store = make_store(dir / "home.db", spec_household());
    const auto h = store.load().value();
    auto rent = h.bills[0];
    rent.name = "Rent (new lease)";
    REQUIRE(store.apply(core::ChangeBill{h.bills[0], rent}, k_ctx, 1).ok()); // revision 1 -> 2
    const auto before = json_of(store.load().value());
    auto phone = h.bills[2];
    phone.late_fee = core::Money::parse("45.00", h.currency).value();
    auto stale = store.apply(core::ChangeBill{h.bills[2], phone}, k_ctx, 1);
    REQUIRE_FALSE(stale.ok());
    CHECK(stale.error().code == core::Errc::conflict);
    CHECK_THAT(stale.error().message(), Catch::EndsWith("the store changed since it was read (revision 1, now 2); "
                                                        "nothing was changed"));
    CHECK(json_of(store.load().value()) == before);
    CHECK(store.revision().value() == 2);
    // An edit whose "before" is out of date is refused by core even without a revision.
    auto old = store.apply(core::ChangeBill{h.bills[0], rent}, k_ctx);
    REQUIRE_FALSE(old.ok());
    CHECK(old.error().code == core::Errc::conflict);
    // A refused edit (a rule it breaks) leaves the revision alone too.
    auto bad = h.bills[2];
    bad.grace_days = 9999;
    auto refused = store.apply(core::ChangeBill{h.bills[2], bad}, k_ctx);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message() == "bills[2].grace_days: 9999 is out of range (0..365)");
    CHECK(store.revision().value() == 2);
}
