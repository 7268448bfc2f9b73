// The window's session and the command line writing to one store at once, for real: the session
// in this process, the command line as child processes, in random interleavings. Every change
// either writer was told was saved is in the store and in the audit log exactly once; a change
// the session could not carry over is reported as a conflict, never saved over the other's.

#include "../support/process.hpp"
#include "../support/temp_dir.hpp"
#include "app/common/clock.hpp"
#include "app/gui/model/session.hpp"
#include "storage/household_file.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <map>
#include <random>
#include <thread>

using namespace steadypay;
using test::TempDir;

namespace {

const core::Date k_today = core::Date{date::year{2026} / 11 / 22};
const core::Currency k_usd = core::Currency::from_code("USD").value();

core::Date nth_day(int n) { return core::Date{date::year{2026} / 1 / 1} + date::days{n}; }

core::Money cents(std::int64_t n) { return core::Money::from_minor(n, k_usd); }

struct FixedToday {
    app::FixedClock clock{k_today};
    FixedToday() { app::set_clock(&clock); }
    ~FixedToday() { app::set_clock(nullptr); }
};

} // namespace

TEST_CASE("the session and the command line at once: nothing lost, nothing twice, conflicts reported",
          "[session][writers]") {
    FixedToday fixed;
    TempDir dir;
    const auto path = dir / "home.db";
    const storage::Passphrase pass("two writers pass");
    {
        storage::CipherSettings quick; // each command line opens the store: a quick key derivation
        quick.kdf_iter = 2000;
        // A daily coffee with a varying amount and a weekly snack (the command line's tests use it too).
        auto h = storage::load_household_file(std::filesystem::path(STEADYPAY_CLI_DATA_DIR) / "many-writers.json");
        REQUIRE(h);
        REQUIRE(storage::Store::create(path, pass, h.value(), {"2026-11-22T00:00:00Z", "create"}, quick));
    }
    auto opened = gui::Session::open(path, pass);
    REQUIRE(opened);
    auto& session = *opened.value();

    // The command line: payments of the coffee on days 300.., and now and then a new snack amount
    // (a field the session will also try to change, from a state it read earlier).
    std::atomic<int> cli_snack_edits{0};
    std::atomic<bool> cli_done{false};
    std::map<std::string, std::string> cli_paid; // due -> amount, acknowledged by exit 0
    std::string last_cli_snack;
    std::vector<std::string> cli_failures;
    std::thread cli([&] {
        test::ProcessOptions o;
        o.env = {{"STEADYPAY_DB", path.string()},
                 {"STEADYPAY_PASSPHRASE", "two writers pass"},
                 {"STEADYPAY_TODAY", "2026-11-22"}};
        std::mt19937 rng(11);
        for (int j = 0; j < 80; ++j) {
            const auto due = core::to_iso(nth_day(300 + j));
            const auto amount = core::Money::from_minor(100 + j, k_usd).to_string();
            auto r = test::run_process(STEADYPAY_CLI, {"pay", "coffee", "--due", due, "--amount", amount}, o);
            if (r.exit_code == 0) {
                cli_paid[due] = amount;
            } else {
                cli_failures.push_back("exit " + std::to_string(r.exit_code) + ", signal " + std::to_string(r.signal) +
                                       ": " + r.err);
            }
            if (j % 3 == 2) {
                const auto snack = core::Money::from_minor(300 + j, k_usd).to_string();
                r = test::run_process(STEADYPAY_CLI, {"bills", "edit", "snack", "--amount", snack}, o);
                if (r.exit_code == 0) {
                    last_cli_snack = snack;
                    ++cli_snack_edits;
                } else {
                    cli_failures.push_back("exit " + std::to_string(r.exit_code) + ", signal " +
                                           std::to_string(r.signal) + ": " + r.err);
                }
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(rng() % 20));
        }
        cli_done = true;
    });

    // The window: payments of the coffee on days 0..199, renames of the snack, and contested
    // changes of the snack's amount made from a state read before the command line's latest.
    std::map<std::string, std::string> session_paid;
    std::string last_name;
    int contested = 0;
    int conflicts = 0;
    int carried_over = 0;
    std::mt19937 rng(7);
    for (int i = 0; i < 200; ++i) {
        const auto& h = session.household();
        if (i % 10 == 9) {
            const auto* snack = h.find_bill("snack");
            REQUIRE(snack);
            auto renamed = *snack;
            renamed.name = "Snack " + std::to_string(i);
            auto r = session.apply(core::ChangeBill{*snack, renamed}, "bills edit");
            REQUIRE(r);
            CHECK_FALSE(r->conflict); // the command line never changes the name: always carried over
            last_name = renamed.name;
            carried_over += r->others_changed ? 1 : 0;
        } else if (i % 25 == 12 && !cli_done) {
            const auto seen = *h.find_bill("snack");
            // Two more acknowledged edits: the first may be one that was already in `seen` (it
            // committed before the session read it, and was counted after); the second started
            // after that count, so it came after `seen`.
            const int edits_before = cli_snack_edits;
            const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
            while (cli_snack_edits < edits_before + 2 && !cli_done && std::chrono::steady_clock::now() < until) {
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            }
            if (cli_snack_edits >= edits_before + 2) {
                // The command line has changed the amount since `seen`: this must not win silently.
                auto mine = seen;
                mine.amount = core::Amount::fixed(cents(9900 + i));
                auto r = session.apply(core::ChangeBill{seen, mine}, "bills edit");
                REQUIRE(r);
                ++contested;
                if (r->conflict) {
                    ++conflicts;
                    CHECK(r->conflict->kind == core::ConflictKind::changed);
                    CHECK(r->conflict->id == "snack");
                    CHECK(r->conflict->fields == std::vector<std::string>{"amount"});
                }
            }
        } else {
            const auto due = nth_day(i);
            auto r = session.apply(core::record_edit(h, "coffee", due, core::PaymentStatus::paid, k_today,
                                                     cents(100 + i)),
                                   "pay");
            REQUIRE(r);
            CHECK_FALSE(r->conflict); // nobody else records these days
            session_paid[core::to_iso(due)] = cents(100 + i).to_string();
            carried_over += r->others_changed ? 1 : 0;
        }
        std::this_thread::sleep_for(std::chrono::microseconds(rng() % 15000));
    }
    cli.join();
    for (const auto& e : cli_failures) {
        FAIL_CHECK("the command line failed: " << e);
    }
    CHECK(contested > 0);
    CHECK(conflicts == contested); // every contested change was reported, none saved over the other
    CHECK(carried_over > 0);        // the interleaving was real: the session was often behind

    // The store holds every acknowledged payment with its amount, and the audit log each once.
    auto reopened = gui::Session::open(path, pass);
    REQUIRE(reopened);
    const auto& final_household = reopened.value()->household();
    std::map<std::string, std::string> expected = session_paid;
    expected.insert(cli_paid.begin(), cli_paid.end());
    std::map<std::string, std::string> stored;
    for (const auto& p : final_household.payments) {
        REQUIRE(p.amount);
        stored[core::to_iso(p.due)] = p.amount->to_string();
    }
    CHECK(stored == expected);
    auto store = storage::Store::open(path, pass);
    REQUIRE(store);
    auto log = store->audit_log();
    REQUIRE(log);
    std::map<std::string, int> entries;
    for (const auto& e : log.value()) {
        CHECK(e.new_status == "paid");
        REQUIRE(e.amount);
        CHECK(core::Money::from_minor(*e.amount, k_usd).to_string() == expected[e.due]);
        ++entries[e.due];
    }
    CHECK(entries.size() == expected.size());
    for (const auto& [due, n] : entries) {
        INFO(due);
        CHECK(n == 1);
    }
    // Both writers' changes to the snack are there: the session's name, the command line's amount.
    const auto* snack = final_household.find_bill("snack");
    REQUIRE(snack);
    CHECK(snack->name == last_name);
    CHECK(snack->amount.min.to_string() == last_cli_snack);
    auto report = store->verify();
    REQUIRE(report);
    CHECK(report->ok());
}
