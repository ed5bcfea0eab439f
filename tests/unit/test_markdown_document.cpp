#include <doctest/doctest.h>

#include "markdown/document.hpp"

using namespace lilo;

TEST_CASE("structure: headings, sections, lists, links and citations with their lines")
{
    const std::string md =
        "---\n"
        "title: T\n"
        "---\n"
        "# Essay\n"                                  // 4
        "\n"
        "Intro with [@a, p. 4] and a note.[^n]\n"    // 6
        "\n"
        "## Part *one* {#p1 .x}\n"                   // 8
        "\n"
        "- first item 2026-01-02\n"                  // 10
        "  - nested\n"
        "- second [link](files/x.md)\n"              // 12
        "\n"
        "### Sub\n"                                  // 14
        "\n"
        "Sub text @b here.\n"                        // 16
        "\n"
        "## References\n"
        "\n"
        "Author, A. (2020). Title.\n"
        "\n"
        "[^n]: The note has five words.\n";
    const MarkdownDoc d = analyze_markdown(md);
    REQUIRE(d.headings.size() == 4);
    CHECK(d.headings[1].text == "Part one");
    CHECK(d.headings[1].line == 8);
    CHECK(d.find_headings("part ONE") == std::vector<std::size_t>{1});
    CHECK(d.section_end(1) == 3);
    const CountRules rules = CountRules::defaults();
    // "Part one" section: items (first item 2026-01-02 / nested / second link) + "Sub" heading + sub text.
    CHECK(d.section(1).words(rules) == 4 + 1 + 2 + 1 + 4);
    // The footnote counts where it is referenced: under "Essay", before "Part one".
    CHECK(d.headings[0].segment[Category::footnotes].words == 5);
    CHECK(d.totals[Category::references].words == 1 + 4); // the heading, then "Author, A. (2020). Title."
    CHECK(d.totals[Category::front_matter].words == 2);
    REQUIRE(d.items.size() == 3);
    CHECK(d.items[0].depth == 1);
    CHECK(d.items[0].line == 10);
    CHECK(d.items[0].text.find("nested") != std::string::npos); // a nested item belongs to its parent
    CHECK(d.items[1].depth == 2);
    REQUIRE(d.links.size() == 1);
    CHECK(d.links[0].target == "files/x.md");
    CHECK(d.links[0].line == 12);
    REQUIRE(d.citations.size() == 2);
    CHECK(d.citations[0].key == "a");
    CHECK(d.citations[0].line == 6);
    CHECK(d.citations[1].key == "b");
    CHECK(d.citations[1].line == 16);
    CHECK(d.citations[1].heading == 2);
}

TEST_CASE("front matter: only at the very top, closed by --- or ...")
{
    FrontMatter f;
    CHECK(split_front_matter("---\na: 1\n...\nbody", f) == 13);
    CHECK(f.present);
    FrontMatter g;
    CHECK(split_front_matter("text\n---\na: 1\n---\n", g) == 0);
    CHECK_FALSE(g.present);
    FrontMatter h;
    CHECK(split_front_matter("\xEF\xBB\xBF---\r\na: 1\r\n---\r\nbody", h) > 3);
    CHECK(h.present);
}

TEST_CASE("excluded sections and heading attributes")
{
    CHECK(excluded_section_kind("References") == ExcludedSection::references);
    CHECK(excluded_section_kind("reference  list") == ExcludedSection::references);
    CHECK(excluded_section_kind("參考文獻") == ExcludedSection::references);
    CHECK(excluded_section_kind("Appendix B: data") == ExcludedSection::appendices);
    CHECK(excluded_section_kind("References and further reading") == ExcludedSection::none);
    CHECK(strip_heading_attributes("Title {#id .class key=v}") == "Title");
    CHECK(strip_heading_attributes("Set {a, b}") == "Set {a, b}");
}
