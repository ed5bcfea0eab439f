#include "core/child.hpp"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace lilo {

namespace {

constexpr std::size_t max_captured = 64u << 20;

struct Fd {
    int fd = -1;
    ~Fd() { reset(); }
    void reset()
    {
        if (fd >= 0) ::close(fd);
        fd = -1;
    }
};

struct Pipe {
    Fd read, write;
    Pipe()
    {
        int p[2];
        if (::pipe2(p, O_CLOEXEC) != 0) throw std::runtime_error(std::string("cannot create a pipe: ") + std::strerror(errno));
        read.fd = p[0];
        write.fd = p[1];
    }
};

std::chrono::milliseconds left(std::chrono::steady_clock::time_point deadline)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
}

} // namespace

std::string ChildResult::describe() const
{
    if (timed_out) return "took too long and was stopped";
    if (signal != 0) return "was killed by signal " + std::to_string(signal) + " (" + strsignal(signal) + ")";
    return "exited with status " + std::to_string(exit_code);
}

bool on_path(const std::string& program)
{
    if (program.find('/') != std::string::npos) return ::access(program.c_str(), X_OK) == 0;
    const char* path = std::getenv("PATH");
    std::string p = path ? path : "/usr/bin:/bin";
    std::size_t start = 0;
    while (start <= p.size()) {
        const std::size_t end = std::min(p.find(':', start), p.size());
        const std::string dir = end > start ? p.substr(start, end - start) : ".";
        const std::string file = dir + "/" + program;
        struct stat st {};
        if (::stat(file.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(file.c_str(), X_OK) == 0) return true;
        start = end + 1;
    }
    return false;
}

ChildResult run_child(const ChildRun& run, const std::string& package)
{
    if (run.argv.empty()) throw std::runtime_error("no program to run");
    if (!on_path(run.argv[0])) throw ToolMissing(run.argv[0], package);

    Pipe in, out, err;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in.read.fd, 0);
    posix_spawn_file_actions_adddup2(&actions, out.write.fd, 1);
    posix_spawn_file_actions_adddup2(&actions, err.write.fd, 2);
    if (!run.working_dir.empty()) posix_spawn_file_actions_addchdir_np(&actions, run.working_dir.c_str());
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    // Its own process group, so that a time limit stops every process it started (chromium's helpers).
    posix_spawnattr_setpgroup(&attr, 0);
    sigset_t none;
    sigemptyset(&none);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK);

    std::vector<char*> argv;
    for (const auto& a : run.argv) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int rc = ::posix_spawnp(&pid, argv[0], &actions, &attr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    if (rc == ENOENT) throw ToolMissing(run.argv[0], package);
    if (rc != 0) throw std::runtime_error(run.argv[0] + ": cannot start: " + std::strerror(rc));
    in.read.reset();
    out.write.reset();
    err.write.reset();

    ChildResult res;
    const std::string data = run.stdin_data.value_or("");
    std::size_t written = 0;
    if (!run.stdin_data) in.write.reset();
    else ::fcntl(in.write.fd, F_SETFL, O_NONBLOCK);
    const auto deadline = std::chrono::steady_clock::now() + run.time_limit;
    // A child that ignores SIGPIPE would not stop us: we never write to a closed pipe with the signal on.
    struct sigaction ignore {}, old {};
    ignore.sa_handler = SIG_IGN;
    ::sigaction(SIGPIPE, &ignore, &old);
    while (out.read.fd >= 0 || err.read.fd >= 0) {
        const auto ms = left(deadline);
        if (ms.count() <= 0) {
            res.timed_out = true;
            break;
        }
        pollfd fds[3];
        nfds_t n = 0;
        int idx_out = -1, idx_err = -1, idx_in = -1;
        if (out.read.fd >= 0) { idx_out = static_cast<int>(n); fds[n++] = {out.read.fd, POLLIN, 0}; }
        if (err.read.fd >= 0) { idx_err = static_cast<int>(n); fds[n++] = {err.read.fd, POLLIN, 0}; }
        if (in.write.fd >= 0) { idx_in = static_cast<int>(n); fds[n++] = {in.write.fd, POLLOUT, 0}; }
        const int pr = ::poll(fds, n, static_cast<int>(std::min<long long>(ms.count(), 1000)));
        if (pr < 0 && errno == EINTR) continue;
        if (pr < 0) break;
        auto drain = [&](int idx, Fd& fd, std::string& into) {
            if (idx < 0 || !(fds[idx].revents & (POLLIN | POLLHUP | POLLERR))) return;
            char buf[65536];
            const ssize_t got = ::read(fd.fd, buf, sizeof buf);
            if (got > 0) {
                if (into.size() < max_captured) into.append(buf, static_cast<std::size_t>(got));
            } else if (got == 0 || errno != EINTR) {
                fd.reset();
            }
        };
        drain(idx_out, out.read, res.out);
        drain(idx_err, err.read, res.err);
        if (idx_in >= 0 && (fds[idx_in].revents & (POLLOUT | POLLERR | POLLHUP))) {
            const ssize_t w = ::write(in.write.fd, data.data() + written, data.size() - written);
            if (w > 0) written += static_cast<std::size_t>(w);
            if (w < 0 && errno != EAGAIN && errno != EINTR) in.write.reset();
            if (written >= data.size()) in.write.reset();
        }
    }
    ::sigaction(SIGPIPE, &old, nullptr);
    in.write.reset();
    // Wait for it to end without reaping it, so that its process group
    // still exists when we stop whatever it left running (chromium's helpers).
    for (;;) {
        if (res.timed_out) break;
        siginfo_t info {};
        const int w = ::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT);
        if (w == 0 && info.si_pid == pid) break;
        if (w < 0 && errno != EINTR) break;
        if (left(deadline).count() <= 0) { res.timed_out = true; break; }
        ::usleep(10000);
    }
    ::kill(-pid, SIGKILL);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    if (WIFEXITED(status)) res.exit_code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) res.signal = WTERMSIG(status);
    return res;
}

} // namespace lilo
