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
};

struct CountReport {
    std::vector<FileCount> files;
    CountRules rules;
    std::optional<WordLimit> limit;
    bool by_section = false;

    std::uint64_t total() const;
};

// Whether a declared count is more than 5% away from the count.
bool declared_differs(std::uint64_t declared, std::uint64_t count);

nlohmann::json to_json(const CountReport& report);

} // namespace lilo
