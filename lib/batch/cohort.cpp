#include "batch/cohort.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <poll.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include "bundle/verify.hpp"
#include "check.hpp"
#include "core/dump_json.hpp"
#include "portfolio/fsys.hpp"

namespace fs = std::filesystem;

namespace lilo {

namespace {

std::string fmt_seconds(double s)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g s", s);
    return buf;
}

bool is_zip(const fs::path& p)
{
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".zip";
}

// The report of one portfolio, as JSON text: what a child process sends back.
std::string check_one(const CohortInput& in, const CohortOptions& opt)
{
    try {
        CheckOptions co;
        co.folder = in.path;
        co.display_name = in.path;
        co.programme = opt.programme;
        co.as_of = opt.as_of;
        if (!in.bundle) return dump_json(to_json(check_portfolio(co), lilo_version));
        // A bundle: verified in place, and its check taken from the files inside.
        VerifyReport v = verify_bundle(in.path);
        if (!v.check) {
            std::string why = "not a bundle lilo can check";
            for (const auto& f : v.findings)
                if (f.severity == Severity::error) { why = f.code + ": " + f.message; break; }
            return dump_json(cohort_error(in.path, why));
        }
        Report r = std::move(*v.check);
        r.portfolio = in.path;
        for (const auto& f : v.findings)
            if (f.severity == Severity::error)
                r.diagnostics.push_back({"P.bundle", Severity::error, f.file, 0, 0, "the bundle does not verify: " + f.code + ": " + f.message});
        sort_diagnostics(r.diagnostics);
        return dump_json(to_json(r, lilo_version));
    } catch (const std::bad_alloc&) {
        throw;  // said as such by the child
    } catch (const std::exception& e) {
        return dump_json(cohort_error(in.path, e.what()));
    }
}

struct Child {
    pid_t pid = -1;
    int fd = -1;
    std::size_t index = 0;
    std::string out;
    std::chrono::steady_clock::time_point started;
    bool timed_out = false;
};

[[noreturn]] void run_child(const CohortInput& in, const CohortOptions& opt, int fd)
{
#if !defined(__SANITIZE_ADDRESS__)
    // AddressSanitizer reserves terabytes of address space: no limit there.
    const rlim_t bytes = static_cast<rlim_t>(opt.memory_limit_mb) * 1024 * 1024;
    const rlimit lim{bytes, bytes};
    ::setrlimit(RLIMIT_AS, &lim);
#endif
    std::string text;
    try {
        text = check_one(in, opt);
    } catch (const std::bad_alloc&) {
        text = dump_json(cohort_error(in.path, "ran out of memory (more than " + std::to_string(opt.memory_limit_mb) + " MB)"));
    }
    const char* p = text.data();
    std::size_t left = text.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) ::_exit(3);
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    ::_exit(0);
}

std::string why_stopped(int status, const Child& c, const CohortOptions& opt)
{
    if (c.timed_out) return "stopped after " + fmt_seconds(opt.time_limit_seconds) + ": the per-portfolio time limit (--timeout)";
    if (WIFSIGNALED(status)) {
        const int sig = WTERMSIG(status);
        return std::string("lilo stopped on this portfolio: signal ") + std::to_string(sig) + " (" + ::strsignal(sig) +
               "); please report it with the portfolio";
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) != 0) return "lilo stopped on this portfolio (exit " + std::to_string(WEXITSTATUS(status)) + ")";
    return "lilo gave no report for this portfolio";
}

} // namespace

nlohmann::json cohort_error(const std::string& portfolio, const std::string& message)
{
    return {{"portfolio", portfolio}, {"status", "error"}, {"error", message}, {"candidate", {{"name", ""}, {"id", ""}}}};
}

std::vector<CohortInput> cohort_inputs(const std::vector<std::string>& paths)
{
    std::vector<CohortInput> out;
    for (const auto& p : paths) {
        std::error_code ec;
        const fs::path path(p);
        if (!fs::exists(path, ec)) throw CannotCheck(p + ": no such file or folder");
        if (fs::is_regular_file(path, ec) && is_zip(path)) { out.push_back({p, true}); continue; }
        if (!fs::is_directory(path, ec)) throw CannotCheck(p + ": neither a portfolio folder, a folder of portfolios, nor a bundle (.zip)");
        if (fs::exists(path / "portfolio.yaml", ec)) { out.push_back({p, false}); continue; }
        std::vector<CohortInput> found;
        for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
            const std::string name = it->path().filename().string();
            if (name.empty() || name[0] == '.') continue;
            std::string child = p;
            if (!child.empty() && child.back() != '/') child += '/';
            child += name;
            std::error_code e2;
            // A link is followed only to find out what it is; the check confines what it reads.
            if (it->is_directory(e2) && fs::exists(it->path() / "portfolio.yaml", e2)) found.push_back({child, false});
            else if (it->is_regular_file(e2) && is_zip(it->path())) found.push_back({child, true});
        }
        if (ec) throw CannotCheck(p + ": cannot list: " + ec.message());
        if (found.empty()) throw CannotCheck(p + ": no portfolio.yaml here, and no portfolio folders or bundles inside");
        std::sort(found.begin(), found.end(), [](const CohortInput& a, const CohortInput& b) { return a.path < b.path; });
        out.insert(out.end(), found.begin(), found.end());
    }
    return out;
}

void check_cohort(const std::vector<CohortInput>& inputs, const CohortOptions& opt, const CohortSink& sink, const CohortProgress& progress)
{
    const unsigned jobs = opt.jobs ? opt.jobs : std::max(1u, std::thread::hardware_concurrency());
    const auto limit = std::chrono::duration<double>(opt.time_limit_seconds);
    std::vector<Child> running;
    std::map<std::size_t, nlohmann::json> waiting;  // finished out of order
    std::size_t next = 0, delivered = 0, done = 0;

    const auto finish = [&](std::size_t index, nlohmann::json result) {
        waiting.emplace(index, std::move(result));
        ++done;
        if (progress) progress(done, inputs.size());
        while (!waiting.empty() && waiting.begin()->first == delivered) {
            sink(delivered, std::move(waiting.begin()->second));
            waiting.erase(waiting.begin());
            ++delivered;
        }
    };

    while (next < inputs.size() || !running.empty()) {
        while (running.size() < jobs && next < inputs.size()) {
            int fds[2];
            if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error(std::string("cannot start a check: ") + std::strerror(errno));
            const pid_t pid = ::fork();
            if (pid < 0) {
                ::close(fds[0]);
                ::close(fds[1]);
                throw std::runtime_error(std::string("cannot start a check: ") + std::strerror(errno));
            }
            if (pid == 0) {
                ::close(fds[0]);
                run_child(inputs[next], opt, fds[1]);
            }
            ::close(fds[1]);
            running.push_back({pid, fds[0], next, {}, std::chrono::steady_clock::now(), false});
            ++next;
        }

        std::vector<pollfd> pfds;
        for (const auto& c : running) pfds.push_back({c.fd, POLLIN, 0});
        ::poll(pfds.data(), pfds.size(), 100);
        const auto now = std::chrono::steady_clock::now();
        for (std::size_t i = running.size(); i-- > 0;) {
            Child& c = running[i];
            bool eof = false;
            if (pfds[i].revents & (POLLIN | POLLHUP | POLLERR)) {
                char buf[65536];
                const ssize_t n = ::read(c.fd, buf, sizeof buf);
                if (n > 0) c.out.append(buf, static_cast<std::size_t>(n));
                else if (n == 0 || errno != EINTR) eof = true;
            }
            if (!eof && !c.timed_out && now - c.started > limit) {
                ::kill(c.pid, SIGKILL);
                c.timed_out = true;
            }
            if (!eof) continue;
            ::close(c.fd);
            int status = 0;
            while (::waitpid(c.pid, &status, 0) < 0 && errno == EINTR) {}
            nlohmann::json result;
            const bool clean = !c.timed_out && WIFEXITED(status) && WEXITSTATUS(status) == 0;
            if (clean) result = nlohmann::json::parse(c.out, nullptr, false);
            if (!clean || result.is_discarded()) result = cohort_error(inputs[c.index].path, why_stopped(status, c, opt));
            const std::size_t index = c.index;
            running.erase(running.begin() + static_cast<std::ptrdiff_t>(i));
            finish(index, std::move(result));
        }
    }
}

} // namespace lilo
