#include "portfolio/ignore.hpp"

namespace lilo {
namespace {

bool class_match(std::string_view pat, std::size_t& i, char c)
{
    // pat[i] == '['
    std::size_t k = i + 1;
    bool negate = false;
    if (k < pat.size() && (pat[k] == '!' || pat[k] == '^')) { negate = true; ++k; }
    bool matched = false;
    bool first = true;
    while (k < pat.size() && (first || pat[k] != ']')) {
        first = false;
        char lo = pat[k];
        if (lo == '\\' && k + 1 < pat.size()) lo = pat[++k];
        char hi = lo;
        if (k + 2 < pat.size() && pat[k + 1] == '-' && pat[k + 2] != ']') {
            hi = pat[k + 2];
            k += 2;
        }
        if (c >= lo && c <= hi) matched = true;
        ++k;
    }
    if (k >= pat.size()) return false; // unterminated: no match
    i = k + 1;
    return matched != negate;
}

bool match_from(std::string_view p, std::size_t pi, std::string_view s, std::size_t si)
{
    while (pi < p.size()) {
        const char c = p[pi];
        if (c == '*') {
            if (pi + 1 < p.size() && p[pi + 1] == '*') {
                // "**": any run of characters, '/' included.
                std::size_t next = pi + 2;
                if (next < p.size() && p[next] == '/') {
                    // "**/" also matches no folder at all.
                    if (match_from(p, next + 1, s, si)) return true;
                }
                for (std::size_t k = si; k <= s.size(); ++k)
                    if (match_from(p, next, s, k)) return true;
                return false;
            }
            for (std::size_t k = si; k <= s.size(); ++k) {
                if (match_from(p, pi + 1, s, k)) return true;
                if (k < s.size() && s[k] == '/') break;
            }
            return false;
        }
        if (si >= s.size()) return false;
        if (c == '?') {
            if (s[si] == '/') return false;
            ++pi; ++si;
            continue;
        }
        if (c == '[') {
            std::size_t k = pi;
            if (s[si] == '/' || !class_match(p, k, s[si])) return false;
            pi = k; ++si;
            continue;
        }
        char lit = c;
        if (c == '\\' && pi + 1 < p.size()) lit = p[++pi];
        if (lit != s[si]) return false;
        ++pi; ++si;
    }
    return si == s.size();
}

} // namespace

bool glob_match(std::string_view pattern, std::string_view path) { return match_from(pattern, 0, path, 0); }

bool is_editor_debris(std::string_view name)
{
    if (name.empty()) return false;
    return name.back() == '~' || name.starts_with(".#") || (name.size() > 1 && name.front() == '#' && name.back() == '#') ||
           name.ends_with(".swp") || name.ends_with(".swo") || name == ".DS_Store" || name == "Thumbs.db";
}

void IgnoreRules::add_lines(std::string_view text, const std::string&)
{
    int line_no = 0;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t e = text.find('\n', pos);
        if (e == std::string_view::npos) e = text.size();
        std::string line(text.substr(pos, e - pos));
        pos = e + 1;
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        // Trailing spaces are dropped unless escaped.
        while (!line.empty() && line.back() == ' ' && !(line.size() > 1 && line[line.size() - 2] == '\\')) line.pop_back();
        if (line.empty() || line[0] == '#') { if (e == text.size()) break; continue; }
        Pattern p;
        p.line = line_no;
        p.text = line;
        std::string g = line;
        if (g[0] == '!') { p.negate = true; g.erase(0, 1); }
        else if (g.size() > 1 && g[0] == '\\' && (g[1] == '!' || g[1] == '#')) g.erase(0, 1);
        if (!g.empty() && g.back() == '/') { p.dir_only = true; g.pop_back(); }
        if (g.empty()) { if (e == text.size()) break; continue; }
        if (g.find('/') != std::string::npos) {
            p.anchored = true;
            if (g[0] == '/') g.erase(0, 1);
        }
        p.glob = g;
        m_patterns.push_back(std::move(p));
        if (e == text.size()) break;
    }
}

IgnoreRules::Match IgnoreRules::match(std::string_view rel, bool is_dir) const
{
    Match m;
    const std::string_view base = rel.substr(rel.rfind('/') == std::string_view::npos ? 0 : rel.rfind('/') + 1);
    for (const auto& p : m_patterns) {
        if (p.dir_only && !is_dir) continue;
        const bool hit = p.anchored ? glob_match(p.glob, rel) : glob_match(p.glob, base);
        if (hit) m = {!p.negate, p.text, p.line};
    }
    return m;
}

} // namespace lilo
