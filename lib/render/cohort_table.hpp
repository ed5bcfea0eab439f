#pragma once
// A cohort at a glance: one row per portfolio (render/cohort_row.hpp), drawn
// as a text matrix (candidate × R1… and C1…, with totals per column and what
// the cohort most often lacks) or as CSV for a spreadsheet.
#include <map>
#include <string>
#include <vector>

#include "render/cohort_row.hpp"

namespace lilo {

// A column: a requirement or criterion id of one programme. An id that
// several programmes of the cohort have (R1 is the mentor in one and the
// essays in another) is a column per programme, labelled "R1 (mphil-elsi)";
// one that only one programme has is labelled by its id alone.
struct CohortColumn {
    std::string programme, id, label;
};
// Programme by programme (first seen first), R1 < R2 < R10 < C1 within each.
std::vector<CohortColumn> cohort_columns(const std::vector<CohortRow>& rows);

// Candidate ids held by more than one portfolio of the same programme: id →
// those portfolios, in order. (One candidate may well have a Certificate and
// a Diploma portfolio: not flagged.)
std::map<std::string, std::vector<std::string>> duplicate_candidate_ids(const std::vector<CohortRow>& rows);

// The dates the rows were checked as of, each with how many: more than one
// after merging shards checked on different days.
std::map<std::string, std::size_t> cohort_dates(const std::vector<CohortRow>& rows);

// "checked as of different dates: 2026-11-01 (4), 2026-11-20 (7)"; "" for one date.
std::string different_dates_note(const std::map<std::string, std::size_t>& dates);

struct CohortMatrixStyle {
    std::string as_of;    // the date asked for
    bool colour = false;  // ✓ green, ✗ red, as lilo check colours
};

// The matrix: a line per candidate, totals per column, the most frequent
// errors of each programme, the candidate ids found twice, the folders
// skipped.
std::string render_cohort_matrix(const std::vector<CohortRow>& rows, const CohortMatrixStyle& style);

// RFC 4180 CSV (CRLF, fields quoted where they hold a comma, quote or line
// break), UTF-8 with a byte-order mark so that spreadsheets read Chinese
// names intact. One row per candidate, and one per folder skipped.
std::string render_cohort_csv(const std::vector<CohortRow>& rows);

} // namespace lilo
