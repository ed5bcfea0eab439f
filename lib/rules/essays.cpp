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

struct Params : DocumentParams {
    std::vector<std::string> paths;
    long min_words = 0;
    std::optional<long> max_words;
    std::vector<std::string> components;
};

constexpr Field fields[] = {
    field<Params, &Params::paths>("paths", "the essays' files (portfolio.yaml's `essays: {essay1: …}` moves them)"),
    field<Params, &Params::min_words>("min_words", "each essay's words at least"),
    field<Params, &Params::max_words>("max_words", "each essay's words at most"),
    field_declared_tolerance<Params>,
    field_word_count<Params>,
    field<Params, &Params::components>("components", "`lilo export`: the component code of each file in `paths`, in turn"),
};

std::optional<ParamProblem> validate(const std::any& parsed)
{
    const Params& p = std::any_cast<const Params&>(parsed);
    if (p.max_words && p.min_words > *p.max_words)
        return ParamProblem{{"min_words", "max_words"}, "min_words (" + std::to_string(p.min_words) + ") is above max_words (" +
                                                             std::to_string(*p.max_words) + "): no essay could be both"};
    if (!p.components.empty() && p.components.size() != p.paths.size())
        return ParamProblem{{"components", "paths"}, "gives " + std::to_string(p.components.size()) + " component code" + (p.components.size() == 1 ? "" : "s") +
                                              " for " + std::to_string(p.paths.size()) + " essay" + (p.paths.size() == 1 ? "" : "s") +
                                              " in `paths`: one for each, in turn"};
    return std::nullopt;
}

constexpr KindCode codes[] = {
    code_missing,
    code_words,
    code_declared_words,
    code_bibliography_missing,
    code_citation_unresolved,
};

} // namespace

namespace {

void check_one(CheckContext& ctx, const DocumentParams& p, const std::string& path, const std::string& what, const std::string& manifest_pointer = "")
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
    const auto checked = check_document(ctx, *f, lim, p.declared_tolerance, requirement_count_rules(ctx));
    std::string title = what;
    title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
    ctx.report.documents.push_back({ctx.requirement->id, title, *rel, checked.words, lim.min, lim.max});
}

} // namespace

Outcome check_essays(CheckContext& ctx)
{
    // portfolio.yaml's `essays: {essay1: …, essay2: …}` moves them.
    const Params& p = params_of<Params>(*ctx.requirement);
    const auto& paths = p.paths;
    const auto& own = ctx.manifest.yaml.value.is_object() ? ctx.manifest.yaml.value.value("essays", nlohmann::json::object()) : nlohmann::json::object();
    for (std::size_t i = 0; i < paths.size(); ++i) {
        const std::string key = "essay" + std::to_string(i + 1);
        const bool moved = own.is_object() && own.contains(key) && own[key].is_string();
        check_one(ctx, p, moved ? own[key].get<std::string>() : ctx.document_path(paths[i]), "essay " + std::to_string(i + 1));
    }
    return ctx.outcome();
}

namespace {

std::vector<std::string> essay_paths(const RequirementSpec& r) { return params_of<Params>(r).paths; }

// ---- MPhil essays, one file each.
void init(scaffold::Writer& w, const RequirementSpec& r)
{
    std::size_t n = 0;
    for (const auto& path : params_of<Params>(r).paths) {
        ++n;
        const std::string rel = fs::path(path).lexically_normal().generic_string();
        w.document(rel, r, "Essay " + std::to_string(n) + " of the " + lower(r.title), "",
                 {{"Introduction", "The question the essay answers, and why it matters in your context."},
                  {"Literature", "What research says about it, read critically."},
                  {"Discussion", "Your argument, with evidence from your own setting where it helps."},
                  {"Conclusion", "What follows for leaders and for your own practice."},
                  {"References", "Not counted. pandoc --citeproc writes the list from the bibliography; or write it here yourself."}});
    }
}

// ---- The thesis, counted by its own rules.
struct ThesisParams : DocumentParams {
    std::string path = "thesis/thesis.md";
    long min_words = 0;
    std::optional<long> max_words;
    std::optional<std::string> component;
};

constexpr Field thesis_fields[] = {
    field<ThesisParams, &ThesisParams::path>("path", "the thesis's file (portfolio.yaml's `thesis:` moves it)"),
    field<ThesisParams, &ThesisParams::min_words>("min_words", "the thesis's words at least"),
    field<ThesisParams, &ThesisParams::max_words>("max_words", "the thesis's words at most"),
    field_declared_tolerance<ThesisParams>,
    field_word_count<ThesisParams>,
    field_component<ThesisParams>,
};

Outcome check_thesis(CheckContext& ctx)
{
    const ThesisParams& p = params_of<ThesisParams>(*ctx.requirement);
    check_one(ctx, p, ctx.configured_path("thesis", p.path), "thesis", "/thesis");
    return ctx.outcome();
}

std::vector<std::string> thesis_documents(const RequirementSpec& r) { return {params_of<ThesisParams>(r).path}; }

void init_thesis(scaffold::Writer& w, const RequirementSpec& r)
{
    const std::string rel = fs::path(params_of<ThesisParams>(r).path).lexically_normal().generic_string();
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
    .params = kind_params<Params, fields>,
    .codes = codes,
    .check = check_essays,
    .validate = validate,
    .scaffold = init,
    .documents = essay_paths,
};


extern const RequirementKind thesis_kind;
const RequirementKind thesis_kind{
    .name = "thesis",
    .summary = "the thesis, within its word limit counted by its own rules",
    .params = kind_params<ThesisParams, thesis_fields>,
    .codes = codes,
    .check = check_thesis,
    .scaffold = init_thesis,
    .documents = thesis_documents,
    .moved_by = "thesis",
};

} // namespace lilo
