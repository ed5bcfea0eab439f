#pragma once
// Word (.docx) and OpenDocument (.odt) documents as lilo reads them: the
// text is put into the normalised Markdown the Markdown reader analyses, so
// that one analyser and one word counter (text/words) give §4's count, and
// every line of that text remembers its paragraph in the document, so that
// diagnostics point at `essay.docx:¶14`.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "markdown/document.hpp"

#include "text/word_style.hpp"

namespace lilo {

// A citation field (Zotero, Mendeley, EndNote): the words it shows and the
// keys it carries, if any.
struct FieldCitation {
    std::vector<std::string> keys;
    std::string rendered;
    int paragraph = 0;
    bool in_note = false;    // inside a footnote or endnote
};

struct OfficeText {
    std::string markdown;                 // what analyze_markdown reads
    std::vector<int> paragraph_of_line;   // [line - 1] → paragraph (1-based); 0: the front matter
    std::string word_text;                // the text Word counts: body, tables, text boxes, notes
    std::optional<std::uint64_t> saved_words; // docProps/app.xml <Words> or meta.xml's word-count
    std::string saved_words_from;         // "docProps/app.xml" or "meta.xml"
    std::vector<FieldCitation> citations;
    std::string front_from;               // "docProps/custom.xml", "meta.xml", "a YAML block at ¶1" or ""
    std::string error;                    // why it could not be read: "is not a zip archive"...
};

// Reads a .docx or .odt from its bytes (`name` decides which). Never throws
// on bad input: `error` says what is wrong, in words for the file's owner.
OfficeText read_office(std::string_view bytes, std::string_view name);

// The document model, as analyze_markdown gives it for a Markdown file, with
// every line a paragraph number and citation fields counted as citations.
MarkdownDoc analyze_office(const OfficeText& text, const AnalyzeOptions& options = {});


} // namespace lilo
