#pragma once
// A Markdown document held to a word limit (the final reflective piece, a
// module's assignment, an MPhil essay, a thesis): its count against the
// limit, its `declared_words`, and its citations against its bibliography.
// Every kind that has such a document shares these findings and their words.
#include <optional>
#include <set>
#include <string>

#include "rules/context.hpp"

namespace lilo {

struct DocumentCheck {
    std::uint64_t words = 0;
    // The keys of the document's bibliography; nullopt when it has none.
    std::optional<std::set<std::string>> keys;
};

// Counts `doc` with `rules` and reports, as the current requirement's:
// `words` (outside `limit`), `declared-words` (front matter `declared_words`
// further than `declared_tolerance` from the count), `bibliography-missing`
// and `citation-unresolved`.
DocumentCheck check_document(CheckContext& ctx, const MarkdownFile& doc, const WordLimit& limit, double declared_tolerance,
                             const CountRules& rules);

// The rules for one requirement's documents: the programme's, then the
// requirement's own `word_count:`.
CountRules requirement_count_rules(const CheckContext& ctx);

// A requirement's limit from `target_words` and `tolerance`, else from
// `min_words` and `max_words`.
WordLimit requirement_limit(const nlohmann::json& params);

} // namespace lilo
