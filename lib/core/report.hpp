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

struct Report {
    std::string portfolio;   // the folder as named on the command line
    std::string programme;   // programme id
    std::string programme_title;
    std::string as_of;       // YYYY-MM-DD
    std::string candidate_name;
    std::string candidate_id;
    std::vector<RequirementResult> requirements;
    std::vector<CriterionResult> criteria;
    std::optional<std::uint64_t> essay_words;
    std::string essay_file;
    std::vector<Diagnostic> diagnostics;

    bool complete() const;   // every requirement met and no error about the portfolio's form
    std::size_t count(Severity s) const;
};

// Orders diagnostics: the portfolio's form first, then R1…, then C1…, each
// kept in the order found.
void sort_diagnostics(std::vector<Diagnostic>& diagnostics);
// "R10" after "R9": ids compare by letter, then number.
bool id_less(std::string_view a, std::string_view b);

nlohmann::json to_json(const Report& report, std::string_view lilo_version);

} // namespace lilo
