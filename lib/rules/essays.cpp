// Word-limited documents of their own: the MPhil's essays (each 6,000–6,500
// words) and its thesis (at most 20,000, counted by its own rules).
#include <cctype>

#include "rules/document.hpp"
#include "rules/kinds.hpp"
#include "rules/records.hpp"

#include "scaffold/writer.hpp"

#include <filesystem>

namespace fs = std::filesystem;

namespace lilo {

namespace {

using namespace lilo::scaffold;

constexpr KindParam params[] = {
    {"paths", "the essays' files (portfolio.yaml's `essays: {essay1: …}` moves them)"},
    {"min_words", "each essay's words at least"},
    {"max_words", "each essay's words at most"},
    param_declared_tolerance,
    param_word_count,
    {"components", "`lilo export`: the component code of each file in `paths`, in turn"},
};

constexpr KindCode codes[] = {
    code_missing,
    code_words,
    code_declared_words,
    code_bibliography_missing,
    code_citation_unresolved,
};

} // namespace

namespace {

void check_one(CheckContext& ctx, const std::string& path, const std::string& what, const std::string& manifest_pointer = "")
{
    auto rel = resolve_setting(ctx, path, manifest_pointer);
    if (!rel) return;
    if (!ctx.fs.exists(*rel)) {
        ctx.error("missing", *rel, 0, "no " + what + " '" + *rel + "' yet");
        return;
    }
    const MarkdownFile* f = ctx.markdown(*rel);
    if (!f) return;
    const WordLimit lim = requirement_limit(*ctx.requirement);
    const auto checked = check_document(ctx, *f, lim, param_number(*ctx.requirement, "declared_tolerance"), requirement_count_rules(ctx));
    std::string title = what;
    title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
    ctx.report.documents.push_back({ctx.requirement->id, title, *rel, checked.words, lim.min, lim.max});
}

} // namespace

void check_essays(CheckContext& ctx)
{
    // portfolio.yaml's `essays: {essay1: …, essay2: …}` moves them.
    const auto& paths = ctx.requirement->params.value("paths", nlohmann::json::array());
    const auto& own = ctx.manifest.yaml.value.is_object() ? ctx.manifest.yaml.value.value("essays", nlohmann::json::object()) : nlohmann::json::object();
    for (std::size_t i = 0; i < paths.size(); ++i) {
        const std::string key = "essay" + std::to_string(i + 1);
        const bool moved = own.is_object() && own.contains(key) && own[key].is_string();
        check_one(ctx, moved ? own[key].get<std::string>() : ctx.document_path(paths[i].get<std::string>()), "essay " + std::to_string(i + 1));
    }
}

void check_thesis(CheckContext& ctx) { check_one(ctx, ctx.configured_path("thesis", "path", param_text(*ctx.requirement, "path")), "thesis", "/thesis"); }

namespace {

std::vector<std::string> essay_paths(const RequirementSpec& r)
{
    std::vector<std::string> out;
    for (const auto& x : r.params.value("paths", nlohmann::json::array()))
        if (x.is_string()) out.push_back(x.get<std::string>());
    return out;
}

std::vector<std::string> thesis_documents(const RequirementSpec& r) { return {param_text(r, "path")}; }

// ---- MPhil essays, one file each.
void init(scaffold::Writer& w, const RequirementSpec& r)
{
    const auto& paths = r.params.value("paths", nlohmann::json::array());
    std::size_t n = 0;
    for (const auto& x : paths) {
        if (!x.is_string()) continue;
        ++n;
        const std::string rel = fs::path(x.get<std::string>()).lexically_normal().generic_string();
        w.document(rel, r, "Essay " + std::to_string(n) + " of the " + lower(r.title), "",
                 {{"Introduction", "The question the essay answers, and why it matters in your context."},
                  {"Literature", "What research says about it, read critically."},
                  {"Discussion", "Your argument, with evidence from your own setting where it helps."},
                  {"Conclusion", "What follows for leaders and for your own practice."},
                  {"References", "Not counted. pandoc --citeproc writes the list from the bibliography; or write it here yourself."}});
    }
}

// ---- The thesis, counted by its own rules.
void init_thesis(scaffold::Writer& w, const RequirementSpec& r)
{
    const std::string rel = fs::path(param_text(r, "path")).lexically_normal().generic_string();
    w.document(rel, r, "The " + lower(r.title), "Footnotes go in as [^1], tables as Markdown tables.",
             {{"Introduction", "The problem, the research questions, and why they matter."},
              {"Literature review", "What is known, and the gap your study addresses."},
              {"Methodology", "Design, participants, data and analysis; ethics and consent."},
              {"Findings", "What you found, question by question."},
              {"Discussion", "What the findings mean, against the literature."},
              {"Conclusion", "Contributions, limitations, and implications for leadership."},
              {"References", "Not counted. pandoc --citeproc writes the list from the bibliography; or write it here yourself."},
              {"Appendix A: Instruments", "Interview schedules, surveys, consent forms and other material."}});
}

} // namespace

extern const RequirementKind essays_kind;
const RequirementKind essays_kind{
    .name = "essays",
    .summary = "essays, each within its word limits, with their citations",
    .params = params,
    .codes = codes,
    .check = check_essays,
    .scaffold = init,
    .documents = essay_paths,
};


constexpr KindParam thesis_params[] = {
    {"path", "the thesis's file (portfolio.yaml's `thesis:` moves it)", 0, "thesis/thesis.md"},
    {"min_words", "the thesis's words at least"},
    {"max_words", "the thesis's words at most"},
    param_declared_tolerance,
    param_word_count,
    param_component,
};

extern const RequirementKind thesis_kind;
const RequirementKind thesis_kind{
    .name = "thesis",
    .summary = "the thesis, within its word limit counted by its own rules",
    .params = thesis_params,
    .codes = codes,
    .check = check_thesis,
    .scaffold = init_thesis,
    .documents = thesis_documents,
};

} // namespace lilo
