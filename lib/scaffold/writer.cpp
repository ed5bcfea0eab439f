#include "scaffold/writer.hpp"
#include "scaffold/placeholders.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "rules/document.hpp"
#include "rules/kinds.hpp"

namespace fs = std::filesystem;

namespace lilo::scaffold {

void Writer::add(const std::string& path, std::string content)
{
    const std::string p = fs::path(path).lexically_normal().generic_string();
    if (has(p)) return; // the first wins
    m_files.push_back({p, std::move(content)});
}

bool Writer::has(const std::string& path) const
{
    return std::any_of(m_files.begin(), m_files.end(), [&](const ScaffoldFile& f) { return f.path == path; });
}

std::string Writer::count_command(const RequirementSpec& r, const std::string& rel) const
{
    if (kind_of(r).takes("word_count") && param_given(r, "word_count")) return "lilo count --programme " + manifest_ref + " " + rel;
    return "lilo count " + rel;
}

std::string counting_note(const CountRules& rules)
{
    static const std::vector<std::pair<Category, const char*>> shown = {
        {Category::headings, "headings"},   {Category::body, "body text"},      {Category::footnotes, "footnotes"},
        {Category::citations, "citations"}, {Category::tables, "tables"},       {Category::captions, "captions"},
        {Category::code, "code"},           {Category::references, "the reference list"},
        {Category::appendices, "appendices"}};
    std::vector<std::string> in, out = {"these comments", "the front matter"};
    for (const auto& [c, name] : shown) (rules.counts(c) ? in : out).push_back(name);
    return join(in) + " count; " + join(out) + " do not";
}

std::string percent(double fraction)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g%%", fraction * 100);
    return buf;
}

void Writer::document(const std::string& rel, const RequirementSpec& r, const std::string& what, const std::string& extra,
                      const std::vector<std::pair<std::string, std::string>>& sections)
{
    const std::string dir = parent_prefix(rel);
    const std::string bib = relative_from(dir, "references.yaml");
    const WordLimit limit = requirement_limit(r);
    const CountRules rules = requirement_count_rules(programme, r);

    std::string d = "---\n";
    d += "title: \"" + std::string(placeholder::title) + "\"\n";
    d += "declared_words: 0            # when you finish: the count that `" + count_command(r, rel) + "` reports\n";
    d += "bibliography: " + yaml_scalar(bib) + "\n";
    d += "---\n\n";
    std::vector<std::string> intro = {
        what + " (" + r.id + "): " + limit.str() + " words as `" + count_command(r, rel) + "` counts them (" + counting_note(rules) +
            "). Set `declared_words` to that count, within " + percent(param_number(r, "declared_tolerance")) + ".",
        "Cite works listed in " + bib + " as [@key] or @key; every key must be there." + (extra.empty() ? "" : " " + extra)};
    d += comment(intro);
    for (const auto& [heading, prompt] : sections) {
        d += "\n## " + md_heading(heading) + "\n";
        if (!prompt.empty()) d += "\n" + comment({prompt});
    }
    add(rel, d);
    cites(rel);
}

} // namespace lilo::scaffold
