#include "portfolio/submitted.hpp"

#include <algorithm>

namespace lilo {

namespace {

// Calls `line(text, in_code)` for each line (with its '\n'); fenced code
// (``` or ~~~) is marked.
template <class F>
void each_line(std::string_view text, F&& line)
{
    bool in_fence = false;
    char fence_char = 0;
    std::size_t fence_len = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        end = end == std::string_view::npos ? text.size() : end + 1;
        const std::string_view l = text.substr(pos, end - pos);
        std::size_t i = 0;
        while (i < l.size() && i < 3 && l[i] == ' ') ++i;
        std::size_t run = 0;
        const char c = i < l.size() ? l[i] : 0;
        if (c == '`' || c == '~')
            while (i + run < l.size() && l[i + run] == c) ++run;
        if (!in_fence && run >= 3) {
            in_fence = true;
            fence_char = c;
            fence_len = run;
            line(l, true);
        } else if (in_fence && c == fence_char && run >= fence_len) {
            in_fence = false;
            line(l, true);
        } else {
            line(l, in_fence);
        }
        pos = end;
    }
}

} // namespace

bool is_init_guide(std::string_view name, std::string_view text)
{
    if (name != "README.md") return false;
    const std::string_view first = text.substr(0, text.find('\n'));
    if (!first.starts_with("# ") || !first.ends_with(")")) return false;
    std::size_t open = first.rfind(" (R");
    if (open == std::string_view::npos) open = first.rfind(" (C");   // a criterion's folder: "# Presentation (C9)"
    if (open == std::string_view::npos) return false;
    const std::string_view id = first.substr(open + 3, first.size() - open - 4);
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string without_html_comments(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    bool in_comment = false;
    each_line(text, [&](std::string_view l, bool code) {
        if (code && !in_comment) { out += l; return; }
        std::size_t i = 0;
        bool in_span = false; // inside `inline code`
        while (i < l.size()) {
            if (in_comment) {
                const std::size_t close = l.find("-->", i);
                if (close == std::string_view::npos) {
                    if (l.back() == '\n') out += '\n';
                    return;
                }
                in_comment = false;
                i = close + 3;
                continue;
            }
            if (l[i] == '`') in_span = !in_span;
            if (!in_span && l.compare(i, 4, "<!--") == 0) {
                in_comment = true;
                i += 4;
                continue;
            }
            out += l[i++];
        }
    });
    return out;
}

bool has_html_comments(std::string_view text) { return without_html_comments(text).size() != text.size(); }

std::string submitted_form(std::string_view rel, std::string_view bytes)
{
    const bool markdown = rel.size() >= 3 && rel[rel.size() - 3] == '.' && (rel[rel.size() - 2] | 0x20) == 'm' && (rel[rel.size() - 1] | 0x20) == 'd';
    if (!markdown || bytes.find("<!--") == std::string_view::npos) return std::string(bytes);
    return without_html_comments(bytes);
}

FrontMatterSplit split_front_matter(std::string_view text)
{
    FrontMatterSplit s;
    std::string_view t = text;
    if (t.starts_with("\xEF\xBB\xBF")) t.remove_prefix(3);
    if (!(t.starts_with("---\n") || t.starts_with("---\r\n"))) {
        s.body = std::string(t);
        return s;
    }
    std::size_t pos = t.find('\n') + 1;
    while (pos < t.size()) {
        std::size_t end = t.find('\n', pos);
        end = end == std::string_view::npos ? t.size() : end + 1;
        std::string_view l = t.substr(pos, end - pos);
        while (!l.empty() && (l.back() == '\n' || l.back() == '\r')) l.remove_suffix(1);
        if (l == "---" || l == "...") {
            s.front = std::string(t.substr(t.find('\n') + 1, pos - t.find('\n') - 1));
            s.body = std::string(t.substr(end));
            return s;
        }
        pos = end;
    }
    s.body = std::string(t);  // never closed: not front matter
    return s;
}

std::string with_rendered_references(std::string_view text)
{
    static const char* names[] = {"references", "reference list", "bibliography", "works cited", "參考文獻", "参考文献"};
    std::string out;
    out.reserve(text.size());
    int dropping = 0; // the level of the reference list's heading while inside it
    bool done = false;
    each_line(text, [&](std::string_view l, bool code) {
        std::size_t n = 0;
        while (n < l.size() && l[n] == '#') ++n;
        const bool heading = !code && n >= 1 && n <= 6 && n < l.size() && (l[n] == ' ' || l[n] == '\t');
        if (heading && dropping > 0 && static_cast<int>(n) <= dropping) dropping = 0;
        if (dropping > 0) return;
        out += l;
        if (!heading || done) return;
        std::string title(l.substr(n));
        while (!title.empty() && (title.back() == '\n' || title.back() == '\r' || title.back() == ' ' || title.back() == '#')) title.pop_back();
        std::size_t b = title.find_first_not_of(" \t");
        title = b == std::string::npos ? std::string() : title.substr(b);
        for (auto& c : title) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        for (const char* name : names)
            if (title == name) {
                out += "\n::: {#refs}\n:::\n\n";
                dropping = static_cast<int>(n);
                done = true;
            }
    });
    return out;
}

std::string shift_headings(std::string_view text, int by)
{
    std::string out;
    out.reserve(text.size() + 64);
    each_line(text, [&](std::string_view l, bool code) {
        std::size_t n = 0;
        while (n < l.size() && l[n] == '#') ++n;
        if (!code && n >= 1 && n <= 6 && n < l.size() && (l[n] == ' ' || l[n] == '\n' || l[n] == '\t')) {
            const std::size_t level = std::min<std::size_t>(6, n + static_cast<std::size_t>(by));
            out += std::string(level, '#');
            out += l.substr(n);
        } else {
            out += l;
        }
    });
    return out;
}

} // namespace lilo
