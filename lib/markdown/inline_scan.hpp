#pragma once
// Pandoc's inline additions, found in a block's rendered text: citations
// (`[see @key, p. 4]`, `@key`, `@key [p. 4]`), footnote references (`[^1]`)
// and inline notes (`^[…]`).
#include <cstddef>
#include <functional>
#include <string_view>

#include "text/words.hpp"

namespace lilo {

// Citation key at text[i] (just after the '@'); returns its length, 0 if none.
std::size_t citation_key_length(std::string_view text, std::size_t i);

struct InlineEvents {
    // Plain text between constructs, to be counted in the block's category.
    std::function<void(std::string_view text, std::size_t pos)> text;
    // A cited key; `words` is what the whole citation item counts (2 + prefix + locator).
    std::function<void(std::string_view key, std::size_t pos, TokenCount words)> citation;
    std::function<void(std::string_view label, std::size_t pos)> footnote_ref;
    // The content of an inline note `^[…]`, to be scanned again as footnote text.
    std::function<void(std::string_view inner, std::size_t pos)> inline_note;
    // TeX math, `$…$` or `$$…$$`, by pandoc's rule: the opening `$` has a
    // non-space right after it, the closing one a non-space right before it
    // and no digit right after it.
    std::function<void(std::string_view inner)> math;
};

// `pos` arguments are offsets into `text`.
void scan_inline(std::string_view text, CjkMode mode, const InlineEvents& events);

} // namespace lilo
