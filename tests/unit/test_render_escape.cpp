#include <doctest/doctest.h>

#include "render/escape.hpp"

using namespace lilo;

TEST_CASE("escape_markup: HTML by default, XML 1.0 when asked")
{
    // A title a candidate might write, with every character markup treats specially.
    const std::string title = "Leading <learning> & \"voice\": one school's story";
    CHECK(escape_markup(title) == "Leading &lt;learning&gt; &amp; &quot;voice&quot;: one school&#39;s story");
    const MarkupEscape xml{.apostrophe = "&apos;", .control = " ", .keep_carriage_return = false};
    CHECK(escape_markup(title, xml) == "Leading &lt;learning&gt; &amp; &quot;voice&quot;: one school&apos;s story");
    // Control characters: HTML shows U+FFFD, XML (which forbids them) a space; tab and line feed stay.
    const std::string ctl = std::string("a\x01") + "b\tc\nd\re";
    CHECK(escape_markup(ctl) == "a\xEF\xBF\xBD" "b\tc\nd\re");
    CHECK(escape_markup(ctl, xml) == "a b\tc\nd e");
    // Non-ASCII passes through untouched.
    CHECK(escape_markup("陳大文") == "陳大文");
}

TEST_CASE("markdown_cell: a cell cannot end early; the user's text shows as written only when asked")
{
    // A pipe or any line break (a carriage return too) would end the cell or the row.
    CHECK(markdown_cell("Plan | do\r\nreview") == "Plan \\| do  review");
    // lilo's own messages keep their `code`; a candidate's title on the cover sheet shows its * and _ as written.
    CHECK(markdown_cell("no `date:` in *front* matter") == "no `date:` in *front* matter");
    CHECK(markdown_cell("A *bold_plan* [1] <b> @me \\", true) == "A \\*bold\\_plan\\* \\[1\\] \\<b> \\@me \\\\");
}
