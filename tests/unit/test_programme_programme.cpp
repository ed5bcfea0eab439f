#include <doctest/doctest.h>
#include <fstream>

#include "core/resources.hpp"
#include "portfolio_copy.hpp"
#include "programme/programme.hpp"
#include "yaml/schema.hpp"

using namespace lilo;
using namespace lilo::test;

namespace {
void write(const std::filesystem::path& p, const std::string& text) { std::ofstream(p) << text; }

// The file and line of the ProgrammeError that loading `file` throws.
std::pair<std::string, int> error_at(const std::filesystem::path& file)
{
    try {
        load_programme(file.string(), "");
    } catch (const ProgrammeError& e) {
        return {e.file, e.line};
    }
    FAIL("no error loading " << file);
    return {};
}
} // namespace

TEST_CASE("the built-in certificate: six requirements, ten criteria, every threshold from the file")
{
    const Programme p = load_programme("lilo-certificate", "");
    REQUIRE(p.requirements.size() == 6);
    CHECK(p.requirements[0].id == "R1");
    CHECK(p.requirements[5].kind == "essay");
    REQUIRE(p.criteria.size() == 10);
    CHECK(p.criteria[9].id == "C10");  // C10 after C9, not after C1
    CHECK(p.requirements[1].params["max_gap_days"] == 31);
    CHECK(p.origins.at("/requirements/R2/max_gap_days") == "built-in lilo-certificate");
    CHECK(builtin_programmes() == std::vector<std::string>{"cambridge-diploma", "lilo-certificate", "mphil-elsi"});
}

TEST_CASE("every built-in programme is valid against the programme schema")
{
    // Loading does not validate a built-in (this test does, once), so that a
    // check does not build the schema's validator for a file that is fixed.
    for (const auto& id : builtin_programmes()) {
        CAPTURE(id);
        const auto text = embedded_resource("programmes/" + id + ".yaml");
        REQUIRE(text);
        const auto parsed = parse_yaml(*text);
        REQUIRE(parsed.doc);
        CHECK(parsed.problems.empty());
        const auto errors = embedded_validator("programme.schema.json").validate(*parsed.doc);
        for (const auto& e : errors) FAIL_CHECK(e.pointer << ": " << e.message);
        CHECK(errors.empty());
    }
}

TEST_CASE("unknown ids are refused with the list of built-ins")
{
    CHECK_THROWS_WITH_AS(load_programme("lilo-certficate", ""), doctest::Contains("built-in: cambridge-diploma, lilo-certificate, mphil-elsi"), ProgrammeError);
}

TEST_CASE("extends: a chain of two files; maps merge key by key, lists replace")
{
    PortfolioCopy dir;
    write(dir.dir() / "region.yaml",
          "extends: lilo-certificate\nid: region\ntitle: Region\nrequirements:\n  R2: {min_entries: 20}\n"
          "  R3:\n    courses: [{id: local-course, evidence: false}]\n");
    write(dir.dir() / "centre.yaml",
          "extends: region.yaml\nid: centre\ntitle: Centre\nrequirements:\n  R2: {max_gap_days: 14}\n  R6: {target_words: 1500}\n"
          "criteria:\n  C11: {title: Equity, min_citations: 1}\n");
    const Programme p = load_programme((dir.dir() / "centre.yaml").string(), "");
    CHECK(p.id == "centre");
    const auto& r2 = p.requirements[1].params;
    CHECK(r2["min_entries"] == 20);     // from region
    CHECK(r2["max_gap_days"] == 14);    // from centre
    CHECK(r2["min_words"] == 150);      // from the built-in
    CHECK(p.requirements[2].params["courses"].size() == 1); // a list replaces
    CHECK(p.requirements[5].params["target_words"] == 1500);
    REQUIRE(p.criteria.size() == 11);
    CHECK(p.criteria.back().id == "C11");
    CHECK(p.origins.at("/requirements/R2/max_gap_days") == (dir.dir() / "centre.yaml").string());
    CHECK(p.origins.at("/requirements/R2/min_entries") == (dir.dir() / "region.yaml").string());
}

TEST_CASE("invalid programme files are refused at their file and line")
{
    PortfolioCopy dir;
    const auto f = dir.dir() / "bad.yaml";
    write(f, "id: bad\ntitle: Bad\nrequirements:\n  R1: {kind: mentorship, title: M}\n");
    CHECK(error_at(f) == std::make_pair(f.string(), 4));
    write(f, "extends: lilo-certificate\nid: bad\ntitle: Bad\nrequirements:\n  R2:\n    min_entries: many\n");
    CHECK(error_at(f) == std::make_pair(f.string(), 6));
    write(f, "id: bad\ntitle: Bad\nrequirements:\n  R1: {kind: mentor, title: M, min_meetings: 3}\n");
    CHECK(error_at(f).second == 4); // a mentor without its other parameters
    write(f, "id: bad\ntitle: Bad\nrequirements:\n  R1: {kind: mentor\n");
    CHECK(error_at(f).second > 0);  // YAML syntax
    write(dir.dir() / "a.yaml", "extends: b.yaml\nid: a\ntitle: A\n");
    write(dir.dir() / "b.yaml", "extends: a.yaml\nid: b\ntitle: B\n");
    CHECK_THROWS_WITH_AS(load_programme((dir.dir() / "a.yaml").string(), ""), doctest::Contains("cycle"), ProgrammeError);
}

TEST_CASE("a programme file is a file whatever its name: one called 'built-in …' is still checked whole")
{
    // C11 with no title is valid in the file alone (a file may refine a criterion) but not once merged.
    const std::string text = "extends: lilo-certificate\nid: c\ntitle: C\ncriteria:\n  C11: {min_words: 50}\n";
    for (const char* label : {"centre.yaml", "built-in centre.yaml"}) {
        CAPTURE(label);
        try {
            programme_from_text(text, label);
            FAIL("loaded");
        } catch (const ProgrammeError& e) {
            CHECK(e.file == label);
            CHECK(e.line == 5);
            CHECK(std::string(e.what()).find("title") != std::string::npos);
        }
    }
}

TEST_CASE("model names match ignoring case, in entries and programme files")
{
    PortfolioCopy p;
    p.write("centre.yaml", "extends: lilo-certificate\nid: centre\ntitle: Centre\nrequirements:\n  R2:\n    models:\n      Gibbs: [Description, Feelings]\n");
    p.edit("journal/2025-11-03-first-research-lesson.md", "model: gibbs", "model: GIBBS");
    CHECK(find(p.check("2026-11-20", "centre.yaml"), "R2.model-unknown") == nullptr);
    CHECK(find(p.check("2026-11-20", "centre.yaml"), "R2.model-headings") == nullptr);
}

TEST_CASE("word-count settings")
{
    CountRules r = apply_word_count_settings(CountRules::defaults(), nlohmann::json{{"exclude", {"footnotes"}}, {"include", {"tables"}}, {"cjk", "none"}});
    CHECK_FALSE(r.counts(Category::footnotes));
    CHECK(r.counts(Category::tables));
    CHECK(r.counts(Category::body));
    CHECK(r.cjk == CjkMode::none);
}

TEST_CASE("limits: defaults, and a programme's limits")
{
    const Programme builtin = load_programme("lilo-certificate", "");
    CHECK(builtin.limits.max_file_bytes == 16u * 1024 * 1024);
    CHECK(builtin.limits.max_files == 10000);
    const Programme p = programme_from_text("extends: lilo-certificate\nid: c\ntitle: C\nlimits: {max_file_mb: 2, max_files: 50, max_yaml_depth: 8, max_path_length: 100}\n", "c.yaml");
    CHECK(p.limits.max_file_bytes == 2u * 1024 * 1024);
    CHECK(p.limits.max_files == 50);
    CHECK(p.limits.max_yaml_depth == 8);
    CHECK(p.limits.max_path_length == 100);
    CHECK_THROWS_AS(programme_from_text("id: c\ntitle: C\nlimits: {max_files: many}\nrequirements: {}\n", "c.yaml"), ProgrammeError);
}
