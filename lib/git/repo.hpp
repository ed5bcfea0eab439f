#pragma once
// The git work tree a portfolio lives in (libgit2): when each file was first
// committed, what is not committed yet, and what changed since a revision.
// Read-only: nothing here writes to the repository, its index or its work
// tree. Every failure of libgit2 (a corrupt or hostile repository, a
// revision that does not resolve) is thrown as git::Error with a message
// for people; nothing here crashes or prints.
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

struct git_repository;

namespace lilo {
class GitTreePortfolio;
}

namespace lilo::git {

struct Error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Initialises libgit2 now rather than at first use (it reads the system's
// certificates, which costs milliseconds): called before forking many
// checks, so that each child inherits it.
void prepare();

// A file that differs between two states of the portfolio.
struct Change {
    std::string path;  // portfolio-relative, '/'-separated
    std::string what;  // "modified", "added", "deleted", "renamed", "untracked", "conflicted"
    std::string from;  // for "renamed": the old portfolio-relative path ("" when it came from outside the portfolio)
};

// When a file first entered the history.
struct FirstAdded {
    std::string commit;              // full hex id
    std::int64_t time = 0;           // committer time, seconds since 1970 UTC
    int offset_minutes = 0;          // the committer's UTC offset
    std::string date;                // YYYY-MM-DD, the committer's own calendar date (time + offset), as `git log --date=short`
    bool at_shallow_boundary = false; // history stopped at a shallow clone's boundary (or a missing parent) before
                                      // reaching a root commit: the file may be older than this
};

class Repository {
public:
    using FirstAdded = git::FirstAdded;
    using Change = git::Change;

    // The work tree that holds `folder` (searching upwards, as git does;
    // GIT_DIR and friends are not consulted). nullopt when `folder` is not
    // inside a work tree (no repository, a bare repository, or inside .git).
    // Throws Error when a repository is there but cannot be opened (corrupt,
    // or owned by another user: libgit2's safe.directory check).
    static std::optional<Repository> discover(const std::filesystem::path& folder);

    std::filesystem::path workdir() const { return m_workdir; }  // canonical, no trailing '/'
    // The portfolio folder relative to the work tree root: "" or "sub/dir/".
    const std::string& prefix() const { return m_prefix; }
    bool is_shallow() const;
    // HEAD's commit id (hex); nullopt on an unborn branch (no commits yet).
    std::optional<std::string> head_commit() const;

    // For each portfolio-relative path, the oldest commit on HEAD's
    // first-parent history that added it, following renames (journal/a.md
    // renamed to journal/2026-01-05-a.md keeps a.md's commit; a rename is
    // git's: at least half the content unchanged). A file that a merge
    // brings in from another parent is followed down that parent's line
    // instead, so a file added on a branch counts from its commit on the
    // branch, not from the merge. Paths that are in no commit are absent.
    // Empty on an unborn branch.
    std::map<std::string, FirstAdded> first_added(const std::vector<std::string>& paths) const;

    // Files under the portfolio that differ from HEAD: staged, modified,
    // deleted, renamed, or untracked (ignored files left out), sorted by
    // path. "added" is a new file in the index.
    std::vector<Change> uncommitted() const;

    // The commit `rev` names (any revspec: HEAD~2, a branch, a tag, a hex
    // prefix), as a full hex id. Throws Error naming `rev` if it names none.
    std::string resolve(const std::string& rev) const;

    // What a pull request from HEAD against `rev` would show, plus what is
    // not committed: files under the portfolio that differ between the merge
    // base of `rev` and HEAD, and the work tree (index and untracked files
    // included, ignored files left out), renames followed. Sorted by path.
    // Throws Error if `rev` does not resolve, HEAD is unborn, or the two have
    // no common history.
    std::vector<Change> changed_since(const std::string& rev) const;

    // The same as paths only (new paths; deleted files left out).
    std::vector<std::string> changed_paths_since(const std::string& rev) const;

private:
    Repository(std::shared_ptr<git_repository> repo, std::filesystem::path workdir, std::string prefix)
        : m_repo(std::move(repo)), m_workdir(std::move(workdir)), m_prefix(std::move(prefix)) {}

    // Portfolio-relative form of a repository path, or nullopt if outside the portfolio.
    std::optional<std::string> relative(const char* repo_path) const;

    std::shared_ptr<git_repository> m_repo;
    std::filesystem::path m_workdir;
    std::string m_prefix;

    friend class lilo::GitTreePortfolio;
};

} // namespace lilo::git
