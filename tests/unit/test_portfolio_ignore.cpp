#include <doctest/doctest.h>

#include "portfolio/ignore.hpp"

using namespace lilo;

TEST_CASE("gitignore globs")
{
    CHECK(glob_match("*.docx", "draft.docx"));
    CHECK_FALSE(glob_match("*.docx", "a/draft.docx"));
    CHECK(glob_match("**/tmp", "tmp"));
    CHECK(glob_match("**/tmp", "a/b/tmp"));
    CHECK(glob_match("a/**", "a/b/c"));
    CHECK(glob_match("a/**/z", "a/z"));
    CHECK(glob_match("a/**/z", "a/b/c/z"));
    CHECK(glob_match("file[0-9].md", "file7.md"));
    CHECK_FALSE(glob_match("file[!0-9].md", "file7.md"));
    CHECK(glob_match("?.md", "a.md"));
    CHECK_FALSE(glob_match("?.md", "/.md"));
    CHECK(glob_match("\\#lit", "#lit"));
}

TEST_CASE(".liloignore: anchoring, folders, negation, last match wins")
{
    IgnoreRules r;
    r.add_lines("# comment\n*.docx\n!keep.docx\ndrafts/\n/top.txt\nnotes/*.tmp\n\n");
    CHECK(r.match("x.docx", false).ignored);
    CHECK(r.match("a/b/x.docx", false).ignored);
    CHECK_FALSE(r.match("keep.docx", false).ignored);
    CHECK(r.match("drafts", true).ignored);
    CHECK_FALSE(r.match("drafts", false).ignored); // a file named drafts: the pattern is for folders
    CHECK(r.match("top.txt", false).ignored);
    CHECK_FALSE(r.match("sub/top.txt", false).ignored);
    CHECK(r.match("notes/a.tmp", false).ignored);
    CHECK_FALSE(r.match("other/notes/a.tmp", false).ignored);
    const auto m = r.match("x.docx", false);
    CHECK(m.line == 2);
    CHECK(m.pattern == "*.docx");
}

TEST_CASE("editor debris")
{
    for (const char* n : {"a.md~", ".#a.md", "#a.md#", ".a.md.swp", "a.swo", ".DS_Store", "Thumbs.db"}) CHECK_MESSAGE(is_editor_debris(n), n);
    for (const char* n : {"a.md", "#", "notes.txt"}) CHECK_FALSE_MESSAGE(is_editor_debris(n), n);
}
