#include "lsp/portfolio_view.hpp"

#include "rules/criteria.hpp"

#include "portfolio/manifest.hpp"
#include "rules/context.hpp"
#include "rules/kinds.hpp"
#include "text/utf8.hpp"
#include "yaml/yaml_json.hpp"

namespace lilo::lsp {

namespace {

// portfolio.yaml's setting `key`, else the requirement's parameter (given or by default).
std::string configured(const std::optional<Manifest>& m, const RequirementSpec& req, const std::string& key, const char* param)
{
    if (m)
        if (auto p = m->path_setting(key)) return *p;
    return param_text(req, param);
}

std::vector<std::string> mapped_names(const nlohmann::json& m)
{
    std::vector<std::string> names;
    if (m.is_string()) names.push_back(m.get<std::string>());
    else if (m.is_array())
        for (const auto& x : m)
            if (x.is_string()) names.push_back(x.get<std::string>());
    return names;
}

const nlohmann::json& criteria_map(const MarkdownView& v)
{
    static const nlohmann::json empty = nlohmann::json::object();
    return v.meta.contains("criteria") && v.meta["criteria"].is_object() ? v.meta["criteria"] : empty;
}

} // namespace

std::shared_ptr<const Programme> portfolio_programme(const PortfolioFs& fs, const std::filesystem::path& root)
{
    const auto m = manifest_as_far_as_it_reads(fs);
    const std::string ref = m && m->programme ? *m->programme : "lilo-certificate";
    try {
        if (programme_ref_is_path(ref) && !is_builtin_programme(ref)) {
            const auto r = fs.resolve(ref, "");
            if (r.problem) return nullptr;
            return std::make_shared<const Programme>(load_programme(r.rel, root));
        }
        return std::make_shared<const Programme>(load_programme(ref, root));
    } catch (const std::exception&) {
        return nullptr;
    }
}

PortfolioLayout layout_of(const PortfolioFs& fs, const Programme& programme)
{
    const auto m = manifest_as_far_as_it_reads(fs);
    PortfolioLayout out;
    out.essay = programme.requirement_of_kind("essay");
    out.project = programme.requirement_of_kind("project");
    out.journal = programme.requirement_of_kind("journal");
    auto rel = [&](const std::string& path) {
        const auto r = fs.resolve(path, "");
        return r.problem ? std::string() : r.rel;
    };
    if (out.essay) out.essay_rel = rel(configured(m, *out.essay, "essay", "path"));
    if (out.project) out.project_rel = rel(configured(m, *out.project, "project", "path"));
    if (out.journal) out.journal_dir = rel(configured(m, *out.journal, "journal", "folder"));
    return out;
}

MarkdownView view_markdown(const std::string& text)
{
    MarkdownView v;
    v.doc = analyze_markdown(text);
    if (v.doc.front.present) {
        auto parsed = parse_yaml(v.doc.front.yaml, v.doc.front.first_line);
        if (parsed.doc && parsed.doc->value.is_object()) v.meta = std::move(parsed.doc->value);
    }
    return v;
}

std::vector<CriterionSection> criterion_sections(const Programme& programme, const RequirementSpec& essay, const MarkdownView& v)
{
    std::vector<CriterionSection> out;
    const auto& map = criteria_map(v);
    for (const auto& c : programme.criteria) {
        if (!map.contains(c.id)) continue;
        const auto min_words = static_cast<std::uint64_t>(criterion_min_words(c, essay));
        for (const auto& name : mapped_names(map[c.id])) {
            CriterionSection s{&c, name, std::nullopt, 0, min_words};
            const auto found = v.doc.find_headings(name);
            if (!found.empty()) {
                s.heading = found.front();
                // As the criteria rule counts a section: by the programme's rules.
                s.words = v.doc.section(found.front()).words(programme.count_rules);
            }
            out.push_back(std::move(s));
        }
    }
    return out;
}

std::vector<const CriterionSpec*> unmapped_criteria(const Programme& programme, const MarkdownView& v)
{
    std::vector<const CriterionSpec*> out;
    const auto& map = criteria_map(v);
    for (const auto& c : programme.criteria)
        if (!map.contains(c.id)) out.push_back(&c);
    return out;
}

Headings required_headings(const PortfolioLayout& layout, const std::string& rel, const MarkdownView& v)
{
    Headings out;
    if (layout.project && rel == layout.project_rel) return param_headings(*layout.project, "sections");
    if (layout.journal && !layout.journal_dir.empty() && parent_of(rel) == layout.journal_dir && v.meta.contains("model") &&
        v.meta["model"].is_string()) {
        const std::string key = fold_case(collapse_space(v.meta["model"].get<std::string>()));
        const auto models = param_value(*layout.journal, "models");
        if (models.is_object())
            for (auto it = models.begin(); it != models.end(); ++it)
                if (fold_case(collapse_space(it.key())) == key && it.value().is_array())
                    for (const auto& h : it.value())
                        if (h.is_string()) out.push_back({h.get<std::string>()});
    }
    return out;
}

std::vector<std::string> bibliography_files(const PortfolioFs& fs, const std::string& rel, const MarkdownView& v)
{
    std::vector<std::pair<std::string, std::string>> written;  // (path as written, from folder)
    const auto m = v.meta.contains("bibliography") ? std::nullopt : manifest_as_far_as_it_reads(fs);
    if (v.meta.contains("bibliography")) {
        const auto& b = v.meta["bibliography"];
        if (b.is_string()) written.emplace_back(b.get<std::string>(), parent_of(rel));
        else if (b.is_array())
            for (const auto& x : b)
                if (x.is_string()) written.emplace_back(x.get<std::string>(), parent_of(rel));
    } else if (auto r = m ? m->path_setting("references") : std::nullopt) {
        written.emplace_back(*r, "");
    } else {
        for (const char* f : {"references.yaml", "references.yml", "references.bib", "references.json"})
            if (fs.is_file(f)) { written.emplace_back(f, ""); break; }
    }
    std::vector<std::string> out;
    for (const auto& [path, dir] : written)
        if (auto r = fs.resolve(path, dir); !r.problem) out.push_back(r.rel);
    return out;
}

std::string file_text(const PortfolioFs& fs, const std::string& rel)
{
    auto t = fs.read_text(rel);
    return t.problem ? std::string() : std::move(t.data);
}

} // namespace lilo::lsp
