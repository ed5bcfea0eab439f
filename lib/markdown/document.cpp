#include "markdown/document.hpp"

#include <algorithm>
#include <unordered_map>
#include <md4c.h>

#include "markdown/html.hpp"
#include "markdown/inline_scan.hpp"
#include "markdown/preprocess.hpp"
#include "text/near.hpp"
#include "text/utf8.hpp"

namespace lilo {
namespace {

// Byte offset → line, by a table of line starts built on first use.
class LineIndex {
public:
    explicit LineIndex(std::string_view text) : m_text(text) {}
    int line(std::size_t offset)
    {
        if (m_starts.empty()) {
            m_starts.push_back(0);
            for (std::size_t i = 0; i < m_text.size(); ++i)
                if (m_text[i] == '\n') m_starts.push_back(i + 1);
        }
        auto it = std::upper_bound(m_starts.begin(), m_starts.end(), offset);
        return static_cast<int>(it - m_starts.begin());
    }
private:
    std::string_view m_text;
    std::vector<std::size_t> m_starts;
};

constexpr char sep = '\x01';

class Analyzer {
public:
    Analyzer(std::string_view doc, const AnalyzeOptions& opt, MarkdownDoc& out)
        : m_doc(doc), m_opt(opt), m_out(out), m_lines(doc) {}

    void run(std::size_t body_start)
    {
        MD_PARSER parser{};
        // TeX math is found by pandoc's rule in the inline scan, not by md4c's looser one.
        parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS;
        parser.enter_block = [](MD_BLOCKTYPE t, void* d, void* u) { return static_cast<Analyzer*>(u)->enter_block(t, d); };
        parser.leave_block = [](MD_BLOCKTYPE t, void* d, void* u) { return static_cast<Analyzer*>(u)->leave_block(t, d); };
        parser.enter_span = [](MD_SPANTYPE t, void* d, void* u) { return static_cast<Analyzer*>(u)->enter_span(t, d); };
        parser.leave_span = [](MD_SPANTYPE t, void* d, void* u) { return static_cast<Analyzer*>(u)->leave_span(t, d); };
        parser.text = [](MD_TEXTTYPE t, const MD_CHAR* s, MD_SIZE n, void* u) {
            return static_cast<Analyzer*>(u)->text(t, std::string_view(s, n));
        };
        md_parse(m_doc.data() + body_start, static_cast<MD_SIZE>(m_doc.size() - body_start), &parser, this);
        flush();
        commit_pending_caption(false);
    }

    // The footnote definitions (cut out before parsing) by label, and for
    // each one referenced, in order of first reference: the heading it sits
    // under and the category its words take there.
    struct NoteRef { std::size_t def; int heading; Category where; };
    std::vector<NoteRef> note_refs;
    std::unordered_map<std::string_view, std::size_t> note_index; // label → definition; npos once referenced

    // Used for footnote bodies: every counted word is a footnote word.
    bool as_footnote = false;
    int line_offset = 0; // added to lines (footnote bodies are analysed apart)

private:
    std::string_view m_doc;
    const AnalyzeOptions& m_opt;
    MarkdownDoc& m_out;
    LineIndex m_lines;

    std::string m_buf;                                   // rendered inline text of the open leaf
    std::vector<std::pair<std::size_t, std::size_t>> m_anchors; // (offset in m_buf, offset in m_doc)
    std::string m_plain;                                 // heading text, with code
    std::vector<std::size_t> m_open_items;               // indices into m_out.items
    int m_heading_level = 0;                             // inside a heading
    int m_table_depth = 0;
    int m_img_depth = 0;
    bool m_in_code_block = false;
    bool m_in_html_block = false;
    WordStream m_code{m_opt.cjk}, m_alt{m_opt.cjk};
    std::string m_html;
    ExcludedSection m_excluded = ExcludedSection::none;
    int m_excluded_level = 0;
    int m_first_text_line = 0;                           // line of the open leaf's first text
    bool m_after_table = false;                          // the previous block closed a table
    bool m_p_after_table = false;
    struct PendingCaption { CategoryCounts counts; TokenCount words; int heading; bool active = false; } m_pending;

    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    // Without structure, headings are not kept: every word counts into the preamble.
    int current_heading() const { return static_cast<int>(m_out.headings.size()) - 1; }

    CategoryCounts& segment() { return m_out.headings.empty() ? m_out.preamble : m_out.headings.back().segment; }

    Category excluded_category() const
    {
        return m_excluded == ExcludedSection::references ? Category::references : Category::appendices;
    }

    // Where a word of category c lands, given the section and footnote context.
    Category place(Category c) const
    {
        if (m_excluded != ExcludedSection::none) return excluded_category();
        if (as_footnote && (c == Category::body || c == Category::headings || c == Category::citations))
            return Category::footnotes;
        return c;
    }

    void add(Category c, TokenCount t)
    {
        if (t.words == 0) return;
        segment().add(place(c), t);
    }

    int line_at_doc(std::size_t doc_offset) { return m_lines.line(doc_offset) + line_offset; }

    int line_at_buf(std::size_t pos)
    {
        std::size_t doc_off = 0;
        for (auto it = m_anchors.rbegin(); it != m_anchors.rend(); ++it)
            if (it->first <= pos) { doc_off = it->second + (pos - it->first); break; }
        return line_at_doc(doc_off);
    }

    void note_text_position(const char* p)
    {
        if (!m_opt.structure || p < m_doc.data() || p >= m_doc.data() + m_doc.size()) return;
        const auto off = static_cast<std::size_t>(p - m_doc.data());
        m_anchors.emplace_back(m_buf.size(), off);
        if (m_first_text_line == 0) m_first_text_line = line_at_doc(off);
        for (auto idx : m_open_items)
            if (m_out.items[idx].line == 0) m_out.items[idx].line = line_at_doc(off);
    }

    Category leaf_category() const
    {
        if (m_table_depth > 0) return Category::tables;
        if (m_heading_level > 0) return Category::headings;
        return Category::body;
    }

    // Counts the open leaf's text and finds its citations and notes.
    void flush()
    {
        if (m_buf.empty()) { m_anchors.clear(); return; }
        scan(m_buf, leaf_category(), nullptr);
        m_buf.clear();
        m_anchors.clear();
    }

    void scan(std::string_view text, Category cat, CategoryCounts* into)
    {
        InlineEvents ev;
        ev.text = [&](std::string_view s, std::size_t) { put(into, cat, count_words(s, m_opt.cjk)); };
        ev.citation = [&](std::string_view key, std::size_t pos, TokenCount words) {
            put(into, cat == Category::body || cat == Category::headings ? Category::citations : cat, words);
            if (m_opt.structure) m_out.citations.push_back({std::string(key), line_at_buf(pos), current_heading()});
        };
        ev.math = [&](std::string_view inner) { put(into, Category::math, count_words(inner, m_opt.cjk)); };
        ev.footnote_ref = [&](std::string_view label, std::size_t) {
            auto it = note_index.find(label);
            if (it == note_index.end() || it->second == npos) return; // undefined, or counted already
            note_refs.push_back({it->second, current_heading(),
                                 m_excluded != ExcludedSection::none ? excluded_category() : Category::footnotes});
            it->second = npos;
        };
        ev.inline_note = [&](std::string_view inner, std::size_t pos) {
            const bool saved = as_footnote;
            as_footnote = true;
            std::string copy(inner);
            // Positions inside the note map back through the same anchors.
            InlineEvents nested = ev;
            nested.text = [&](std::string_view s, std::size_t) { put(into, Category::footnotes, count_words(s, m_opt.cjk)); };
            nested.citation = [&](std::string_view key, std::size_t p, TokenCount words) {
                put(into, Category::footnotes, words);
                if (m_opt.structure) m_out.citations.push_back({std::string(key), line_at_buf(pos + p), current_heading()});
            };
            scan_inline(copy, m_opt.cjk, nested);
            as_footnote = saved;
        };
        scan_inline(text, m_opt.cjk, ev);
    }

    void put(CategoryCounts* into, Category c, TokenCount t)
    {
        if (t.words == 0) return;
        if (into) into->add(place(c), t);
        else add(c, t);
    }

    void commit_pending_caption(bool is_caption)
    {
        if (!m_pending.active) return;
        CategoryCounts& seg = m_pending.heading < 0 ? m_out.preamble : m_out.headings[static_cast<std::size_t>(m_pending.heading)].segment;
        if (is_caption) seg.add(place(Category::captions), m_pending.words);
        else seg += m_pending.counts;
        m_pending = {};
    }

    static bool caption_label(std::string_view s, std::size_t& label_len)
    {
        std::size_t i = 0;
        while (i < s.size() && (s[i] == ' ' || s[i] == sep)) ++i;
        const std::string_view rest = s.substr(i);
        if (rest.starts_with("Table:") || rest.starts_with("table:")) { label_len = i + 6; return true; }
        if (rest.starts_with(":") && rest.size() > 1 && rest[1] == ' ') { label_len = i + 1; return true; }
        return false;
    }

    void finish_paragraph()
    {
        std::size_t label = 0;
        if (m_table_depth == 0 && m_excluded == ExcludedSection::none && caption_label(m_buf, label)) {
            const TokenCount words = count_words(std::string_view(m_buf).substr(label), m_opt.cjk);
            if (m_p_after_table) {
                add(Category::captions, words);
                m_buf.clear();
                m_anchors.clear();
                return;
            }
            // Perhaps the caption of a table that follows: decide at the next block.
            m_pending = {};
            m_pending.heading = current_heading();
            m_pending.words = words;
            scan(m_buf, Category::body, &m_pending.counts);
            m_pending.active = true;
            m_buf.clear();
            m_anchors.clear();
            return;
        }
        flush();
    }

    int enter_block(MD_BLOCKTYPE type, void* detail)
    {
        flush();
        if (m_pending.active) commit_pending_caption(type == MD_BLOCK_TABLE);
        m_p_after_table = (type == MD_BLOCK_P) && m_after_table;
        if (type != MD_BLOCK_DOC) m_after_table = false;
        m_first_text_line = 0;
        switch (type) {
        case MD_BLOCK_H: {
            const int level = static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level);
            if (m_excluded != ExcludedSection::none && level <= m_excluded_level) m_excluded = ExcludedSection::none;
            m_heading_level = level;
            m_plain.clear();
            break;
        }
        case MD_BLOCK_TABLE: ++m_table_depth; break;
        case MD_BLOCK_CODE: m_in_code_block = true; break;
        case MD_BLOCK_HTML: m_in_html_block = true; m_html.clear(); break;
        case MD_BLOCK_LI:
            if (m_opt.structure) {
                m_out.items.push_back({{}, 0, current_heading(), static_cast<int>(m_open_items.size()) + 1});
                m_open_items.push_back(m_out.items.size() - 1);
            }
            break;
        default: break;
        }
        return 0;
    }

    int leave_block(MD_BLOCKTYPE type, void*)
    {
        switch (type) {
        case MD_BLOCK_H: leave_heading(); break;
        case MD_BLOCK_P: finish_paragraph(); break;
        case MD_BLOCK_TABLE:
            flush();
            --m_table_depth;
            m_after_table = true;
            return 0;
        case MD_BLOCK_CODE:
            add(Category::code, m_code.finish());
            m_in_code_block = false;
            break;
        case MD_BLOCK_HTML:
            add(Category::html, count_words(html_text(m_html), m_opt.cjk));
            m_in_html_block = false;
            break;
        case MD_BLOCK_LI:
            flush();
            if (m_opt.structure && !m_open_items.empty()) m_open_items.pop_back();
            break;
        default: flush(); break;
        }
        m_after_table = false;
        return 0;
    }

    void leave_heading()
    {
        std::string name = strip_heading_attributes(m_plain);
        // The attribute block is no part of the heading's words either.
        const std::string counted = strip_heading_attributes(m_buf);
        const ExcludedSection kind = excluded_section_kind(name);
        if (kind != ExcludedSection::none && m_excluded == ExcludedSection::none) {
            m_excluded = kind;
            m_excluded_level = m_heading_level;
        }
        m_buf = counted;
        if (!m_opt.structure) {
            // Only totals are wanted: no per-heading record.
            scan(m_buf, Category::headings, nullptr);
        } else {
            Heading h;
            h.level = m_heading_level;
            h.line = m_first_text_line;
            h.text = collapse_space(name);
            m_out.headings.push_back(std::move(h));
            // The heading's words are its own, not the previous section's.
            CategoryCounts own;
            scan(m_buf, Category::headings, &own);
            m_out.headings.back().own = own;
        }
        m_buf.clear();
        m_anchors.clear();
        m_heading_level = 0;
    }

    int enter_span(MD_SPANTYPE type, void* detail)
    {
        switch (type) {
        case MD_SPAN_CODE: m_buf += sep; break;
        case MD_SPAN_IMG: {
            ++m_img_depth;
            m_buf += sep;
            if (m_opt.structure) {
                record_link(static_cast<MD_SPAN_IMG_DETAIL*>(detail)->src, true);
            }
            const auto* d = static_cast<MD_SPAN_IMG_DETAIL*>(detail);
            add(Category::captions, count_words(std::string_view(d->title.text, d->title.size), m_opt.cjk));
            break;
        }
        case MD_SPAN_A: {
            const auto* d = static_cast<MD_SPAN_A_DETAIL*>(detail);
            if (m_opt.structure) record_link(d->href, false);
            // A link's title is a caption (§7).
            add(Category::captions, count_words(std::string_view(d->title.text, d->title.size), m_opt.cjk));
            break;
        }
        default: break;
        }
        return 0;
    }

    int leave_span(MD_SPANTYPE type, void*)
    {
        switch (type) {
        case MD_SPAN_CODE: add(Category::code, m_code.finish()); m_buf += sep; break;
        case MD_SPAN_IMG:
            if (--m_img_depth == 0) add(Category::captions, m_alt.finish());
            m_buf += sep;
            break;
        default: break;
        }
        return 0;
    }

    void record_link(const MD_ATTRIBUTE& attr, bool image)
    {
        const std::string target(attr.text, attr.size);
        int line = m_first_text_line;
        if (attr.text >= m_doc.data() && attr.text < m_doc.data() + m_doc.size())
            line = line_at_doc(static_cast<std::size_t>(attr.text - m_doc.data()));
        m_out.links.push_back({target, line, current_heading(), image});
    }

    int text(MD_TEXTTYPE type, std::string_view s)
    {
        if (type == MD_TEXT_CODE) {
            if (m_in_code_block) { m_code.feed(s); return 0; }
            note_text_position(s.data());
            m_code.feed(s);
            if (m_heading_level) m_plain += s;
            if (m_opt.structure) append_to_items(s);
            return 0;
        }
        if (type == MD_TEXT_HTML) {
            if (m_in_html_block) { m_html += s; return 0; }
            // Inline raw HTML: tags are not words and do not split one; a
            // comment's words are raw HTML's.
            if (s.starts_with("<!--")) add(Category::html, count_words(html_text(s), m_opt.cjk));
            else if (s.starts_with("<br") || s.starts_with("<BR")) m_buf += sep;
            return 0;
        }
        if (m_img_depth > 0) {
            if (type == MD_TEXT_ENTITY) { std::string e; append_entity(e, s); m_alt.feed(e); }
            else if (type == MD_TEXT_NORMAL) m_alt.feed(s);
            else m_alt.separate();
            return 0;
        }
        switch (type) {
        case MD_TEXT_NORMAL:
            note_text_position(s.data());
            m_buf += s;
            if (m_heading_level) m_plain += s;
            if (m_opt.structure) append_to_items(s);
            break;
        case MD_TEXT_ENTITY: {
            note_text_position(s.data());
            std::string e;
            append_entity(e, s);
            m_buf += e;
            if (m_heading_level) m_plain += e;
            if (m_opt.structure) append_to_items(e);
            break;
        }
        case MD_TEXT_NULLCHAR:
            m_buf += "\xEF\xBF\xBD";
            break;
        case MD_TEXT_BR: case MD_TEXT_SOFTBR:
            m_buf += '\n';
            if (m_heading_level) m_plain += ' ';
            if (m_opt.structure) append_to_items(" ");
            break;
        default: break;
        }
        return 0;
    }

    void append_to_items(std::string_view s)
    {
        for (auto idx : m_open_items) m_out.items[idx].text += s;
    }
};

// A note body with no Markdown syntax in it needs no parse.
bool plain_text(std::string_view body)
{
    for (const char c : body) {
        switch (c) {
        case '*': case '_': case '`': case '<': case '&': case '!': case '#': case '|':
        case '~': case '\\': case '\n': case '>': case '+': case '-': case '=': case ']':
            return false;
        default: break;
        }
    }
    return true;
}

void resolve_footnotes(MarkdownDoc& doc, const std::vector<Analyzer::NoteRef>& refs,
                       const std::vector<FootnoteDefinition>& defs, const AnalyzeOptions& opt)
{
    for (const auto& ref : refs) {
        const FootnoteDefinition& def = defs[ref.def];
        MarkdownDoc note;
        if (!opt.structure && plain_text(def.body)) {
            // Citations still count as the note's words; scan for them.
            InlineEvents ev;
            ev.text = [&](std::string_view s, std::size_t) { note.preamble.add(Category::footnotes, count_words(s, opt.cjk)); };
            ev.citation = [&](std::string_view, std::size_t, TokenCount w) { note.preamble.add(Category::footnotes, w); };
            ev.footnote_ref = [](std::string_view, std::size_t) {};
            ev.inline_note = [&](std::string_view inner, std::size_t) { note.preamble.add(Category::footnotes, count_words(inner, opt.cjk)); };
            ev.math = [&](std::string_view inner) { note.preamble.add(Category::math, count_words(inner, opt.cjk)); };
            scan_inline(def.body, opt.cjk, ev);
        } else {
            std::string body = def.body;
            Analyzer a(body, opt, note);
            a.as_footnote = true;
            a.line_offset = def.first_line - 1;
            a.run(0);
        }
        CategoryCounts counts = note.preamble;
        for (const auto& h : note.headings) { counts += h.own; counts += h.segment; }
        if (ref.where != Category::footnotes) {
            // Referenced from a reference list or an appendix: left out with it.
            TokenCount all;
            for (const auto& t : counts.by) all += t;
            counts = {};
            counts.add(ref.where, all);
        }
        CategoryCounts& seg = ref.heading < 0 ? doc.preamble : doc.headings[static_cast<std::size_t>(ref.heading)].segment;
        seg += counts;
        for (auto& c : note.citations) { c.heading = ref.heading; doc.citations.push_back(std::move(c)); }
        for (auto& l : note.links) { l.heading = ref.heading; doc.links.push_back(std::move(l)); }
    }
}

} // namespace

ExcludedSection excluded_section_kind(std::string_view heading_text)
{
    const std::string f = fold_case(collapse_space(heading_text));
    static constexpr std::string_view refs[] = {"references", "reference list", "bibliography", "works cited", "參考文獻", "参考文献"};
    for (auto r : refs)
        if (f == r) return ExcludedSection::references;
    if (f.starts_with("appendix") || f.starts_with("appendices") || f.starts_with("附錄")) return ExcludedSection::appendices;
    return ExcludedSection::none;
}

std::string strip_heading_attributes(std::string_view text)
{
    std::string_view s = text;
    auto trim = [](std::string_view v) {
        while (!v.empty() && (v.back() == ' ' || v.back() == '\t' || v.back() == sep || v.back() == '\n')) v.remove_suffix(1);
        while (!v.empty() && (v.front() == ' ' || v.front() == '\t' || v.front() == sep || v.front() == '\n')) v.remove_prefix(1);
        return v;
    };
    s = trim(s);
    if (!s.empty() && s.back() == '}') {
        const std::size_t open = s.rfind('{');
        if (open != std::string_view::npos) {
            const std::string_view attrs = s.substr(open + 1, s.size() - open - 2);
            // Pandoc attributes: #id, .class, key=value, or "-" (unnumbered).
            bool ok = !trim(attrs).empty();
            std::size_t i = 0;
            while (ok && i < attrs.size()) {
                while (i < attrs.size() && attrs[i] == ' ') ++i;
                if (i >= attrs.size()) break;
                std::size_t j = attrs.find(' ', i);
                if (j == std::string_view::npos) j = attrs.size();
                const std::string_view tok = attrs.substr(i, j - i);
                ok = tok[0] == '#' || tok[0] == '.' || tok == "-" || tok.find('=') != std::string_view::npos;
                i = j;
            }
            if (ok) s = trim(s.substr(0, open));
        }
    }
    return std::string(s);
}

std::size_t MarkdownDoc::section_end(std::size_t h) const
{
    std::size_t e = h + 1;
    while (e < headings.size() && headings[e].level > headings[h].level) ++e;
    return e;
}

CategoryCounts MarkdownDoc::section(std::size_t h) const
{
    CategoryCounts c = headings[h].segment;
    for (std::size_t i = h + 1; i < section_end(h); ++i) { c += headings[i].own; c += headings[i].segment; }
    return c;
}

std::vector<std::size_t> MarkdownDoc::find_headings(std::string_view name) const
{
    std::vector<std::size_t> out;
    const std::string want = match_key(name);
    for (std::size_t i = 0; i < headings.size(); ++i)
        if (match_key(headings[i].text) == want) out.push_back(i);
    return out;
}

std::optional<std::size_t> MarkdownDoc::closest_heading(std::string_view name) const
{
    std::vector<std::string> keys;
    for (const auto& h : headings) keys.push_back(match_key(h.text));
    const std::string best = closest(match_key(name), keys);
    if (best.empty()) return std::nullopt;
    return static_cast<std::size_t>(std::find(keys.begin(), keys.end(), best) - keys.begin());
}

MarkdownDoc analyze_markdown(std::string text, const AnalyzeOptions& options)
{
    return analyze_markdown(text.data(), text.size(), options);
}

MarkdownDoc analyze_markdown(char* data, std::size_t size, const AnalyzeOptions& options)
{
    const std::string_view text(data, size);
    MarkdownDoc doc;
    const std::size_t body = split_front_matter(text, doc.front);
    if (doc.front.present) doc.preamble.add(Category::front_matter, count_words(doc.front.yaml, options.cjk));
    const int body_line = doc.front.present ? 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(body), '\n')) : 1;
    const auto defs = extract_footnotes(data, size, body, body_line);
    Analyzer a(text, options, doc);
    // The first definition of a label is the one used.
    for (std::size_t i = 0; i < defs.size(); ++i) a.note_index.emplace(defs[i].label, i);
    a.run(body);
    resolve_footnotes(doc, a.note_refs, defs, options);
    doc.totals = doc.preamble;
    for (const auto& h : doc.headings) { doc.totals += h.own; doc.totals += h.segment; }
    return doc;
}

} // namespace lilo
