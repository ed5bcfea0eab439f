#pragma once
// How Microsoft Word's Word Count splits text, for showing beside lilo's own
// count (spec §4): runs of characters between white space, each CJK
// ideograph or kana a word on its own, CJK and full-width punctuation between
// words. One function, for `lilo count` on a .docx and for `lilo export`'s
// summary of the .docx it writes.
#include <cstdint>
#include <string_view>

namespace lilo {

std::uint64_t word_style_count(std::string_view text);

} // namespace lilo
