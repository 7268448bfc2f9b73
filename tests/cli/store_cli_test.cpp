// The command line on a real store, where a golden file cannot show it: a terminal prompt, file
// modes, the default location, and round trips through the real binary.

#include "../support/process.hpp"
#include "../support/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <date/date.h>

#include <chrono>
#include <cstring>
#include <map>
#include <thread>
#include <poll.h>
#include <pty.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace steadypay::test;
namespace fs = std::filesystem;

namespace {

ProcessResult cli(const std::vector<std::string>& args, std::map<std::string, std::string> env) {
    ProcessOptions o;
    o.env = std::move(env);
    o.unset_env = {"STEADYPAY_DB", "STEADYPAY_PASSPHRASE", "STEADYPAY_NEW_PASSPHRASE", "STEADYPAY_TODAY"};
    for (const auto& [k, v] : o.env) {
        std::erase(o.unset_env, k);
    }
    return run_process(STEADYPAY_CLI, args, o);
}

mode_t mode_of(const fs::path& p) {
    struct stat st {};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

// Runs the program on a pseudo-terminal, answering each prompt that contains `prompt_text`
// with the next of `answers`; returns everything the terminal showed.
std::string run_on_terminal(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
                            const std::string& prompt_text, std::vector<std::string> answers, int& exit_code) {
    int master = -1;
    const pid_t pid = ::forkpty(&master, nullptr, nullptr, nullptr);
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::unsetenv("STEADYPAY_PASSPHRASE");
        for (const auto& [k, v] : env) {
            ::setenv(k.c_str(), v.c_str(), 1);
        }
        std::vector<char*> argv{const_cast<char*>(STEADYPAY_CLI)};
        for (const auto& a : args) {
            argv.push_back(const_cast<char*>(a.c_str()));
        }
        argv.push_back(nullptr);
        ::execv(STEADYPAY_CLI, argv.data());
        ::_exit(127);
    }
    std::string seen;
    std::size_t answered_up_to = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    char buf[4096];
    while (std::chrono::steady_clock::now() < deadline) {
        pollfd p{master, POLLIN, 0};
        if (::poll(&p, 1, 200) <= 0) {
            continue;
        }
        const auto n = ::read(master, buf, sizeof buf);
        if (n <= 0) {
            break; // the child closed the terminal
        }
        seen.append(buf, static_cast<std::size_t>(n));
        const auto at = seen.find(prompt_text, answered_up_to);
        if (at != std::string::npos && !answers.empty()) {
            answered_up_to = at + prompt_text.size();
            const std::string line = answers.front() + "\n";
            answers.erase(answers.begin());
            REQUIRE(::write(master, line.data(), line.size()) == static_cast<ssize_t>(line.size()));
        }
    }
    ::close(master);
    int status = 0;
    ::waitpid(pid, &status, 0);
    exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return seen;
}

} // namespace

TEST_CASE("on a terminal the passphrase is asked for without echo", "[cli][store]") {
    TempDir dir;
    const std::map<std::string, std::string> env{{"STEADYPAY_DB", (dir / "home.db").string()},
                                                 {"STEADYPAY_TODAY", "2026-11-22"}};
    int code = -1;
    const auto created = run_on_terminal({"init", "--name", "Sam", "--currency", "USD", "--timezone", "UTC"}, env,
                                         "passphrase", {"typed secret 1", "typed secret 1"}, code);
    INFO(created);
    CHECK(code == 0);
    CHECK_THAT(created, Catch::Contains("New passphrase") && Catch::Contains("The same passphrase again"));
    CHECK_THAT(created, !Catch::Contains("typed secret"));
    CHECK_THAT(created, Catch::Contains("Created"));

    const auto opened = run_on_terminal({"verify"}, env, "Passphrase for", {"typed secret 1"}, code);
    INFO(opened);
    CHECK(code == 0);
    CHECK_THAT(opened, Catch::Contains("No problems found"));
    CHECK_THAT(opened, !Catch::Contains("typed secret"));

    const auto wrong = run_on_terminal({"verify"}, env, "Passphrase for", {"not the secret"}, code);
    CHECK(code == 3);
    CHECK_THAT(wrong, Catch::Contains("wrong passphrase"));

    // Two different answers when creating: nothing is created.
    const auto differ = run_on_terminal({"--db", (dir / "other.db").string(), "init", "--name", "Sam", "--currency",
                                         "USD", "--timezone", "UTC"},
                                        env, "passphrase", {"first answer 1", "second answer 2"}, code);
    CHECK(code == 2);
    CHECK_THAT(differ, Catch::Contains("the two passphrases differ"));
    CHECK_FALSE(fs::exists(dir / "other.db"));
}

TEST_CASE("the default store lives under XDG_DATA_HOME, private to its owner", "[cli][store]") {
    TempDir dir;
    const std::map<std::string, std::string> env{{"XDG_DATA_HOME", (dir / "data").string()},
                                                 {"STEADYPAY_PASSPHRASE", "correct horse battery"},
                                                 {"STEADYPAY_TODAY", "2026-11-22"}};
    auto r = cli({"init", "--name", "Sam", "--currency", "USD", "--timezone", "UTC"}, env);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto store = dir / "data" / "steadypay" / "steadypay.db";
    REQUIRE(fs::exists(store));
    CHECK(mode_of(store) == 0600);
    CHECK(mode_of(store.parent_path()) == 0700);
    // A stricter umask than usual does not matter, and a looser one does not leak.
    r = cli({"export-household", "--out", (dir / "export.json").string()}, env);
    REQUIRE(r.exit_code == 0);
    CHECK(mode_of(dir / "export.json") == 0600);
    r = cli({"backup", (dir / "copy.db").string()}, env);
    REQUIRE(r.exit_code == 0);
    CHECK(mode_of(dir / "copy.db") == 0600);
}

TEST_CASE("import then export through the binary gives back each example household", "[cli][store]") {
    for (const char* name : {"paycheck-to-paycheck.json", "israel-household.json"}) {
        TempDir dir;
        const std::map<std::string, std::string> env{{"STEADYPAY_DB", (dir / "home.db").string()},
                                                     {"STEADYPAY_PASSPHRASE", "correct horse battery"},
                                                     {"STEADYPAY_TODAY", "2026-11-22"}};
        REQUIRE(cli({"init", "--name", "x", "--currency", "USD", "--timezone", "UTC"}, env).exit_code == 0);
        const auto example = fs::path(STEADYPAY_EXAMPLES_DIR) / name;
        auto r = cli({"import-household", example.string()}, env);
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        r = cli({"export-household"}, env);
        REQUIRE(r.exit_code == 0);
        CHECK(nlohmann::json::parse(r.out) == nlohmann::json::parse(read_bytes(example)));
        // And the store's forecast is the file's forecast, number for number.
        const auto from_store = cli({"forecast", "--from", "2026-11-22", "--json"}, env);
        const auto from_file =
            cli({"forecast", "--household", example.string(), "--from", "2026-11-22", "--json"}, env);
        REQUIRE(from_store.exit_code == 0);
        CHECK(from_store.out == from_file.out);
    }
}

TEST_CASE("a failed command leaves the store file byte for byte unchanged", "[cli][store]") {
    TempDir dir;
    const std::map<std::string, std::string> env{{"STEADYPAY_DB", (dir / "home.db").string()},
                                                 {"STEADYPAY_PASSPHRASE", "correct horse battery"},
                                                 {"STEADYPAY_TODAY", "2026-11-22"}};
    REQUIRE(cli({"init", "--name", "x", "--currency", "USD", "--timezone", "UTC"}, env).exit_code == 0);
    REQUIRE(cli({"accounts", "add", "checking", "--name", "Checking", "--balance", "10.00"}, env).exit_code == 0);
    const auto before = read_bytes(dir / "home.db");
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"bills", "add", "x", "--name", "X", "--amount", "1.00", "--rrule",
                                   "FREQ=MONTHLY;BYMONTHDAY=40", "--start", "2026-01-01", "--priority", "housing"},
          std::vector<std::string>{"import-household", (fs::path(STEADYPAY_CLI_DATA_DIR) / "bad-rrule.json").string()},
          std::vector<std::string>{"pay", "nothing", "--due", "2026-12-01"},
          std::vector<std::string>{"accounts", "edit", "checking", "--balance", "1e3"}}) {
        const auto r = cli(args, env);
        INFO(args.front() << ": " << r.err);
        CHECK(r.exit_code == 2);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1); // one line
        CHECK(read_bytes(dir / "home.db") == before);
    }
    auto wrong = env;
    wrong["STEADYPAY_PASSPHRASE"] = "wrong passphrase!";
    CHECK(cli({"accounts", "list"}, wrong).exit_code == 3);
    CHECK(read_bytes(dir / "home.db") == before);
    CHECK_FALSE(fs::exists(dir / "home.db-journal"));
}

namespace {

// A new store of the coffee household, with a quick key derivation (the program's own stores use
// 256,000 iterations; every command here opens the store once).
// The household (data/many-writers.json) has a daily coffee with a varying amount, so every payment
// says how much, and a weekly snack: plenty of occurrences for many writers to record at once.
std::map<std::string, std::string> coffee_store(const TempDir& dir) {
    const auto file = fs::path(STEADYPAY_CLI_DATA_DIR) / "many-writers.json";
    const auto made = run_process(STEADYPAY_STORE_CHILD, {"create", (dir / "home.db").string(), "many writers pass",
                                                          file.string()});
    INFO(made.err);
    REQUIRE(made.exit_code == 0);
    return {{"STEADYPAY_DB", (dir / "home.db").string()},
            {"STEADYPAY_PASSPHRASE", "many writers pass"},
            {"STEADYPAY_TODAY", "2026-11-22"}};
}

std::string iso_day(int day_of_year) {
    char buf[16];
    const date::sys_days d = date::sys_days{date::year{2026} / 1 / 1} + date::days{day_of_year};
    const date::year_month_day ymd{d};
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return buf;
}

} // namespace

TEST_CASE("eight command lines writing at once lose nothing and apply nothing twice", "[cli][store][writers]") {
    TempDir dir;
    const auto env = coffee_store(dir);
    constexpr int k_writers = 8;
    constexpr int k_each = 12;
    std::vector<std::thread> writers;
    std::vector<std::vector<ProcessResult>> results(k_writers);
    for (int w = 0; w < k_writers; ++w) {
        writers.emplace_back([&, w] {
            for (int i = 0; i < k_each; ++i) {
                const int n = w * k_each + i;
                const std::string amount = std::to_string(1 + n % 8) + "." + (n < 10 ? "0" : "") + std::to_string(n % 100);
                results[static_cast<std::size_t>(w)].push_back(
                    cli({"pay", "coffee", "--due", iso_day(n), "--amount", amount}, env));
                if (i % 4 == 3) { // and now and then an edit of the same bill by everyone
                    results[static_cast<std::size_t>(w)].push_back(
                        cli({"bills", "edit", "snack", "--late-fee", std::to_string(w) + ".00"}, env));
                }
            }
        });
    }
    for (auto& t : writers) {
        t.join();
    }
    std::map<std::string, std::string> acknowledged; // due -> amount
    for (int w = 0; w < k_writers; ++w) {
        for (const auto& r : results[static_cast<std::size_t>(w)]) {
            INFO(r.err);
            CHECK(r.exit_code == 0); // nobody was refused: each waited its turn
            if (r.out.rfind("Recorded Coffee due ", 0) == 0) {
                // "Recorded Coffee due Thu 2026-01-01 as paid: 1.00 on Sun 2026-11-22."
                const auto due = r.out.substr(r.out.find("due ") + 8, 10);
                const auto amount = r.out.substr(r.out.find("paid: ") + 6, r.out.find(" on ") - r.out.find("paid: ") - 6);
                CHECK(acknowledged.emplace(due, amount).second);
            }
        }
    }
    REQUIRE(acknowledged.size() == static_cast<std::size_t>(k_writers * k_each));
    // Every acknowledged payment is in the store, with its amount...
    const auto exported = cli({"export-household"}, env);
    REQUIRE(exported.exit_code == 0);
    const auto doc = nlohmann::json::parse(exported.out);
    std::map<std::string, std::string> stored;
    for (const auto& p : doc["payments"]) {
        stored[p["due"].get<std::string>()] = p["amount"].get<std::string>();
    }
    CHECK(stored == acknowledged);
    // ...and in the audit log exactly once.
    const auto audit = cli({"audit", "--item", "coffee", "--json"}, env);
    REQUIRE(audit.exit_code == 0);
    std::map<std::string, int> entries;
    for (const auto& e : nlohmann::json::parse(audit.out)) {
        CHECK(e["to"] == "paid");
        CHECK(acknowledged[e["due"].get<std::string>()] == e["amount"].get<std::string>());
        ++entries[e["due"].get<std::string>()];
    }
    CHECK(entries.size() == acknowledged.size());
    for (const auto& [due, n] : entries) {
        INFO(due);
        CHECK(n == 1);
    }
    const auto verified = cli({"verify"}, env);
    INFO(verified.out);
    CHECK(verified.exit_code == 0);
}

TEST_CASE("a store another program keeps locked: the command waits, then exits 5 saying so", "[cli][store]") {
    TempDir dir;
    const auto env = coffee_store(dir);
    // Another program holds the store locked for three seconds.
    std::thread holder([&] {
        run_process(STEADYPAY_STORE_CHILD, {"lock", env.at("STEADYPAY_DB"), env.at("STEADYPAY_PASSPHRASE"), "3"});
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    const auto t0 = std::chrono::steady_clock::now();
    const auto blocked = cli({"--wait", "1", "pay", "coffee", "--due", "2026-02-01", "--amount", "3.00"}, env);
    const auto waited = std::chrono::steady_clock::now() - t0;
    CHECK(blocked.exit_code == 5);
    CHECK_THAT(blocked.err, Catch::StartsWith("steadypay: ") &&
                                Catch::Contains("home.db: in use by another program, which kept it locked past the "
                                                "wait; try again when it is done"));
    CHECK(std::count(blocked.err.begin(), blocked.err.end(), '\n') == 1);
    CHECK(waited >= std::chrono::milliseconds(900));
    // With the default wait, the same command goes through once the lock is let go.
    const auto through = cli({"pay", "coffee", "--due", "2026-02-01", "--amount", "3.00"}, env);
    INFO(through.err);
    CHECK(through.exit_code == 0);
    holder.join();
    const auto audit = cli({"audit", "--json"}, env);
    CHECK(nlohmann::json::parse(audit.out).size() == 1);
}

TEST_CASE("terminal control characters in a name are refused, and shown escaped", "[cli][store]") {
    TempDir dir;
    const auto env = coffee_store(dir);
    const auto r = cli({"bills", "edit", "snack", "--name", "Snack\x1b[2J\x1b]0;pwned\x07"}, env);
    CHECK(r.exit_code == 2);
    CHECK(r.err == "steadypay: --name: \"Snack\\x1b[2J\\x1b]0;pwned\\x07\" holds control characters or bytes that "
                   "are not UTF-8 text\n");
    CHECK(r.err.find('\x1b') == std::string::npos);
    const auto invalid = cli({"bills", "edit", "snack", "--payee", "caf\xe9"}, env); // Latin-1, not UTF-8
    CHECK(invalid.exit_code == 2);
    CHECK(invalid.err == "steadypay: --payee: \"caf\\xe9\" holds control characters or bytes that are not UTF-8 "
                         "text\n");
    // A long value comes back short.
    const auto huge = cli({"bills", "edit", "snack", "--late-fee", std::string(100'000, '9') + "x"}, env);
    CHECK(huge.exit_code == 2);
    CHECK(huge.err.size() < 300);
    CHECK(huge.err.find(std::string(41, '9')) == std::string::npos);
}

TEST_CASE("passwd says the passphrase changed only when the new one opens the store", "[cli][store]") {
    TempDir dir;
    const auto env = coffee_store(dir);
    write_bytes(dir / "new.txt", "a brand new passphrase\n");
    // Another program is reading the store the whole time: the rewrite cannot finish. SQLCipher's
    // rekey says it succeeded anyway; the command checks, and says it did not.
    std::thread reader([&] {
        run_process(STEADYPAY_STORE_CHILD, {"read", env.at("STEADYPAY_DB"), env.at("STEADYPAY_PASSPHRASE"), "3"});
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    const auto r = cli({"--wait", "1", "passwd", "--new-passphrase-file", (dir / "new.txt").string()}, env);
    reader.join();
    INFO(r.out << r.err);
    CHECK(r.exit_code == 5);
    CHECK_THAT(r.err, Catch::Contains("the passphrase was not changed") &&
                          Catch::Contains("the old passphrase still opens it"));
    CHECK(r.out.find("Passphrase changed") == std::string::npos);
    CHECK(cli({"verify"}, env).exit_code == 0); // the old one still opens it
    auto with_new = env;
    with_new["STEADYPAY_PASSPHRASE"] = "a brand new passphrase";
    CHECK(cli({"verify"}, with_new).exit_code == 3);
    // Once nobody else holds the store, it works, and says so.
    const auto ok = cli({"passwd", "--new-passphrase-file", (dir / "new.txt").string()}, env);
    INFO(ok.err);
    CHECK(ok.exit_code == 0);
    CHECK_THAT(ok.out, Catch::StartsWith("Passphrase changed."));
    CHECK(cli({"verify"}, with_new).exit_code == 0);
    CHECK(cli({"verify"}, env).exit_code == 3);
}
