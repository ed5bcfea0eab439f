// lilo serve [DIR]: a page on this computer only that shows the portfolio's
// check and updates itself as files are saved. The engine parts (the check
// kept live, the folder watcher, the page) are in lib/serve/; this file is
// the HTTP server (cpp-httplib, included here and nowhere else) and the run.
#include <httplib.h>

#include <atomic>
#include <cctype>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <fmt/core.h>
#include <memory>
#include <netinet/in.h>
#include <pthread.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include "check.hpp"
#include "commands.hpp"
#include "serve/live_check.hpp"
#include "serve/page.hpp"
#include "serve/token.hpp"
#include "serve/watcher.hpp"

extern char** environ;

namespace lilo::app {

namespace {

using namespace std::chrono_literals;

struct ServeArgs {
    std::string folder = ".";
    int port = 8765;
    bool open = false;
    std::string programme;
};

bool lower_equal(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
    return true;
}

// The headers of everything served: nothing cached, nothing framed, no
// address (with its key) sent on as a referrer, nothing fetched from elsewhere.
void secure(httplib::Response& res)
{
    res.set_header("Cache-Control", "no-store");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("X-Frame-Options", "DENY");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("Content-Security-Policy",
                   "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src data:; "
                   "base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
}

void refuse(httplib::Response& res, int status, const std::string& why)
{
    secure(res);
    res.status = status;
    res.set_content(why + "\n", "text/plain; charset=utf-8");
}

void set_routes(httplib::Server& svr, LiveCheck& live, const std::string& token, const std::atomic<int>& port)
{
    // Every request, before any route: the Host a browser on this computer
    // sends (another name resolving here is DNS rebinding), then the key.
    svr.set_pre_routing_handler([&token, &port](const httplib::Request& req, httplib::Response& res) {
        const std::string host = req.get_header_value("Host");
        const std::string p = std::to_string(port.load());
        if (!(host == "127.0.0.1:" + p || lower_equal(host, "localhost:" + p))) {
            refuse(res, 403, "lilo serve answers only to http://127.0.0.1:" + p + "/ (Host: " + (host.empty() ? "none" : host) + ")");
            return httplib::Server::HandlerResponse::Handled;
        }
        if (!token_matches(req.get_param_value("token"), token)) {
            refuse(res, 401, "this address needs the key that lilo serve printed when it started (…/?token=…)");
            return httplib::Server::HandlerResponse::Handled;
        }
        if (req.method != "GET" && req.method != "HEAD") {
            refuse(res, 405, "lilo serve only shows the portfolio; nothing here changes it");
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });
    svr.set_error_handler([](const httplib::Request&, httplib::Response& res) {
        if (res.status == 404 && res.body.empty()) refuse(res, 404, "no such page: lilo serve shows one page (/) and its data (/api/…), no files");
    });
    svr.Get("/", [](const httplib::Request&, httplib::Response& res) {
        secure(res);
        res.set_content(serve_page_html, "text/html; charset=utf-8");
    });
    svr.Get("/api/state", [&live](const httplib::Request&, httplib::Response& res) {
        secure(res);
        res.set_content(live.latest()->json, "application/json; charset=utf-8");
    });
    svr.Get("/api/explain", [&live](const httplib::Request& req, httplib::Response& res) {
        const std::string id = req.get_param_value("id");
        const auto text = id.empty() ? std::nullopt : live.explain(id);
        if (!text) return refuse(res, 404, "'" + id + "': no such requirement, criterion or code (see lilo explain)");
        secure(res);
        res.set_content(*text, "text/plain; charset=utf-8");
    });
    // Server-Sent Events: each new check as one `data:` line, and a comment
    // every 15 s so that a closed tab is noticed and its thread freed.
    svr.Get("/api/events", [&live](const httplib::Request&, httplib::Response& res) {
        secure(res);
        auto seen = std::make_shared<std::uint64_t>(0);
        res.set_chunked_content_provider("text/event-stream", [&live, seen](std::size_t, httplib::DataSink& sink) {
            const auto snap = live.wait_newer(*seen, 15s);
            if (!snap) {
                sink.done();
                return true;
            }
            std::string msg = ": still watching\n\n";
            if (snap->version > *seen) {
                *seen = snap->version;
                msg = "data: " + snap->json + "\n\n";
            }
            return sink.write(msg.data(), msg.size());
        });
    });
}

// `--open`: the desktop's browser, through xdg-open, where there is one.
void open_browser(const std::string& url)
{
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    std::string prog = "xdg-open";
    char* argv[] = {prog.data(), const_cast<char*>(url.c_str()), nullptr};
    // The browser gets the signals lilo keeps for itself (Ctrl-C, SIGPIPE) back.
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t none, pipe;
    sigemptyset(&none);
    sigemptyset(&pipe);
    sigaddset(&pipe, SIGPIPE);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &pipe);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    pid_t pid = 0;
    const int rc = posix_spawnp(&pid, "xdg-open", &actions, &attr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    if (rc != 0) {
        fmt::print("No xdg-open here (Debian: apt-get install xdg-utils), so no browser was started: open the address above yourself.\n");
        return;
    }
    // xdg-open hands the address to the browser and returns; 10 s at most.
    std::thread([pid] {
        for (int i = 0; i < 100; ++i) {
            int status = 0;
            if (waitpid(pid, &status, WNOHANG) == pid) return;
            std::this_thread::sleep_for(100ms);
        }
        kill(pid, SIGTERM);
        waitpid(pid, nullptr, 0);
    }).detach();
}

int serve(const ServeArgs& args)
{
    CheckOptions opt;
    opt.folder = args.folder;
    opt.display_name = args.folder;
    if (!args.programme.empty()) opt.programme = args.programme;
    LiveCheck live(opt);
    const auto first = live.recheck(true);
    if (!first->report) throw CannotCheck(nlohmann::json::parse(first->json).value("error", std::string("cannot check")));
    FolderWatcher watcher(args.folder);
    const std::string token = random_token();

    // Signals reach the thread that waits for them, not the server's.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    httplib::Server svr;
    std::atomic<int> port{args.port};
    // SO_REUSEADDR only: httplib's default also sets SO_REUSEPORT, which
    // would let a second server share the port instead of being told it is taken.
    svr.set_socket_options([](socket_t sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    // Short timeouts: Ctrl-C waits for idle connections to end.
    svr.set_keep_alive_timeout(1);
    svr.set_read_timeout(1);
    svr.set_write_timeout(2);
    svr.new_task_queue = [] { return new httplib::ThreadPool(16); };
    set_routes(svr, live, token, port);
    if (args.port == 0) {
        port = svr.bind_to_any_port("127.0.0.1");
        if (port <= 0) throw CannotCheck("cannot listen on 127.0.0.1: " + std::string(std::strerror(errno)));
    } else if (!svr.bind_to_port("127.0.0.1", args.port)) {
        throw CannotCheck(fmt::format("port {} on 127.0.0.1 is taken (another lilo serve?): choose another with --port N, or --port 0 for any free one",
                                      args.port));
    }
    const std::string url = fmt::format("http://127.0.0.1:{}/?token={}", port.load(), token);
    const auto& r = *first->report;
    fmt::print("lilo serve: {} ({}): {}, checked in {:.0f} ms\n", args.folder, r.programme, r.complete() ? "complete" : "incomplete",
               first->check_ms);
    fmt::print("Open {}\n", url);
    fmt::print("Only this computer can open it, with this key; keep the address to yourself. Watching {} folder{}; Ctrl-C stops.\n",
               watcher.folders_watched(), watcher.folders_watched() == 1 ? "" : "s");
    std::fflush(stdout);
    if (args.open) open_browser(url);
    std::fflush(stdout);

    std::thread http([&svr] { svr.listen_after_bind(); });
    std::thread recheck([&] {
        for (;;) {
            const auto w = watcher.wait(60s);
            if (w == FolderWatcher::Wait::stopped) return;
            // A save is shown even when nothing changed; the minute's tick only when something did (a new day).
            live.recheck(w == FolderWatcher::Wait::changed);
        }
    });
    int sig = 0;
    sigwait(&stop_signals, &sig);
    live.stop();
    watcher.stop();
    svr.stop();
    recheck.join();
    http.join();
    fmt::print("lilo serve: stopped.\n");
    return exit_ok;
}

} // namespace

Runner setup_serve(CLI::App& sub)
{
    auto args = std::make_shared<ServeArgs>();
    sub.add_option("folder", args->folder, "The portfolio folder (default: the current folder)");
    sub.add_option("--port", args->port, "Port on 127.0.0.1 (default 8765; 0: any free port)")->check(CLI::Range(0, 65535));
    sub.add_flag("--open", args->open, "Open the page in the desktop's browser (xdg-open)");
    sub.add_option("--programme", args->programme, "Programme id or file, instead of the portfolio's own");
    return [args]() -> int { return serve(*args); };
}

} // namespace lilo::app
