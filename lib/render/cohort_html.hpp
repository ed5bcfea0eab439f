#pragma once
// A cohort's check reports as one self-contained HTML page: a summary,
// completion per requirement and criterion, essay word counts against the
// limit, journal cadence, a sortable and filterable table of candidates, and
// every candidate's diagnostics. Inline CSS, SVG and JS only; nothing is
// fetched. The same reports give the same bytes.
#include <string>
#include <vector>

#include "render/cohort_row.hpp"

namespace lilo {

struct CohortHtmlOptions {
    std::string title = "lilo cohort report";
    std::string generated_by; // e.g. "lilo 0.1.0"; shown when not empty
};

// `rows` are read with CohortRowOptions::page (titles, documents, journal
// days and diagnostics); what a report lacks is shown as absent.
std::string render_cohort_html(const std::vector<CohortRow>& rows, const CohortHtmlOptions& options);

} // namespace lilo
