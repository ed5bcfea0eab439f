// Word-limited documents of their own: the MPhil's essays (each 6,000–6,500
// words) and its thesis (at most 20,000, counted by its own rules).
#include <cctype>

#include "rules/document.hpp"
#include "rules/kinds.hpp"
#include "rules/records.hpp"

namespace lilo {

namespace {

void check_one(CheckContext& ctx, const std::string& path, const std::string& what, const std::string& manifest_pointer = "")
{
    const auto& p = ctx.requirement->params;
    auto rel = resolve_setting(ctx, path, manifest_pointer);
    if (!rel) return;
    if (!ctx.fs.exists(*rel)) {
        ctx.error("missing", *rel, 0, "no " + what + " '" + *rel + "' yet");
        return;
    }
    const MarkdownFile* f = ctx.markdown(*rel);
    if (!f) return;
    const WordLimit lim = requirement_limit(p);
    const auto checked = check_document(ctx, *f, lim, param_number(p, "declared_tolerance"), requirement_count_rules(ctx));
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

void check_thesis(CheckContext& ctx) { check_one(ctx, ctx.configured_path("thesis", "path", "thesis/thesis.md"), "thesis", "/thesis"); }

} // namespace lilo
