// An .odt (OpenDocument Text) document as lilo reads it. See office.hpp.
#include <algorithm>
#include <cstring>
#include <map>

#include "office/fields.hpp"
#include "office/markdown_out.hpp"
#include "office/package.hpp"
#include "office/readers.hpp"

namespace lilo::office {
namespace {

bool is(const pugi::xml_node& n, const char* name) { return std::strcmp(n.name(), name) == 0; }

class OdtReader {
public:
    OdtReader(const Package& pkg, OfficeText& out) : m_pkg(pkg), m_out(out), m_md(out) {}

    void run()
    {
        std::string error;
        pugi::xml_document doc;
        if (!m_pkg.xml("content.xml", doc, error)) { m_out.error = error.starts_with("has no") ? error + ": not an OpenDocument text" : error; return; }
        read_styles(doc.child("office:document-content").child("office:automatic-styles"));
        pugi::xml_document styles;
        if (m_pkg.has("styles.xml") && m_pkg.xml("styles.xml", styles, error)) read_styles(styles.child("office:document-styles").child("office:styles"));
        read_meta();
        const pugi::xml_node text = doc.child("office:document-content").child("office:body").child("office:text");
        if (!text) { m_out.error = "content.xml has no office:text: not an OpenDocument text"; return; }
        blocks(text, 1, 0);
        write_notes(m_md, m_notes, m_out.error, [&](const pugi::xml_node& n) { blocks(n, 1, 0); });
    }

private:
    const Package& m_pkg;
    OfficeText& m_out;
    MarkdownOut m_md;
    std::map<std::string, std::string, std::less<>> m_parent; // style → parent style
    std::map<std::string, std::string, std::less<>> m_display; // style → display name
    std::vector<Note> m_notes;
    std::vector<pugi::xml_node> m_boxes;
    FieldCitation m_citation;
    bool m_in_citation = false;

    bool too_deep(int depth)
    {
        if (depth <= max_xml_depth) return false;
        if (m_out.error.empty()) m_out.error = "content.xml: elements nested deeper than " + std::to_string(max_xml_depth) + " levels";
        return true;
    }

    void read_styles(const pugi::xml_node& styles)
    {
        for (const auto& s : styles.children("style:style")) {
            const std::string name = s.attribute("style:name").value();
            m_parent[name] = s.attribute("style:parent-style-name").value();
            const char* display = s.attribute("style:display-name").value();
            m_display[name] = *display ? display : name;
        }
    }

    void read_meta()
    {
        if (!m_pkg.has("meta.xml")) return;
        pugi::xml_document meta;
        std::string error;
        if (!m_pkg.xml("meta.xml", meta, error)) { m_out.error = error; return; }
        const auto m = meta.child("office:document-meta").child("office:meta");
        if (auto stat = m.child("meta:document-statistic"); stat && stat.attribute("meta:word-count")) {
            m_out.saved_words = stat.attribute("meta:word-count").as_ullong();
            m_out.saved_words_from = "meta.xml";
        }
        for (const auto& u : m.children("meta:user-defined")) {
            const std::string name = u.attribute("meta:name").value();
            if (!name.empty()) property_front_matter(m_md.front, name, inner_text(u));
        }
        if (!m_md.front.empty()) m_md.front_from = "meta.xml";
    }

    BlockKind style_kind(std::string style) const
    {
        for (int guard = 0; guard < 20 && !style.empty(); ++guard) {
            auto d = m_display.find(style);
            const BlockKind k = block_kind_of_style_name(d != m_display.end() ? d->second : style);
            if (k != BlockKind::paragraph) return k;
            auto p = m_parent.find(style);
            if (p == m_parent.end()) break;
            style = p->second;
        }
        return BlockKind::paragraph;
    }

    // Block content: paragraphs, headings, lists (list_depth > 0 inside one), tables, sections.
    void blocks(const pugi::xml_node& parent, int depth, int list_depth)
    {
        if (too_deep(depth)) return;
        for (const auto& n : parent.children()) {
            if (!m_out.error.empty()) return;
            if (is(n, "text:p") || is(n, "text:h")) paragraph(n, depth + 1, list_depth);
            else if (is(n, "text:list")) {
                for (const auto& item : n.children())
                    if (is(item, "text:list-item") || is(item, "text:list-header")) blocks(item, depth + 2, list_depth + 1);
            }
            else if (is(n, "table:table")) table(n, depth + 1);
            else if (is(n, "text:section") || is(n, "text:soft-page-break")) blocks(n, depth + 1, list_depth);
            // text:table-of-content, text:tracked-changes (deleted text), office:forms: not counted.
        }
    }

    void table(const pugi::xml_node& t, int depth)
    {
        if (too_deep(depth)) return;
        m_md.begin_table();
        rows(t, depth + 1);
        m_md.end_table();
    }

    void rows(const pugi::xml_node& parent, int depth)
    {
        if (too_deep(depth)) return;
        for (const auto& r : parent.children()) {
            if (is(r, "table:table-row")) {
                m_md.begin_row();
                for (const auto& c : r.children("table:table-cell")) { m_md.begin_cell(); blocks(c, depth + 2, 0); }
            } else if (is(r, "table:table-header-rows") || is(r, "table:table-rows") || is(r, "table:table-row-group")) {
                rows(r, depth + 1);
            }
        }
    }

    void paragraph(const pugi::xml_node& p, int depth, int list_depth)
    {
        if (!m_md.in_note()) m_md.next_paragraph();
        inline_children(p, depth + 1);
        BlockKind kind = style_kind(p.attribute("text:style-name").value());
        int level = 0;
        if (is(p, "text:h")) { kind = BlockKind::heading; level = p.attribute("text:outline-level").as_int(1); }
        else if (list_depth > 0) { kind = BlockKind::item; level = list_depth; }
        m_md.end_paragraph(kind, level);
        auto boxes = std::move(m_boxes);
        m_boxes.clear();
        for (const auto& b : boxes) blocks(b, depth + 1, 0);
    }

    void show(std::string_view s)
    {
        m_md.text(s);
        if (m_in_citation) m_citation.rendered += s;
    }

    void inline_children(const pugi::xml_node& parent, int depth)
    {
        if (too_deep(depth)) return;
        for (const auto& n : parent.children()) {
            if (n.type() == pugi::node_pcdata) { show(n.value()); continue; }
            const std::string_view name = n.name();
            if (name == "text:span" || name == "text:sequence" || name == "text:bibliography-mark" || name == "text:date" ||
                name == "text:page-number" || name == "text:reference-ref" || name == "text:bookmark-ref" || name == "text:meta" ||
                name == "text:ruby" || name == "text:ruby-base")
                inline_children(n, depth + 1);
            else if (name == "text:s") { const int c = std::clamp(n.attribute("text:c").as_int(1), 1, 1000); show(std::string(static_cast<std::size_t>(c), ' ')); }
            else if (name == "text:tab") show(" ");
            else if (name == "text:line-break") m_md.line_break();
            else if (name == "text:a") {
                const std::string target = n.attribute("xlink:href").value();
                if (target.empty()) { inline_children(n, depth + 1); continue; }
                m_md.begin_link();
                inline_children(n, depth + 1);
                m_md.end_link(target);
            }
            else if (name == "text:note") note(n);
            else if (name.starts_with("draw:")) find_text_boxes(n, depth + 1);
            else if (name == "text:reference-mark-start") citation_start(n.attribute("text:name").value());
            else if (name == "text:reference-mark-end" || name == "field:fieldmark-end") citation_end();
            else if (name == "field:fieldmark-start") {
                // A Word field LibreOffice kept: its code in a parameter, its result the text up to fieldmark-end.
                for (const auto& param : n.children("field:param"))
                    if (std::string_view(param.attribute("field:name").value()) == "vnd.oasis.opendocument.field.code")
                        citation_start(param.attribute("field:value").value());
            }
            // office:annotation (comments), text:change (a deletion's place), bookmarks: nothing to count.
        }
    }

    // Zotero in LibreOffice: a reference mark named "ZOTERO_ITEM CSL_CITATION {…} RND…" around the
    // citation; a Word citation field LibreOffice kept: a fieldmark whose code is "ADDIN ZOTERO_ITEM …".
    void citation_start(std::string name)
    {
        if (name.starts_with("ADDIN ")) name.erase(0, 6);
        if (!name.starts_with("ZOTERO_ITEM") && !name.starts_with("CSL_CITATION") && !name.starts_with("EN.CITE")) return;
        m_citation = {};
        m_citation.keys = citation_keys(name);
        m_in_citation = true;
    }

    void citation_end()
    {
        if (!m_in_citation) return;
        m_in_citation = false;
        m_citation.paragraph = m_md.paragraph();
        m_citation.in_note = m_md.in_note();
        m_out.citations.push_back(std::move(m_citation));
    }

    void note(const pugi::xml_node& n)
    {
        const std::string label = "lilo-note-" + std::to_string(m_notes.size() + 1);
        m_md.raw("[^" + label + "]");
        m_notes.push_back({n.child("text:note-body"), label, m_md.paragraph()});
    }

    // A frame's draw:text-box, or a shape (draw:custom-shape, draw:rect …) with paragraphs of its own.
    void find_text_boxes(const pugi::xml_node& n, int depth)
    {
        if (too_deep(depth)) return;
        if (is(n, "draw:text-box") || n.child("text:p") || n.child("text:list")) { m_boxes.push_back(n); return; }
        for (const auto& c : n.children())
            if (std::string_view(c.name()).starts_with("draw:")) find_text_boxes(c, depth + 1);
    }
};

} // namespace

void read_odt(const Package& pkg, OfficeText& out)
{
    OdtReader(pkg, out).run();
}

} // namespace lilo::office
