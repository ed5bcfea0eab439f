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
#include "git/repo.hpp"
#include "core/dump_json.hpp"
#include "portfolio/fsys.hpp"
#include "programme/programme.hpp"
#include "yaml/schema.hpp"

namespace fs = std::filesystem;

namespace lilo {

namespace {

volatile std::sig_atomic_t cancelled = 0;

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
    if (!in.skipped.empty()) return dump_json(cohort_skipped(in.path, in.skipped));
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

// A worker: a child process that checks one portfolio after another, each
// index it reads from its task pipe, and writes each report back framed by
// its length. Forked once, not once per portfolio: a fork and the first
// touches of a fresh process cost more than most checks. A worker that
// crashes, runs out of time or out of memory is replaced.
struct Worker {
    pid_t pid = -1;
    int task_fd = -1;                    // parent → worker: "index\n"
    int result_fd = -1;                  // worker → parent: 8-byte length, then the report
    std::optional<std::size_t> index;    // the portfolio being checked
    std::string buf;
    std::chrono::steady_clock::time_point started;
    bool timed_out = false;
};

bool write_all(int fd, const char* p, std::size_t n)
{
    while (n > 0) {
        const ssize_t w = ::write(fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return false;
        p += w;
        n -= static_cast<std::size_t>(w);
    }
    return true;
}

[[noreturn]] void run_worker(const std::vector<CohortInput>& inputs, const CohortOptions& opt, int task_fd, int result_fd)
{
    // Ctrl-C ends a worker at once; the parent tidies up.
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
#if !defined(__SANITIZE_ADDRESS__)
    // AddressSanitizer reserves terabytes of address space: no limit there.
    const rlim_t bytes = static_cast<rlim_t>(opt.memory_limit_mb) * 1024 * 1024;
    const rlimit lim{bytes, bytes};
    ::setrlimit(RLIMIT_AS, &lim);
#endif
    std::string pending;
    char chunk[256];
    for (;;) {
        const auto nl = pending.find('\n');
        if (nl == std::string::npos) {
            const ssize_t n = ::read(task_fd, chunk, sizeof chunk);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) ::_exit(0);  // no more work
            pending.append(chunk, static_cast<std::size_t>(n));
            continue;
        }
        const std::size_t index = std::stoul(pending.substr(0, nl));
        pending.erase(0, nl + 1);
        std::string text;
        bool spent = false;
        try {
            text = check_one(inputs.at(index), opt);
        } catch (const std::bad_alloc&) {
            text = dump_json(cohort_error(inputs.at(index).path, "ran out of memory (more than " + std::to_string(opt.memory_limit_mb) + " MB; --max-memory)"));
            spent = true;  // a fresh worker for the next one
        }
        std::uint64_t size = text.size();
        char head[8];
        std::memcpy(head, &size, 8);
        if (!write_all(result_fd, head, 8) || !write_all(result_fd, text.data(), text.size())) ::_exit(3);
        if (spent) ::_exit(0);
    }
}

std::string why_stopped(int status, const Worker& w, const CohortOptions& opt)
{
    if (w.timed_out) return "stopped after " + fmt_seconds(opt.time_limit_seconds) + ": the per-portfolio time limit (--timeout)";
    if (WIFSIGNALED(status)) {
        const int sig = WTERMSIG(status);
        return std::string("lilo stopped on this portfolio: signal ") + std::to_string(sig) + " (" + ::strsignal(sig) +
               "); please report it with the portfolio";
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) != 0) return "lilo stopped on this portfolio (exit " + std::to_string(WEXITSTATUS(status)) + ")";
    return "lilo gave no report for this portfolio";
}

} // namespace

void request_cohort_cancel() { cancelled = 1; }

nlohmann::json cohort_error(const std::string& portfolio, const std::string& message)
{
    return {{"portfolio", portfolio}, {"status", "error"}, {"error", message}, {"candidate", {{"name", ""}, {"id", ""}}}};
}

nlohmann::json cohort_skipped(const std::string& path, const std::string& reason)
{
    return {{"portfolio", path}, {"status", "skipped"}, {"reason", reason}, {"candidate", {{"name", ""}, {"id", ""}}}};
}

std::vector<CohortInput> cohort_inputs(const std::vector<std::string>& paths)
{
    std::vector<CohortInput> out;
    for (const auto& p : paths) {
        std::error_code ec;
        const fs::path path(p);
        if (!fs::exists(path, ec)) throw CannotCheck(p + ": no such file or folder");
        if (fs::is_regular_file(path, ec) && is_zip(path)) { out.push_back({p, true, {}}); continue; }
        if (!fs::is_directory(path, ec)) { out.push_back({p, false, "neither a portfolio folder, a folder of portfolios, nor a bundle (.zip)"}); continue; }
        if (fs::exists(path / "portfolio.yaml", ec)) { out.push_back({p, false, {}}); continue; }
        std::vector<CohortInput> found;
        bool empty = true;
        for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
            empty = false;
            const std::string name = it->path().filename().string();
            if (name.empty() || name[0] == '.') continue;
            std::string child = p;
            if (!child.empty() && child.back() != '/') child += '/';
            child += name;
            std::error_code e2;
            // A link is followed only to find out what it is; the check confines what it reads.
            if (it->is_directory(e2) && fs::exists(it->path() / "portfolio.yaml", e2)) found.push_back({child, false, {}});
            else if (it->is_directory(e2)) found.push_back({child, false, fs::is_empty(it->path(), e2) ? "an empty folder" : "no portfolio.yaml in it"});
            else if (it->is_regular_file(e2) && is_zip(it->path())) found.push_back({child, true, {}});
        }
        if (ec) throw CannotCheck(p + ": cannot list: " + ec.message());
        if (found.empty()) {
            out.push_back({p, false, empty ? "an empty folder" : "no portfolio.yaml in it"});
            continue;
        }
        std::sort(found.begin(), found.end(), [](const CohortInput& a, const CohortInput& b) { return a.path < b.path; });
        out.insert(out.end(), found.begin(), found.end());
    }
    return out;
}

void check_cohort(const std::vector<CohortInput>& inputs, const CohortOptions& opt, const CohortSink& sink, const CohortProgress& progress)
{
    const unsigned jobs = opt.jobs ? opt.jobs : std::max(1u, std::thread::hardware_concurrency());
    // What every check needs is made once here, and every worker inherits it
    // (copy-on-write) instead of compiling the schemas or reading the
    // system's certificates (libgit2) again.
    (void)embedded_validator("portfolio.schema.json");
    (void)embedded_validator("programme.schema.json");
    for (const auto& id : builtin_programmes()) (void)load_programme(id, "");
    git::prepare();

    const auto limit = std::chrono::duration<double>(opt.time_limit_seconds);
    std::vector<Worker> workers;
    std::map<std::size_t, nlohmann::json> waiting;  // finished out of order
    std::size_t next = 0, delivered = 0, done = 0;
    std::vector<std::size_t> again;  // given to a worker that left cleanly before starting it

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
    const auto spawn = [&]() {
        int task[2], result[2];
        if (::pipe2(task, O_CLOEXEC) != 0) throw std::runtime_error(std::string("cannot start a check: ") + std::strerror(errno));
        if (::pipe2(result, O_CLOEXEC) != 0) {
            ::close(task[0]);
            ::close(task[1]);
            throw std::runtime_error(std::string("cannot start a check: ") + std::strerror(errno));
        }
        const pid_t pid = ::fork();
        if (pid < 0) {
            for (int fd : {task[0], task[1], result[0], result[1]}) ::close(fd);
            throw std::runtime_error(std::string("cannot start a check: ") + std::strerror(errno));
        }
        if (pid == 0) {
            // Not the other workers' pipes: they must see their own end of work.
            for (const auto& w : workers) {
                ::close(w.task_fd);
                ::close(w.result_fd);
            }
            ::close(task[1]);
            ::close(result[0]);
            run_worker(inputs, opt, task[0], result[1]);
        }
        ::close(task[0]);
        ::close(result[1]);
        Worker w;
        w.pid = pid;
        w.task_fd = task[1];
        w.result_fd = result[0];
        workers.push_back(std::move(w));
    };
    const auto assign = [&](Worker& w) {
        if (again.empty() && next >= inputs.size()) return;
        std::size_t index = next;
        if (!again.empty()) {
            index = again.back();
            again.pop_back();
        } else {
            ++next;
        }
        const std::string line = std::to_string(index) + "\n";
        w.index = index;
        w.started = std::chrono::steady_clock::now();
        w.timed_out = false;
        if (!write_all(w.task_fd, line.data(), line.size())) ::kill(w.pid, SIGKILL);  // seen as its death below
    };

    // A worker that exits early must not kill us with SIGPIPE.
    struct sigaction ignore {}, old {};
    ignore.sa_handler = SIG_IGN;
    ::sigaction(SIGPIPE, &ignore, &old);

    if (cancelled) {
        ::sigaction(SIGPIPE, &old, nullptr);
        throw CannotCheck("interrupted; no report written");
    }
    for (unsigned i = 0; i < jobs && i < inputs.size(); ++i) spawn();
    for (auto& w : workers) assign(w);

    // `cancelled` is not cleared here: a Ctrl-C during the warm-up above counts.
    while (delivered < inputs.size() && !workers.empty()) {
        if (cancelled) {
            for (auto& w : workers) {
                ::kill(w.pid, SIGKILL);
                ::close(w.task_fd);
                ::close(w.result_fd);
                while (::waitpid(w.pid, nullptr, 0) < 0 && errno == EINTR) {}
            }
            ::sigaction(SIGPIPE, &old, nullptr);
            throw CannotCheck("interrupted; no report written");
        }
        std::vector<pollfd> pfds;
        for (const auto& w : workers) pfds.push_back({w.result_fd, POLLIN, 0});
        ::poll(pfds.data(), pfds.size(), 100);
        const auto now = std::chrono::steady_clock::now();
        std::vector<std::size_t> dead;
        for (std::size_t i = 0; i < workers.size(); ++i) {
            Worker& w = workers[i];
            if (pfds[i].revents & (POLLIN | POLLHUP | POLLERR)) {
                char buf[65536];
                const ssize_t n = ::read(w.result_fd, buf, sizeof buf);
                if (n > 0) w.buf.append(buf, static_cast<std::size_t>(n));
                else if (n == 0 || errno != EINTR) { dead.push_back(i); continue; }
            }
            // Whole reports received: deliver them, and give the worker the next portfolio.
            while (w.index && w.buf.size() >= 8) {
                std::uint64_t size = 0;
                std::memcpy(&size, w.buf.data(), 8);
                if (w.buf.size() - 8 < size) break;
                auto result = nlohmann::json::parse(w.buf.begin() + 8, w.buf.begin() + 8 + static_cast<std::ptrdiff_t>(size), nullptr, false);
                if (result.is_discarded()) result = cohort_error(inputs[*w.index].path, "lilo gave an unreadable report for this portfolio");
                w.buf.erase(0, 8 + size);
                const std::size_t index = *w.index;
                w.index.reset();
                finish(index, std::move(result));
                assign(w);
            }
            if (w.index && !w.timed_out && now - w.started > limit) {
                ::kill(w.pid, SIGKILL);
                w.timed_out = true;
            }
        }
        // Workers that ended: their portfolio (if any) is an error; a new worker takes over.
        for (auto it = dead.rbegin(); it != dead.rend(); ++it) {
            Worker w = std::move(workers[*it]);
            workers.erase(workers.begin() + static_cast<std::ptrdiff_t>(*it));
            ::close(w.task_fd);
            ::close(w.result_fd);
            int status = 0;
            while (::waitpid(w.pid, &status, 0) < 0 && errno == EINTR) {}
            // A worker that ran out of memory reports it and leaves cleanly; a
            // portfolio it was given meanwhile goes to another worker.
            const bool clean = !w.timed_out && WIFEXITED(status) && WEXITSTATUS(status) == 0;
            if (w.index && clean) again.push_back(*w.index);
            else if (w.index) finish(*w.index, cohort_error(inputs[*w.index].path, why_stopped(status, w, opt)));
            if (next < inputs.size() || !again.empty()) {
                spawn();
                assign(workers.back());
            }
        }
    }
    // No more work: each worker sees its task pipe close and exits.
    for (auto& w : workers) ::close(w.task_fd);
    for (auto& w : workers) {
        ::close(w.result_fd);
        int status = 0;
        while (::waitpid(w.pid, &status, 0) < 0 && errno == EINTR) {}
    }
    ::sigaction(SIGPIPE, &old, nullptr);
}

} // namespace lilo
