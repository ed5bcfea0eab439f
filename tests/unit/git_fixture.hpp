#pragma once
// A real git repository in a temporary folder for one test, built with the
// real `git` command (a fixed identity, dates given per commit, no user or
// system configuration), removed afterwards.
#include <filesystem>
#include <string>

namespace lilo::test {

// `s` quoted for sh.
std::string shell_quote(const std::string& s);

class GitScratch {
public:
    GitScratch();  // an empty folder with `git init` (branch main) in repo()
    ~GitScratch();
    GitScratch(const GitScratch&) = delete;
    GitScratch& operator=(const GitScratch&) = delete;

    const std::filesystem::path& root() const { return m_root; }  // the scratch folder
    const std::filesystem::path& repo() const { return m_repo; }  // root()/repo, the work tree

    // Runs `git <args>` in `dir` (default: the work tree), committer and author
    // dates `date` (ISO 8601). Fails the test unless git succeeds; returns its
    // output without the last newline.
    std::string git(const std::string& args, const std::string& date = "2026-01-01T12:00:00+00:00",
                    const std::filesystem::path& dir = {}) const;
    // `git add -A` and a commit dated `date`; returns the commit id.
    std::string commit(const std::string& message, const std::string& date);

    void write(const std::string& rel, const std::string& text) const;
    void remove(const std::string& rel) const;
    // Copies examples/<example> to `rel` in the work tree.
    void copy_example(const std::string& rel, const std::string& example = "certificate") const;

private:
    std::filesystem::path m_root;
    std::filesystem::path m_repo;
};

} // namespace lilo::test
