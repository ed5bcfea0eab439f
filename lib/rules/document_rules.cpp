#include "rules/document_rules.hpp"

#include <system_error>

#include "rules/kinds.hpp"
#include <vector>

namespace fs = std::filesystem;

namespace lilo {

namespace {

std::string normal(const std::string& p) { return fs::path(p).lexically_normal().generic_string(); }

// Each document of a requirement with its own word_count.
std::vector<DocumentRules> governed_documents(const Programme& p)
{
    std::vector<DocumentRules> out;
    for (const auto& r : p.requirements) {
        const auto& q = r.params;
        if (!q.is_object() || !q.contains("word_count")) continue;
        const CountRules rules = requirement_count_rules(p, r);
        const auto* kind = find_kind(r.kind);
        if (!kind || !kind->documents) continue;
        const std::vector<std::string> paths = kind->documents(r);
        for (const auto& path : paths) out.push_back({r.id, r.title, normal(path), rules});
    }
    return out;
}

// The file's path inside the nearest portfolio folder above it, if any.
std::optional<std::string> portfolio_relative(const fs::path& file)
{
    std::error_code ec;
    const fs::path abs = fs::absolute(file, ec).lexically_normal();
    if (ec) return std::nullopt;
    for (fs::path dir = abs.parent_path(); !dir.empty(); dir = dir.parent_path()) {
        if (fs::is_regular_file(dir / "portfolio.yaml", ec)) return abs.lexically_relative(dir).generic_string();
        if (dir == dir.root_path()) break;
    }
    return std::nullopt;
}

} // namespace

std::optional<DocumentRules> document_rules(const Programme& p, const fs::path& file)
{
    const auto docs = governed_documents(p);
    if (docs.empty() || file.empty() || file == "-") return std::nullopt;
    if (const auto rel = portfolio_relative(file))
        for (const auto& d : docs)
            if (d.path == *rel) return d;
    const std::string name = file.filename().string();
    std::optional<DocumentRules> found;
    for (const auto& d : docs) {
        if (fs::path(d.path).filename().string() != name) continue;
        if (found && !(found->rules == d.rules)) return std::nullopt; // ambiguous: the file name alone cannot say
        if (!found) found = d;
    }
    return found;
}

} // namespace lilo
