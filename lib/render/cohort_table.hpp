#pragma once
// A cohort at a glance: one row per portfolio (from its JSON report), drawn
// as a text matrix (candidate × R1… and C1…, with totals per column and what
// the cohort most often lacks) or as CSV for a spreadsheet.
#include <cstdint>
#include <map>
#include <utility>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace lilo {

struct CohortRow {
    std::string portfolio;
    std::string candidate_id;
    std::string candidate_name;
    std::string programme;
    std::string status;                          // complete, incomplete, error
    std::string error;                           // for status "error": why
    std::vector<std::pair<std::string, bool>> outcome;  // ("R2", met), ("C6", addressed), in report order: small for a thousand rows

    // The outcome of requirement or criterion `id`; null when the programme has none.
    const bool* outcome_of(const std::string& id) const
    {
        for (const auto& [k, v] : outcome)
            if (k == id) return &v;
        return nullptr;
    }
    std::uint64_t errors = 0, warnings = 0;
    std::optional<std::uint64_t> essay_words;
    std::string qualification;
    std::string progression;
    std::string next;                            // the first error: "R2.gap journal/…: 40 days since …"
    std::vector<std::string> codes;              // each error code once
};

CohortRow cohort_row(const nlohmann::json& report);

// The requirement and criterion ids of every row, R1 < R2 < R10 < C1.
std::vector<std::string> cohort_columns(const std::vector<CohortRow>& rows);

// The matrix: a line per candidate, totals per column, the most frequent
// errors across the cohort.
std::string render_cohort_matrix(const std::vector<CohortRow>& rows, const std::string& as_of);

// RFC 4180 CSV (CRLF, fields quoted where they hold a comma, quote or line
// break), UTF-8 with a byte-order mark so that spreadsheets read Chinese
// names intact. One row per candidate.
std::string render_cohort_csv(const std::vector<CohortRow>& rows);

} // namespace lilo
