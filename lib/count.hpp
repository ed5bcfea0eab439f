#pragma once
// lilo count FILE...: the engine call. The options as the command line gives
// them in, the files counted and the rules they were counted by out; the
// renderers of its text, its JSON and its --rules listing. Prints nothing.
#include <array>
#include <istream>
#include <string>
#include <vector>

#include "count_report.hpp"

namespace lilo {

struct CountRequest {
    std::vector<std::string> files;             // Markdown, .docx or .odt; "-": `standard_input`
    std::vector<std::string> include, exclude;  // category names, each perhaps comma-separated
    std::string cjk;                            // "characters" or "none"; empty: the programme's, else the default
    std::string limit;                          // 1000~10%, 6000-6500, max:20000, min:150; empty: none
    std::string programme;                      // an id or a programme file; empty: the default rules
    bool by_section = false;                    // the words under each heading too
    bool rules = false;                         // the rules in force are wanted: no file is then no error
    std::istream* standard_input = nullptr;     // what "-" reads, when its turn comes (null: std::cin)
};

// The rules a count is held to, and where each setting comes from:
// "default", "programme <id>", "--include", "--exclude", "--cjk".
struct CountRulesInForce {
    CountRules rules = CountRules::defaults();
    std::array<std::string, category_count> origin;
    std::string cjk_origin = "default";
};

// A file that is one of the programme's documents with word-count rules of
// its own (the MPhil thesis), counted by them as lilo check counts it.
struct OwnCountRules {
    std::string file;   // as asked
    CountRules rules;   // the requirement's, with --include, --exclude and --cjk on top
    std::string from;   // "R2 (Thesis) of programme mphil-elsi"
};

// A file that could not be counted; the others still are.
struct CountProblem {
    enum class Kind { unreadable, bad_document };
    Kind kind = Kind::unreadable;  // bad_document: not a document at all (a zip bomb named .docx), bad input
    std::string message;           // "missing.md: no such file or directory"
};

struct CountResult {
    CountRulesInForce in_force;
    std::vector<OwnCountRules> own_rules;  // in the order asked
    CountReport report;                    // the files counted, in the order asked
    std::vector<CountProblem> problems;    // in the order met

    bool has(CountProblem::Kind kind) const;
    // The one file asked for could not be read: nothing was counted, and
    // lilo count cannot count (its error, exit 2) rather than report it.
    bool cannot_count() const { return problems.size() == 1 && report.files.empty() && has(CountProblem::Kind::unreadable); }
    // Every file counted is inside the --limit (or there is none).
    bool within_limit() const;
};

// Throws CannotCheck for options that are wrong (an unknown category, a
// limit that does not parse, a programme that does not load) and for no file
// at all unless `rules`; a file that cannot be counted is a CountProblem.
CountResult count_files(const CountRequest& request);

// --rules: each category counted or not and where that comes from, then each
// file with rules of its own and how they differ.
std::string render_count_rules(const CountResult& result);
// lilo count's text: each file's count by category, Word's count beside
// it, its sections with --by-section, its limit and declared words; a total.
std::string render_count_text(const CountReport& report);
// lilo count --format json (schemas/count.schema.json), with its newline.
std::string render_count_json(const CountReport& report);

} // namespace lilo
