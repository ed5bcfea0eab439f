#pragma once
// A portfolio folder as its bundle carries it: only the files bundle_files
// keeps (no init guides, editor debris, .liloignore'd drafts), Markdown
// without its HTML comments. `lilo bundle` checks this view, so that the
// report inside the bag is the check of the files inside the bag, which is
// what `lilo verify` repeats. Nothing here writes.
#include <set>
#include <string>

#include "portfolio/fsys.hpp"

namespace lilo {

class SubmittedPortfolio : public PortfolioFs {
public:
    explicit SubmittedPortfolio(const DiskPortfolio& disk);

    std::string label(std::string_view rel) const override { return m_disk.label(rel); }
    bool is_file(std::string_view rel) const override;
    bool is_dir(std::string_view rel) const override;
    bool exists(std::string_view rel) const override { return is_file(rel) || is_dir(rel); }
    TextFile read_text(std::string_view rel) const override;
    TextFile read_binary(std::string_view rel) const override;
    std::optional<std::uintmax_t> file_size(std::string_view rel) const override;
    std::optional<std::filesystem::path> local_path(std::string_view rel) const override;
    std::optional<FsProblem> check_links(std::string_view rel) const override { return m_disk.check_links(rel); }
    std::string fingerprint() const override { return m_disk.fingerprint(); }
    std::string fingerprint_lines() const override { return m_disk.fingerprint_lines(); }

protected:
    std::vector<std::string> list_names(std::string_view rel_dir) const override;
    std::optional<FsProblem> file_problem(std::string_view rel) const override;

private:
    const DiskPortfolio& m_disk;
    std::set<std::string, std::less<>> m_files;  // what the bag carries
};

} // namespace lilo
