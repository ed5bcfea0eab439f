// R6: the final reflective piece: its length against the target, its
// declared length, its citations, and every criterion addressed. `lilo init`
// writes it with one section per criterion.
#include <filesystem>
#include <set>

#include "rules/criteria.hpp"
#include "scaffold/placeholders.hpp"
#include "rules/document.hpp"
#include "rules/kinds.hpp"
#include "rules/records.hpp"
#include "scaffold/writer.hpp"

namespace fs = std::filesystem;

namespace lilo {

namespace {

using namespace lilo::scaffold;

struct Params : DocumentParams {
    std::string path = "essay.md";
    std::optional<long> target_words;
    double tolerance = 0;
    long min_section_words = 0;
    std::optional<std::string> component;
};

constexpr Field fields[] = {
    field<Params, &Params::path>("path", "the essay's file (portfolio.yaml's `essay:` moves it)"),
    field<Params, &Params::target_words>("target_words", "the length aimed at, in words"),
    field<Params, &Params::tolerance>("tolerance", "how far the count may lie from the target, as a fraction of it"),
    field_declared_tolerance<Params>,
    field<Params, &Params::min_section_words>("min_section_words", "the words each criterion's section needs, where the criterion does not say"),
    field_word_count<Params>,
    field_component<Params>,
};

constexpr KindCode codes[] = {
    code_missing, code_words, code_declared_words, code_bibliography_missing, code_citation_unresolved,
    {"criterion", "A required criterion is not addressed.", "See the criterion's own warnings (`lilo explain Cn`)."},
};

Outcome check(CheckContext& ctx)
{
    const Params& p = params_of<Params>(*ctx.requirement);
    const std::string path = ctx.configured_path("essay", p.path);
    auto rel = resolve_setting(ctx, path, "/essay");
    if (!rel) {
        evaluate_criteria(ctx, nullptr, {});
        return ctx.outcome();
    }
    // The spec's report shows the essay's file even before it can be counted.
    ctx.report.documents.push_back({ctx.requirement->id, ctx.requirement->title, *rel, 0, 0, std::nullopt, "essay", false});
    if (!ctx.fs.exists(*rel)) {
        ctx.error("missing", *rel, 0, "no final reflective piece '" + *rel + "' yet");
        evaluate_criteria(ctx, nullptr, {});
        return Outcome::unmet;
    }
    const MarkdownFile* essay = ctx.markdown(*rel);
    if (!essay) {
        evaluate_criteria(ctx, nullptr, {});
        return ctx.outcome();
    }
    const WordLimit lim = requirement_limit(*ctx.requirement);
    const auto checked = check_document(ctx, *essay, lim, p.declared_tolerance, requirement_count_rules(ctx));
    ctx.report.documents.back() = {ctx.requirement->id, ctx.requirement->title, *rel, checked.words, lim.min, lim.max, "essay", true};
    evaluate_criteria(ctx, essay, checked.keys.value_or(std::set<std::string>{}));
    return ctx.outcome();
}

// ---- R6 and C1…: the essay, one section per criterion, and its bibliography.
void init(scaffold::Writer& w, const RequirementSpec& r)
{
    const Params& p = params_of<Params>(r);
    const std::string rel = fs::path(p.path).lexically_normal().generic_string();
    const std::string dir = parent_prefix(rel);
    const std::string bib = relative_from(dir, "references.yaml");
    const WordLimit limit = requirement_limit(r);

    std::string e = "---\n";
    e += "title: \"" + std::string(placeholder::title) + "\"\n";
    e += "declared_words: 0            # when you finish: the count that `" + w.count_command(r, rel) + "` reports\n";
    e += "bibliography: " + yaml_scalar(bib) + "\n";
    if (!w.programme.criteria.empty()) {
        e += "criteria:                    # each criterion and the heading that addresses it\n";
        for (const auto& c : w.programme.criteria) e += "  " + c.id + ": " + yaml_quoted(c.title) + "\n";
    }
    e += "---\n\n";

    std::vector<std::string> intro = {
        "The " + lower(r.title) + " (" + r.id + "): " + limit.str() + " words as `" + w.count_command(r, rel) +
            "` counts them (" + counting_note(requirement_count_rules(w.programme, r)) +
            "). Set `declared_words` to that count, within " + percent(p.declared_tolerance) + ".",
        "Write one section under each heading below; each answers one criterion of the programme. To rename a heading, "
        "change it here and under `criteria:` above together. Cite works listed in " + bib +
            " as [@key] or @key; every key must be there."};
    e += comment(intro);

    for (const auto& c : w.programme.criteria) {
        e += "\n## " + md_heading(c.title) + "\n\n";
        const CriterionGuide* g = guide_for(c);
        std::vector<std::string> needs;
        const long words = criterion_min_words(c, r);
        if (words > 0) needs.push_back("at least " + with_commas(static_cast<std::uint64_t>(words)) + " words");
        if (const long n = c.min_citations; n > 0)
            needs.push_back(n == 1 ? "a citation of a work in " + bib + ", e.g. [@key]"
                                   : "citations of at least " + std::to_string(n) + " different works in " + bib);
        if (c.links_to) {
            const std::string& to = *c.links_to;
            if (to.ends_with("/")) {
                const std::string example = to == "interviews/"     ? "interview](" + to + "YYYY-MM-DD-interview.md"
                                            : to == "presentation/" ? "presentation](" + to + "e-portfolio-outline.md"
                                                                    : "file](" + to + "<file>";
                const auto cut = example.find("](");
                needs.push_back("a link to a file in " + to + " that exists, e.g. [" + example.substr(0, cut + 2) +
                                relative_from(dir, example.substr(cut + 2)) + ")");
            } else {
                needs.push_back("a link to " + to + ", e.g. [project](" + relative_from(dir, to) + ")");
            }
        }
        const std::string items = g ? g->items : "items";
        if (const long n = c.min_list_items; n > 0)
            needs.push_back("a list (- or 1.) of at least " + std::to_string(n) + " " + items);
        if (const long n = c.min_dated_items; n > 0)
            needs.push_back("a list of at least " + std::to_string(n) + " " + (items == "points" ? "actions" : items) +
                            ", each with its date YYYY-MM-DD");
        std::vector<std::string> paras;
        paras.push_back(g ? std::string(g->what) : c.id + ": " + c.title + ".");
        if (!needs.empty())
            paras.push_back(std::string(c.required ? "lilo checks for " : "Optional here; lilo looks for ") + join(needs) + ".");
        e += comment(paras);
    }
    e += "\n## References\n\n";
    e += comment({"Not counted. pandoc --citeproc writes the list from " + bib + "; or write it here yourself."});
    w.add(rel, e);

    w.cites(rel);
}

std::vector<std::string> documents(const RequirementSpec& r) { return {params_of<Params>(r).path}; }

// The essay, where portfolio.yaml has it.
std::vector<std::string> own_writing(const CheckContext& ctx, const RequirementSpec& r)
{
    const auto rel = ctx.fs.resolve(ctx.manifest.path_setting("essay").value_or(ctx.document_path(params_of<Params>(r).path)), "");
    if (rel.problem) return {};
    return {rel.rel};
}

} // namespace

extern const RequirementKind essay_kind;
const RequirementKind essay_kind{
    .name = "essay",
    .summary = "the final reflective piece: its length, citations and criteria",
    .params = kind_params<Params, fields>,
    .codes = codes,
    .check = check,
    .scaffold = init,
    .documents = documents,
    .own_writing = own_writing,
    .moved_by = "essay",
    .addresses_criteria = true,
    .portfolio_component = true,
};

} // namespace lilo
