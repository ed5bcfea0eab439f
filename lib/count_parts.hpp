#pragma once
// lilo count's insides, for the engine and its tests: a Word or OpenDocument
// file counted, Word's count set beside lilo's, and the words under each
// heading (--by-section). The apps see count.hpp and count_report.hpp only.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "count_report.hpp"
#include "markdown/document.hpp"

namespace lilo {

// Reads and counts a .docx or .odt file. Throws BadDocument when it is not
// one lilo can read (a message naming what is wrong, not the file).
struct BadDocument : std::runtime_error { using std::runtime_error::runtime_error; };
FileCount count_office_file(const std::string& path, const std::string& name, const AnalyzeOptions& options);

// Lines for `lilo count`'s text: Word's count beside lilo's, the difference
// explained, and the last saved count. Empty for a Markdown file.
std::vector<std::string> word_comparison(const FileCount& file, const CountRules& rules);

// `--by-section`: one row for each heading outside a left-out section (and
// one for the text before the first heading), each with the words of its own
// text, so that the rows, the headings and the text before the first heading
// add up to the file's count.
struct SectionRow {
    std::string heading;             // empty: the text before the first heading
    int level = 0;                   // 0 for the text before the first heading
    std::uint64_t words = 0;         // counted words of its own text, up to the next heading of any level
    std::uint64_t in_all = 0;        // with its subsections (their headings included), its own heading not
    bool has_subsections = false;
    // The heading of a reference list or an appendix: `words` is then the
    // whole section's counted words (heading and subsections included) and
    // `all_words` its words counted or not.
    ExcludedSection excluded = ExcludedSection::none;
    std::uint64_t all_words = 0;
};

struct SectionSums {
    std::vector<SectionRow> rows;
    std::uint64_t before_first_heading = 0;   // counted (front matter too, when counted)
    std::uint64_t in_sections = 0;            // the rows' words
    std::uint64_t in_headings = 0;            // the rows' headings' own counted words
    std::uint64_t front_matter_left_out = 0;  // front matter words not counted
    std::uint64_t total() const { return before_first_heading + in_sections + in_headings; }
};

SectionSums section_sums(const MarkdownDoc& doc, const CountRules& rules);
// The rows as aligned columns and the sum line (lilo count's text output).
std::string render_sections_text(const SectionSums& sums, const CountRules& rules);

} // namespace lilo
