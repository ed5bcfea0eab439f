#pragma once
// A Markdown file as lilo sees it: front matter, word counts by category and
// by section, and (for the rules) headings, list items, links and citations,
// each with its line. Built in one streaming pass over md4c's events; no
// document tree is kept.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/categories.hpp"

namespace lilo {

struct FrontMatter {
    bool present = false;
    std::string yaml;    // the text between the fences
    int first_line = 0;  // line of the first YAML line (the line after `---`)
    // Fences that Word's autocorrect turned into dashes (`—-` for `---`): read
    // as fences all the same, and their lines kept so the check can say so.
    std::vector<int> dash_fences;
};

struct Heading {
    int level = 0;
    std::string text;          // rendered, attribute block removed, trimmed
    int line = 0;
    CategoryCounts own;        // the heading's own words
    CategoryCounts segment;    // words after it, up to the next heading of any level
};

struct ListItem {
    std::string text;          // the item's text with its nested items
    int line = 0;
    int heading = -1;          // index into headings; -1 before the first heading
    int depth = 1;             // 1 for a top-level item; nested items belong to their parent
};

struct Link {
    std::string target;        // destination as written (image sources too)
    int line = 0;
    int heading = -1;
    bool image = false;
};

struct Citation {
    std::string key;
    int line = 0;
    int heading = -1;
};

struct MarkdownDoc {
    FrontMatter front;
    CategoryCounts totals;     // the whole file
    CategoryCounts preamble;   // before the first heading
    std::vector<Heading> headings;
    std::vector<ListItem> items;
    std::vector<Link> links;
    std::vector<Citation> citations;

    // Index one past the last heading inside heading h's section.
    std::size_t section_end(std::size_t h) const;
    // Words under heading h: its subsections' headings and text, not its own heading.
    CategoryCounts section(std::size_t h) const;
    // Headings whose text matches `name` ignoring case, spacing and curly quotes (match_key).
    std::vector<std::size_t> find_headings(std::string_view name) const;
    // When none matches: the heading within a typo of `name` ("Implementaton"), if any.
    std::optional<std::size_t> closest_heading(std::string_view name) const;
};

struct AnalyzeOptions {
    bool structure = true;     // collect headings' text, items, links, citations
    CjkMode cjk = CjkMode::characters;
};

// `text` is the whole file, already checked to be UTF-8; a leading BOM is
// skipped. The analyser may reuse the buffer.
MarkdownDoc analyze_markdown(std::string text, const AnalyzeOptions& options = {});
// The same over a buffer the analyser may write to (a mapped file).
MarkdownDoc analyze_markdown(char* data, std::size_t size, const AnalyzeOptions& options = {});

// A line that is a `---` fence as Word's autocorrect leaves it: hyphens and
// en or em dashes, at least one dash, at most three marks (—-, –-, ——, —).
bool is_dash_fence(std::string_view line);

// Splits a leading `---` … `---`/`...` block off `text` (after an optional BOM).
// Returns the offset where the Markdown body starts (0 when there is none).
std::size_t split_front_matter(std::string_view text, FrontMatter& out);

// Whether a heading's text names a reference list or an appendix (§4).
enum class ExcludedSection { none, references, appendices };
ExcludedSection excluded_section_kind(std::string_view heading_text);

// Removes a trailing pandoc attribute block (`{#id .class key=val}`) and trims.
std::string strip_heading_attributes(std::string_view text);

} // namespace lilo
