// Hover and code lenses.
#include "lsp/assist.hpp"

#include "rules/near_miss.hpp"

#include <set>

#include "bib/entry.hpp"
#include "lsp/diagnostics.hpp"
#include "lsp/portfolio_view.hpp"
#include "rules/document.hpp"
#include "rules/explain.hpp"
#include "rules/kinds.hpp"
#include "text/word_limit.hpp"

using nlohmann::json;

namespace lilo::lsp {

namespace {

bool key_char(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) != 0 || u >= 0x80 || std::string_view("_:.#$%&-+?<>~/").find(c) != std::string_view::npos;
}

// The citation key `@key` around byte `at` of `line`, if the cursor is on one.
std::optional<std::string> citation_at(std::string_view line, std::size_t at)
{
    std::size_t b = std::min(at, line.size());
    while (b > 0 && line[b - 1] != '@' && key_char(line[b - 1])) --b;
    if (b == 0 || line[b - 1] != '@') {
        if (b < line.size() && line[b] == '@') ++b;  // on the '@' itself
        else return std::nullopt;
    }
    const std::size_t at_sign = b - 1;
    if (at_sign > 0 && std::isalnum(static_cast<unsigned char>(line[at_sign - 1])) != 0) return std::nullopt;  // an e-mail address
    std::size_t e = b;
    while (e < line.size() && key_char(line[e])) ++e;
    // Trailing punctuation ends a sentence, not the key.
    while (e > b && std::string_view(":.#$%&-+?<>~/").find(line[e - 1]) != std::string_view::npos) --e;
    if (e == b || at > e) return std::nullopt;
    return std::string(line.substr(b, e - b));
}

std::string words_against(std::uint64_t words, std::uint64_t min)
{
    std::string s = with_commas(words) + " word" + (words == 1 ? "" : "s");
    if (min > 0) s += words >= min ? " (at least " + with_commas(min) + ": met)" : " (at least " + with_commas(min) + ": " + with_commas(min - words) + " short)";
    return s;
}

struct FileContext {
    std::optional<OverlayPortfolio> fs;
    const std::string* text = nullptr;
};

FileContext context_of(const OpenPortfolio& p, const std::string& rel)
{
    FileContext c;
    const auto it = p.buffers.find(rel);
    if (it == p.buffers.end()) return c;
    try {
        c.fs.emplace(p.root, p.buffers);
    } catch (const std::exception&) {
        return c;
    }
    c.text = &it->second;
    return c;
}

} // namespace

json hover(const OpenPortfolio& p, const std::string& rel, Position pos)
{
    FileContext c = context_of(p, rel);
    if (!c.text) return nullptr;
    const LineIndex index(*c.text);
    std::vector<std::string> parts;

    // Explanations of the diagnostics on this line.
    if (p.report && p.programme) {
        std::set<std::string> codes;
        for (const Diagnostic* d : diagnostics_on(*p.report, *c.fs, rel)) {
            const int line = shown_on(*d, *c.fs) != d->file || d->line <= 0 ? 0 : d->line - 1;
            if (line != pos.line || !codes.insert(d->code).second) continue;
            // A code lilo explain has no text for yet: what it says of the requirement (or of P) instead.
            auto text = explain(*p.programme, d->code, &*p.report);
            const std::string asked = text ? d->code : d->owner();
            if (!text) text = explain(*p.programme, asked, &*p.report);
            if (text) parts.push_back("**" + d->code + "** (`lilo explain " + asked + "`)\n\n```text\n" + *text + "```");
        }
    }
    if (rel.ends_with(".md") || rel.ends_with(".MD")) {
        const MarkdownView view = view_markdown(*c.text);
        const std::string_view line = index.line(static_cast<std::size_t>(pos.line));
        const std::size_t at = index.offset(pos) - index.offset({pos.line, 0});
        // A citation: its bibliography entry.
        if (const auto key = citation_at(line, at)) {
            std::optional<std::string> entry;
            std::string from;
            for (const auto& file : bibliography_files(*c.fs, rel, view))
                if (!entry && (entry = bibliography_entry(file_text(*c.fs, file), file, *key))) from = file;
            if (!entry && view.meta.contains("references")) {
                entry = bibliography_entry(json{{"references", view.meta["references"]}}.dump(), "front-matter.json", *key);
                from = "the front matter";
            }
            parts.push_back(entry ? "**@" + *key + "** (" + from + ")\n\n" + *entry : "**@" + *key + "**: not in the bibliography");
        }
        // A heading: its section's words, and the criterion or section requirement it serves.
        for (std::size_t h = 0; h < view.doc.headings.size(); ++h) {
            if (view.doc.headings[h].line != pos.line + 1) continue;
            const auto& heading = view.doc.headings[h];
            const CountRules rules = p.programme ? p.programme->count_rules : CountRules{};
            std::string s = "**" + heading.text + "**: " + with_commas(view.doc.section(h).words(rules)) + " words in this section";
            if (p.programme) {
                const PortfolioLayout layout = layout_of(*c.fs, *p.programme);
                if (layout.essay && rel == layout.essay_rel)
                    for (const auto& cs : criterion_sections(*p.programme, *layout.essay, view))
                        if (cs.heading == h)
                            s += "\n\n" + cs.criterion->id + " " + cs.criterion->title + ": " + words_against(cs.words, cs.min_words);
                // A section its requirement counts (the project's): its words against the minimum.
                if (const auto required = required_headings(layout, rel, view); required.needs.min_section_words)
                    for (const auto& names : required.needs.headings)
                        if (const auto found = find_section(view.doc, names); found && found->heading == h)
                            s += "\n\n" + required.requirement->id + " " + required.requirement->title + ", section " + found->name + ": " +
                                 words_against(view.doc.section(h).words(rules), static_cast<std::uint64_t>(*required.needs.min_section_words));
            }
            parts.push_back(s);
        }
    }
    if (parts.empty()) return nullptr;
    std::string value;
    for (const auto& s : parts) value += (value.empty() ? "" : "\n\n---\n\n") + s;
    return {{"contents", {{"kind", "markdown"}, {"value", value}}}};
}

json code_lenses(const OpenPortfolio& p, const std::string& rel)
{
    json out = json::array();
    FileContext c = context_of(p, rel);
    if (!c.text || !p.programme) return out;
    const PortfolioLayout layout = layout_of(*c.fs, *p.programme);
    if (!layout.essay || rel != layout.essay_rel) return out;
    const MarkdownView view = view_markdown(*c.text);
    auto lens = [&](int line, std::string title) {
        out.push_back({{"range", range_json({line, 0}, {line, 0})}, {"command", {{"title", std::move(title)}, {"command", ""}}}});
    };
    // The whole essay against its band, counted as lilo check counts it.
    const WordLimit limit = requirement_limit(*layout.essay);
    const auto words = view.doc.totals.words(requirement_count_rules(*p.programme, *layout.essay));
    const auto problem = limit.describe(words);
    const int first_heading = view.doc.headings.empty() ? 0 : view.doc.headings.front().line - 1;
    lens(first_heading, layout.essay->id + ": " + (problem ? *problem : with_commas(words) + " words, within " + limit.str()));
    for (const auto& cs : criterion_sections(*p.programme, *layout.essay, view))
        if (cs.heading)
            lens(view.doc.headings[*cs.heading].line - 1, cs.criterion->id + ": " + words_against(cs.words, cs.min_words));
    return out;
}

} // namespace lilo::lsp
