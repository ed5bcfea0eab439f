#pragma once
// lilo count's findings for a set of files, and their JSON form
// (schemas/count.schema.json). How a file is counted, inside, is
// count_parts.hpp.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <memory>

#include "text/categories.hpp"
#include "text/word_limit.hpp"

namespace lilo {

struct MarkdownDoc;  // markdown/document.hpp: not for the apps, which read counts through the renderers

struct FileCount {
    std::string name;
    std::shared_ptr<const MarkdownDoc> doc;  // the file as analysed
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

struct CountReport {
    std::vector<FileCount> files;
    CountRules rules;
    std::optional<WordLimit> limit;
    bool by_section = false;

    std::uint64_t total() const;
    // The rules `file` is counted by: its own, else the report's.
    const CountRules& rules_for(const FileCount& file) const { return file.rules ? *file.rules : rules; }
};

// Whether a declared count is further from the count than the tolerance.
bool declared_differs(std::uint64_t declared, std::uint64_t count, double tolerance = default_declared_tolerance);

// A front matter's `declared_words`: a whole number, or one written with
// thousands commas as lilo prints counts ("1,005"); else nothing. The same
// for lilo check and lilo count.
std::optional<std::uint64_t> declared_word_count(const nlohmann::json& value);

nlohmann::json to_json(const CountReport& report);

} // namespace lilo
