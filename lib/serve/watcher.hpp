#pragma once
// Watches a portfolio folder and every folder inside it, new ones too
// (inotify), and says when a burst of saves has settled, so that `lilo
// serve` checks again once per save rather than once per write. Prints
// nothing; reads nothing but folder listings.
#include <chrono>
#include <filesystem>
#include <map>
#include <string>

namespace lilo {

class FolderWatcher {
public:
    // Throws CannotCheck when the folder cannot be watched (no inotify, or
    // the system's limit of watches reached).
    explicit FolderWatcher(const std::filesystem::path& root, std::chrono::milliseconds settle = std::chrono::milliseconds(150));
    ~FolderWatcher();
    FolderWatcher(const FolderWatcher&) = delete;
    FolderWatcher& operator=(const FolderWatcher&) = delete;

    enum class Wait { changed, timeout, stopped };
    // Blocks until something under the folder changed and has then been quiet
    // for `settle` (at most a second after the first change, so that a
    // stream of writes still shows), until `timeout` passes with no change,
    // or until stop().
    Wait wait(std::chrono::milliseconds timeout);
    // Makes wait() return `stopped`, now and ever after. From any thread.
    void stop();

    std::size_t folders_watched() const { return m_dirs.size(); }

private:
    bool wait_readable(std::chrono::milliseconds timeout); // false: timed out; throws nothing
    bool drain();                                           // reads pending events; true if any
    void add_tree(const std::filesystem::path& dir);

    std::filesystem::path m_root;
    std::chrono::milliseconds m_settle;
    int m_inotify = -1;
    int m_wake = -1;  // an eventfd that stop() writes
    bool m_stopped = false;
    std::map<int, std::filesystem::path> m_dirs; // watch descriptor → folder
};

} // namespace lilo
