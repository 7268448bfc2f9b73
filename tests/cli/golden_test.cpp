// CLI golden tests, after hledger's: each tests/cli/golden/*.test file holds one or more command
// lines, each with the expected standard output and error and the exit code. The real
// `steadypay` binary runs; the commands of one file run in order and share a fresh folder, so a
// file can create a store, change it and read it back.
//
//   # What this shows (comments anywhere outside the expected output)
//   env STEADYPAY_TODAY=2026-11-22       (applies to the commands after it)
//   $ steadypay schedule "FREQ=MONTHLY;BYMONTHDAY=31" --start 2026-01-31 --count 3
//   >>> stdout
//   2026-01-31
//   ...
//   >>> stderr          (optional: without it, standard error must be empty)
//   >>> exit 0
//
// In commands and env values, @EXAMPLES@ is the example households, @DATA@ tests/cli/data and
// @TMP@ the file's folder; printed paths are written back as the same placeholders.
// STEADYPAY_UPDATE_GOLDEN=1 rewrites the files with what the program printed (review the diff!).

#include "../support/process.hpp"
#include "../support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using namespace steadypay::test;

namespace {

struct Step {
    std::vector<std::string> header; // comments and env lines before the command, kept for rewriting
    std::map<std::string, std::string> env;
    std::string command;
    std::string out;
    std::optional<std::string> err;
    int exit_code = 0;
};

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    if (from.empty()) {
        return s;
    }
    for (std::size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size()) {
        s.replace(pos, from.size(), to);
    }
    return s;
}

std::vector<Step> parse(const fs::path& file) {
    std::ifstream in(file);
    REQUIRE(in.good());
    std::vector<Step> steps;
    Step current;
    std::map<std::string, std::string> env;
    std::string line;
    std::string* section = nullptr;
    while (std::getline(in, line)) {
        if (line.rfind(">>> ", 0) == 0) {
            const auto what = line.substr(4);
            REQUIRE(!current.command.empty());
            if (what == "stdout") {
                section = &current.out;
            } else if (what == "stderr") {
                current.err = std::string();
                section = &*current.err;
            } else if (what.rfind("exit ", 0) == 0) {
                current.exit_code = std::stoi(what.substr(5));
                current.env = env;
                steps.push_back(std::move(current));
                current = Step{};
                section = nullptr;
            } else {
                FAIL(file << ": unknown section " << line);
            }
        } else if (section) {
            *section += line + "\n";
        } else if (line.rfind("$ ", 0) == 0) {
            current.command = line.substr(2);
        } else if (line.rfind("env ", 0) == 0) {
            const auto eq = line.find('=');
            REQUIRE(eq != std::string::npos);
            env[line.substr(4, eq - 4)] = line.substr(eq + 1);
            current.header.push_back(line);
        } else if (line.empty() || line[0] == '#') {
            current.header.push_back(line);
        } else {
            FAIL(file << ": unexpected line: " << line);
        }
    }
    REQUIRE(current.command.empty());
    REQUIRE(!steps.empty());
    return steps;
}

void rewrite(const fs::path& file, const std::vector<Step>& steps, const std::vector<ProcessResult>& results) {
    std::ofstream out(file);
    for (std::size_t i = 0; i < steps.size(); ++i) {
        for (const auto& h : steps[i].header) {
            out << h << "\n";
        }
        out << "$ " << steps[i].command << "\n>>> stdout\n" << results[i].out;
        if (!results[i].err.empty()) {
            out << ">>> stderr\n" << results[i].err;
        }
        out << ">>> exit " << results[i].exit_code << "\n";
    }
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
            const auto steps = parse(file);
            TempDir tmp;
            const auto expand = [&](std::string s) {
                s = replace_all(s, "@EXAMPLES@", STEADYPAY_EXAMPLES_DIR);
                s = replace_all(s, "@DATA@", STEADYPAY_CLI_DATA_DIR);
                return replace_all(s, "@TMP@", tmp.path().string());
            };
            std::vector<ProcessResult> results;
            for (const auto& step : steps) {
                auto words = split_command_line(step.command);
                REQUIRE(!words.empty());
                REQUIRE(words[0] == "steadypay");
                words.erase(words.begin());
                for (auto& w : words) {
                    w = expand(w);
                }
                ProcessOptions options;
                // The C locale unless a test asks for a language: English and plain amounts.
                options.env["LC_ALL"] = "C.UTF-8";
                for (const auto& [k, v] : step.env) {
                    options.env[k] = expand(v);
                }
                options.unset_env = {"STEADYPAY_DB", "STEADYPAY_PASSPHRASE", "STEADYPAY_NEW_PASSPHRASE",
                                     "STEADYPAY_TODAY", "XDG_DATA_HOME", "LANG", "LANGUAGE"};
                for (const auto& [k, v] : options.env) {
                    std::erase(options.unset_env, k);
                }
                auto r = run_process(STEADYPAY_CLI, words, options);
                // Paths in messages are written as the placeholders, so the files hold on any checkout.
                for (auto* text : {&r.out, &r.err}) {
                    *text = replace_all(*text, tmp.path().string(), "@TMP@");
                    *text = replace_all(*text, STEADYPAY_CLI_DATA_DIR, "@DATA@");
                    *text = replace_all(*text, STEADYPAY_EXAMPLES_DIR, "@EXAMPLES@");
                }
                results.push_back(r);
                if (update) {
                    continue;
                }
                INFO(file.filename().string() << "\n$ " << step.command << "\nstderr: " << r.err);
                CHECK(r.exit_code == step.exit_code);
                CHECK(r.out == step.out);
                CHECK(r.err == step.err.value_or(""));
            }
            if (update) {
                rewrite(file, steps, results);
            }
        }
    }
}
