#pragma once
// The portfolio as it is in one commit: read from the repository's object
// database, never from the work tree, seen through PortfolioFs so that the
// same rules check it (`lilo check --rev`, `lilo bundle --rev`).
//
// Differences from DiskPortfolio, by design:
// - symbolic links in the commit (mode 120000) are never followed: a path
//   through one is "not-a-file"; a bundle refuses them, as on disk;
// - submodules (gitlinks) are "not-a-file" and refused by a bundle;
// - file bytes are the blobs' bytes, without git's checkout filters
//   (core.autocrlf, .gitattributes eol): on a checkout that converts line
//   endings the disk fingerprint differs;
// - a commit holding more than max_tree_entries names under the portfolio,
//   or folders nested deeper than max_tree_depth, is refused (git::Error),
//   so that a crafted tree cannot exhaust memory.
#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "git/repo.hpp"
#include "portfolio/fingerprint.hpp"
#include "portfolio/fsys.hpp"
#include "portfolio/ignore.hpp"

struct git_odb;

namespace lilo {

class GitTreePortfolio : public PortfolioFs {
public:
    static constexpr std::size_t max_tree_entries = 200000;
    static constexpr int max_tree_depth = 256;
    // A blob larger than this is refused by files() rather than loaded.
    static constexpr std::uint64_t max_blob_bytes = std::uint64_t{1} << 30;

    // The portfolio folder (repo.prefix()) in the commit `rev` names. Throws
    // git::Error when `rev` names no commit, or the folder is not a folder
    // in that commit, or the tree is refused (see above).
    GitTreePortfolio(const git::Repository& repo, const std::string& rev, FsLimits limits = {});
    ~GitTreePortfolio() override;
    GitTreePortfolio(const GitTreePortfolio&) = delete;
    GitTreePortfolio& operator=(const GitTreePortfolio&) = delete;

    const std::string& commit() const { return m_commit; }  // full hex id

    bool is_file(std::string_view rel) const override;
    bool is_dir(std::string_view rel) const override;
    bool exists(std::string_view rel) const override;
    TextFile read_text(std::string_view rel) const override;
    TextFile read_binary(std::string_view rel) const override;
    std::optional<FsProblem> check_links(std::string_view rel) const override;
    // The same fingerprint DiskPortfolio computes on a checkout of this commit.
    std::string fingerprint() const override { return fingerprint_details().sha256; }
    std::string fingerprint_lines() const override { return fingerprint_details().listing; }

    // For the bundle writer. What a bundle of this commit carries, leaves out
    // and refuses: the same as bundle_files() on a checkout (the commit's
    // .liloignore applies), plus refusals for submodules, names git does not
    // allow, and blobs over max_blob_bytes.
    const BundleFileSet& files() const { return m_files; }
    // As portfolio_fingerprint() on a checkout: sha256, listing, refused.
    const Fingerprint& fingerprint_details() const;
    // A file's bytes (any size up to max_blob_bytes). Throws git::Error when
    // `rel` is not a file in the commit.
    std::string read_bytes(std::string_view rel) const;
    // Calls `visit` for each of files().files in order with its bytes.
    void for_each_file(const std::function<void(const std::string& rel, std::string_view bytes)>& visit) const;

protected:
    std::vector<std::string> list_names(std::string_view rel_dir) const override;
    std::optional<FsProblem> file_problem(std::string_view rel) const override;

private:
    struct Node {
        std::array<unsigned char, 20> oid{};
        std::uint32_t mode = 0;  // git's file mode: 040000, 0100644, 0100755, 0120000, 0160000
    };
    const Node* find(std::string_view rel) const;
    void load_tree(const std::array<unsigned char, 20>& top);
    void plan_files(const std::string& rel_dir, const IgnoreRules& rules);
    std::uint64_t blob_size(const Node& node, std::string_view rel) const;
    TextFile read_bytes_up_to(std::string_view rel, std::uint64_t max_bytes) const;
    std::string blob(const Node& node, std::string_view rel) const;

    std::shared_ptr<git_repository> m_repo;
    std::shared_ptr<git_odb> m_odb;
    std::string m_commit;
    std::map<std::string, Node, std::less<>> m_nodes;                      // every path; "" is the portfolio
    std::map<std::string, std::vector<std::string>, std::less<>> m_children; // folder → names, sorted bytewise
    BundleFileSet m_files;
    mutable std::optional<Fingerprint> m_fingerprint;
};

namespace git {
// The newest of the last `max_commits` commits on HEAD's first-parent line
// whose portfolio has the fingerprint `sha256`: its id and its fingerprint's
// lines. nullopt when none has it (or HEAD is unborn).
std::optional<std::pair<std::string, std::string>> commit_with_fingerprint(const Repository& repo, const std::string& sha256,
                                                                           int max_commits = 500);
} // namespace git

} // namespace lilo
