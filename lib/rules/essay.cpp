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

constexpr KindParam params[] = {
    {"path", "the essay's file (portfolio.yaml's `essay:` moves it)", 0, "essay.md"},
    {"target_words", "the length aimed at, in words"},
    {"tolerance", "how far the count may lie from the target, as a fraction of it"},
    param_declared_tolerance,
    {"min_section_words", "the words each criterion's section needs, where the criterion does not say"},
    param_word_count,
    param_component,
};

constexpr KindCode codes[] = {
    code_missing, code_words, code_declared_words, code_bibliography_missing, code_citation_unresolved,
    {"criterion", "A required criterion is not addressed.", "See the criterion's own warnings (`lilo explain Cn`)."},
};

void check(CheckContext& ctx)
{
    const std::string path = ctx.configured_path("essay", "path", param_text(*ctx.requirement, "path"));
    auto rel = resolve_setting(ctx, path, "/essay");
    if (!rel) { evaluate_criteria(ctx, nullptr, {}); return; }
    // The spec's report shows the essay's file even before it can be counted.
    ctx.report.documents.push_back({ctx.requirement->id, ctx.requirement->title, *rel, 0, 0, std::nullopt, "essay", false});
    if (!ctx.fs.exists(*rel)) {
        ctx.error("missing", *rel, 0, "no final reflective piece '" + *rel + "' yet");
        evaluate_criteria(ctx, nullptr, {});
        return;
    }
    const MarkdownFile* essay = ctx.markdown(*rel);
    if (!essay) { evaluate_criteria(ctx, nullptr, {}); return; }
    const WordLimit lim = requirement_limit(*ctx.requirement);
    const auto checked = check_document(ctx, *essay, lim, param_number(*ctx.requirement, "declared_tolerance"), requirement_count_rules(ctx));
    ctx.report.documents.back() = {ctx.requirement->id, ctx.requirement->title, *rel, checked.words, lim.min, lim.max, "essay", true};
    evaluate_criteria(ctx, essay, checked.keys.value_or(std::set<std::string>{}));
}

// ---- R6 and C1…: the essay, one section per criterion, and its bibliography.
void init(scaffold::Writer& w, const RequirementSpec& r)
{
    const std::string rel = fs::path(param_text(r, "path")).lexically_normal().generic_string();
    const std::string dir = parent_prefix(rel);
    const std::string bib = relative_from(dir, "references.yaml");
    const long min_section = param_count(r, "min_section_words");
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
            "). Set `declared_words` to that count, within " + percent(param_number(r, "declared_tolerance")) + ".",
        "Write one section under each heading below; each answers one criterion of the programme. To rename a heading, "
        "change it here and under `criteria:` above together. Cite works listed in " + bib +
            " as [@key] or @key; every key must be there."};
    e += comment(intro);

    for (const auto& c : w.programme.criteria) {
        e += "\n## " + md_heading(c.title) + "\n\n";
        const CriterionGuide* g = guide_for(c);
        std::vector<std::string> needs;
        const long words = param_int(c.params, "min_words", min_section);
        if (words > 0) needs.push_back("at least " + with_commas(static_cast<std::uint64_t>(words)) + " words");
        if (const long n = param_int(c.params, "min_citations", 0); n > 0)
            needs.push_back(n == 1 ? "a citation of a work in " + bib + ", e.g. [@key]"
                                   : "citations of at least " + std::to_string(n) + " different works in " + bib);
        if (c.params.contains("links_to") && c.params["links_to"].is_string()) {
            const std::string to = c.params["links_to"].get<std::string>();
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
        if (const long n = param_int(c.params, "min_list_items", 0); n > 0)
            needs.push_back("a list (- or 1.) of at least " + std::to_string(n) + " " + items);
        if (const long n = param_int(c.params, "min_dated_items", 0); n > 0)
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

std::vector<std::string> documents(const RequirementSpec& r) { return {param_text(r, "path")}; }

} // namespace

extern const RequirementKind essay_kind;
const RequirementKind essay_kind{
    .name = "essay",
    .summary = "the final reflective piece: its length, citations and criteria",
    .params = params,
    .codes = codes,
    .check = check,
    .scaffold = init,
    .documents = documents,
    .addresses_criteria = true,
    .portfolio_component = true,
};

} // namespace lilo
