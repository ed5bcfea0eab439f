#include "yaml/plain_errors.hpp"

#include <vector>

namespace lilo {

namespace {

std::vector<std::string_view> split_lines(std::string_view text)
{
    std::vector<std::string_view> out;
    std::size_t b = 0;
    while (b <= text.size()) {
        std::size_t e = text.find('\n', b);
        if (e == std::string_view::npos) e = text.size();
        std::string_view l = text.substr(b, e - b);
        if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
        out.push_back(l);
        if (e == text.size()) break;
        b = e + 1;
    }
    return out;
}

bool blank_or_comment(std::string_view l)
{
    const auto p = l.find_first_not_of(" \t");
    return p == std::string_view::npos || l[p] == '#';
}

std::size_t indent_of(std::string_view l) { return std::min(l.find_first_not_of(' '), l.size()); }

// `key: value` on one line (after any `- `): the key, and where the value starts.
struct KeyValue { std::string_view key, value; std::size_t value_at = 0; };
std::optional<KeyValue> key_value(std::string_view l)
{
    std::size_t p = indent_of(l);
    // "  - " with nothing after the dash leaves no key (find_first_not_of gives npos).
    while (p < l.size() && l.substr(p).starts_with("- ")) p = l.find_first_not_of(' ', p + 1);
    if (p == std::string_view::npos || p >= l.size() || l[p] == '"' || l[p] == '\'' || l[p] == '#') return std::nullopt;
    const auto colon = l.find(": ", p);
    if (colon == std::string_view::npos) return std::nullopt;
    const auto v = l.find_first_not_of(' ', colon + 1);
    if (v == std::string_view::npos) return std::nullopt;
    std::string_view value = l.substr(v);
    if (const auto hash = value.find(" #"); hash != std::string_view::npos) value = value.substr(0, hash);
    while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
    return KeyValue{l.substr(p, colon - p), value, v};
}

// A plain (unquoted) value holding ": ", which YAML reads as a second key.
bool plain_with_colon(const KeyValue& kv)
{
    if (kv.value.empty()) return false;
    const char c = kv.value.front();
    if (c == '"' || c == '\'' || c == '[' || c == '{' || c == '|' || c == '>' || c == '&' || c == '*' || c == '!') return false;
    return kv.value.find(": ") != std::string_view::npos || kv.value.ends_with(":");
}

// The value as YAML wants it: Word's curly quotes around it dropped, then in
// straight double quotes (single quotes when it holds a double quote).
std::string quoted(std::string_view v)
{
    for (std::string_view open : {"\u201C", "\u2018"}) {
        const std::string_view close = open == "\u201C" ? "\u201D" : "\u2019";
        if (v.starts_with(open) && v.ends_with(close) && v.size() >= open.size() + close.size()) {
            v = v.substr(open.size(), v.size() - open.size() - close.size());
            break;
        }
    }
    if (v.find('"') == std::string_view::npos && v.find('\\') == std::string_view::npos) return "\"" + std::string(v) + "\"";
    std::string out = "'";
    for (const char c : v) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

// The parser's own words, put plainly; the original follows in parentheses
// so that it can still be looked up.
std::string translate(std::string_view msg)
{
    static constexpr std::pair<std::string_view, std::string_view> table[] = {
        {"illegal map value", "a ': ' where YAML expects no value: quote a value that holds ': ', or line this key up with the keys beside it"},
        {"end of map not found", "a line out of step with the lines around it: YAML reads indentation as structure; indent keys at the same level alike"},
        {"end of sequence not found", "a list item out of step with the items before it: start each `- ` at the same indentation"},
        {"end of map flow not found", "a `{` that is not closed with `}` (a value starting with `{` needs quotes)"},
        {"end of sequence flow not found", "a `[` that is not closed with `]` (a value starting with `[` needs quotes)"},
        {"illegal EOF in scalar", "a quoted value whose closing quote is missing"},
        {"illegal block entry", "a list item `- ` where YAML expects a value: put it on its own line, indented under its key"},
        {"illegal map key", "a `?` or key where YAML expects none: quote the value"},
        {"unknown escape character", "a backslash in double quotes that starts no escape YAML knows: use single quotes, or write \\\\"},
        {"illegal tab when looking for indentation", "a tab in the indentation: YAML does not allow tabs for indentation; use spaces"},
        {"illegal character in scalar", "a character YAML does not allow here: put the value in straight quotes"},
        {"unknown token", "text YAML cannot read here (a value starting with @, ` or %?): put the value in straight quotes"},
        {"alias not found after *", "a value starting with `*`, which YAML reads as a reference: put it in straight quotes"},
        {"anchor not found after &", "a value starting with `&`, which YAML reads as an anchor: put it in straight quotes"},
        {"the referenced anchor is not defined", "a value starting with `*`, which YAML reads as a reference: put it in straight quotes"},
    };
    for (const auto& [raw, plain] : table)
        if (msg.starts_with(raw)) return std::string(plain) + " (YAML: " + std::string(msg) + ")";
    return std::string(msg);
}

} // namespace

YamlProblem plain_syntax_error(std::string_view text, std::string_view parser_message, int line, int column, int first_line)
{
    const auto lines = split_lines(text);
    const std::size_t last = line >= 0 ? std::min(static_cast<std::size_t>(line), lines.size() - 1) : lines.size() - 1;
    auto at = [&](std::size_t l, std::size_t col, std::string msg) {
        return YamlProblem{"yaml-syntax", std::move(msg), {static_cast<int>(l) + first_line, static_cast<int>(col) + 1}};
    };
    // A tab in the indentation of any line up to the error.
    for (std::size_t l = 0; l <= last; ++l) {
        const auto lead = lines[l].find_first_not_of(" \t");
        const auto tab = lines[l].find('\t');
        if (tab != std::string_view::npos && tab < lead && lead != std::string_view::npos)
            return at(l, tab, "a tab in the indentation: YAML does not allow tabs for indentation; use spaces");
    }
    if (line >= 0) {
        // A value with ': ' on the error's line (or, when it is blank, the line before).
        for (std::size_t l = last + 1; l-- > 0 && l + 2 > last;) {
            const auto kv = key_value(lines[l]);
            if (kv && plain_with_colon(*kv))
                return at(l, kv->value_at,
                          "the value of `" + std::string(kv->key) + "` holds ': ', which YAML reads as the start of another key; put the value in straight quotes: " +
                              std::string(kv->key) + ": " + quoted(kv->value));
            if (!blank_or_comment(lines[l])) break;
        }
        // A line indented deeper than the key before it, which already has its value.
        if (!blank_or_comment(lines[last])) {
            std::size_t prev = last;
            while (prev-- > 0 && blank_or_comment(lines[prev])) {}
            if (prev < last && indent_of(lines[last]) > indent_of(lines[prev])) {
                const auto kv = key_value(lines[prev]);
                if (kv && !kv->value.empty() && kv->value.front() != '|' && kv->value.front() != '>')
                    return at(last, 0,
                              "this line is indented further than the line before it, whose `" + std::string(kv->key) +
                                  "` already has a value: line it up with the keys beside it (YAML reads indentation as structure)");
            }
        }
    }
    YamlProblem p{"yaml-syntax", translate(parser_message), {}};
    if (line >= 0) p.mark = {line + first_line, column + 1};
    return p;
}

} // namespace lilo
