#pragma once
// Markdown to .docx, HTML and PDF: pandoc (with its citeproc) and headless
// chromium, each a child process with a time limit. Prints nothing.
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

#include "export/export.hpp"

namespace lilo {

struct PandocSetup {
    std::filesystem::path work;           // scratch folder: the style, filter and CSS; chromium's profile
    std::filesystem::path root;           // the portfolio (canonical)
    std::filesystem::path reference_doc;  // a centre's Word template, or empty
    std::chrono::milliseconds time_limit{180000};
    long long source_date_epoch = 0;      // fixes pandoc's dates
};

struct PandocJob {
    std::string markdown;                 // front matter and comments already left out
    std::string name;                     // the file name without extension
    std::string title, what, source;      // source: the portfolio-relative file ("" for the portfolio file)
    std::string requirement;              // the programme's requirement ("R6"); "" for the portfolio file
    std::string resource_dir;             // portfolio-relative folder images are found from
    std::optional<std::string> bibliography;
    bool document = false;                // a document the programme names (not the portfolio file)
};

// Writes lilo's citation style, link filter and print CSS into setup.work.
void install_pandoc_resources(const PandocSetup& setup);

// A page break in every output format (raw OpenXML and HTML).
std::string page_break();

// Renders the job into `out` in format `f`. Throws ExportRefused for a
// citation without a bibliography entry or a missing image, ToolMissing,
// or std::runtime_error when pandoc or chromium fails.
void render_with_pandoc(const PandocSetup& setup, const PandocJob& job, ExportFormat f, const std::filesystem::path& out);

// How many more words the rendered citations have than lilo's §4 count of
// them (2 for each key, plus prefix and locator): pandoc's own AST of the
// job, citations rendered.
long long citation_word_difference(const PandocSetup& setup, const PandocJob& job);

} // namespace lilo
