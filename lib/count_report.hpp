#pragma once
// lilo count's findings for a set of files, and their JSON form
// (schemas/count.schema.json).
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "markdown/document.hpp"
#include "text/word_limit.hpp"

namespace lilo {

struct FileCount {
    std::string name;
    MarkdownDoc doc;
    std::optional<std::uint64_t> declared;   // front matter declared_words
    // Rules of its own, when its requirement has them (the MPhil thesis),
    // and where they come from ("R2 (Thesis) of programme mphil-elsi").
    std::optional<CountRules> rules = std::nullopt;
    std::string rules_from = {};
    // A .docx or .odt: Word's count of the same text, computed by Word's rule
    // (office.hpp), and the figure the file saved ("last saved count").
    std::optional<std::uint64_t> word_count = std::nullopt;
    std::optional<std::uint64_t> saved_count = std::nullopt;
    std::string saved_from = {};
};

// Reads and counts a .docx or .odt file. Throws BadDocument when it is not
// one lilo can read (a message naming what is wrong, not the file).
struct BadDocument : std::runtime_error { using std::runtime_error::runtime_error; };
FileCount count_office_file(const std::string& path, const std::string& name, const AnalyzeOptions& options);

// Lines for `lilo count`'s text: Word's count beside lilo's, the difference
// explained, and the last saved count. Empty for a Markdown file.
std::vector<std::string> word_comparison(const FileCount& file, const CountRules& rules);

struct CountReport {
    std::vector<FileCount> files;
    CountRules rules;
    std::optional<WordLimit> limit;
    bool by_section = false;

    std::uint64_t total() const;
    // The rules `file` is counted by: its own, else the report's.
    const CountRules& rules_for(const FileCount& file) const { return file.rules ? *file.rules : rules; }
};

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

// Whether a declared count is further from the count than the tolerance.
bool declared_differs(std::uint64_t declared, std::uint64_t count, double tolerance = default_declared_tolerance);

// A front matter's `declared_words`: a whole number, or one written with
// thousands commas as lilo prints counts ("1,005"); else nothing. The same
// for lilo check and lilo count.
std::optional<std::uint64_t> declared_word_count(const nlohmann::json& value);

nlohmann::json to_json(const CountReport& report);

} // namespace lilo
