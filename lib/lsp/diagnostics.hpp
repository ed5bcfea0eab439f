#pragma once
// A check's diagnostics as the editor shows them: each on its file, at its
// line; those of the portfolio as a whole and of a folder (R2's too few
// entries, R1's meetings) and of a file not there (no project yet) on
// portfolio.yaml, at its first line.
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/report.hpp"
#include "portfolio/fsys.hpp"

namespace lilo::lsp {

inline constexpr std::string_view manifest_file = "portfolio.yaml";

// The portfolio-relative file a diagnostic is shown on.
std::string shown_on(const Diagnostic& d, const PortfolioFs& fs);

// An LSP Diagnostic: 0-based line; the range from its column (or the line's
// start) to the end of the line, in UTF-16 code units; `text` is the file's.
// One shown elsewhere names its file or folder (`folder`) first.
nlohmann::json lsp_diagnostic(const Diagnostic& d, const std::string& shown_file, const std::string& text, bool folder);

// The report's diagnostics shown on `rel`, in the report's order.
std::vector<const Diagnostic*> diagnostics_on(const Report& report, const PortfolioFs& fs, const std::string& rel);

} // namespace lilo::lsp
