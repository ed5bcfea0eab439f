#pragma once
// lilo count's findings for a set of files, and their JSON form
// (schemas/count.schema.json).
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
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

nlohmann::json to_json(const CountReport& report);

} // namespace lilo
