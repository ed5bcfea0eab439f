#pragma once
// A Markdown document held to a word limit (the final reflective piece, a
// module's assignment, an MPhil essay, a thesis): its count against the
// limit, its `declared_words`, and its citations against its bibliography.
// Every kind that has such a document shares these findings and their words.
#include <optional>
#include <set>
#include <string>

#include "rules/context.hpp"
#include "rules/kinds.hpp"

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
// `min_words` and `max_words` (the parameters its kind takes).
WordLimit requirement_limit(const RequirementSpec& requirement);

// The parameters every kind with such a document shares: its Params derives
// from this, and its fields list field_declared_tolerance<Params> and
// field_word_count<Params> (and field_component<Params> where its Params has
// a `std::optional<std::string> component`).
struct DocumentParams {
    double declared_tolerance = default_declared_tolerance;
    nlohmann::json word_count = nullptr;  // {include, exclude, cjk} over the programme's rules (null: none)
};
template <class P>
inline constexpr Field field_declared_tolerance =
    field<P, &P::declared_tolerance>("declared_tolerance", "how far `declared_words` may lie from the count, as a fraction of it");
template <class P>
inline constexpr Field field_word_count =
    field<P, &P::word_count>("word_count", "the document's own word-count rules ({include, exclude, cjk}) on top of the programme's");
template <class P>
inline constexpr Field field_component = field<P, &P::component>(
    "component", "`lilo export`: the component code of the document's file (an essay's default: the portfolio's, `submission: component:`)");

// The codes every kind with such a document shares.
inline constexpr KindCode code_words{"words", "The document has too few or too many words for its limit.",
                                     "Write more, or cut; `lilo count FILE` shows what counts."};
inline constexpr KindCode code_declared_words{"declared-words", "`declared_words` differs from the count by more than the tolerance.",
                                              "Set it to the count `lilo count FILE` gives."};
inline constexpr KindCode code_bibliography_missing{"bibliography-missing", "The document cites works but no bibliography is found.",
                                                    "Give `bibliography:` in the front matter, or add references.yaml."};
inline constexpr KindCode code_citation_unresolved{"citation-unresolved", "A cited key is not in the bibliography.",
                                                   "Add the work to the bibliography, or correct the key."};
inline constexpr KindCode code_missing{"missing", "The file does not exist.", "Create it (`lilo init` writes a starting point)."};

} // namespace lilo
