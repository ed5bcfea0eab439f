#include "rules/near_miss.hpp"

#include <algorithm>

#include "text/near.hpp"

namespace lilo {

HeadingHint heading_hint(const MarkdownDoc& doc, std::string_view wanted, int line_if_none)
{
    const auto near = doc.closest_heading(wanted);
    if (!near) return {line_if_none, ""};
    const Heading& h = doc.headings[*near];
    return {h.line, "; did you mean the heading '" + std::string(static_cast<std::size_t>(h.level), '#') + " " + h.text + "' (line " +
                        std::to_string(h.line) + ")?"};
}

std::optional<SectionFound> find_section(const MarkdownDoc& doc, const std::vector<std::string>& names)
{
    for (const auto& n : names)
        if (const auto found = doc.find_headings(n); !found.empty()) return SectionFound{found.front(), n};
    return std::nullopt;
}

HeadingHint missing_section(const MarkdownDoc& doc, const std::vector<std::string>& names, int line_if_none)
{
    std::string shown;
    for (const auto& n : names) shown += (shown.empty() ? "" : "' or '") + n;
    HeadingHint hint{line_if_none, ""};
    for (const auto& n : names)
        if (hint.text.empty()) hint = heading_hint(doc, n, line_if_none);
    return {hint.line, "no section headed '" + shown + "'" + hint.text};
}

std::string folder_hint(const PortfolioFs& fs, const std::string& rel)
{
    const std::string dir = parent_of(rel);
    const std::string name = rel.substr(dir.empty() ? 0 : dir.size() + 1);
    std::vector<std::string> names, keys;
    for (const auto& n : fs.child_names(dir)) {
        const std::string child = dir.empty() ? n : dir + "/" + n;
        if (n == name || fs.check_links(child) || !fs.is_dir(child)) continue;
        names.push_back(n);
        keys.push_back(match_key(n));
    }
    const std::string best = closest(match_key(name), keys);
    if (best.empty()) return "";
    const auto i = static_cast<std::size_t>(std::find(keys.begin(), keys.end(), best) - keys.begin());
    return " (did you mean '" + (dir.empty() ? "" : dir + "/") + names[i] + "/'?)";
}

void report_unread_documents(CheckContext& ctx, const std::string& folder)
{
    std::string read;
    for (const auto ext : record_extensions()) read += std::string(read.empty() ? "" : ", ") + std::string(ext);
    for (const auto& name : ctx.fs.child_names(folder)) {
        const std::string kind = record_document_kind(name);
        if (kind.empty()) continue;
        const std::string rel = folder.empty() ? name : folder + "/" + name;
        const std::string stem = name.substr(0, name.rfind('.'));
        const std::string todo = kind == "a plain-text file" || kind.starts_with("a Markdown")
                                     ? "rename it to " + stem + ".md"
                                     : "save it as Markdown (" + stem + ".md; e.g. `pandoc '" + name + "' -o '" + stem + ".md'`)";
        ctx.add(Severity::warning, "P.unread-file", rel, 0,
                "not read: " + kind + "; lilo reads the records in " + folder + "/ from " + read + " files only, so this one counts for nothing; " + todo);
    }
}

} // namespace lilo
