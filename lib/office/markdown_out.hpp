#pragma once
// The normalised Markdown a Word or OpenDocument document is put into, built
// paragraph by paragraph by the format's reader (docx.cpp, odt.cpp). Word's
// text is escaped, so nothing in it is read as Markdown syntax; every line
// written remembers the paragraph it came from.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "office/office.hpp"

namespace lilo::office {

enum class BlockKind { paragraph, heading, item, quote, code, caption };

class MarkdownOut {
public:
    explicit MarkdownOut(OfficeText& out) : m_out(out) {}

    // Inline text of the open paragraph.
    void text(std::string_view s);          // the document's own text
    void line_break();                      // a line break inside a paragraph
    void code_text(std::string_view s);     // text in a code character style
    void math(std::string_view s);          // an equation's text
    void raw(std::string_view s) { m_md += s; } // Markdown syntax (links, note references)
    void begin_link() { m_md += '['; }
    void end_link(std::string_view target);
    std::string_view plain() const { return m_plain; }

    // The open paragraph is complete: written as a block of `kind`.
    void end_paragraph(BlockKind kind, int level = 0);
    // The paragraph number the next paragraph gets, and the current one.
    int next_paragraph() { return ++m_paragraph; }
    int paragraph() const { return m_paragraph; }

    // A table: paragraphs inside are its cells' text.
    void begin_table();
    void begin_row();
    void begin_cell();
    void end_table();

    // A footnote or endnote's body, written after the main text. `at` is the
    // paragraph that refers to it (its lines point there).
    void begin_note(const std::string& label, int at);
    void end_note();
    bool in_note() const { return m_note_open; }

    // Front matter: YAML lines, each with its paragraph (0: document properties).
    std::vector<std::pair<std::string, int>> front;
    std::string front_from;

    // Joins front matter, main text and notes into m_out.
    void finish();

private:
    OfficeText& m_out;
    std::string m_md, m_plain;           // the open paragraph, as Markdown and as text
    int m_paragraph = 0;
    int m_code_fence_open = 0;
    int m_last_item_depth = 0;
    bool m_yaml_possible = true;         // no block written yet: a `---` paragraph opens front matter
    bool m_in_yaml = false;
    std::vector<std::pair<std::string, int>> m_yaml;
    // Lines of the main text and of the notes, each with its paragraph.
    std::vector<std::pair<std::string, int>> m_body, m_notes;
    bool m_note_open = false, m_note_first = true;
    int m_note_at = 0;
    std::string m_pending_label;
    // The open table (depth 1 only; nested tables run into the cell).
    int m_table_depth = 0;
    std::vector<std::vector<std::string>> m_rows;
    std::vector<int> m_row_paragraph;

    void line(std::string s, int paragraph);
    void close_code();
    void write_block(BlockKind kind, int level, std::string md, const std::string& plain);
};

// "Heading 2" → 2, "Title" → 1, anything else 0 (Word's English names, any case).
int heading_level_of_style_name(std::string_view name);
// What a paragraph style's name says about its paragraphs (quotations, code, captions).
BlockKind block_kind_of_style_name(std::string_view name);

} // namespace lilo::office
