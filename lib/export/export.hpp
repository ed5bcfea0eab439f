#pragma once
// lilo export: the submission in the form Cambridge takes. Each document the
// programme names and the portfolio as a whole (cover sheet, criteria map,
// every record) become .pdf, .docx or .html files named by Cambridge's
// convention, written to a new folder atomically (a temporary folder, then a
// rename). pandoc and chromium run as children with a time limit. Prints
// nothing.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "check.hpp"

namespace lilo {

enum class ExportFormat { pdf, docx, html };
std::string_view extension_of(ExportFormat f);

struct ExportOptions {
    CheckOptions check;                           // folder, programme, as-of
    std::optional<std::filesystem::path> output;  // -o: the folder to create; default beside (see export_target)
    std::vector<ExportFormat> formats{ExportFormat::pdf};
    bool allow_incomplete = false;
    std::optional<long long> source_date_epoch;   // SOURCE_DATE_EPOCH; else the as-of date at midnight UTC
    std::chrono::milliseconds time_limit{180000}; // for each pandoc or chromium run
};

// Refused (exit 1): an incomplete portfolio, identity codes missing, a
// citation without a bibliography entry, an image that is not there.
// Nothing is written.
struct ExportRefused : std::runtime_error {
    ExportRefused(const std::string& msg, std::vector<Diagnostic> problems_)
        : std::runtime_error(msg), problems(std::move(problems_)) {}
    std::vector<Diagnostic> problems;
};

// The words of an exported .docx as Word counts them, beside lilo's §4
// count of the same document, and where they differ.
struct WordComparison {
    std::string title, file, exported;   // exported: the .docx's name
    std::uint64_t lilo = 0;              // lilo's §4 count, by the document's own rules
    std::uint64_t word = 0;              // Word's count of the .docx's text (footnotes included)
    struct Category {
        std::string name;                // "headings", "footnotes", "reference list", "tables", "appendices"
        std::uint64_t words = 0;         // as Word counts them in the .docx
        bool lilo_counts = false;        // whether lilo's count holds them too
    };
    std::vector<Category> categories;
    long long citations = 0;             // rendered citations' words minus lilo's (2 a key, plus prefix and locator)
    // The rest, once the categories lilo leaves out and the citations are
    // accounted for: word boundaries (dashes, symbols), captions.
    long long other() const;
};

struct ExportedFile {
    std::string name;     // "HK123_0117_6247_01.pdf"
    std::string what;     // "Final reflective piece (essay.md)", "Portfolio: cover sheet, criteria map, records"
    std::uint64_t bytes = 0;
    int pages = 0;        // PDF: as pdfinfo would say; 0 when not a PDF
};

struct ExportResult {
    std::filesystem::path folder;
    std::vector<ExportedFile> files;
    std::vector<WordComparison> words;   // each document exported as .docx
    Report report;
};

// Where the folder goes by default: <centre>_<candidate>_<syllabus> in the
// current folder, or beside the portfolio when the current folder is inside it.
std::filesystem::path export_target(const ExportOptions& options, const std::string& stem);

// Throws ExportRefused (exit 1), ToolMissing or CannotCheck (exit 2), or
// std::runtime_error when a tool fails or a write fails (exit 2); leaves
// nothing behind then.
ExportResult write_export(const ExportOptions& options);

} // namespace lilo
