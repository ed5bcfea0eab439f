#include "office/office.hpp"

#include <algorithm>

#include "office/package.hpp"
#include "office/readers.hpp"
#include "portfolio/fsys.hpp"
#include "text/utf8.hpp"

namespace lilo {
namespace {

bool ends_with_ci(std::string_view s, std::string_view ext)
{
    return s.size() >= ext.size() && iequals(s.substr(s.size() - ext.size()), ext);
}

CategoryCounts& segment_at(MarkdownDoc& doc, int heading)
{
    return heading < 0 ? doc.preamble : doc.headings[static_cast<std::size_t>(heading)].segment;
}

} // namespace

OfficeText read_office(std::string_view bytes, std::string_view name)
{
    OfficeText out;
    auto pkg = office::Package::open(bytes, out.error);
    if (!pkg) return out;
    if (ends_with_ci(name, ".odt")) office::read_odt(*pkg, out);
    else office::read_docx(*pkg, out);
    if (out.error.empty())
        if (auto bad = find_invalid_utf8(out.markdown))
            out.error = "holds text that is not UTF-8 (byte " + std::to_string(*bad) + " of its text); save it again from Word or LibreOffice";
    if (!out.error.empty()) {
        out.markdown.clear();
        out.paragraph_of_line.clear();
        out.word_text.clear();
    }
    return out;
}

MarkdownDoc analyze_office(const OfficeText& text, const AnalyzeOptions& options)
{
    MarkdownDoc doc = analyze_markdown(text.markdown, options);
    const auto& map = text.paragraph_of_line;
    auto paragraph = [&](int line) {
        return line >= 1 && static_cast<std::size_t>(line) <= map.size() ? map[static_cast<std::size_t>(line) - 1] : 0;
    };
    // Lines become paragraphs. Front matter from document properties has none.
    if (doc.front.present) doc.front.first_line = paragraph(doc.front.first_line);
    for (auto& h : doc.headings) h.line = paragraph(h.line);
    for (auto& i : doc.items) i.line = paragraph(i.line);
    for (auto& l : doc.links) l.line = paragraph(l.line);
    for (auto& c : doc.citations) c.line = paragraph(c.line);
    if (!options.structure && !text.citations.empty()) {
        // Without headings kept, every word sits in the preamble.
        for (const auto& c : text.citations) {
            if (c.in_note) continue;
            const TokenCount w = count_words(c.rendered, options.cjk);
            auto& body = doc.preamble.by[static_cast<std::size_t>(Category::body)];
            if (body.words < w.words || body.cjk < w.cjk) continue;
            body.words -= w.words;
            body.cjk -= w.cjk;
            doc.preamble.add(Category::citations, w);
        }
    }
    // A citation field's words are its citation's, as `[@key]` is in Markdown.
    for (const auto& c : text.citations) {
        int heading = -1;
        for (std::size_t h = 0; h < doc.headings.size(); ++h)
            if (doc.headings[h].line <= c.paragraph) heading = static_cast<int>(h);
        if (options.structure && !c.in_note) {
            const TokenCount w = count_words(c.rendered, options.cjk);
            auto& seg = segment_at(doc, heading);
            auto& body = seg.by[static_cast<std::size_t>(Category::body)];
            // In a reference list or an appendix the words are left out with it.
            if (body.words >= w.words && body.cjk >= w.cjk) {
                body.words -= w.words;
                body.cjk -= w.cjk;
                seg.add(Category::citations, w);
            }
        }
        for (const auto& k : c.keys) doc.citations.push_back({k, c.paragraph, heading});
    }
    std::stable_sort(doc.citations.begin(), doc.citations.end(), [](const Citation& a, const Citation& b) { return a.line < b.line; });
    doc.totals = doc.preamble;
    for (const auto& h : doc.headings) { doc.totals += h.own; doc.totals += h.segment; }
    return doc;
}


} // namespace lilo
