// R4: the Innovation Development Project: described, completed inside the
// period, with its sections written and its evidence linked.
#include "core/dump_json.hpp"
#include "rules/kinds.hpp"
#include "rules/near_miss.hpp"
#include "rules/records.hpp"

namespace lilo {

void check_project(CheckContext& ctx)
{
    const auto& p = ctx.requirement->params;
    const std::string path = ctx.configured_path("project", "path", "project/project.md");
    auto rel = resolve_setting(ctx, path, "/project");
    if (!rel) return;
    if (!ctx.fs.exists(*rel)) {
        ctx.error("missing", *rel, 0, "no project description '" + *rel + "'");
        return;
    }
    const MarkdownFile* f = ctx.markdown(*rel);
    if (!f) return;
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

    const auto min_words = static_cast<std::uint64_t>(param_int(p, "min_section_words"));
    for (const auto& s : p.value("sections", nlohmann::json::array())) {
        const std::string name = s.is_string() ? s.get<std::string>() : dump_json(s);
        const auto found = f->doc.find_headings(name);
        if (found.empty()) {
            const auto hint = heading_hint(f->doc, name, 0);
            ctx.error("section-missing", *rel, hint.line, "no section headed '" + name + "'" + hint.text);
            continue;
        }
        const auto words = f->doc.section(found.front()).words(ctx.count_rules());
        if (words < min_words)
            ctx.error("section-words", *rel, f->doc.headings[found.front()].line,
                      "section '" + name + "' has " + with_commas(words) + " words; at least " + with_commas(min_words) + " needed");
    }
    for (const auto& link : f->doc.links) {
        const auto t = resolve_local(ctx, *rel, link.target);
        if (!t.local) continue;
        if (t.problem) ctx.add(Severity::error, "P." + t.problem->code, *rel, link.line, "link '" + link.target + "': " + t.problem->message);
        else if (!t.exists) ctx.error("link-broken", *rel, link.line, "link to '" + link.target + "': no such file in the portfolio");
    }
}

} // namespace lilo
