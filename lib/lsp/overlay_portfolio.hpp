#pragma once
// A portfolio folder with the editor's open buffers laid over it: a file
// open in the editor is read as the buffer holds it, saved or not (a new
// file not yet on disk included); everything else is read from the disk.
#include <filesystem>
#include <map>
#include <string>

#include "portfolio/fsys.hpp"

namespace lilo::lsp {

// Open buffers by portfolio-relative path ('/'-separated).
using OpenBuffers = std::map<std::string, std::string, std::less<>>;

class OverlayPortfolio : public DiskPortfolio {
public:
    // `buffers` must outlive this object. Throws as DiskPortfolio does.
    OverlayPortfolio(const std::filesystem::path& root, const OpenBuffers& buffers) : DiskPortfolio(root), m_buffers(buffers) {}

    bool is_file(std::string_view rel) const override;
    bool is_dir(std::string_view rel) const override;
    bool exists(std::string_view rel) const override;
    TextFile read_text(std::string_view rel) const override;
    std::optional<FsProblem> check_links(std::string_view rel) const override;

protected:
    std::vector<std::string> list_names(std::string_view rel_dir) const override;
    std::optional<FsProblem> file_problem(std::string_view rel) const override;

private:
    const OpenBuffers& m_buffers;
    bool is_open(std::string_view rel) const { return m_buffers.find(rel) != m_buffers.end(); }
};

} // namespace lilo::lsp
