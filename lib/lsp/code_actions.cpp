// Code actions: edits that put a finding right, offered where it applies.
//   - a missing required heading: R4's sections in the project, the headings
//     of the reflective model a journal entry declares, a heading the essay's
//     `criteria:` names but the essay lacks, and an unmapped criterion's
//     section (its heading and its mapping);
//   - `declared_words` set to the current count;
//   - on a heading of the essay that no criterion maps: its mapping under
//     `criteria:` for each criterion still unmapped.
#include "lsp/assist.hpp"

#include "lsp/portfolio_view.hpp"
#include "rules/near_miss.hpp"
#include "rules/document.hpp"
#include "text/utf8.hpp"
#include "text/word_limit.hpp"

using nlohmann::json;

namespace lilo::lsp {

namespace {

json text_edit(Position start, Position end, std::string text)
{
    return {{"range", range_json(start, end)}, {"newText", std::move(text)}};
}

json action(std::string title, const std::string& uri, json edits)
{
    return {{"title", std::move(title)}, {"kind", "quickfix"}, {"edit", {{"changes", {{uri, std::move(edits)}}}}}};
}

// A YAML scalar for a heading's text: plain where that reads back the same, else double-quoted.
std::string yaml_scalar(const std::string& s)
{
    bool plain = !s.empty() && s.front() != ' ' && s.back() != ' ' && std::isdigit(static_cast<unsigned char>(s.front())) == 0 &&
                 std::string_view("-?,").find(s.front()) == std::string_view::npos &&
                 s.find_first_of(":#{}[]&*!|>'\"%@`\\\t") == std::string::npos;
    for (const char* word : {"true", "false", "yes", "no", "null", "on", "off", "y", "n"})
        if (iequals(s, word)) plain = false;
    if (plain) return s;
    std::string out = "\"";
    for (const char ch : s) {
        if (ch == '"' || ch == '\\') out += '\\';
        out += ch;
    }
    return out + "\"";
}

// The front matter's fence lines (0-based), when the file has front matter.
struct Fences {
    std::size_t open = 0, close = 0;
};
std::optional<Fences> fences_of(const LineIndex& index)
{
    std::string_view first = index.line(0);
    if (first.starts_with("\xEF\xBB\xBF")) first.remove_prefix(3);
    if (first != "---") return std::nullopt;
    for (std::size_t l = 1; l < index.lines(); ++l)
        if (index.line(l) == "---" || index.line(l) == "...") return Fences{0, l};
    return std::nullopt;
}

// Adds `id: heading` under the front matter's `criteria:`, making either where there is none.
std::optional<json> mapping_edit(const LineIndex& index, const std::string& id, const std::string& heading)
{
    const std::string entry = id + ": " + yaml_scalar(heading);
    const auto f = fences_of(index);
    if (!f) return text_edit({0, 0}, {0, 0}, "---\ncriteria:\n  " + entry + "\n---\n\n");
    for (std::size_t l = f->open + 1; l < f->close; ++l) {
        const std::string_view line = index.line(l);
        if (!line.starts_with("criteria:")) continue;
        std::string_view rest = line.substr(9);
        while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
        const int li = static_cast<int>(l);
        if (rest == "{}" || rest == "{ }")
            return text_edit({li, 9}, {li, utf16_length(line, line.size())}, "\n  " + entry);
        if (!rest.empty() && !rest.starts_with("#")) return std::nullopt;  // a flow mapping: not edited by line
        std::size_t last = l;
        std::string indent = "  ";
        bool first_child = true;
        for (std::size_t k = l + 1; k < f->close; ++k) {
            const std::string_view child = index.line(k);
            if (!child.empty() && child.front() != ' ' && child.front() != '\t') break;
            if (child.find_first_not_of(" \t") == std::string_view::npos) continue;
            if (first_child) indent = std::string(child.substr(0, child.find_first_not_of(" \t")));
            first_child = false;
            last = k;
        }
        const int at = static_cast<int>(last + 1);
        return text_edit({at, 0}, {at, 0}, indent + entry + "\n");
    }
    const int at = static_cast<int>(f->close);
    return text_edit({at, 0}, {at, 0}, "criteria:\n  " + entry + "\n");
}

// Sets `declared_words:` to `words`, if the front matter has it on a line of its own.
std::optional<json> declared_edit(const LineIndex& index, std::uint64_t words)
{
    const auto f = fences_of(index);
    if (!f) return std::nullopt;
    for (std::size_t l = f->open + 1; l < f->close; ++l) {
        const std::string_view line = index.line(l);
        if (!line.starts_with("declared_words:")) continue;
        const int li = static_cast<int>(l);
        return text_edit({li, 15}, {li, utf16_length(line, line.size())}, " " + std::to_string(words));
    }
    return std::nullopt;
}

// Headings appended at the end of the file, each after a blank line.
json append_headings(const std::string& text, const LineIndex& index, const std::vector<std::string>& names, int level)
{
    std::string add = text.empty() || text.ends_with("\n\n") ? "" : text.ends_with("\n") ? "\n" : "\n\n";
    for (std::size_t i = 0; i < names.size(); ++i)
        add += (i ? "\n" : "") + std::string(static_cast<std::size_t>(level), '#') + " " + names[i] + "\n";
    return text_edit(index.end(), index.end(), add);
}

// The level new headings take: that of the first heading below the title, else 2.
int heading_level(const MarkdownView& view)
{
    for (const auto& h : view.doc.headings)
        if (h.level >= 2) return h.level;
    return 2;
}

std::optional<std::uint64_t> declared_words(const MarkdownView& view)
{
    if (!view.meta.contains("declared_words") || !view.meta["declared_words"].is_number_integer()) return std::nullopt;
    const auto v = view.meta["declared_words"].get<long long>();
    return v < 0 ? std::nullopt : std::optional<std::uint64_t>(static_cast<std::uint64_t>(v));
}

} // namespace

json code_actions(const OpenPortfolio& p, const std::string& rel, const std::string& uri, Position start, Position end)
{
    json out = json::array();
    const auto it = p.buffers.find(rel);
    if (it == p.buffers.end() || !p.programme || !(rel.ends_with(".md") || rel.ends_with(".MD"))) return out;
    std::optional<OverlayPortfolio> fs;
    try {
        fs.emplace(p.root, p.buffers);
    } catch (const std::exception&) {
        return out;
    }
    const std::string& text = it->second;
    const LineIndex index(text);
    const MarkdownView view = view_markdown(text);
    const PortfolioLayout layout = layout_of(*fs, *p.programme);
    const int level = heading_level(view);

    // The headings the file's requirement needs: R4's sections, an interview's, a declared model's.
    std::vector<std::string> missing;
    const auto required = required_headings(layout, rel, view);
    for (const auto& names : required.needs.headings)
        if (!find_section(view.doc, names)) missing.push_back(names.front());
    const RequirementSpec* owner = required.requirement;
    for (const auto& name : missing)
        out.push_back(action("Add the heading '" + name + "' (" + owner->id + ")", uri, json::array({append_headings(text, index, {name}, level)})));
    if (missing.size() > 1) {
        std::string list;
        for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
        out.push_back(action("Add the missing headings " + list + " (" + owner->id + ")", uri, json::array({append_headings(text, index, missing, level)})));
    }

    std::optional<std::uint64_t> count;  // the file's words as lilo check counts them
    if (layout.essay && rel == layout.essay_rel) {
        count = view.doc.totals.words(requirement_count_rules(*p.programme, *layout.essay));
        // A heading that `criteria:` names but the essay lacks.
        for (const auto& cs : criterion_sections(*p.programme, *layout.essay, view))
            if (!cs.heading)
                out.push_back(action("Add the heading '" + cs.name + "' (" + cs.criterion->id + ")", uri,
                                     json::array({append_headings(text, index, {cs.name}, level)})));
        const auto unmapped = unmapped_criteria(*p.programme, view);
        // On a heading no criterion maps: map it.
        for (std::size_t h = 0; h < view.doc.headings.size(); ++h) {
            const int line = view.doc.headings[h].line - 1;
            if (line < start.line || line > end.line || view.doc.headings[h].level < 2) continue;
            bool mapped = false;
            for (const auto& cs : criterion_sections(*p.programme, *layout.essay, view)) mapped = mapped || cs.heading == h;
            if (mapped) continue;
            for (const CriterionSpec* c : unmapped)
                if (auto e = mapping_edit(index, c->id, view.doc.headings[h].text))
                    out.push_back(action("Map '" + view.doc.headings[h].text + "' to " + c->id + " (" + c->title + ")", uri, json::array({*e})));
        }
        // An unmapped criterion: its section, heading and mapping both.
        for (const CriterionSpec* c : unmapped)
            if (auto e = mapping_edit(index, c->id, c->title))
                out.push_back(action("Add a section for " + c->id + " (" + c->title + ")", uri,
                                     json::array({*e, append_headings(text, index, {c->title}, level)})));
    } else if (p.report) {
        for (const auto& d : p.report->documents)
            if (d.file == rel) count = d.words;
    }
    if (const auto declared = declared_words(view); declared && count && *declared != *count)
        if (auto e = declared_edit(index, *count))
            out.push_back(action("Set declared_words to " + with_commas(*count) + " (now " + with_commas(*declared) + ")", uri, json::array({*e})));
    return out;
}

} // namespace lilo::lsp
