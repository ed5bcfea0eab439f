#pragma once
// A programme is data (spec §3): requirements of kinds that lilo implements,
// with their parameters, and the essay criteria. Built-in programmes are
// compiled in; a centre's file may extend one and give only what differs.
#include <filesystem>
#include <map>
#include <optional>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "text/categories.hpp"

namespace lilo {

struct RequirementSpec {
    std::string id;       // "R2"
    std::string kind;     // "journal"
    std::string title;
    nlohmann::json params; // the whole entry: kind, title and parameters
};

struct CriterionSpec {
    std::string id;       // "C6"
    std::string title;
    bool required = true; // whether R6 is unmet while it is missing
    nlohmann::json params;
};

struct Programme {
    std::string id;
    std::string title;
    std::string source;                          // "built-in" or the file's path
    std::vector<RequirementSpec> requirements;   // in id order (R1, R2, …, R10)
    std::vector<CriterionSpec> criteria;         // in id order
    CountRules count_rules;                      // the programme's word-count rules
    nlohmann::json resolved;                     // after every extends
    // JSON Pointer of each setting in `resolved` → where it was set
    // ("built-in lilo-certificate" or a file path).
    std::map<std::string, std::string> origins;

    const RequirementSpec* requirement_of_kind(std::string_view kind) const;
};

// Could not load a programme: an unknown id, an unreadable or invalid file, a
// cycle of extends. Always exit 2.
struct ProgrammeError : std::runtime_error {
    ProgrammeError(std::string file_, int line_, const std::string& msg)
        : std::runtime_error(msg), file(std::move(file_)), line(line_) {}
    std::string file;  // empty for an unknown id
    int line = 0;
};

// `ref` is a built-in id or a path; a relative path is taken from `base_dir`.
Programme load_programme(const std::string& ref, const std::filesystem::path& base_dir);

// A programme file's text (it may extend a built-in programme or a file
// relative to the current folder); `label` names it in errors.
Programme programme_from_text(const std::string& text, const std::string& label);

// Ids of the built-in programmes.
std::vector<std::string> builtin_programmes();
bool is_builtin_programme(std::string_view id);

// Applies `word_count: {include, exclude, cjk}` on top of `rules`.
CountRules apply_word_count_settings(CountRules rules, const nlohmann::json& settings);

} // namespace lilo
