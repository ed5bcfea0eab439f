// R5: at least one interview with an experienced leader, planned and
// written up; a private interviewee's name kept out of the essay and journal.
#include "core/dump_json.hpp"
#include "rules/kinds.hpp"
#include "rules/near_miss.hpp"
#include "rules/records.hpp"
#include "text/utf8.hpp"

#include <cctype>

#include "scaffold/writer.hpp"

#include <cmath>

namespace lilo {

namespace {

using namespace lilo::scaffold;

struct Params {
    std::string folder = "interviews";
    long min_interviews = 1;
    long min_questions = 0;
    std::string questions_section = "Questions";
    double min_years_in_leadership = 0;
    Headings sections;
};

constexpr Field fields[] = {
    field<Params, &Params::folder>("folder", "the interviews' folder (portfolio.yaml's `interviews:` moves it)"),
    field<Params, &Params::min_interviews>("min_interviews", "the interviews that must meet every condition"),
    field<Params, &Params::min_questions>("min_questions", "the questions each interview lists"),
    field<Params, &Params::questions_section>("questions_section", "the heading the questions are under"),
    field<Params, &Params::min_years_in_leadership>("min_years_in_leadership", "the interviewee's years in leadership at least"),
    field<Params, &Params::sections>("sections", "the headings each interview needs (a list of alternatives for each)"),
};

constexpr KindCode codes[] = {
    {"interviews-missing", "The interviews folder does not exist.",
     "Create `interviews/` with one Markdown file per interview."},
    {"interviews", "Too few interviews meet every condition.",
     "Complete an interview's front matter and sections; the info lines say what each lacks."},
    code_undated,
    {"outside-period", "An interview is dated outside the programme period.",
     "Correct the date."},
    {"role", "`interviewee.role` is missing.",
     "Give the interviewee's role."},
    {"years", "The interviewee has too few years in leadership (or none given).",
     "Interview an experienced leader, or give `interviewee.years_in_leadership`."},
    {"consent", "No consent.",
     "Give `consent: true` or the path of the signed consent form."},
    {"questions", "Too few questions listed.",
     "List your questions under the Questions heading."},
    {"section-missing", "An interview lacks a section heading.",
     "Add the heading (any level, any order)."},
    {"private-name", "A private interviewee is named in the essay or journal.",
     "Refer to them by role instead."},
};

} // namespace

namespace {

struct Shortcoming {
    std::string slug, file;
    int line;
    std::string message;
};

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Where the name (case folded, its words separated by single spaces) first
// occurs in `raw`, ignoring case and allowing any run of white space, a line
// break included, between its words: the line, or 0.
int find_name(const std::string& raw, const std::string& name)
{
    // Folding keeps byte lengths for the scripts it folds, so offsets agree with raw.
    const std::string hay = fold_case(raw);
    const auto first_space = name.find(' ');
    const std::string first = name.substr(0, first_space);
    for (std::size_t pos = hay.find(first); pos != std::string::npos; pos = hay.find(first, pos + 1)) {
        std::size_t h = pos, k = 0;
        while (k < name.size() && h < hay.size()) {
            if (name[k] == ' ') {
                if (!space(hay[h])) break;
                while (h < hay.size() && space(hay[h])) ++h;
                ++k;
            } else if (hay[h] == name[k]) {
                ++h;
                ++k;
            } else {
                break;
            }
        }
        // Whole words only: "Ho Chi" is not in "echo chief".
        auto word = [](unsigned char c) { return c >= 0x80 || std::isalnum(c) != 0; };
        const bool starts = pos == 0 || !word(static_cast<unsigned char>(hay[pos - 1]));
        const bool ends = h >= hay.size() || !word(static_cast<unsigned char>(hay[h]));
        if (k == name.size() && starts && ends) return line_of_offset(raw, pos);
    }
    return 0;
}

void check_private_name(CheckContext& ctx, const DatedRecord& r)
{
    const auto& meta = r.file->meta();
    if (!meta.contains("private") || meta["private"] != true) return;
    const auto& who = meta.contains("interviewee") ? meta["interviewee"] : nlohmann::json();
    const auto name = json_text(who, "name");
    if (!name || collapse_space(*name).empty()) return;
    const std::string needle = fold_case(collapse_space(*name));
    std::vector<std::string> files;  // the essay and the journal's entries (their kinds' own_writing)
    for (const auto& q : ctx.programme.requirements)
        if (const auto* kind = find_kind(q.kind); kind && kind->own_writing)
            for (auto& f : kind->own_writing(ctx, q)) files.push_back(std::move(f));
    for (const auto& f : files) {
        const MarkdownFile* md = ctx.markdown(f, false);
        if (!md) continue;
        if (const int line = find_name(md->raw, needle))
            ctx.error("private-name", f, md->line_at(line),
                      "names the interviewee of " + r.rel + ", who asked to stay private; refer to them by role instead");
    }
}

} // namespace

Outcome check_interviews(CheckContext& ctx)
{
    const Params& p = params_of<Params>(*ctx.requirement);
    const long min_interviews = p.min_interviews;
    const long min_questions = p.min_questions;
    const double min_years = p.min_years_in_leadership;
    const std::string& questions_name = p.questions_section;
    const std::string folder = requirement_place(*ctx.requirement, &ctx.manifest)->path;
    auto records = read_records(ctx, folder, "interviews-missing", "interviews");
    if (!records) return ctx.outcome();

    std::vector<std::vector<Shortcoming>> all;
    long good = 0;
    for (auto& r : *records) {
        std::vector<Shortcoming> s;
        const auto& meta = r.file->meta();
        auto lack = [&](std::string slug, int line, std::string msg) { s.push_back({std::move(slug), r.rel, line, std::move(msg)}); };
        // Dating: an undated interview is a shortcoming like the others.
        if (meta.contains("date")) {
            r.date_line = r.file->line_of("/date");
            r.date = json_date(meta, "date");
            if (!r.date) lack("undated", r.date_line, "`date:` is not a real date YYYY-MM-DD");
        } else if (auto d = date_prefix(r.rel.substr(r.rel.rfind('/') + 1))) {
            r.date = d;
        } else {
            const std::string why = date_prefix_problem(r.rel.substr(r.rel.rfind('/') + 1));
            lack("undated", 1, why.empty() ? "not dated: give `date: YYYY-MM-DD` in its front matter" : "not dated: " + why + " (or give `date: YYYY-MM-DD` in its front matter)");
        }
        if (r.date && ctx.manifest.start && ctx.manifest.end && (*r.date < *ctx.manifest.start || *r.date > *ctx.manifest.end))
            lack("outside-period", r.date_line,
                 "interview dated " + r.date->str() + ", outside the period " + ctx.manifest.start->str() + " to " + ctx.manifest.end->str());
        const auto& who = meta.contains("interviewee") && meta["interviewee"].is_object() ? meta["interviewee"] : nlohmann::json::object();
        const int who_line = meta.contains("interviewee") ? r.file->line_of("/interviewee") : 1;
        if (!json_text(who, "role")) lack("role", who_line, "`interviewee.role` is not given");
        if (!who.contains("years_in_leadership") || !who["years_in_leadership"].is_number())
            lack("years", who_line, "`interviewee.years_in_leadership` is not given (a number)");
        else if (who["years_in_leadership"].get<double>() < min_years)
            lack("years", r.file->line_of("/interviewee/years_in_leadership"),
                 "the interviewee has " + dump_json(who["years_in_leadership"]) + " years in leadership; an experienced leader has at least " +
                     dump_json(nlohmann::json(min_years)));
        if (!meta.contains("consent")) {
            lack("consent", 1, "no `consent:` (true, or the path of the signed consent form)");
        } else if (meta["consent"].is_string()) {
            const auto t = resolve_local(ctx, r.rel, meta["consent"].get<std::string>());
            if (t.problem) ctx.add(Severity::error, "P." + t.problem->code, r.rel, r.file->line_of("/consent"), t.problem->message);
            else if (!t.exists) lack("consent", r.file->line_of("/consent"), "consent file '" + meta["consent"].get<std::string>() + "' does not exist");
        } else if (meta["consent"] != true) {
            lack("consent", r.file->line_of("/consent"), "consent is not given (`consent: true` or the consent form's path)");
        }
        for (const auto& names : p.sections)
            if (!find_section(r.file->doc, names)) {
                const auto missing = missing_section(r.file->doc, names, 0);
                lack("section-missing", missing.line, missing.text);
            }
        const auto q = r.file->doc.find_headings(questions_name);
        if (!q.empty()) {
            const std::size_t h = q.front(), end = r.file->doc.section_end(h);
            long n = 0;
            for (const auto& item : r.file->doc.items)
                if (item.depth == 1 && item.heading >= static_cast<int>(h) && item.heading < static_cast<int>(end)) ++n;
            if (n < min_questions)
                lack("questions", r.file->doc.headings[h].line,
                     std::to_string(n) + " question" + (n == 1 ? "" : "s") + " listed; at least " + std::to_string(min_questions) + " needed");
        }
        if (s.empty()) ++good;
        all.push_back(std::move(s));
        check_private_name(ctx, r);
    }
    // Once enough interviews meet every condition, the others' shortcomings are only information.
    const Severity sev = good >= min_interviews ? Severity::info : Severity::error;
    for (const auto& s : all)
        for (const auto& x : s) ctx.finding(sev, x.slug, x.file, x.line, x.message);
    if (good < min_interviews)
        ctx.error("interviews", folder, 0,
                  std::to_string(good) + " complete interview" + (good == 1 ? "" : "s") + "; at least " + std::to_string(min_interviews) + " needed");
    return ctx.outcome();
}

namespace {

// ---- R5: interviews with an experienced leader.
void init(scaffold::Writer& w, const RequirementSpec& r)
{
    const Params& p = params_of<Params>(r);
    const long questions = p.min_questions;
    char years_text[32];
    std::snprintf(years_text, sizeof years_text, "%g", p.min_years_in_leadership);
    const std::string& qsection = p.questions_section;
    Headings sections = p.sections;
    if (sections.empty()) sections = {{"Purpose"}, {qsection}, {"Notes", "Transcript"}, {"Reflection"}};
    std::vector<std::string> shown;
    for (const auto& a : sections) shown.push_back(a.size() == 1 ? "*" + a.front() + "*" : "*" + join(a, "or") + "*");

    std::string t = "# " + r.title + " (" + r.id + ")\n\n";
    t += para("One Markdown file here for each interview you plan and hold with an experienced leader, e.g. `" +
              w.today.str() + "-interview-principal.md`. This README is not counted as an interview.");
    t += "\n";
    t += bullet("At least " + plural(p.min_interviews, "interview is", "interviews are") + " needed, dated inside your period.");
    t += bullet("In the front matter: `date`, `interviewee.role`, `interviewee.years_in_leadership` (at least " +
                std::string(years_text) + "), and `consent: true` or the path of a consent file that exists.");
    t += bullet("Sections " + join(shown) + (questions > 0 ? "; under *" + qsection + "*, a list of at least " +
                                                                  plural(questions, "question", "questions")
                                                            : std::string()) + ".");
    t += bullet("If the interviewee asked to stay anonymous, say `private: true`: then their `interviewee.name` must "
                "not appear in the essay or the journal.");
    t += "\nAn interview can start like this:\n\n";
    t += "```markdown\n---\ndate: YYYY-MM-DD\ninterviewee:\n  name: Their Name\n  role: Principal\n  years_in_leadership: " +
         std::to_string(static_cast<long>(std::ceil(p.min_years_in_leadership)) + 5) +
         "\nconsent: true          # or the path of a consent file, e.g. consent/form.pdf\nprivate: true\n---\n";
    for (const auto& a : sections) {
        t += "\n## " + a.front() + "\n";
        if (lower(a.front()) == lower(qsection)) {
            t += "\n";
            for (long i = 1; i <= std::max(questions, 1L); ++i) t += std::to_string(i) + ". …\n";
        } else if (const std::string pr = interview_prompt(a.front()); !pr.empty()) {
            t += "\n" + pr + "\n";
        }
    }
    t += "```\n";
    w.add(folder_prefix(p.folder) + "README.md", t);
}

// For the editor: the sections each interview needs.
FileHeadings interview_headings(const RequirementSpec& r, const nlohmann::json&)
{
    return {params_of<Params>(r).sections, std::nullopt};
}

} // namespace

extern const RequirementKind interviews_kind;
const RequirementKind interviews_kind{
    .name = "interviews",
    .summary = "interviews with an experienced leader",
    .params = kind_params<Params, fields>,
    .codes = codes,
    .check = check_interviews,
    .scaffold = init,
    .moved_by = "interviews",
    .required_headings = interview_headings,
};

} // namespace lilo
