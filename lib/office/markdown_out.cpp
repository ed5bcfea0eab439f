#include "office/markdown_out.hpp"

#include <algorithm>

#include "text/utf8.hpp"

namespace lilo::office {
namespace {

// ASCII punctuation md4c may read as syntax; escaped, it reads as itself.
bool needs_escape(char c)
{
    switch (c) {
    case '\\': case '`': case '*': case '_': case '{': case '}': case '[': case ']': case '#': case '+':
    case '-': case '.': case '!': case '|': case '<': case '>': case '~': case '&': case '=':
        return true;
    default: return false;
    }
}

std::string trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\n')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.remove_suffix(1);
    return std::string(s);
}

} // namespace

void MarkdownOut::text(std::string_view s)
{
    for (const char c : s) {
        if (c == '\n' || c == '\r' || c == '\t') { m_md += ' '; m_plain += ' '; continue; }
        if (needs_escape(c)) m_md += '\\';
        m_md += c;
        m_plain += c;
    }
}

void MarkdownOut::line_break()
{
    m_md += ' ';
    m_plain += '\n';
}

void MarkdownOut::code_text(std::string_view s)
{
    std::string t;
    for (const char c : s) t += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    if (t.empty()) return;
    // A fence longer than any run of backticks inside.
    std::size_t longest = 0, run = 0;
    for (const char c : t) { run = c == '`' ? run + 1 : 0; longest = std::max(longest, run); }
    const std::string fence(longest + 1, '`');
    m_md += fence + ' ' + t + ' ' + fence;
    m_plain += t;
}

void MarkdownOut::math(std::string_view s)
{
    const std::string t = trim(s);
    if (t.empty()) return;
    m_md += " $";
    for (const char c : t) {
        if (c == '\n' || c == '$') { m_md += ' '; continue; }
        if (needs_escape(c)) m_md += '\\';
        m_md += c;
    }
    m_md += "$ ";
}

void MarkdownOut::end_link(std::string_view target)
{
    // A destination that cannot be written in <…> is left out; the text stays.
    if (target.empty() || target.find_first_of("<>\n\r") != std::string_view::npos) { m_md += "\\]"; return; }
    m_md += "](<";
    m_md += target;
    m_md += ">)";
}

void MarkdownOut::line(std::string s, int paragraph)
{
    auto& lines = m_note_open ? m_notes : m_body;
    lines.emplace_back(std::move(s), paragraph);
}

void MarkdownOut::close_code()
{
    if (!m_code_fence_open) return;
    line(std::string(static_cast<std::size_t>(m_code_fence_open), '~'), m_paragraph);
    line("", m_paragraph);
    m_code_fence_open = 0;
}

void MarkdownOut::end_paragraph(BlockKind kind, int level)
{
    std::string md = trim(m_md), plain = m_plain;
    m_md.clear();
    m_plain.clear();
    // What Word counts: every paragraph's text, wherever it is.
    m_out.word_text += plain;
    m_out.word_text += '\n';
    if (m_table_depth > 0) {
        if (!m_rows.empty() && !m_rows.back().empty() && !md.empty()) {
            std::string& cell = m_rows.back().back();
            if (!cell.empty()) cell += ' ';
            cell += md;
        }
        return;
    }
    // A YAML block at the top: `---`, its lines, `---` (or `...`), one paragraph each.
    const std::string bare = trim(plain);
    if (!m_note_open) {
        if (m_in_yaml) {
            if (bare == "---" || bare == "...") {
                m_in_yaml = false;
                front = std::move(m_yaml);
                front_from = "a YAML block at ¶" + std::to_string(front.empty() ? m_paragraph : front.front().second - 1);
                m_yaml.clear();
                return;
            }
            std::size_t i = 0;
            while (i <= plain.size()) {
                std::size_t j = plain.find('\n', i);
                if (j == std::string::npos) j = plain.size();
                m_yaml.emplace_back(plain.substr(i, j - i), m_paragraph);
                i = j + 1;
            }
            return;
        }
        if (m_yaml_possible && !bare.empty()) {
            m_yaml_possible = false;
            if (bare == "---") { m_in_yaml = true; return; }
        }
    }
    write_block(kind, level, std::move(md), plain);
}

void MarkdownOut::write_block(BlockKind kind, int level, std::string md, const std::string& plain)
{
    if (m_note_open) kind = BlockKind::paragraph; // a note is paragraphs only
    if (kind == BlockKind::code) {
        if (!m_code_fence_open) {
            std::size_t longest = 0, run = 0;
            for (const char c : plain) { run = c == '~' ? run + 1 : 0; longest = std::max(longest, run); }
            m_code_fence_open = static_cast<int>(std::max<std::size_t>(3, longest + 1));
            line(std::string(static_cast<std::size_t>(m_code_fence_open), '~'), m_paragraph);
        }
        std::size_t i = 0;
        while (i <= plain.size()) {
            std::size_t j = plain.find('\n', i);
            if (j == std::string::npos) j = plain.size();
            line(plain.substr(i, j - i), m_paragraph);
            i = j + 1;
        }
        return;
    }
    close_code();
    if (md.empty()) return;
    if (m_note_open) {
        // A note is paragraphs: its first on the label's line, the others indented.
        line(m_note_first ? m_pending_label + md : "    " + md, m_note_at);
        line("", m_note_at);
        m_note_first = false;
        return;
    }
    std::string out;
    switch (kind) {
    case BlockKind::heading: out = std::string(static_cast<std::size_t>(std::clamp(level, 1, 6)), '#') + ' ' + md; break;
    case BlockKind::item: {
        // Never deeper than one below the item before: an indented first item would be code.
        const int depth = std::clamp(level, 1, m_last_item_depth + 1);
        m_last_item_depth = depth;
        out = std::string(static_cast<std::size_t>(4 * (depth - 1)), ' ') + "- " + md;
        break;
    }
    case BlockKind::quote: out = "> " + md; break;
    case BlockKind::caption: out = ": " + md; break;
    default: out = md; break;
    }
    if (kind != BlockKind::item) m_last_item_depth = 0;
    line(std::move(out), m_paragraph);
    line("", m_paragraph);
}

void MarkdownOut::begin_table()
{
    if (m_table_depth++ > 0) return;
    close_code();
    m_last_item_depth = 0;
    m_rows.clear();
    m_row_paragraph.clear();
}

void MarkdownOut::begin_row()
{
    if (m_table_depth != 1) return;
    m_rows.emplace_back();
    m_row_paragraph.push_back(m_paragraph + 1);
}

void MarkdownOut::begin_cell()
{
    if (m_table_depth != 1) return;
    if (m_rows.empty()) begin_row();
    m_rows.back().emplace_back();
}

void MarkdownOut::end_table()
{
    if (--m_table_depth > 0) return;
    m_yaml_possible = false;
    std::size_t columns = 0;
    for (const auto& r : m_rows) columns = std::max(columns, r.size());
    if (columns == 0) return;
    auto row_line = [&](const std::vector<std::string>& cells) {
        std::string s = "|";
        for (std::size_t c = 0; c < columns; ++c) s += ' ' + (c < cells.size() && !cells[c].empty() ? cells[c] : std::string(" ")) + " |";
        return s;
    };
    for (std::size_t r = 0; r < m_rows.size(); ++r) {
        line(row_line(m_rows[r]), m_row_paragraph[r]);
        if (r == 0) {
            std::string d = "|";
            for (std::size_t c = 0; c < columns; ++c) d += " --- |";
            line(d, m_row_paragraph[r]);
        }
    }
    line("", m_paragraph);
    m_rows.clear();
}

void MarkdownOut::begin_note(const std::string& label, int at)
{
    close_code();
    m_note_open = true;
    m_note_first = true;
    m_note_at = at;
    // The label rides on the note's first paragraph.
    m_pending_label = "[^" + label + "]: ";
}

void MarkdownOut::end_note()
{
    close_code();
    if (m_note_first) {
        // An empty note still defines its label, so the reference is not read as text.
        line(m_pending_label + "\\ ", m_note_at);
        line("", m_note_at);
    }
    m_note_open = false;
}

void MarkdownOut::finish()
{
    close_code();
    if (m_in_yaml) {
        // No closing `---`: the lines were text after all.
        m_in_yaml = false;
        auto yaml = std::move(m_yaml);
        m_body.insert(m_body.begin(), {"\\-\\-\\-", yaml.empty() ? 1 : yaml.front().second - 1});
        std::size_t at = 1;
        for (auto& [text, para] : yaml) {
            std::string md;
            for (const char c : text) { if (needs_escape(c)) md += '\\'; md += c; }
            m_body.insert(m_body.begin() + static_cast<std::ptrdiff_t>(at++), {md, para});
            m_body.insert(m_body.begin() + static_cast<std::ptrdiff_t>(at++), {"", para});
        }
    }
    auto put = [&](const std::string& s, int paragraph) {
        m_out.markdown += s;
        m_out.markdown += '\n';
        m_out.paragraph_of_line.push_back(paragraph);
    };
    if (!front.empty()) {
        put("---", front.front().second);
        for (const auto& [text, para] : front) put(text, para);
        put("---", front.back().second);
        m_out.front_from = front_from;
    }
    for (const auto& [text, para] : m_body) put(text, para);
    put("", m_paragraph);
    for (const auto& [text, para] : m_notes) put(text, para);
}

int heading_level_of_style_name(std::string_view name)
{
    const std::string f = fold_case(name);
    if (f == "title") return 1;
    for (const std::string_view prefix : {"heading ", "heading"}) {
        if (f.size() == prefix.size() + 1 && f.starts_with(prefix) && f.back() >= '1' && f.back() <= '9') return f.back() - '0';
    }
    return 0;
}

BlockKind block_kind_of_style_name(std::string_view name)
{
    const std::string f = fold_case(name);
    if (f.find("quote") != std::string::npos || f.find("quotation") != std::string::npos || f == "block text") return BlockKind::quote;
    if (f == "source code" || f == "sourcecode" || f.starts_with("preformatted") || f == "html preformatted") return BlockKind::code;
    if (f.find("caption") != std::string::npos) return BlockKind::caption;
    return BlockKind::paragraph;
}

} // namespace lilo::office
