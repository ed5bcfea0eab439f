#pragma once
// The two formats' readers, behind read_office (office.cpp).
#include <string>
#include <vector>

#include "office/markdown_out.hpp"
#include "office/office.hpp"
#include "office/package.hpp"

namespace lilo::office {

// A footnote or endnote referred to from `paragraph`, its body `node`.
struct Note { pugi::xml_node node; std::string label; int paragraph; };

// Writes the notes after the main text, in order of first reference, then
// finishes the text; `body` walks one note's content (and may add notes).
template <class Body>
void write_notes(MarkdownOut& md, const std::vector<Note>& notes, const std::string& error, Body body)
{
    for (std::size_t i = 0; i < notes.size() && error.empty(); ++i) {
        md.begin_note(notes[i].label, notes[i].paragraph);
        body(notes[i].node);
        md.end_note();
    }
    md.finish();
}

void read_docx(const Package& pkg, OfficeText& out);
void read_odt(const Package& pkg, OfficeText& out);

} // namespace lilo::office
