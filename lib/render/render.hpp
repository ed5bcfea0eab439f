#pragma once
// Renderers of the findings model.
#include <filesystem>
#include <string>
#include <vector>

#include "core/report.hpp"
#include <nlohmann/json.hpp>
#include <string_view>

namespace lilo {

struct TextStyle {
    bool colour = false;
    bool quiet = false;    // errors and the result line only
    bool strict = false;   // warnings fail too
    bool next = true;      // the "Next:" line, said to the candidate (not by lilo verify, whose reader is the officer)
};

// Compiler-style diagnostics grouped by requirement, a summary table, and
// one line saying what to do next.
std::string render_text(const Report& report, const TextStyle& style);

// GitHub workflow commands (::error file=…,line=…,title=…::…), most
// important first, at most `per_kind` of each kind, then a line saying how
// many were left out (GitHub shows only 10 of each kind per step).
// errors_only: no warnings or notices at all (lilo check --quiet, when the
// annotations come with its text report).
std::string render_github(const std::vector<Report>& reports, std::size_t per_kind = 10, bool errors_only = false);
// Escaping of workflow-command data and property values.
std::string github_escape_data(std::string_view s);
std::string github_escape_property(std::string_view s);

// JUnit XML: a testsuite per portfolio, a testcase per requirement and criterion.
std::string render_junit(const std::vector<Report>& reports);

// SARIF 2.1.0: rules R1…, C1… and each diagnostic code seen; results with
// locations relative to `root` (uriBaseId SRCROOT: the repository), or to the
// portfolio's own folder (PORTFOLIO, PORTFOLIO2 …) for one outside `root` or
// when `root` is empty; originalUriBaseIds gives each base as a file: URI.
nlohmann::json render_sarif(const std::vector<Report>& reports, const std::filesystem::path& root);

// A Markdown report to paste into a pull-request comment (or GITHUB_STEP_SUMMARY).
std::string render_markdown(const std::vector<Report>& reports);

// Where a diagnostic's file is, as the user names it: the portfolio folder
// as given, then the file ("examples/certificate/essay.md").
std::string display_path(const Report& r, const Diagnostic& d);

} // namespace lilo
