#include "markdown/preprocess.hpp"

#include "markdown/document.hpp"

#include <string_view>

namespace lilo {
namespace {

struct Line {
    std::size_t begin, end; // end excludes the line break
    std::size_t next;       // start of the next line
};

Line line_at(std::string_view text, std::size_t pos)
{
    std::size_t e = text.find('\n', pos);
    const std::size_t next = e == std::string::npos ? text.size() : e + 1;
    if (e == std::string::npos) e = text.size();
    std::size_t end = e;
    if (end > pos && text[end - 1] == '\r') --end;
    return {pos, end, next};
}

bool blank(std::string_view s)
{
    return s.find_first_not_of(" \t") == std::string_view::npos;
}

std::size_t indent_of(std::string_view s)
{
    std::size_t n = 0;
    for (char c : s) {
        if (c == ' ') ++n;
        else if (c == '\t') n += 4 - n % 4;
        else break;
    }
    return n;
}

// "[^label]:" at the start of a line (up to three spaces in); returns the
// label and the offset just past the colon.
bool definition_start(std::string_view s, std::string& label, std::size_t& after)
{
    std::size_t i = 0;
    while (i < s.size() && i < 3 && s[i] == ' ') ++i;
    if (s.substr(i, 2) != "[^") return false;
    const std::size_t close = s.find(']', i + 2);
    if (close == std::string_view::npos || close == i + 2 || close + 1 >= s.size() || s[close + 1] != ':')
        return false;
    label = std::string(s.substr(i + 2, close - i - 2));
    if (label.find_first_of(" \t") != std::string::npos) return false;
    after = close + 2;
    return true;
}

// A fence opener or closer: three or more backticks or tildes.
bool fence(std::string_view s, char& ch, std::size_t& len)
{
    std::size_t i = 0;
    while (i < s.size() && i < 3 && s[i] == ' ') ++i;
    if (i >= s.size() || (s[i] != '`' && s[i] != '~')) return false;
    const char c = s[i];
    std::size_t k = i;
    while (k < s.size() && s[k] == c) ++k;
    if (k - i < 3) return false;
    ch = c;
    len = k - i;
    return true;
}

void blank_out(char* text, std::size_t begin, std::size_t end)
{
    for (std::size_t i = begin; i < end; ++i)
        if (text[i] != '\n' && text[i] != '\r') text[i] = ' ';
}

} // namespace

std::vector<FootnoteDefinition> extract_footnotes(char* data, std::size_t size, std::size_t from, int first_line)
{
    std::vector<FootnoteDefinition> out;
    const std::string_view text(data, size);
    if (text.find("[^", from) == std::string_view::npos) return out;
    std::size_t pos = from;
    int line_no = first_line;
    char fence_char = 0;
    std::size_t fence_len = 0;
    while (pos < text.size()) {
        Line ln = line_at(text, pos);
        std::string_view s(text.data() + ln.begin, ln.end - ln.begin);
        char fc;
        std::size_t fl;
        if (fence_char != 0) {
            if (fence(s, fc, fl) && fc == fence_char && fl >= fence_len && blank(s.substr(s.find_last_of(fc) + 1)))
                fence_char = 0;
        } else if (fence(s, fc, fl)) {
            fence_char = fc;
            fence_len = fl;
        } else {
            std::string label;
            std::size_t after = 0;
            if (definition_start(s, label, after)) {
                FootnoteDefinition def;
                def.label = std::move(label);
                def.first_line = line_no;
                def.body = std::string(s.substr(after));
                std::size_t def_begin = ln.begin;
                std::size_t def_end = ln.end;
                bool prev_blank = false;
                std::size_t p = ln.next;
                int n = line_no + 1;
                int consumed = 1;
                while (p < text.size()) {
                    Line l2 = line_at(text, p);
                    std::string_view s2(text.data() + l2.begin, l2.end - l2.begin);
                    std::string dummy;
                    std::size_t dummy_after;
                    if (blank(s2)) {
                        prev_blank = true;
                    } else if (definition_start(s2, dummy, dummy_after)) {
                        break;
                    } else if (indent_of(s2) >= 4) {
                        // An indented line continues the note (its later paragraphs).
                        std::size_t cut = 0, col = 0;
                        while (cut < s2.size() && col < 4) {
                            col += s2[cut] == '\t' ? 4 - col % 4 : 1;
                            ++cut;
                        }
                        def.body += prev_blank ? "\n\n" : "\n";
                        def.body += s2.substr(cut);
                        prev_blank = false;
                    } else if (!prev_blank) {
                        def.body += "\n"; // a lazy continuation of the first paragraph
                        def.body += s2;
                    } else {
                        break;
                    }
                    if (!blank(s2)) { def_end = l2.end; consumed = n - line_no + 1; }
                    p = l2.next;
                    ++n;
                }
                blank_out(data, def_begin, def_end);
                out.push_back(std::move(def));
                // Resume after the definition's last non-blank line.
                Line last = line_at(text, def_begin);
                for (int k = 1; k < consumed; ++k) last = line_at(text, last.next);
                pos = last.next;
                line_no += consumed;
                continue;
            }
        }
        pos = ln.next;
        ++line_no;
    }
    return out;
}

bool is_dash_fence(std::string_view line)
{
    // Word's autocorrect turns "--" into an en dash (–) or an em dash (—):
    // `---` comes back as —-, –-, —— or —.
    std::size_t marks = 0;
    bool dash = false;
    while (!line.empty()) {
        if (line.starts_with("-")) line.remove_prefix(1);
        else if (line.starts_with("\u2014") || line.starts_with("\u2013")) { line.remove_prefix(3); dash = true; }
        else return false;
        ++marks;
    }
    return dash && marks <= 3;
}

std::size_t split_front_matter(std::string_view text, FrontMatter& out)
{
    std::size_t pos = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    auto line_end = [&](std::size_t p) { const auto e = text.find('\n', p); return e == std::string_view::npos ? text.size() : e; };
    auto trimmed = [&](std::size_t b, std::size_t e) {
        std::string_view s = text.substr(b, e - b);
        while (!s.empty() && (s.back() == '\r' || s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
        return s;
    };
    const std::size_t first_end = line_end(pos);
    const bool dashed = is_dash_fence(trimmed(pos, first_end));
    if ((trimmed(pos, first_end) != "---" && !dashed) || first_end >= text.size()) return pos;
    std::size_t p = first_end + 1;
    int line = 2;
    while (p <= text.size()) {
        const std::size_t e = line_end(p);
        const std::string_view s = trimmed(p, e);
        if ((s == "---" || s == "..." || is_dash_fence(s)) && line > 2) {
            out.present = true;
            out.first_line = 2;
            out.yaml = std::string(text.substr(first_end + 1, p - first_end - 1));
            if (dashed) out.dash_fences.push_back(1);
            if (is_dash_fence(s)) out.dash_fences.push_back(line);
            return e >= text.size() ? text.size() : e + 1;
        }
        if (e >= text.size()) break;
        p = e + 1;
        ++line;
    }
    return pos;
}

} // namespace lilo
