#include <doctest/doctest.h>

#include "yaml/schema.hpp"
#include "yaml/yaml_json.hpp"

using namespace lilo;

TEST_CASE("YAML becomes JSON with each value's line")
{
    const auto p = parse_yaml("a: 1\nb:\n  c: [x, 'y']\n  d: 2026-01-05\n  e: \"3\"\n  f: ~\n  g: true\n  h: 2.5\n", 10);
    REQUIRE(p.doc);
    const auto& v = p.doc->value;
    CHECK(v["a"] == 1);
    CHECK(v["b"]["c"][1] == "y");
    CHECK(v["b"]["d"] == "2026-01-05");
    CHECK(v["b"]["e"] == "3");          // quoted: a string
    CHECK(v["b"]["f"].is_null());
    CHECK(v["b"]["g"] == true);
    CHECK(v["b"]["h"] == 2.5);
    CHECK(p.doc->mark_of("/a").line == 10);
    CHECK(p.doc->mark_of("/b/c/1").line == 12);
    CHECK(p.doc->line_of("/b") == 11);  // a mapping: its key's line
    CHECK(p.doc->mark_of("/b/nothing/here").line == 12); // nearest ancestor
}

TEST_CASE("syntax errors, duplicate keys, depth and alias bombs are reported at lines")
{
    auto bad = parse_yaml("a: 1\n b: 2\n");
    CHECK_FALSE(bad.doc);
    REQUIRE(bad.problems.size() == 1);
    CHECK(bad.problems[0].code == "yaml-syntax");
    CHECK(bad.problems[0].mark.line == 2);

    auto dup = parse_yaml("a: 1\nb: 2\na: 3\n");
    REQUIRE(dup.doc);
    REQUIRE(dup.problems.size() == 1);
    CHECK(dup.problems[0].code == "yaml-duplicate-key");
    CHECK(dup.problems[0].mark.line == 3);
    CHECK(dup.doc->value["a"] == 1);

    std::string deep;
    for (int i = 0; i < 100; ++i) deep += "[";
    for (int i = 0; i < 100; ++i) deep += "]";
    auto too_deep = parse_yaml(deep);
    CHECK_FALSE(too_deep.doc);
    CHECK(too_deep.problems.at(0).code == "yaml-too-deep");

    std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n";
    for (char c = 'b'; c <= 'i'; ++c)
        bomb += std::string(1, c) + ": &" + c + " [*" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) +
                ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + "]\n";
    auto laughs = parse_yaml(bomb);
    CHECK_FALSE(laughs.doc);
    CHECK(laughs.problems.at(0).code == "yaml-too-large");
}

TEST_CASE("schema errors are worded for people and placed at YAML lines")
{
    const auto p = parse_yaml("lilo: 1\nprogramme: lilo-certificate\ncandidate:\n  name: A\n  id: x y\nperiod:\n  start: 2026-01-01\n  end: soon\nextra: 1\n");
    REQUIRE(p.doc);
    const auto errors = embedded_validator("portfolio.schema.json").validate(*p.doc);
    auto has = [&](const std::string& text, int line) {
        for (const auto& e : errors)
            if (e.message.find(text) != std::string::npos && e.mark.line == line) return true;
        return false;
    };
    CHECK(has("candidate.id: should be letters", 5));
    CHECK(has("period.end: should be a date", 8));
    CHECK(has("unknown field 'extra'", 9));
    const auto missing = parse_yaml("lilo: 1\nprogramme: x\ncandidate:\n  name: A\n");
    const auto errs2 = embedded_validator("portfolio.schema.json").validate(*missing.doc);
    bool found = false;
    for (const auto& e : errs2) found = found || (e.message == "candidate: missing 'id'" && e.mark.line == 3);
    CHECK(found);
}

TEST_CASE("text that is not UTF-8 never reaches the schema validator")
{
    // Found by fuzzing: valijson's minLength reads past a truncated sequence.
    const auto p = parse_yaml("lilo: 1\ncandidate:\n  name: \"A\xc3\"\n");
    REQUIRE(p.doc);
    const auto errors = embedded_validator("portfolio.schema.json").validate(*p.doc);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message == "not UTF-8 text");
    CHECK(errors[0].pointer == "/candidate/name");
    CHECK(errors[0].mark.line == 3);
}

TEST_CASE("numbers too large for a double stay text instead of failing")
{
    // Found by fuzzing: std::stod threw out_of_range and lilo aborted.
    const auto p = parse_yaml("a: 1e999\nb: " + std::string(400, '5') + "\nc: 12\nd: .5\n");
    REQUIRE(p.doc);
    CHECK(p.doc->value["a"] == "1e999");
    CHECK(p.doc->value["b"].is_string());
    CHECK(p.doc->value["c"] == 12);
    CHECK(p.doc->value["d"] == 0.5);
}
