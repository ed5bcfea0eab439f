#pragma once
// The findings model: what `lilo check` learns about one portfolio. Every
// renderer (text, JSON, …) reads this and nothing else.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace lilo {

enum class Severity { error, warning, info };
std::string_view name_of(Severity s);

struct Diagnostic {
    std::string code;      // "R2.gap", "C6.citations", "P.yaml-syntax"
    Severity severity = Severity::error;
    std::string file;      // relative to the portfolio, '/'-separated; empty: the portfolio as a whole
    int line = 0;          // 0: no line (a folder, or the portfolio as a whole)
    int column = 0;        // 0: unknown
    std::string message;

    std::string owner() const { return code.substr(0, code.find('.')); } // "R2", "C6", "P"
};

struct RequirementResult {
    std::string id;
    std::string title;
    std::string kind;
    bool met = false;
};

struct CriterionResult {
    std::string id;
    std::string title;
    bool addressed = false;
    bool required = true;
    std::uint64_t words = 0;
};

// A document held to a word limit (the final reflective piece, a module's
// assignment, an essay, a thesis), as its requirement found it.
struct DocumentResult {
    std::string requirement;   // "R7"
    std::string title;         // "Module 2 assignment", "Essay 1"
    std::string file;
    std::uint64_t words = 0;
    std::uint64_t min = 0;     // the limit, inclusive
    std::optional<std::uint64_t> max;
    // Where the JSON report (spec §5) shows it: "essay" (the one final
    // reflective piece) or "documents".
    std::string section = "documents";
    bool counted = true;       // false: named but not read (missing or unreadable): no words, no limit
};

// A dated record (a journal entry) as its requirement found it.
struct DatedEntry {
    std::string requirement;   // "R2"
    std::string file;
    std::string date;          // YYYY-MM-DD, as the record states it
    std::string committed;     // in a git work tree, the date of the commit that first added it ("" when not known)
    std::string section = "journal";  // where the JSON report shows its date
};

// The progression rule's outcome (mphil-elsi): "met", "unmet", or "pending"
// while a mark is missing, and the arithmetic that decided it.
struct ProgressionResult {
    std::string status;
    std::string arithmetic;    // "(65 + 68 + 2×72) / 4 = 69.25 < 70: not met; thesis 72 ≥ 70: met"
    std::optional<double> mean;
};

struct Report {
    std::string portfolio;   // the folder as named on the command line
    std::string programme;   // programme id
    std::string programme_title;
    std::string as_of;       // YYYY-MM-DD
    std::string candidate_name;
    std::string candidate_id;
    std::vector<RequirementResult> requirements;
    std::vector<CriterionResult> criteria;
    // Each requirement's outputs, in the order the requirements were checked.
    std::vector<DocumentResult> documents;   // word-limited documents
    std::vector<DatedEntry> entries;         // dated records, each requirement's sorted by date
    std::optional<std::string> qualification;           // a programme with `awards:`: the last reached, or "none"
    std::optional<ProgressionResult> progression;
    // The mentor's sign-off (signoff.yaml): "" when there is none, "current"
    // when its fingerprint is the portfolio's, "stale" when the portfolio
    // changed since. What `check` says is next depends on it.
    std::string signoff;
    // The programme has a requirement a mentor signs off (a kind's
    // `signed_off`): whether "what next" is to ask for the sign-off. Not in JSON.
    bool mentor_signs_off = false;
    std::vector<Diagnostic> diagnostics;

    bool complete() const;   // every requirement met and no error about the portfolio's form
    // The first document shown in `section` ("essay"), or null.
    const DocumentResult* document_in(std::string_view section) const;
    // The documents and dated records of one requirement.
    std::vector<const DocumentResult*> documents_of(std::string_view requirement) const;
    std::vector<const DatedEntry*> entries_of(std::string_view requirement) const;
    std::size_t count(Severity s) const;
};

// The words of the final reflective piece, when it was counted.
std::optional<std::uint64_t> essay_words(const Report& report);

// Orders diagnostics: the portfolio's form first, then R1…, then C1…, each
// kept in the order found.
void sort_diagnostics(std::vector<Diagnostic>& diagnostics);
// "R10" after "R9": ids compare by letter, then number.
bool id_less(std::string_view a, std::string_view b);

nlohmann::json to_json(const Report& report, std::string_view lilo_version);

} // namespace lilo
