#pragma once
// What md4c does not know: pandoc footnote definitions. They are cut out of
// the text (their lines blanked, so line numbers stay) and analysed apart.
#include <cstddef>
#include <string>
#include <vector>

namespace lilo {

struct FootnoteDefinition {
    std::string label;
    std::string body;    // the definition's text, continuation lines dedented
    int first_line = 0;  // 1-based line in the file
};

// Blanks every footnote definition in text[from…] (outside fenced code) and
// returns them in order. `first_line` is the line number at offset `from`.
std::vector<FootnoteDefinition> extract_footnotes(char* data, std::size_t size, std::size_t from, int first_line);

} // namespace lilo
