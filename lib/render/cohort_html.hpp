#pragma once
// A cohort's check reports as one self-contained HTML page: a summary,
// completion per requirement and criterion, essay word counts against the
// limit, journal cadence, a sortable and filterable table of candidates, and
// every candidate's diagnostics. Inline CSS, SVG and JS only; nothing is
// fetched. The same reports give the same bytes.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace lilo {

struct CohortHtmlOptions {
    std::string title = "lilo cohort report";
    std::string generated_by; // e.g. "lilo 0.1.0"; shown when not empty
};

// `reports` are `lilo check --format json` reports (schemas/report.schema.json),
// or {"portfolio", "status": "error", "error", "candidate"} for a portfolio
// that could not be checked. Optional fields used when present: essay.limit
// {min, max}, journal.dates, qualification, progression {status, arithmetic}.
// Anything missing or of the wrong type is shown as absent, never thrown on.
std::string render_cohort_html(const std::vector<nlohmann::json>& reports, const CohortHtmlOptions& options);

} // namespace lilo
