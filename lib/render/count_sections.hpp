#pragma once
// `lilo count --by-section` as text: a column of headings, indented by
// level, and a column of words, right-aligned (wide CJK characters measured
// as two columns), then the line that adds the sections up to the count.
#include <string>

#include "count_report.hpp"

namespace lilo {

std::string render_sections_text(const SectionSums& sums, const CountRules& rules);

} // namespace lilo
