#include "serve/watcher.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "check.hpp"

namespace fs = std::filesystem;
using namespace std::chrono;

namespace lilo {

namespace {

// What a save can look like: written in place, written elsewhere and renamed
// over (vim, most editors), created, deleted, made unreadable.
constexpr std::uint32_t watched_events = IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB |
                                         IN_DELETE_SELF | IN_MOVE_SELF;

// A git repository's own folder changes on every commit and holds thousands
// of folders: not part of the portfolio (check reads its history through libgit2).
bool skipped(const fs::path& dir) { return dir.filename() == ".git"; }

} // namespace

FolderWatcher::FolderWatcher(const fs::path& root, milliseconds settle) : m_root(root), m_settle(settle)
{
    m_inotify = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (m_inotify < 0) throw CannotCheck(std::string("cannot watch the folder for changes (inotify): ") + std::strerror(errno));
    m_wake = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (m_wake < 0) {
        ::close(m_inotify);
        throw CannotCheck(std::string("cannot watch the folder for changes (eventfd): ") + std::strerror(errno));
    }
    try {
        add_tree(m_root);
    } catch (...) {
        ::close(m_inotify);
        ::close(m_wake);
        throw;
    }
}

FolderWatcher::~FolderWatcher()
{
    ::close(m_inotify);
    ::close(m_wake);
}

void FolderWatcher::add_tree(const fs::path& dir)
{
    if (skipped(dir)) return;
    // IN_DONT_FOLLOW: a link to a folder elsewhere is not the portfolio's
    // (check refuses what it points to); IN_ONLYDIR: it was a folder when listed.
    const int wd = inotify_add_watch(m_inotify, dir.c_str(), watched_events | IN_ONLYDIR | IN_DONT_FOLLOW);
    if (wd < 0) {
        if (errno == ENOSPC)
            throw CannotCheck(dir.string() + ": cannot watch more folders: the system's limit of inotify watches is reached "
                                             "(raise fs.inotify.max_user_watches)");
        if (dir == m_root) throw CannotCheck(dir.string() + ": cannot watch for changes: " + std::strerror(errno));
        return; // gone already, or unreadable: check reports what it finds
    }
    m_dirs[wd] = dir;
    std::error_code ec;
    for (fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code sec;
        if (it->symlink_status(sec).type() == fs::file_type::directory) add_tree(it->path());
    }
}

bool FolderWatcher::wait_readable(milliseconds timeout)
{
    pollfd fds[2] = {{m_inotify, POLLIN, 0}, {m_wake, POLLIN, 0}};
    const auto deadline = steady_clock::now() + timeout;
    for (;;) {
        const auto left = duration_cast<milliseconds>(deadline - steady_clock::now()).count();
        const int n = ::poll(fds, 2, static_cast<int>(std::max<long long>(0, left)));
        if (n < 0 && errno == EINTR) continue;
        if (fds[1].revents & POLLIN) m_stopped = true;
        return n > 0 && (fds[0].revents & POLLIN);
    }
}

bool FolderWatcher::drain()
{
    alignas(inotify_event) char buf[64 * 1024];
    bool any = false;
    for (;;) {
        const ssize_t n = ::read(m_inotify, buf, sizeof buf);
        if (n <= 0) return any;
        for (std::size_t at = 0; at + sizeof(inotify_event) <= static_cast<std::size_t>(n);) {
            inotify_event ev;
            std::memcpy(&ev, buf + at, sizeof ev);
            const char* name = buf + at + sizeof(inotify_event);
            at += sizeof(inotify_event) + ev.len;
            any = true;
            if (ev.mask & IN_Q_OVERFLOW) {
                add_tree(m_root); // events were lost: a folder may be new
                continue;
            }
            if (ev.mask & IN_IGNORED) {
                m_dirs.erase(ev.wd);
                continue;
            }
            // A new folder (made, or moved in with its files): watch it and
            // everything in it, which may have been filled before we looked.
            if ((ev.mask & IN_ISDIR) && (ev.mask & (IN_CREATE | IN_MOVED_TO)) && ev.len > 0) {
                if (auto it = m_dirs.find(ev.wd); it != m_dirs.end()) add_tree(it->second / std::string(name));
            }
        }
    }
}

FolderWatcher::Wait FolderWatcher::wait(milliseconds timeout)
{
    if (m_stopped) return Wait::stopped;
    if (!wait_readable(timeout)) return m_stopped ? Wait::stopped : Wait::timeout;
    drain();
    const auto first = steady_clock::now();
    const auto longest = first + seconds(1);
    while (!m_stopped) {
        const auto left = duration_cast<milliseconds>(longest - steady_clock::now());
        if (left.count() <= 0 || !wait_readable(std::min(m_settle, left))) break;
        drain();
    }
    return m_stopped ? Wait::stopped : Wait::changed;
}

void FolderWatcher::stop()
{
    const std::uint64_t one = 1;
    [[maybe_unused]] const ssize_t n = ::write(m_wake, &one, sizeof one);
}

} // namespace lilo
