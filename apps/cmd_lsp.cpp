// lilo lsp: the Language Server Protocol over stdin and stdout. This file
// moves bytes and keeps time; lib/lsp/ answers every message.
#include <algorithm>
#include <cerrno>
#include <csignal>
#include <poll.h>
#include <unistd.h>

#include "commands.hpp"
#include "lsp/framing.hpp"
#include "lsp/server.hpp"

namespace lilo::app {

namespace {

// Writes all of `bytes` to stdout; false once the client has gone (EPIPE).
bool write_all(std::string_view bytes)
{
    while (!bytes.empty()) {
        const ssize_t n = ::write(STDOUT_FILENO, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

bool send(const lsp::Messages& messages)
{
    for (const auto& m : messages)
        if (!write_all(lsp::frame(m.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)))) return false;
    return true;
}

int serve()
{
    // A client that goes away is an end of input or a failed write, not a signal.
    std::signal(SIGPIPE, SIG_IGN);
    lsp::Server server;
    lsp::FrameReader reader;
    std::string chunk(64 * 1024, '\0');
    while (!server.exited()) {
        int timeout = -1;
        if (const auto due = server.next_due()) {
            const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(*due - lsp::Clock::now()).count();
            timeout = static_cast<int>(std::clamp<long long>(wait, 0, 60000));
        }
        pollfd in{STDIN_FILENO, POLLIN, 0};
        const int ready = ::poll(&in, 1, timeout);
        if (ready < 0 && errno != EINTR) break;
        if (ready > 0) {
            const ssize_t n = ::read(STDIN_FILENO, chunk.data(), chunk.size());
            if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
            if (n <= 0) break;  // end of input: the client has gone
            reader.feed(std::string_view(chunk.data(), static_cast<std::size_t>(n)));
            while (auto frame = reader.next()) {
                if (!send(server.handle_frame(*frame, lsp::Clock::now()))) return server.exit_code();
                if (server.exited()) break;
            }
        }
        if (!server.exited() && !send(server.due(lsp::Clock::now()))) break;
    }
    return server.exit_code();
}

} // namespace

Runner setup_lsp(CLI::App& sub)
{
    sub.footer("Speaks the Language Server Protocol on stdin and stdout, for an editor to start (see lilo-lsp(1)).");
    return []() -> int { return serve(); };
}

} // namespace lilo::app
