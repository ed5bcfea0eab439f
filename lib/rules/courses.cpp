// R3: every course the programme lists is completed inside the period, with
// its evidence file where the programme asks for one.
#include "rules/kinds.hpp"
#include "rules/records.hpp"

namespace lilo {

void check_courses(CheckContext& ctx)
{
    const auto& p = ctx.requirement->params;
    const std::string manifest = "portfolio.yaml";
    if (!p.contains("courses")) return;
    for (const auto& want : p["courses"]) {
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
        for (const auto& want : p["courses"])
            if (want.value("id", "") == c.id) listed = true;
        if (!listed)
            ctx.finding(Severity::info, "course-extra", manifest, ctx.manifest.line_of(c.pointer),
                        "course `" + c.id + "` is not one the programme lists; it is recorded but not checked");
    }
}

} // namespace lilo
