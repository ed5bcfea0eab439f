// R6: the final reflective piece: its length against the target, its
// declared length, its citations, and every criterion addressed.
#include <set>

#include "rules/criteria.hpp"
#include "rules/document.hpp"
#include "rules/kinds.hpp"
#include "rules/records.hpp"

namespace lilo {

WordLimit essay_limit(const nlohmann::json& params) { return requirement_limit(params); }

void check_essay(CheckContext& ctx)
{
    const auto& p = ctx.requirement->params;
    const std::string path = ctx.configured_path("essay", "path", "essay.md");
    auto rel = resolve_setting(ctx, path, "/essay");
    if (!rel) { evaluate_criteria(ctx, nullptr, {}); return; }
    ctx.report.essay_file = *rel;
    if (!ctx.fs.exists(*rel)) {
        ctx.error("missing", *rel, 0, "no final reflective piece '" + *rel + "' yet");
        evaluate_criteria(ctx, nullptr, {});
        return;
    }
    const MarkdownFile* essay = ctx.markdown(*rel);
    if (!essay) { evaluate_criteria(ctx, nullptr, {}); return; }
    const WordLimit lim = essay_limit(p);
    ctx.report.essay_min = lim.min;
    ctx.report.essay_max = lim.max;
    const auto checked = check_document(ctx, *essay, lim, param_number(p, "declared_tolerance"), requirement_count_rules(ctx));
    ctx.report.essay_words = checked.words;
    evaluate_criteria(ctx, essay, checked.keys.value_or(std::set<std::string>{}));
}

} // namespace lilo
