// R4: the Innovation Development Project: described, completed inside the
// period, with its sections written and its evidence linked.
#include "rules/kinds.hpp"
#include "rules/near_miss.hpp"
#include "rules/records.hpp"

#include "scaffold/writer.hpp"
#include "rules/document.hpp"

#include <filesystem>

namespace fs = std::filesystem;

namespace lilo {

namespace {

using namespace lilo::scaffold;

struct Params {
    std::string path = "project/project.md";
    Headings sections;
    long min_section_words = 0;
};

constexpr Field fields[] = {
    field<Params, &Params::path>("path", "the project's description (portfolio.yaml's `project:` moves it)"),
    field<Params, &Params::sections>("sections", "the headings the description needs (a list of alternatives for each)"),
    field<Params, &Params::min_section_words>("min_section_words", "the words each section needs"),
};

constexpr KindCode codes[] = {
    code_missing,
    {"title", "No `title:` in the front matter.",
     "Give the project a title."},
    {"status", "The project is not completed.",
     "Set `status: completed` when it is."},
    {"started", "No valid `started:` date.",
     "Give `started: YYYY-MM-DD`."},
    {"completed", "No valid `completed:` date.",
     "Give `completed: YYYY-MM-DD`."},
    {"dates-order", "Completed before it started.",
     "Correct the dates."},
    {"outside-period", "A project date lies outside the programme period.",
     "Correct the date."},
    {"section-missing", "A required section heading is missing.",
     "Add the heading (any level, any order)."},
    {"section-words", "A required section is too short.",
     "Write more under that heading."},
    {"link-broken", "A local link points at no file.",
     "Add the file or correct the link."},
};

} // namespace

Outcome check_project(CheckContext& ctx)
{
    const Params& p = params_of<Params>(*ctx.requirement);
    const std::string path = ctx.configured_path("project", p.path);
    auto rel = resolve_setting(ctx, path, "/project");
    if (!rel) return ctx.outcome();
    if (!ctx.fs.exists(*rel)) {
        ctx.error("missing", *rel, 0, "no project description '" + *rel + "'");
        return Outcome::unmet;
    }
    const MarkdownFile* f = ctx.markdown(*rel);
    if (!f) return ctx.outcome();
    const auto& meta = f->meta();
    if (!json_text(meta, "title")) ctx.error("title", *rel, 1, "the project has no `title:` in its front matter");
    const auto status = json_text(meta, "status");
    if (status != "completed")
        ctx.error("status", *rel, meta.contains("status") ? f->line_of("/status") : 1,
                  "status is " + (status ? "'" + *status + "'" : std::string("not given")) + "; the project must be `status: completed`");
    auto date_field = [&](const char* key) -> std::optional<Date> {
        if (!meta.contains(key)) {
            ctx.error(key, *rel, 1, std::string("no `") + key + ":` date in the front matter");
            return std::nullopt;
        }
        auto d = json_date(meta, key);
        if (!d) ctx.error(key, *rel, f->line_of(std::string("/") + key), std::string("`") + key + ":` is not a real date YYYY-MM-DD");
        return d;
    };
    const auto started = date_field("started");
    const auto completed = status == "completed" || meta.contains("completed") ? date_field("completed") : std::nullopt;
    if (started && completed && *completed < *started)
        ctx.error("dates-order", *rel, f->line_of("/completed"), "completed " + completed->str() + " before it started " + started->str());
    for (const auto& [d, key] : {std::pair{started, "started"}, std::pair{completed, "completed"}}) {
        if (d && ctx.manifest.start && ctx.manifest.end && (*d < *ctx.manifest.start || *d > *ctx.manifest.end))
            ctx.error("outside-period", *rel, f->line_of(std::string("/") + key),
                      std::string(key) + " " + d->str() + ", outside the period " + ctx.manifest.start->str() + " to " + ctx.manifest.end->str());
    }

    const auto min_words = static_cast<std::uint64_t>(p.min_section_words);
    for (const auto& names : p.sections) {
        const auto found = find_section(f->doc, names);
        if (!found) {
            const auto missing = missing_section(f->doc, names, 0);
            ctx.error("section-missing", *rel, missing.line, missing.text);
            continue;
        }
        const auto words = f->doc.section(found->heading).words(ctx.count_rules());
        if (words < min_words)
            ctx.error("section-words", *rel, f->doc.headings[found->heading].line,
                      "section '" + found->name + "' has " + with_commas(words) + " words; at least " + with_commas(min_words) + " needed");
    }
    for (const auto& link : f->doc.links) {
        const auto t = resolve_local(ctx, *rel, link.target);
        if (!t.local) continue;
        if (t.problem) ctx.add(Severity::error, "P." + t.problem->code, *rel, link.line, "link '" + link.target + "': " + t.problem->message);
        else if (!t.exists) ctx.error("link-broken", *rel, link.line, "link to '" + link.target + "': no such file in the portfolio");
    }
    return ctx.outcome();
}

namespace {

// ---- R4: the project description and its evidence.
void init(scaffold::Writer& w, const RequirementSpec& r)
{
    const Params& p = params_of<Params>(r);
    const std::string rel = fs::path(p.path).lexically_normal().generic_string();
    const std::string dir = parent_prefix(rel);
    const long words = p.min_section_words;
    const Headings& sections = p.sections;
    std::vector<std::string> first_names;
    for (const auto& a : sections) first_names.push_back(a.front());

    if (!dir.empty()) {
        std::string t = "# " + r.title + " (" + r.id + ")\n\n";
        t += para("`" + rel.substr(dir.size()) + "` describes the project" +
                  (first_names.empty() ? "" : " under the headings " + join(first_names)) +
                  ". Keep its evidence here (surveys, records, letters, data; e.g. in `evidence/`) and link each file "
                  "from the description; every local link must lead to a file that exists.");
        w.add(dir + "README.md", t);
    }
    std::string t = "---\n";
    t += "title: \"Your project's title\"\n";
    t += "status: in-progress          # planned | in-progress | completed\n";
    t += "started: " + w.today.str() + "\n";
    t += "# completed: YYYY-MM-DD      # add when it is finished, with `status: completed`\n";
    t += "---\n\n";
    std::vector<std::string> intro = {
        "The " + r.title + " (" + r.id + "): an initiative to improve teaching and learning in your area of "
        "responsibility. To be met it needs a title, `status: completed`, `started:` and `completed:` dates inside your "
        "period" + (words > 0 ? ", and at least " + plural(words, "word", "words") + " in each section below" : "") + ".",
        "Link evidence kept beside this file, e.g. [survey](evidence/baseline-survey.pdf)."};
    t += comment(intro);
    for (const auto& a : sections) {
        t += "\n## " + md_heading(a.front()) + "\n\n";
        std::string prompt = project_prompt(a.front());
        if (a.size() > 1) prompt += " (This heading may also be " + join(std::vector<std::string>(a.begin() + 1, a.end()), "or") + ".)";
        t += comment({prompt});
    }
    w.add(rel, t);
}

// For the editor: the description's sections, and the words each needs.
FileHeadings project_headings(const RequirementSpec& r, const nlohmann::json&)
{
    const Params& p = params_of<Params>(r);
    return {p.sections, p.min_section_words};
}

} // namespace

extern const RequirementKind project_kind;
const RequirementKind project_kind{
    .name = "project",
    .summary = "the Innovation Development Project, with its sections and evidence",
    .params = kind_params<Params, fields>,
    .codes = codes,
    .check = check_project,
    .scaffold = init,
    .moved_by = "project",
    .required_headings = project_headings,
};

} // namespace lilo
