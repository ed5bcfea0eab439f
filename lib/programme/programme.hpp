#pragma once
// A programme is data (spec §3): requirements of kinds that lilo implements,
// with their parameters, and the essay criteria. Built-in programmes are
// compiled in; a centre's file may extend one and give only what differs.
#include <any>
#include <filesystem>
#include <functional>
#include <cstdint>
#include <map>
#include <optional>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "portfolio/fsys.hpp"
#include "text/categories.hpp"

namespace lilo {

struct RequirementSpec {
    std::string id;       // "R2"
    std::string kind;     // "journal"
    std::string title;
    nlohmann::json params; // the whole entry: kind, title and parameters, as the file gave them
    // The kind's parameters in the kind's own struct, defaults filled in
    // (rules/params.hpp; read with params_of<P> or param_text and the rest).
    std::any parsed;
};

struct CriterionSpec {
    std::string id;       // "C6"
    std::string title;
    bool required = true; // whether R6 is unmet while it is missing
    // What its section needs beyond words (the schema's `criterion`).
    std::optional<long> min_words;     // else the essay's `min_section_words`
    long min_citations = 0;
    std::optional<std::string> links_to; // a file, or a folder when it ends in '/'
    long min_list_items = 0;
    long min_dated_items = 0;
    nlohmann::json params;  // the entry as the file gave it
};

// What lilo reads at most, so that no portfolio can exhaust it (a
// programme's `limits:`; defaults for staff checking whatever arrives).
struct ReadLimits {
    std::uint64_t max_file_bytes = default_max_text_bytes; // each Markdown and YAML file
    int max_yaml_depth = 64;                            // nesting of maps and lists
    std::size_t max_yaml_nodes = 200000;                // values after alias expansion
    std::size_t max_files = 10000;                      // files in the portfolio
    std::size_t max_path_length = 1024;                 // bytes in a portfolio-relative path
};

// A qualification a portfolio reaches when every requirement it names is met
// (cambridge-diploma: the Certificate with R1–R6, the Diploma with R1–R8).
struct Award {
    std::string title;
    std::vector<std::string> requirements;
};

struct Programme {
    std::string id;
    std::string title;
    std::string source;                          // "built-in" or the file's path
    std::vector<std::string> chain;              // the file and what it extends, in turn ("built-in lilo-certificate" or a path)
    std::vector<RequirementSpec> requirements;   // in id order (R1, R2, …, R10)
    std::vector<CriterionSpec> criteria;         // in id order
    CountRules count_rules;                      // the programme's word-count rules
    ReadLimits limits;                           // the programme's `limits:`
    std::vector<Award> awards;                   // in the order given: the last reached is the qualification
    nlohmann::json resolved;                     // after every extends
    // JSON Pointer of each setting in `resolved` → where it was set
    // ("built-in lilo-certificate" or a file path).
    std::map<std::string, std::string> origins;
};

// Could not load a programme: an unknown id, an unreadable or invalid file, a
// cycle of extends. Always exit 2.
struct ProgrammeError : std::runtime_error {
    ProgrammeError(std::string file_, int line_, const std::string& msg)
        : std::runtime_error(msg), file(std::move(file_)), line(line_) {}
    std::string file;  // empty for an unknown id
    int line = 0;

    // "centre.yaml:4: invalid programme: …", as every command reports it.
    std::string describe() const
    {
        return (file.empty() ? "" : file + (line > 0 ? ":" + std::to_string(line) : "") + ": ") + "invalid programme: " + what();
    }
};

// `ref` is a built-in id or a path; a relative path is taken from `base_dir`.
Programme load_programme(const std::string& ref, const std::filesystem::path& base_dir);

// A programme file as a reader finds it: its text, how messages name it, what
// identifies it (to find a cycle of extends), and the folder that the files it
// extends are named from.
struct ProgrammeText {
    std::string text, label, key, dir;
};
// Reads the programme file `ref` named from folder `dir` ("" for the start),
// or throws ProgrammeError. The disk's reader takes paths as the user gave
// them; a portfolio's reads its own files, confined to it (lilo check).
using ProgrammeReader = std::function<ProgrammeText(const std::string& ref, const std::string& dir)>;
Programme load_programme(const std::string& ref, const ProgrammeReader& read);

// A programme file's text (it may extend a built-in programme or a file
// relative to the current folder); `label` names it in errors.
Programme programme_from_text(const std::string& text, const std::string& label);

// Whether a programme reference names a file (it has a '/' or ends in
// .yaml/.yml) rather than a built-in id.
bool programme_ref_is_path(std::string_view ref);

// Ids of the built-in programmes.
std::vector<std::string> builtin_programmes();
bool is_builtin_programme(std::string_view id);

// Applies `word_count: {include, exclude, cjk}` on top of `rules`.
CountRules apply_word_count_settings(CountRules rules, const nlohmann::json& settings);

// The rules a requirement's documents are counted by: the programme's, then
// the requirement's own `word_count:` (the MPhil thesis leaves footnotes out).
// lilo check, lilo count and lilo init all take them from here.
CountRules requirement_count_rules(const Programme& programme, const RequirementSpec& requirement);

} // namespace lilo
