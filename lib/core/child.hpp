#pragma once
// Programs lilo runs (pandoc, chromium for an export; qpdf for the evidence pre-flight): each as a child in
// its own process group, with a time limit, its output captured. Prints
// nothing.
#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace lilo {

struct ChildRun {
    std::vector<std::string> argv;         // argv[0] is looked up on PATH
    std::chrono::milliseconds time_limit{120000};
    std::optional<std::string> stdin_data; // written to its standard input, else /dev/null
    std::string working_dir;               // empty: the current folder
};

struct ChildResult {
    int exit_code = -1;      // when it exited
    int signal = 0;          // when a signal ended it (SIGKILL after the time limit)
    bool timed_out = false;
    std::string out, err;    // captured (each at most 64 MB)

    bool ok() const { return !timed_out && signal == 0 && exit_code == 0; }
    // "exited with status 1", "was killed by signal 9", "took longer than 120 s"
    std::string describe() const;
};

// A tool that is not installed: exit 2, naming the Debian package that gives it.
struct ToolMissing : std::runtime_error {
    ToolMissing(const std::string& tool_, const std::string& package_)
        : std::runtime_error(tool_ + " is not installed (Debian package `" + package_ + "`: apt-get install " + package_ + ")"),
          tool(tool_), package(package_) {}
    std::string tool, package;
};

// Runs the child and waits for it (killing its whole process group when the
// time limit passes). Throws ToolMissing when argv[0] is not on PATH
// (`package` names the Debian package), std::runtime_error when it cannot
// be started at all.
ChildResult run_child(const ChildRun& run, const std::string& package);

// Whether a program is on PATH.
bool on_path(const std::string& program);

} // namespace lilo
