// R3: every course the programme lists is completed inside the period, with
// its evidence file where the programme asks for one.
#include "rules/kinds.hpp"
#include "rules/records.hpp"

#include "scaffold/writer.hpp"

namespace lilo {

namespace {

using namespace lilo::scaffold;

struct Params {
    nlohmann::json courses = nlohmann::json::array(); // each {id, title, evidence}, as the schema has them
};

constexpr Field fields[] = {
    field<Params, &Params::courses>("courses", "the courses: each `id`, its `title`, and whether it needs `evidence`"),
};

constexpr KindCode codes[] = {
    {"course-missing", "A course the programme lists is not under `courses:`.",
     "Add it with its `status`."},
    {"course-incomplete", "A course is not completed.",
     "Set `status: completed` and `completed:` once it is."},
    {"course-undated", "A completed course has no completion date.",
     "Give `completed: YYYY-MM-DD`."},
    {"course-outside-period", "A course was completed outside the period.",
     "Correct the date or ask your programme office."},
    {"course-future", "A course's completion date is after today.",
     "Correct the date."},
    {"evidence-missing", "A course needs completion evidence.",
     "Give `evidence:` with the path of the certificate or record."},
    {"evidence-not-found", "The evidence file does not exist.",
     "Add the file or correct the path."},
    {"course-extra", "portfolio.yaml lists a course the programme does not; it is recorded but not checked (this is information, not a fault).",
     "Nothing to do, unless it is a misspelt id of a course the programme lists: then correct the id."},
};

} // namespace

Outcome check_courses(CheckContext& ctx)
{
    const auto& courses = params_of<Params>(*ctx.requirement).courses;
    const std::string manifest = "portfolio.yaml";
    for (const auto& want : courses) {
        const std::string id = want.value("id", "");
        const std::string title = want.value("title", id);
        const bool needs_evidence = want.value("evidence", false);
        const CourseEntry* have = nullptr;
        for (const auto& c : ctx.manifest.courses)
            if (c.id == id) { have = &c; break; }
        if (!have) {
            ctx.error("course-missing", manifest, ctx.manifest.line_of("/courses") > 0 ? ctx.manifest.line_of("/courses") : 0,
                      title + " (`" + id + "`) is not listed under `courses:`");
            continue;
        }
        const int line = ctx.manifest.line_of(have->pointer);
        if (have->status != "completed") {
            ctx.error("course-incomplete", manifest, ctx.manifest.line_of(have->pointer + "/status"),
                      title + " is " + (have->status.empty() ? "not marked completed" : "'" + have->status + "'") + ", not completed");
        } else if (!have->completed) {
            ctx.error("course-undated", manifest, line, title + " is completed but has no `completed:` date");
        } else if (ctx.manifest.start && ctx.manifest.end &&
                   (*have->completed < *ctx.manifest.start || *have->completed > *ctx.manifest.end)) {
            ctx.error("course-outside-period", manifest, ctx.manifest.line_of(have->pointer + "/completed"),
                      title + " completed " + have->completed->str() + ", outside the period " + ctx.manifest.start->str() + " to " +
                          ctx.manifest.end->str());
        } else if (*have->completed > ctx.as_of) {
            ctx.error("course-future", manifest, ctx.manifest.line_of(have->pointer + "/completed"),
                      title + " completed " + have->completed->str() + ", after today (" + ctx.as_of.str() + ")");
        }
        // Evidence is asked for once the course is completed.
        if (needs_evidence && have->status == "completed") {
            if (!have->evidence) {
                ctx.error("evidence-missing", manifest, line, title + " needs `evidence:`, the path of its completion evidence");
            } else {
                auto r = ctx.fs.resolve(*have->evidence, "");
                if (r.problem) {
                    ctx.add(Severity::error, "P." + r.problem->code, manifest, ctx.manifest.line_of(have->pointer + "/evidence"), r.problem->message);
                } else if (!ctx.fs.is_file(r.rel)) {
                    ctx.error("evidence-not-found", manifest, ctx.manifest.line_of(have->pointer + "/evidence"),
                              title + ": evidence file '" + r.rel + "' " + (ctx.fs.exists(r.rel) ? "is not a file" : "does not exist"));
                }
            }
        }
    }
    for (const auto& c : ctx.manifest.courses) {
        bool listed = false;
        for (const auto& want : courses)
            if (want.value("id", "") == c.id) listed = true;
        if (!listed)
            ctx.finding(Severity::info, "course-extra", manifest, ctx.manifest.line_of(c.pointer),
                        "course `" + c.id + "` is not one the programme lists; it is recorded but not checked");
    }
    return ctx.outcome();
}

namespace {

std::string manifest_part(const scaffold::Writer&, const RequirementSpec& r)
{
    const auto& list = params_of<Params>(r).courses;
    if (!list.is_array() || list.empty()) return "";
    std::string y = commented("courses:", r.id + ": when a course is done, set `status: completed`, `completed: YYYY-MM-DD`");
    y += commented("", "and `evidence:` (the path of its completion evidence, e.g. courses/<file>)");
    for (const auto& c : list) {
        const std::string id = c.value("id", "");
        if (id.empty()) continue;
        y += "  - id: " + yaml_scalar(id) + "\n";
        if (c.contains("title") && c["title"].is_string() && !c["title"].get<std::string>().empty())
            y += "    title: " + yaml_scalar(c["title"].get<std::string>()) + "\n";
        y += commented("    status: planned", "planned | in-progress | completed");
    }
    return y;
}

// ---- R3: the taught courses' completion evidence.
void init(scaffold::Writer& w, const RequirementSpec& r)
{
    const std::string dir = "courses/";
    std::string t = "# " + r.title + " (" + r.id + ")\n\n";
    t += para("Completion evidence for each taught course: a certificate, a completion e-mail or a record, in any "
              "format. Name each file under the course's `evidence:` in portfolio.yaml.");
    const auto& list = params_of<Params>(r).courses;
    if (list.is_array() && !list.empty()) {
        t += "\nThe programme lists these courses:\n\n";
        for (const auto& c : list) {
            const std::string id = c.value("id", "");
            const std::string title = c.value("title", id);
            t += bullet(title + " (`" + id + "`)" + (c.value("evidence", false) ? ": evidence needed" : ""));
        }
    }
    t += "\n";
    t += para("When a course is done, set in portfolio.yaml `status: completed`, `completed: YYYY-MM-DD` (a date inside "
              "your period) and `evidence: courses/<file>`.");
    w.add(dir + "README.md", t);
}

} // namespace

extern const RequirementKind courses_kind;
const RequirementKind courses_kind{
    .name = "courses",
    .summary = "the taught courses, completed in the period, with evidence",
    .params = kind_params<Params, fields>,
    .codes = codes,
    .check = check_courses,
    .scaffold = init,
    .manifest_part = manifest_part,
};

} // namespace lilo
