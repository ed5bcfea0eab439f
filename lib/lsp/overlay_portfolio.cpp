#include "lsp/overlay_portfolio.hpp"

#include <algorithm>

namespace lilo::lsp {

bool OverlayPortfolio::is_file(std::string_view rel) const { return is_open(rel) || DiskPortfolio::is_file(rel); }

bool OverlayPortfolio::is_dir(std::string_view rel) const { return !is_open(rel) && DiskPortfolio::is_dir(rel); }

bool OverlayPortfolio::exists(std::string_view rel) const { return is_open(rel) || DiskPortfolio::exists(rel); }

TextFile OverlayPortfolio::read_text(std::string_view rel) const
{
    const auto it = m_buffers.find(rel);
    if (it == m_buffers.end()) return DiskPortfolio::read_text(rel);
    if (auto p = check_links(rel)) return {{}, p};
    // The buffer under the same rules as a file: the size limit, then UTF-8.
    if (it->second.size() > m_max_text_bytes) return {{}, too_large(it->second.size(), m_max_text_bytes)};
    TextFile out{it->second, encoding_problem(it->second)};
    if (out.problem) out.data.clear();
    return out;
}

std::optional<FsProblem> OverlayPortfolio::check_links(std::string_view rel) const
{
    // A buffer not yet saved has no links to follow; a saved one is confined as on disk.
    if (is_open(rel) && !DiskPortfolio::exists(rel)) return std::nullopt;
    return DiskPortfolio::check_links(rel);
}

std::vector<std::string> OverlayPortfolio::list_names(std::string_view rel_dir) const
{
    std::vector<std::string> names = DiskPortfolio::list_names(rel_dir);
    for (const auto& [rel, text] : m_buffers) {
        if (parent_of(rel) != rel_dir) continue;
        const std::string name = rel.substr(rel.rfind('/') == std::string::npos ? 0 : rel.rfind('/') + 1);
        if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    }
    return names;
}

std::optional<FsProblem> OverlayPortfolio::file_problem(std::string_view rel) const
{
    if (is_open(rel)) return std::nullopt;
    return DiskPortfolio::file_problem(rel);
}

} // namespace lilo::lsp
