#pragma once
// Which requirement's own word-count rules govern a document that `lilo
// count` is asked about, so that it counts a file as `lilo check` does: the
// MPhil thesis (mphil-elsi R2) leaves footnotes and tables out, although the
// programme as a whole counts them.
#include <filesystem>
#include <optional>
#include <string>

#include "programme/programme.hpp"

namespace lilo {

struct DocumentRules {
    std::string requirement;  // "R2"
    std::string title;        // "Thesis"
    std::string path;         // the requirement's path for it: "thesis/thesis.md"
    CountRules rules;         // the programme's rules with the requirement's `word_count:` applied
};

// The documents of `p` whose requirement has its own `word_count:` (an
// essay's, the thesis's, a module's assignment, an MPhil essay), and the
// one that `file` is: the file's path inside the portfolio that holds it
// (the nearest folder above it with a portfolio.yaml) equals the
// requirement's path; or, outside any portfolio or when no path matches,
// its file name is that of the requirement's documents and every such
// document is counted by the same rules. nullopt otherwise.
std::optional<DocumentRules> document_rules(const Programme& p, const std::filesystem::path& file);

} // namespace lilo
