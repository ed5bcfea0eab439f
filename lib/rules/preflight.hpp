#pragma once
// lilo check's evidence pre-flight: the files a portfolio carries besides
// lilo's own Markdown and YAML, held to what Cambridge's upload takes (the
// formats, images up to 15 MB, PDFs up to 200 pages, not encrypted, flattened).
// Each limit is a programme parameter (`submission:`); findings are warnings
// unless the programme says `preflight: error`. PDFs are read by qpdf (Debian's
// `qpdf`) run as a child with a time limit. Prints nothing.
#include <cstdint>
#include <string>
#include <vector>

#include "core/report.hpp"
#include "portfolio/fsys.hpp"
#include "programme/programme.hpp"

namespace lilo {

struct PreflightLimits {
    std::vector<std::string> formats;      // extensions Cambridge takes, lowercase, no dot
    std::uintmax_t max_image_bytes = 0;
    std::uint64_t max_pdf_pages = 0;
    Severity severity = Severity::warning;  // of every finding but P.evidence-unchecked (info)
};

// The programme's `submission:` limits, each defaulting to Cambridge's.
PreflightLimits preflight_limits(const Programme& programme);

// The portfolio's evidence: every regular file inside it that a bundle would
// carry (not below a name starting with '.', not editor debris, not left out
// by .liloignore) and that is not lilo's own (.md, .markdown, .yaml, .yml,
// .bib); sorted.
std::vector<std::string> evidence_files(const PortfolioFs& pfs);

// Adds the P.evidence-* findings of every evidence file to `report`.
void preflight_evidence(const PortfolioFs& pfs, const Programme& programme, Report& report);

} // namespace lilo
