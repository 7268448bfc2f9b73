#pragma once
// Runs a program as a child process and captures what it prints: the test suites use it to
// drive the real `steadypay` binary, as a user or a script would.

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace steadypay::test {

struct ProcessResult {
    int exit_code = -1;  // -1 when killed by a signal
    int signal = 0;      // the signal that ended it, if any
    std::string out;
    std::string err;
};

struct ProcessOptions {
    std::map<std::string, std::string> env;      // set in the child (on top of the parent's)
    std::vector<std::string> unset_env;          // removed from the child's environment
    std::optional<std::string> stdin_text;       // written to the child's stdin, then closed
    double timeout_seconds = 60;                 // the child is killed after this
};

ProcessResult run_process(const std::string& program, const std::vector<std::string>& args,
                          const ProcessOptions& options = {});

// Splits a command line the way a POSIX shell would for plain words, 'single' and "double" quotes.
std::vector<std::string> split_command_line(const std::string& line);

} // namespace steadypay::test
