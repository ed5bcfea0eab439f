// lilo batch PATH...: a whole cohort checked side by side, each portfolio in
// its own process, results in a stable order; a matrix on standard output,
// and CSV, JSON Lines and HTML files on request.
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fmt/core.h>
#include <memory>
#include <unistd.h>

#include "batch/cohort.hpp"
#include "programme/programme.hpp"
#include "check.hpp"
#include "cohort_output.hpp"
#include "commands.hpp"
#include "options.hpp"

namespace lilo::app {

namespace {

struct BatchArgs {
    std::vector<std::string> paths;
    unsigned jobs = 0;
    std::string as_of;
    std::string programme;
    double timeout = 120;
    std::uint64_t max_memory = 2048;
    CohortOutputArgs out;
};

// A progress bar on a terminal's standard error: count, rate, time left.
class ProgressBar {
public:
    explicit ProgressBar(bool on) : m_on(on), m_start(std::chrono::steady_clock::now()) {}
    void update(std::size_t done, std::size_t total)
    {
        if (!m_on) return;
        const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
        const double rate = secs > 0 ? static_cast<double>(done) / secs : 0;
        const auto left = rate > 0 ? static_cast<long>(static_cast<double>(total - done) / rate + 0.5) : 0;
        constexpr std::size_t width = 30;
        const std::size_t filled = total ? done * width / total : width;
        fmt::print(stderr, "\r[{}{}] {}/{}  {:.1f}/s  {}:{:02} left ", std::string(filled, '#'), std::string(width - filled, '.'), done, total,
                   rate, left / 60, left % 60);
        if (done == total) fmt::print(stderr, "\r{}\r", std::string(80, ' '));
        std::fflush(stderr);
    }

private:
    bool m_on;
    std::chrono::steady_clock::time_point m_start;
};

extern "C" void on_batch_interrupt(int) { request_cohort_cancel(); }

} // namespace

Runner setup_batch(CLI::App& sub)
{
    auto args = std::make_shared<BatchArgs>();
    sub.add_option("paths", args->paths, "Portfolio folders, bundles (.zip), or folders of them")->required();
    sub.add_option("-j,--jobs", args->jobs, "Portfolios checked at once (default: one per core)")->check(CLI::Range(1u, 1024u));
    sub.add_option("--as-of", args->as_of, "Check as of this date (YYYY-MM-DD) instead of today");
    sub.add_option("--programme", args->programme, "Programme id or file for every portfolio, instead of each one's own");
    sub.add_option("--timeout", args->timeout, "Seconds one portfolio may take before it is stopped and reported (default 120)")
        ->check(CLI::Range(0.1, 86400.0));
    sub.add_option("--max-memory", args->max_memory, "Megabytes one portfolio's check may use (default 2048)")->check(CLI::Range(64u, 1048576u));
    add_cohort_output_options(sub, args->out);
    return [args]() -> int {
        // Ctrl-C: the workers are stopped and the partial output files removed.
        // Caught from the start, so that one sent while the schemas are being
        // compiled is not lost.
        std::signal(SIGINT, on_batch_interrupt);
        std::signal(SIGTERM, on_batch_interrupt);
        CohortOptions opt;
        opt.jobs = args->jobs;
        opt.time_limit_seconds = args->timeout;
        opt.memory_limit_mb = args->max_memory;
        std::string programme_id;
        if (!args->programme.empty()) {
            // Refused once, before any work, rather than once per portfolio.
            programme_id = load_programme(args->programme, "").id;
            opt.programme = args->programme;
        }
        if (auto d = parse_as_of(args->as_of)) opt.as_of = *d;
        const auto inputs = cohort_inputs(args->paths);
        const char* ci = std::getenv("CI");
        ProgressBar bar(::isatty(2) && !(ci && std::string(ci) == "true") && !args->out.quiet);
        CohortWriter writer(args->out);
        // A bundle is checked as of its own date and against its own
        // programme (as lilo verify does); where that differs from what was
        // asked, say so rather than let the matrix's date mislead.
        std::vector<std::string> notes;
        check_cohort(inputs, opt,
                     [&](std::size_t i, nlohmann::json report) {
                         if (inputs[i].bundle && report.value("status", "") != "error") {
                             const std::string date = report.value("as_of", ""), prog = report.value("programme", "");
                             if (!args->as_of.empty() && date != args->as_of)
                                 notes.push_back(inputs[i].path + " was checked as of " + date + ", the date inside it, not --as-of " + args->as_of);
                             if (!programme_id.empty() && prog != programme_id)
                                 notes.push_back(inputs[i].path + " was checked against " + prog + ", the programme inside it, not --programme " +
                                                 args->programme);
                         }
                         writer.add(report);
                     },
                     [&](std::size_t done, std::size_t total) { bar.update(done, total); });
        const int code = writer.finish(opt.as_of.str());
        for (const auto& n : notes) fmt::print(stderr, "lilo: note: {}\n", n);
        if (code == exit_cannot_check) fmt::print(stderr, "lilo: error: nothing could be checked: no portfolio among {}\n", args->paths.size() == 1 ? args->paths.front() : "the paths given");
        return code;
    };
}

} // namespace lilo::app
