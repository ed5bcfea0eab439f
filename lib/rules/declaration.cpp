// A candidate's signed declaration (Cambridge coursework carries one): a
// Markdown file whose front matter gives the candidate's `name` and the
// `date` of signing, and whose text declares the work their own. Not in the
// built-in programmes; a centre adds it in its own programme file.
#include <filesystem>

#include "rules/document.hpp"
#include "rules/kinds.hpp"
#include "rules/records.hpp"
#include "scaffold/writer.hpp"
#include "text/utf8.hpp"

namespace fs = std::filesystem;

namespace lilo {

namespace {

using namespace lilo::scaffold;

struct Params {
    std::string path = "declaration.md";
    std::string statement = "my own work";
};

constexpr Field fields[] = {
    field<Params, &Params::path>("path", "the declaration's file"),
    field<Params, &Params::statement>("statement", "words the declaration must contain (ignoring case and spacing)"),
};

constexpr KindCode codes[] = {
    code_missing,
    {"name-missing", "The declaration's front matter gives no `name`.", "Sign it: give `name:` as in portfolio.yaml's `candidate.name`."},
    {"name-mismatch", "The name signed is not the candidate's (`candidate.name`, ignoring case and spaces).",
     "Sign with your own name as portfolio.yaml gives it, or correct `candidate.name`."},
    {"date-invalid", "The declaration has no `date`, or not a real date YYYY-MM-DD.", "Give `date:` the day you signed it."},
    {"date-early", "The declaration is dated before the period starts.", "Sign and date it when the work is done."},
    {"date-future", "The declaration is dated after today.", "Give the day you actually signed it."},
    {"statement-missing", "The declaration does not say the work is the candidate's own.",
     "Keep the statement lilo init writes, or write one with the programme's words (`lilo explain` shows them)."},
};

Outcome check(CheckContext& ctx)
{
    const Params& p = params_of<Params>(*ctx.requirement);
    auto rel = resolve_setting(ctx, p.path);
    if (!rel) return ctx.outcome();
    if (!ctx.fs.exists(*rel)) {
        ctx.error("missing", *rel, 0, "no signed declaration '" + *rel + "' yet");
        return Outcome::unmet;
    }
    const MarkdownFile* f = ctx.markdown(*rel);
    if (!f) return ctx.outcome();
    const auto& meta = f->meta();
    const auto name = json_text(meta, "name");
    if (!name || collapse_space(*name).empty())
        ctx.error("name-missing", *rel, 1, "the declaration is not signed: no `name:` in its front matter");
    else if (!iequals(collapse_space(*name), collapse_space(ctx.manifest.candidate_name)))
        ctx.error("name-mismatch", *rel, f->line_of("/name"),
                  "signed '" + *name + "', but the candidate is '" + ctx.manifest.candidate_name + "'");
    const auto text = json_text(meta, "date");
    const auto date = text ? Date::parse(*text) : std::nullopt;
    if (!date)
        ctx.error("date-invalid", *rel, text ? f->line_of("/date") : 1,
                  text ? "date '" + *text + "' is not a real date YYYY-MM-DD" : "the declaration has no `date:`");
    else if (ctx.manifest.start && *date < *ctx.manifest.start)
        ctx.error("date-early", *rel, f->line_of("/date"),
                  "signed " + date->str() + ", before the period starts (" + ctx.manifest.start->str() + ")");
    else if (*date > ctx.as_of)
        ctx.error("date-future", *rel, f->line_of("/date"), "signed " + date->str() + ", after today (" + ctx.as_of.str() + ")");
    const std::string& statement = p.statement;
    if (fold_case(collapse_space(f->raw)).find(fold_case(collapse_space(statement))) == std::string::npos)
        ctx.error("statement-missing", *rel, 0, "the declaration does not say the work is your own (the words '" + statement + "')");
    return ctx.outcome();
}

void init(scaffold::Writer& w, const RequirementSpec& r)
{
    const Params& p = params_of<Params>(r);
    const std::string rel = fs::path(p.path).lexically_normal().generic_string();
    std::string t = "---\n";
    t += commented("name: Your Name", "as portfolio.yaml's candidate.name");
    t += commented("# date: YYYY-MM-DD", "the day you sign it, when the work is done; remove the `#`");
    t += "---\n\n";
    t += "# " + md_heading(r.title) + "\n\n";
    t += para("I declare that this portfolio is " + p.statement +
              ", that the work of others is acknowledged where I draw on it, and that it has not been submitted for "
              "another qualification.");
    w.add(rel, t);
}

} // namespace

extern const RequirementKind declaration_kind;
const RequirementKind declaration_kind{
    .name = "declaration",
    .summary = "the candidate's signed declaration that the work is their own",
    .params = kind_params<Params, fields>,
    .codes = codes,
    .check = check,
    .scaffold = init,
};

} // namespace lilo
