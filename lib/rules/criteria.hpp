#pragma once
// The essay's criteria (C1…C10 in lilo-certificate): each mapped to headings
// in the essay's front matter, long enough, and with its own check.
#include <optional>
#include <set>
#include <string>

#include "rules/context.hpp"
#include "text/word_limit.hpp"

namespace lilo {

// Fills report.criteria; reports Cn warnings and an R6.criterion error for
// each required criterion not addressed. `essay` may be null (no essay).
void evaluate_criteria(CheckContext& ctx, const MarkdownFile* essay, const std::set<std::string>& keys);

// The words a criterion's section needs: its own `min_words`, else the
// essay's `min_section_words` (lilo check, lilo init, lilo serve, lilo lsp).
long criterion_min_words(const CriterionSpec& criterion, const RequirementSpec& essay);

} // namespace lilo
