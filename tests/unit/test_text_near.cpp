#include <doctest/doctest.h>

#include "core/date.hpp"
#include "markdown/document.hpp"
#include "text/near.hpp"
#include "text/word_limit.hpp"
#include "yaml/plain_errors.hpp"

using namespace lilo;

// Issue 15: ordinary mistakes, met kindly.

TEST_CASE("match_key treats Word's curly quotes as straight ones, and ignores case and spacing")
{
    CHECK(match_key("Successful leadership in one\u2019s  own context") == match_key("successful leadership in one's own context"));
    CHECK(match_key("\u201CDeveloping staff\u201D: what works") == match_key("\"developing staff\": what works"));
    CHECK(match_key("one\u2018s") == "one's");
    CHECK(match_key("R\u00E9sum\u00E9") == match_key("r\u00E9sum\u00E9"));
    CHECK(match_key("one's") != match_key("ones"));
}

TEST_CASE("closest finds a typo, not a different word")
{
    CHECK(edit_distance("Implementaton", "Implementation") == 1);
    CHECK(edit_distance("caf\u00E9", "cafe") == 1);  // code points, not bytes
    const std::vector<std::string> headings{"rationale", "plan", "implementation", "evaluation"};
    CHECK(closest("implementaton", headings) == "implementation");
    CHECK(closest("evalution", headings) == "evaluation");
    CHECK(closest("budget", headings).empty());
    CHECK(closest("why staff developement matters", {"why staff development matters", "developing staff"}) == "why staff development matters");
    CHECK(closest(match_key("journal"), {match_key("Journal")}) == "journal");
    const std::vector<std::string> commands{"init", "check", "count", "bundle", "verify"};
    CHECK(closest("chek", commands) == "check");
    CHECK(closest("ver", commands) == "verify");
}

TEST_CASE("the closest heading is offered where a heading is missing")
{
    const auto doc = analyze_markdown("# Project\n\n## Rationale\n\ntext\n\n## Implementaton\n\ntext\n");
    REQUIRE(doc.closest_heading("Implementation"));
    CHECK(doc.headings[*doc.closest_heading("Implementation")].line == 7);
    CHECK_FALSE(doc.closest_heading("Evaluation"));
    CHECK(doc.find_headings("implementaton").size() == 1);
}

TEST_CASE("a name that starts like a date says why it gives none")
{
    CHECK(date_prefix_problem("2026-02-30-staff-meeting.md") == "the date in the name, 2026-02-30, is not a real date");
    CHECK(date_prefix_problem("2026-5-20-entry.md") == "the name starts with 2026-5-20, not YYYY-MM-DD; write 2026-05-20");
    CHECK(date_prefix_problem("20-05-2026-entry.md") == "the name starts with 20-05-2026, not YYYY-MM-DD; write 2026-05-20");
    CHECK(date_prefix_problem("2026-13-40.md") == "the date in the name, 2026-13-40, is not a real date");
    CHECK(date_prefix_problem("2026-2-30-x.md") == "the name starts with 2026-2-30, which is not a real date in the form YYYY-MM-DD");
    CHECK(date_prefix_problem("2026-05-20-entry.md").empty());  // a date
    CHECK(date_prefix_problem("staff-meeting.md").empty());     // no date meant
    CHECK(date_prefix_problem("1-on-1-meeting.md").empty());
    CHECK(date_prefix_problem("3-2-1-plan.md").empty());
}

TEST_CASE("word counts written as lilo prints them")
{
    CHECK(parse_with_commas("1,005") == 1005u);
    CHECK(parse_with_commas("12,345,678") == 12345678u);
    CHECK(parse_with_commas("996") == 996u);
    CHECK_FALSE(parse_with_commas("1,00"));
    CHECK_FALSE(parse_with_commas("10,05"));
    CHECK_FALSE(parse_with_commas(",005"));
    CHECK_FALSE(parse_with_commas("1005,"));
    CHECK_FALSE(parse_with_commas("1 005"));
    CHECK_FALSE(parse_with_commas("1.005"));
    CHECK_FALSE(parse_with_commas("about 1000"));
    CHECK_FALSE(parse_with_commas("99999999999999999999999"));
}

TEST_CASE("front matter fenced with Word's dashes is read, and its fences noted")
{
    FrontMatter fm;
    const std::string text = "\u2014-\ntitle: x\n\u2013-\n\nBody\n";
    const auto body = split_front_matter(text, fm);
    CHECK(fm.present);
    CHECK(fm.yaml == "title: x\n");
    CHECK(fm.dash_fences == std::vector<int>{1, 3});
    CHECK(text.substr(body) == "\nBody\n");
    CHECK(is_dash_fence("\u2014\u2014"));
    CHECK(is_dash_fence("\u2014"));
    CHECK_FALSE(is_dash_fence("---"));  // a fence, not a dashed one
    CHECK_FALSE(is_dash_fence("\u2014 a quote"));
    FrontMatter none;
    CHECK(split_front_matter("\u2014 a line of prose\nmore\n---\n", none) == 0);
    CHECK_FALSE(none.present);
}

TEST_CASE("YAML syntax errors in plain words, at the line and column")
{
    // A tab used for indentation.
    auto tab = parse_yaml("candidate:\n  name: A\n\tid: B\n");
    REQUIRE(tab.problems.size() == 1);
    CHECK(tab.problems[0].code == "yaml-syntax");
    CHECK(tab.problems[0].message == "a tab in the indentation: YAML does not allow tabs for indentation; use spaces");
    CHECK(tab.problems[0].mark.line == 3);
    CHECK(tab.problems[0].mark.column == 1);
    // A Word-style title with ': ' inside, in front matter (first line 2).
    auto title = parse_yaml("title: \u201CLeading learning: one school\u2019s story\u201D\ndeclared_words: 3\n", 2);
    REQUIRE(title.problems.size() == 1);
    CHECK(title.problems[0].mark.line == 2);
    CHECK(title.problems[0].mark.column == 8);
    CHECK(title.problems[0].message ==
          "the value of `title` holds ': ', which YAML reads as the start of another key; put the value in straight quotes: "
          "title: \"Leading learning: one school\u2019s story\"");
    // A value holding a double quote is offered in single quotes.
    auto dq = parse_yaml("title: Say \"no\": then\n");
    REQUIRE(dq.problems.size() == 1);
    CHECK(dq.problems[0].message.ends_with("title: 'Say \"no\": then'"));
    // A key indented under a key that has its value.
    auto indent = parse_yaml("candidate:\n  name: Leung Ka Yan\n   id: LILO-2025-0117\n");
    REQUIRE(indent.problems.size() == 1);
    CHECK(indent.problems[0].mark.line == 3);
    CHECK(indent.problems[0].message.starts_with("this line is indented further than the line before it, whose `name` already has a value"));
    // Otherwise the parser's message, put plainly, with its own words kept.
    auto open = parse_yaml("a: [1, 2\nb: 3\n");
    REQUIRE(open.problems.size() == 1);
    CHECK(open.problems[0].message.find("(YAML: ") != std::string::npos);
    CHECK(plain_syntax_error("x", "end of map not found", 0, 0, 1).message ==
          "a line out of step with the lines around it: YAML reads indentation as structure; indent keys at the same level alike "
          "(YAML: end of map not found)");
    CHECK(plain_syntax_error("x", "something new", -1, 0, 1).message == "something new");
    // A list item with nothing after its dash, at the error or the line before (found by fuzz_bibliography):
    // the parser's message, not an exception.
    CHECK_NOTHROW((void)parse_yaml("references:\n  - \n  - i:d\n      - x: y\n"));
    CHECK(plain_syntax_error("a:\n  - \n  - ", "end of sequence not found", 2, 0, 1).mark.line == 3);
}
