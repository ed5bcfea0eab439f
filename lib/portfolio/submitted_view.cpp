#include "portfolio/submitted_view.hpp"

#include "portfolio/fingerprint.hpp"
#include "portfolio/submitted.hpp"

namespace lilo {

namespace {
FsProblem not_carried(std::string_view) { return {"not-found", "no such file", 0}; }
} // namespace

SubmittedPortfolio::SubmittedPortfolio(const DiskPortfolio& disk) : m_disk(disk)
{
    for (auto& f : bundle_files(disk.root()).files) m_files.insert(std::move(f));
}

bool SubmittedPortfolio::is_file(std::string_view rel) const { return m_files.contains(rel); }

bool SubmittedPortfolio::is_dir(std::string_view rel) const
{
    if (rel.empty() || rel == ".") return true;
    // A folder is there when the bag carries a file below it.
    const std::string prefix = std::string(rel) + "/";
    const auto it = m_files.lower_bound(prefix);
    return it != m_files.end() && it->starts_with(prefix);
}

TextFile SubmittedPortfolio::read_text(std::string_view rel) const
{
    if (!is_file(rel)) return {{}, not_carried(rel)};
    TextFile t = m_disk.read_text(rel);
    if (!t.problem) t.data = submitted_form(rel, t.data);
    return t;
}

TextFile SubmittedPortfolio::read_binary(std::string_view rel) const
{
    if (!is_file(rel)) return {{}, not_carried(rel)};
    TextFile t = m_disk.read_binary(rel);
    if (!t.problem) t.data = submitted_form(rel, t.data);
    return t;
}

std::optional<std::uintmax_t> SubmittedPortfolio::file_size(std::string_view rel) const
{
    if (!is_file(rel)) return std::nullopt;
    return m_disk.file_size(rel);
}

std::optional<std::filesystem::path> SubmittedPortfolio::local_path(std::string_view rel) const
{
    if (!is_file(rel)) return std::nullopt;
    return m_disk.local_path(rel);
}

std::vector<std::string> SubmittedPortfolio::list_names(std::string_view rel_dir) const
{
    const std::string prefix = rel_dir.empty() || rel_dir == "." ? "" : std::string(rel_dir) + "/";
    std::vector<std::string> out;
    for (auto it = m_files.lower_bound(prefix); it != m_files.end() && it->starts_with(prefix); ++it) {
        const std::string rest = it->substr(prefix.size());
        const std::string name = rest.substr(0, rest.find('/'));
        if (out.empty() || out.back() != name) out.push_back(name);
    }
    return out;
}

std::optional<FsProblem> SubmittedPortfolio::file_problem(std::string_view rel) const
{
    if (!is_file(rel)) return not_carried(rel);
    return std::nullopt;
}

} // namespace lilo
