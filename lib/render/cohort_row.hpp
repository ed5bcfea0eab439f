#pragma once
// One portfolio of a cohort as its renderers read it: the text matrix, the
// CSV (render/cohort_table.hpp) and the HTML page (render/cohort_html.hpp).
// Built from the portfolio's JSON report in one place, cohort_row, since the
// report is what workers send and what `lilo batch --jsonl` writes for
// `lilo report merge`; what only the page shows is kept only when asked, so
// that a thousand rows stay small.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace lilo {

struct CohortRowOptions {
    bool next = true;   // the first error ("next"), which only the CSV shows
    bool page = false;  // what only the HTML page shows: titles, word-limited documents, journal days, every diagnostic
};

struct CohortRow {
    std::string portfolio;
    std::string candidate_id;
    std::string candidate_name;
    std::string status;       // complete, incomplete, skipped, or error (also for anything that is no report of a check)
    std::string error;        // for "error": why; for "skipped": why it is no portfolio
    // The rest is read from the reports of a check (complete or incomplete) only.
    std::string programme;
    std::string as_of;        // the date it was checked as of
    std::string qualification;
    std::string progression;  // its status
    std::string arithmetic;   // how the progression was reached ("mean 62.5 ≥ 60")

    struct Outcome {
        std::string id;       // "R2", "C6"
        bool done = false;    // met or addressed
        std::string title;    // page only
    };
    std::vector<Outcome> outcome;  // requirements, then criteria, in report order

    // The outcome of requirement or criterion `id`; null when the programme has none.
    const bool* outcome_of(const std::string& id) const
    {
        for (const auto& o : outcome)
            if (o.id == id) return &o.done;
        return nullptr;
    }
    bool checked() const { return status == "complete" || status == "incomplete"; }

    long long errors = 0, warnings = 0;    // the summary's, else counted from the diagnostics
    std::optional<long long> essay_words;
    std::string next;                      // the first error: "R2.gap journal/…: 40 days since …" (CohortRowOptions::next)
    std::vector<std::string> codes;        // each error code once
    bool gap_over = false;                 // a journal gap over the programme's limit (a .gap diagnostic)

    // Page only (CohortRowOptions::page).
    std::optional<long long> essay_min, essay_max;
    struct Document {
        std::string label;    // the essay under its requirement's title, then each of the report's documents
        long long words = 0;
        std::optional<long long> min, max;
    };
    std::vector<Document> documents;  // word-limited: the essay, a module's assignment, an MPhil essay, the thesis
    std::vector<long long> journal;   // the journal's dates as day numbers, sorted
    struct Diagnostic {
        std::string severity, code, where, message;  // where: "file:line"
    };
    std::vector<Diagnostic> diagnostics;
};

// `report` is a `lilo check --format json` report (schemas/report.schema.json),
// or {"portfolio", "status": "error", "error", "candidate"} for a portfolio
// that could not be checked, or {"portfolio", "status": "skipped", "reason"}.
// Anything missing or of the wrong type is read as absent, never thrown on; a
// non-object or an unknown status is an error row saying so.
CohortRow cohort_row(const nlohmann::json& report, const CohortRowOptions& options = {});

} // namespace lilo
