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

// Whether a declared count is more than 5% away from the count.
bool declared_differs(std::uint64_t declared, std::uint64_t count);

nlohmann::json to_json(const CountReport& report);

} // namespace lilo
