#pragma once
// The words of an exported .docx as Word counts them: every run of
// characters between white space (each CJK character one word), in the
// document's text (word/document.xml and word/footnotes.xml), not the
// docProps/app.xml figure that pandoc leaves unset. Prints nothing.
#include <cstdint>
#include <filesystem>
#include <string>

#include "text/word_style.hpp"

namespace lilo {

struct DocxWords {
    std::uint64_t total = 0;       // body + footnotes, as Word's status bar counts with notes included
    std::uint64_t headings = 0;    // paragraphs in a Heading or Title style
    std::uint64_t references = 0;  // the reference list (pandoc's Bibliography style)
    std::uint64_t footnotes = 0;   // word/footnotes.xml
    std::uint64_t tables = 0;      // text inside tables
    std::uint64_t appendices = 0;  // under a heading that begins Appendix, Appendices or 附錄, heading included
};

// Throws std::runtime_error when the file is no .docx.
DocxWords count_docx_words(const std::filesystem::path& docx);


} // namespace lilo
