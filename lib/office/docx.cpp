// A .docx (Office Open XML) document as lilo reads it. See office.hpp.
#include <cstring>
#include <map>

#include "office/fields.hpp"
#include "office/markdown_out.hpp"
#include "office/package.hpp"
#include "office/readers.hpp"

namespace lilo::office {
namespace {

bool is(const pugi::xml_node& n, const char* name) { return std::strcmp(n.name(), name) == 0; }
std::string val(const pugi::xml_node& n) { return n.attribute("w:val").value(); }

struct Style {
    std::string name, based_on;
    int outline = -1;       // w:outlineLvl, 0-8
    bool numbered = false;  // a list style: w:numPr with a numId other than 0
};

class DocxReader {
public:
    DocxReader(const Package& pkg, OfficeText& out) : m_pkg(pkg), m_out(out), m_md(out) {}

    void run()
    {
        std::string error;
        pugi::xml_document doc;
        if (!m_pkg.xml(main_part(), doc, error)) { m_out.error = error.starts_with("has no") ? error + ": not a Word document" : error; return; }
        read_styles();
        read_relationships();
        load_optional("word/footnotes.xml", m_footnotes);
        load_optional("word/endnotes.xml", m_endnotes);
        read_properties();
        if (!m_out.error.empty()) return;
        const pugi::xml_node body = doc.child("w:document").child("w:body");
        if (!body) { m_out.error = main_part() + " has no w:body: not a Word document"; return; }
        blocks(body, 1);
        // Notes, in order of first reference, after the main text.
        write_notes(m_md, m_notes, m_out.error, [&](const pugi::xml_node& n) { blocks(n, 1); });
    }

private:
    const Package& m_pkg;
    OfficeText& m_out;
    MarkdownOut m_md;
    std::map<std::string, Style, std::less<>> m_styles;
    std::map<std::string, std::string, std::less<>> m_links; // relationship id → target
    pugi::xml_document m_footnotes, m_endnotes;
    std::vector<Note> m_notes;
    std::map<std::string, bool> m_noted;
    FieldStack m_fields;
    std::vector<pugi::xml_node> m_boxes;  // text boxes met in the open paragraph

    std::string main_part()
    {
        pugi::xml_document rels;
        std::string ignored;
        if (m_pkg.has("_rels/.rels") && m_pkg.xml("_rels/.rels", rels, ignored))
            for (const auto& r : rels.child("Relationships").children("Relationship"))
                if (std::string_view(r.attribute("Type").value()).ends_with("/officeDocument")) {
                    std::string t = r.attribute("Target").value();
                    while (t.starts_with("/")) t.erase(0, 1);
                    if (!t.empty()) return t;
                }
        return "word/document.xml";
    }

    bool too_deep(int depth)
    {
        if (depth <= max_xml_depth) return false;
        if (m_out.error.empty()) m_out.error = main_part() + ": elements nested deeper than " + std::to_string(max_xml_depth) + " levels";
        return true;
    }

    void load_optional(const std::string& part, pugi::xml_document& doc)
    {
        if (!m_pkg.has(part)) return;
        std::string error;
        if (!m_pkg.xml(part, doc, error)) m_out.error = error;
    }

    void read_styles()
    {
        pugi::xml_document doc;
        load_optional("word/styles.xml", doc);
        for (const auto& s : doc.child("w:styles").children("w:style")) {
            Style st;
            st.name = val(s.child("w:name"));
            st.based_on = val(s.child("w:basedOn"));
            const auto ppr = s.child("w:pPr");
            if (auto o = ppr.child("w:outlineLvl")) st.outline = o.attribute("w:val").as_int(-1);
            if (auto num = ppr.child("w:numPr").child("w:numId")) st.numbered = val(num) != "0";
            m_styles[s.attribute("w:styleId").value()] = st;
        }
    }

    void read_relationships()
    {
        pugi::xml_document doc;
        load_optional("word/_rels/document.xml.rels", doc);
        for (const auto& r : doc.child("Relationships").children("Relationship"))
            if (std::string_view(r.attribute("Type").value()).ends_with("/hyperlink"))
                m_links[r.attribute("Id").value()] = r.attribute("Target").value();
    }

    void read_properties()
    {
        pugi::xml_document app, custom;
        load_optional("docProps/app.xml", app);
        if (auto w = app.child("Properties").child("Words")) {
            m_out.saved_words = w.text().as_ullong();
            m_out.saved_words_from = "docProps/app.xml";
        }
        load_optional("docProps/custom.xml", custom);
        for (const auto& p : custom.child("Properties").children("property")) {
            const std::string name = p.attribute("name").value();
            if (name.empty()) continue;
            std::string value = inner_text(p);
            // A date property (vt:filetime, 2026-03-04T00:00:00Z) is the date.
            if (p.child("vt:filetime") && value.size() >= 10) value.resize(10);
            property_front_matter(m_md.front, name, value);
        }
        if (!m_md.front.empty()) m_md.front_from = "docProps/custom.xml";
    }

    // The style chain's heading level, list-ness and kind.
    int style_heading(const std::string& id, int guard = 0) const
    {
        auto it = m_styles.find(id);
        if (it == m_styles.end() || guard > 20) return 0;
        if (it->second.outline >= 0 && it->second.outline <= 8) return it->second.outline + 1;
        if (int l = heading_level_of_style_name(it->second.name)) return l;
        return it->second.based_on.empty() ? 0 : style_heading(it->second.based_on, guard + 1);
    }
    bool style_numbered(const std::string& id, int guard = 0) const
    {
        auto it = m_styles.find(id);
        if (it == m_styles.end() || guard > 20) return false;
        return it->second.numbered || (!it->second.based_on.empty() && style_numbered(it->second.based_on, guard + 1));
    }
    BlockKind style_kind(const std::string& id, int guard = 0) const
    {
        auto it = m_styles.find(id);
        if (it == m_styles.end() || guard > 20) return BlockKind::paragraph;
        const BlockKind k = block_kind_of_style_name(it->second.name.empty() ? id : it->second.name);
        if (k != BlockKind::paragraph || it->second.based_on.empty()) return k;
        return style_kind(it->second.based_on, guard + 1);
    }

    void blocks(const pugi::xml_node& parent, int depth)
    {
        if (too_deep(depth)) return;
        for (const auto& n : parent.children()) {
            if (!m_out.error.empty()) return;
            if (is(n, "w:p")) paragraph(n, depth + 1);
            else if (is(n, "w:tbl")) table(n, depth + 1);
            else if (is(n, "w:sdt")) blocks(n.child("w:sdtContent"), depth + 1);
            else if (is(n, "w:customXml") || is(n, "w:ins") || is(n, "w:moveTo")) blocks(n, depth + 1);
            else if (is(n, "mc:AlternateContent")) blocks(n.child("mc:Choice"), depth + 1);
        }
    }

    void table(const pugi::xml_node& tbl, int depth)
    {
        if (too_deep(depth)) return;
        m_md.begin_table();
        for (const auto& tr : tbl.children("w:tr")) {
            m_md.begin_row();
            for (const auto& tc : tr.children()) {
                if (is(tc, "w:tc")) { m_md.begin_cell(); blocks(tc, depth + 2); }
                else if (is(tc, "w:sdt")) for (const auto& c : tc.child("w:sdtContent").children("w:tc")) { m_md.begin_cell(); blocks(c, depth + 3); }
            }
        }
        m_md.end_table();
    }

    void paragraph(const pugi::xml_node& p, int depth)
    {
        if (!m_md.in_note()) m_md.next_paragraph(); // a note's lines point at the paragraph that refers to it
        const auto ppr = p.child("w:pPr");
        const std::string style = val(ppr.child("w:pStyle"));
        int level = 0;
        if (auto o = ppr.child("w:outlineLvl")) {
            const int l = o.attribute("w:val").as_int(9);
            level = l >= 0 && l <= 8 ? l + 1 : 0;
        } else {
            level = style_heading(style);
        }
        const auto num = ppr.child("w:numPr");
        const bool direct_list = num && val(num.child("w:numId")) != "0";
        const bool listed = direct_list || (!num && style_numbered(style));
        inline_children(p, depth + 1);
        BlockKind kind = style_kind(style);
        int block_level = 0;
        if (level > 0) { kind = BlockKind::heading; block_level = level; }
        else if (listed) { kind = BlockKind::item; block_level = num.child("w:ilvl").attribute("w:val").as_int(0) + 1; }
        m_md.end_paragraph(kind, block_level);
        // Text boxes anchored in the paragraph: their paragraphs follow it.
        auto boxes = std::move(m_boxes);
        m_boxes.clear();
        for (const auto& b : boxes) blocks(b, depth + 1);
    }

    void inline_children(const pugi::xml_node& parent, int depth)
    {
        if (too_deep(depth)) return;
        for (const auto& n : parent.children()) {
            if (!m_out.error.empty()) return;
            const std::string_view name = n.name();
            if (name == "w:r") run(n, depth + 1);
            else if (name == "w:hyperlink") hyperlink(n, depth + 1);
            else if (name == "w:fldSimple") simple_field(n, depth + 1);
            else if (name == "w:ins" || name == "w:moveTo" || name == "w:smartTag" || name == "w:customXml" || name == "w:bdo" || name == "w:dir")
                inline_children(n, depth + 1);
            else if (name == "w:sdt") inline_children(n.child("w:sdtContent"), depth + 1);
            else if (name == "m:oMath" || name == "m:oMathPara") { if (m_fields.shows_text()) m_md.math(math_text(n)); }
            else if (name == "mc:AlternateContent") inline_children(n.child("mc:Choice"), depth + 1);
            // w:del, w:moveFrom (deleted), comments, bookmarks, proofing marks: nothing to count.
        }
    }

    static std::string math_text(const pugi::xml_node& n)
    {
        std::string out;
        out = inner_text(n);
        return out;
    }

    void hyperlink(const pugi::xml_node& h, int depth)
    {
        std::string target;
        if (auto id = h.attribute("r:id")) { auto it = m_links.find(id.value()); if (it != m_links.end()) target = it->second; }
        else if (auto a = h.attribute("w:anchor")) target = std::string("#") + a.value();
        if (target.empty() || !m_fields.shows_text()) { inline_children(h, depth); return; }
        m_md.begin_link();
        inline_children(h, depth);
        m_md.end_link(target);
    }

    void simple_field(const pugi::xml_node& f, int depth)
    {
        m_fields.begin();
        m_fields.instruction(f.attribute("w:instr").value());
        m_fields.separate();
        inline_children(f, depth);
        end_field();
    }

    void end_field()
    {
        if (auto c = m_fields.end()) {
            c->paragraph = m_md.paragraph();
            c->in_note = m_md.in_note();
            m_out.citations.push_back(std::move(*c));
        }
    }

    void show(std::string_view s)
    {
        if (!m_fields.shows_text()) return;
        m_md.text(s);
        m_fields.rendered(s);
    }

    void run(const pugi::xml_node& r, int depth)
    {
        const bool code = std::string_view(val(r.child("w:rPr").child("w:rStyle"))) == "VerbatimChar";
        for (const auto& n : r.children()) {
            const std::string_view name = n.name();
            if (name == "w:t") {
                if (!m_fields.shows_text()) continue;
                if (code) m_md.code_text(n.text().get());
                else show(n.text().get());
            }
            else if (name == "w:tab" || name == "w:ptab") show(" ");
            else if (name == "w:br" || name == "w:cr") { if (m_fields.shows_text()) m_md.line_break(); }
            else if (name == "w:noBreakHyphen") show("-");
            else if (name == "w:instrText") m_fields.instruction(n.text().get());
            else if (name == "w:fldChar") {
                const std::string_view type = n.attribute("w:fldCharType").value();
                if (type == "begin") m_fields.begin();
                else if (type == "separate") m_fields.separate();
                else if (type == "end") end_field();
            }
            else if (name == "w:footnoteReference" || name == "w:endnoteReference") note_reference(n, name == "w:endnoteReference");
            else if (name == "w:drawing" || name == "w:pict" || name == "mc:AlternateContent") find_text_boxes(n, depth + 1);
        }
    }

    void note_reference(const pugi::xml_node& ref, bool endnote)
    {
        if (!m_fields.shows_text()) return;
        const std::string id = ref.attribute("w:id").value();
        const std::string label = std::string(endnote ? "lilo-endnote-" : "lilo-footnote-") + id;
        m_md.raw("[^" + label + "]");
        if (m_noted.emplace(label, true).second) {
            const auto& doc = endnote ? m_endnotes : m_footnotes;
            for (const auto& note : doc.first_child().children())
                if (id == note.attribute("w:id").value()) {
                    m_notes.push_back({note, label, m_md.paragraph()});
                    break;
                }
        }
    }

    // w:txbxContent below a drawing; the VML fallback copy of the same box is skipped.
    void find_text_boxes(const pugi::xml_node& n, int depth)
    {
        if (too_deep(depth)) return;
        for (const auto& c : n.children()) {
            if (is(c, "mc:Fallback")) continue;
            if (is(c, "w:txbxContent")) m_boxes.push_back(c);
            else find_text_boxes(c, depth + 1);
        }
    }
};

} // namespace

void read_docx(const Package& pkg, OfficeText& out)
{
    DocxReader(pkg, out).run();
}

} // namespace lilo::office
