#include "lsp/portfolio_view.hpp"

#include "rules/criteria.hpp"

#include "portfolio/manifest.hpp"
#include "rules/context.hpp"
#include "rules/kinds.hpp"
#include "text/utf8.hpp"
#include "yaml/yaml_json.hpp"

namespace lilo::lsp {

namespace {

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
    auto rel = [&](const std::string& path) {
        const auto r = fs.resolve(path, "");
        return r.problem ? std::string() : r.rel;
    };
    for (const auto& q : programme.requirements) {
        const auto place = requirement_place(q, m ? &*m : nullptr);
        if (!place) continue;
        out.places.push_back({&q, rel(place->path), place->folder});
        if (!out.essay && kind_of(q).addresses_criteria && !place->folder) {
            out.essay = &q;
            out.essay_rel = out.places.back().rel;
        }
    }
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

RequiredHeadings required_headings(const PortfolioLayout& layout, const std::string& rel, const MarkdownView& v)
{
    for (const auto& place : layout.places) {
        const auto& kind = kind_of(*place.requirement);
        if (!kind.required_headings || place.rel.empty()) continue;
        const std::string name = rel.substr(rel.rfind('/') + 1);
        // A record is a file directly in the folder, as lilo check reads them (not its README).
        const bool one_of = place.folder ? parent_of(rel) == place.rel && is_record_file(name) && !iequals(name, "README.md")
                                         : rel == place.rel;
        if (one_of) return {place.requirement, kind.required_headings(*place.requirement, v.meta)};
    }
    return {};
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
