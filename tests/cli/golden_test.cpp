// CLI golden tests, after hledger's: each tests/cli/golden/*.test file holds a command line,
// the expected standard output and error, and the exit code. The real `steadypay` binary runs.
//
//   # What this shows (comments before the command)
//   env STEADYPAY_TODAY=2026-11-22
//   $ steadypay schedule "FREQ=MONTHLY;BYMONTHDAY=31" --start 2026-01-31 --count 3
//   >>> stdout
//   2026-01-31
//   ...
//   >>> stderr          (optional: without it, standard error must be empty)
//   >>> exit 0
//
// @EXAMPLES@ and @DATA@ in the command stand for the example households and tests/cli/data.
// STEADYPAY_UPDATE_GOLDEN=1 rewrites the files with what the program printed (review the diff!).

#include "../support/process.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using namespace steadypay::test;

namespace {

struct Golden {
    fs::path file;
    std::vector<std::string> header; // comments and env lines, kept for rewriting
    std::map<std::string, std::string> env;
    std::string command;
    std::string out;
    std::optional<std::string> err;
    int exit_code = 0;
};

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    for (std::size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size()) {
        s.replace(pos, from.size(), to);
    }
    return s;
}

Golden parse(const fs::path& file) {
    std::ifstream in(file);
    REQUIRE(in.good());
    Golden g;
    g.file = file;
    std::string line;
    std::string* section = nullptr;
    bool have_exit = false;
    while (std::getline(in, line)) {
        if (line.rfind(">>> ", 0) == 0) {
            const auto what = line.substr(4);
            if (what == "stdout") {
                section = &g.out;
            } else if (what == "stderr") {
                g.err = std::string();
                section = &*g.err;
            } else if (what.rfind("exit ", 0) == 0) {
                g.exit_code = std::stoi(what.substr(5));
                have_exit = true;
                section = nullptr;
            } else {
                FAIL(file << ": unknown section " << line);
            }
        } else if (section) {
            *section += line + "\n";
        } else if (line.rfind("$ ", 0) == 0) {
            g.command = line.substr(2);
        } else if (line.rfind("env ", 0) == 0) {
            const auto eq = line.find('=');
            REQUIRE(eq != std::string::npos);
            g.env[line.substr(4, eq - 4)] = line.substr(eq + 1);
            g.header.push_back(line);
        } else if (line.empty() || line[0] == '#') {
            g.header.push_back(line);
        } else {
            FAIL(file << ": unexpected line: " << line);
        }
    }
    REQUIRE(!g.command.empty());
    REQUIRE(have_exit);
    return g;
}

void rewrite(const Golden& g, const ProcessResult& r) {
    std::ofstream out(g.file);
    for (const auto& h : g.header) {
        out << h << "\n";
    }
    out << "$ " << g.command << "\n>>> stdout\n" << r.out;
    if (!r.err.empty()) {
        out << ">>> stderr\n" << r.err;
    }
    out << ">>> exit " << r.exit_code << "\n";
}

} // namespace

TEST_CASE("every golden command prints what its file expects and exits with its code", "[cli][golden]") {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(STEADYPAY_GOLDEN_DIR)) {
        if (entry.path().extension() == ".test") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= 20);
    const bool update = std::getenv("STEADYPAY_UPDATE_GOLDEN") != nullptr;
    for (const auto& file : files) {
        DYNAMIC_SECTION(file.filename().string()) {
            const auto g = parse(file);
            auto words = split_command_line(g.command);
            REQUIRE(!words.empty());
            REQUIRE(words[0] == "steadypay");
            words.erase(words.begin());
            for (auto& w : words) {
                w = replace_all(w, "@EXAMPLES@", STEADYPAY_EXAMPLES_DIR);
                w = replace_all(w, "@DATA@", STEADYPAY_CLI_DATA_DIR);
            }
            ProcessOptions options;
            options.env = g.env;
            options.unset_env = {"STEADYPAY_DB", "STEADYPAY_PASSPHRASE", "STEADYPAY_TODAY"};
            auto r = run_process(STEADYPAY_CLI, words, options);
            // Paths in messages are written as the placeholders, so the files hold on any checkout.
            for (auto* text : {&r.out, &r.err}) {
                *text = replace_all(*text, STEADYPAY_CLI_DATA_DIR, "@DATA@");
                *text = replace_all(*text, STEADYPAY_EXAMPLES_DIR, "@EXAMPLES@");
            }
            if (update) {
                rewrite(g, r);
                continue;
            }
            INFO(file.filename().string() << "\n$ " << g.command << "\nstderr: " << r.err);
            CHECK(r.exit_code == g.exit_code);
            CHECK(r.out == g.out);
            CHECK(r.err == g.err.value_or(""));
        }
    }
}
