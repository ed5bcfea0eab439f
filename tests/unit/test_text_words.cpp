#include <doctest/doctest.h>

#include "text/utf8.hpp"
#include "text/word_limit.hpp"
#include "text/words.hpp"

using namespace lilo;

TEST_CASE("a word is a run that holds a letter or a digit")
{
    CHECK(count_words("school-based learning").words == 2);
    CHECK(count_words("don't teachers' e.g. U.S. 1,250 3.5 and/or").words == 7);
    CHECK(count_words("a - b & c % d").words == 4);
    CHECK(count_words("").words == 0);
    CHECK(count_words("   \t\n").words == 0);
}

TEST_CASE("dashes and ellipses")
{
    CHECK(count_words("word\u2014word").words == 2);
    CHECK(count_words("word---word").words == 2);
    CHECK(count_words("word--word").words == 2);
    CHECK(count_words("10\u201312").words == 1);
    CHECK(count_words("10--12").words == 1);
    CHECK(count_words("K\u201312").words == 2);
    CHECK(count_words("10 \u2013 12").words == 2);
    CHECK(count_words("wait...what").words == 2);
    CHECK(count_words("wait\u2026what").words == 2);
}

TEST_CASE("CJK characters are words, and punctuation between them is not")
{
    const TokenCount c = count_words("我們使用Python。");
    CHECK(c.words == 5);
    CHECK(c.cjk == 4);
    CHECK(count_words("学校の先生").words == 5);
    CHECK(count_words("학교 에서 공부").words == 3);
    CHECK(count_words("學校에서").words == 3);
    CHECK(count_words("我們使用Python", CjkMode::none).words == 1);
}

TEST_CASE("a word spans the pieces it arrives in")
{
    WordStream s;
    s.feed("un");
    s.feed("believ");
    s.feed("able 10-");
    s.feed("-12 wait..");
    s.feed(".what");
    CHECK(s.finish().words == 4);
}

TEST_CASE("bytes that are not UTF-8 are shown as \\xHH, valid text unchanged")
{
    CHECK(escape_invalid_utf8("caf\xe9.md") == "caf\\xE9.md");
    CHECK(escape_invalid_utf8("中文 émigré") == "中文 émigré");
    CHECK(escape_invalid_utf8(std::string("a\0b", 3)) == "a\\x00b");
    CHECK(escape_invalid_utf8("ok\xe4\xb8") == "ok\\xE4\\xB8");  // truncated at the end
    CHECK(escape_invalid_utf8("") == "");
}

TEST_CASE("UTF-8 validation names the first bad byte")
{
    CHECK_FALSE(find_invalid_utf8("plain ASCII and 中文 and émigré").has_value());
    CHECK(find_invalid_utf8("caf\xe9 au lait") == std::optional<std::size_t>(3));
    CHECK(find_invalid_utf8(std::string("a\0b", 3)) == std::optional<std::size_t>(1));
    CHECK(find_invalid_utf8("\xed\xa0\x80").has_value());     // a surrogate
    CHECK(find_invalid_utf8("\xc0\xaf").has_value());         // overlong
    CHECK(find_invalid_utf8("ok\xe4\xb8").has_value());       // truncated
    CHECK(line_of_offset("a\nb\nc", 4) == 3);
    // Lengths around the 32- and 8-byte fast paths: valid text ends cleanly.
    for (std::size_t len = 0; len < 80; ++len) {
        const std::string ascii(len, 'a');
        CHECK_FALSE(find_invalid_utf8(ascii).has_value());
        CHECK_FALSE(find_invalid_utf8(ascii + "\xc3\xa9").has_value());
        CHECK(find_invalid_utf8(ascii + "\xc3") == std::optional<std::size_t>(len));
    }
}

TEST_CASE("folding case for headings and names")
{
    CHECK(iequals("ÉCOLE Été", "école été"));
    CHECK(fold_case("ΑΒΓ Москва") == "αβγ москва");
    CHECK(collapse_space("  a \t b\u00a0 c  ") == "a b c");
}

TEST_CASE("word limits: parsing and wording")
{
    auto around = parse_word_limit("1000~10%");
    REQUIRE(around);
    CHECK(around->min == 900);
    CHECK(around->max == std::optional<std::uint64_t>(1100));
    CHECK_FALSE(around->describe(900));
    CHECK_FALSE(around->describe(1100));
    CHECK(around->describe(1214) == std::optional<std::string>("1,214 words, limit 900\u20131,100 (114 over)"));
    CHECK(around->describe(899) == std::optional<std::string>("899 words, limit 900\u20131,100 (1 under)"));
    auto range = parse_word_limit("6000-6500");
    REQUIRE(range);
    CHECK(range->min == 6000);
    auto max = parse_word_limit("max:20000");
    REQUIRE(max);
    CHECK(max->describe(20001) == std::optional<std::string>("20,001 words, limit at most 20,000 (1 over)"));
    CHECK_FALSE(parse_word_limit("lots"));
    CHECK_FALSE(parse_word_limit("6500-6000"));
    CHECK(with_commas(1234567) == "1,234,567");
}

TEST_CASE("text cut and padded by terminal columns, never inside a character")
{
    CHECK(cut_to_width("short", 10) == "short");
    CHECK(cut_to_width("exactly ten", 11) == "exactly ten");
    CHECK(cut_to_width("a longer title", 8) == "a longe…");
    // 陳 takes two columns: the cut falls before a character that would not fit.
    CHECK(cut_to_width("陳大文的反思", 7) == "陳大文…");
    CHECK(cut_to_width("陳大文的反思", 8) == "陳大文…");
    CHECK(terminal_width(cut_to_width("陳大文的反思日誌", 9)) <= 9);
    CHECK(!find_invalid_utf8(cut_to_width("é" + std::string(50, 'e'), 1)));
    CHECK(pad_to_width("陳", 4) == "陳  ");
    CHECK(pad_to_width("wider", 2) == "wider");
}
