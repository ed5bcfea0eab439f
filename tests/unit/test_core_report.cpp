// Every JSON report validates against schemas/report.schema.json (spec §5).
#include <doctest/doctest.h>

#include "core/report.hpp"
#include "portfolio_copy.hpp"
#include "yaml/schema.hpp"

using namespace lilo;
using namespace lilo::test;

namespace {
void expect_valid(const Report& r)
{
    YamlDoc doc;
    doc.value = to_json(r, lilo_version);
    const auto errors = embedded_validator("report.schema.json").validate(doc);
    for (const auto& e : errors) FAIL_CHECK(e.message);
    CHECK(errors.empty());
}
} // namespace

TEST_CASE("reports validate against the report schema")
{
    SUBCASE("complete") { PortfolioCopy p; expect_valid(p.check()); }
    SUBCASE("incomplete") { PortfolioCopy p("certificate-incomplete"); expect_valid(p.check()); }
    SUBCASE("unparsable portfolio.yaml")
    {
        PortfolioCopy p;
        p.write("portfolio.yaml", "lilo: [1\n");
        const Report r = p.check();
        expect_valid(r);
        CHECK(find(r, "P.yaml-syntax", "portfolio.yaml"));
    }
}

TEST_CASE("the JSON report carries what spec §5 names")
{
    PortfolioCopy p("certificate-incomplete");
    const auto j = to_json(p.check(), lilo_version);
    CHECK(j["status"] == "incomplete");
    CHECK(j["as_of"] == "2026-11-20");
    CHECK(j["programme"] == "lilo-certificate");
    CHECK(j["requirements"].size() == 6);
    CHECK(j["requirements"][0]["status"] == "unmet");
    CHECK(j["criteria"].size() == 10);
    CHECK(j["criteria"][0]["status"] == "addressed");
    CHECK(j["essay"]["words"].is_number());
    bool folder_finding = false;
    for (const auto& d : j["diagnostics"]) folder_finding = folder_finding || (d["file"] == "interviews" && d["line"].is_null());
    CHECK(folder_finding);
}

TEST_CASE("ids order as people count: P, then R1…R10, then C1…C10")
{
    CHECK(id_less("P", "R1"));
    CHECK(id_less("R2", "R10"));
    CHECK(id_less("R10", "C1"));
    CHECK(id_less("C9", "C10"));
}

#include "count_parts.hpp"

TEST_CASE("lilo count's JSON validates against the count schema")
{
    CountReport r;
    r.rules = CountRules::defaults();
    r.limit = parse_word_limit("1000~10%");
    r.by_section = true;
    AnalyzeOptions opt;
    opt.structure = true;
    r.files.push_back({"a.md", std::make_shared<const MarkdownDoc>(analyze_markdown("---\ndeclared_words: 9\n---\n# T\n\nSome words [@k].\n\n## References\n\nX.\n\n### Primary\n\nY.\n", opt)), 9});
    r.files.push_back({"b.md", std::make_shared<const MarkdownDoc>(analyze_markdown("plain text", opt)), std::nullopt});
    YamlDoc doc;
    doc.value = to_json(r);
    const auto errors = embedded_validator("count.schema.json").validate(doc);
    for (const auto& e : errors) FAIL_CHECK(e.message);
    // a.md: heading "T" 1, "Some words" 2, the citation 2 (its reference list left out); b.md: 2.
    CHECK(doc.value["files"][0]["words"] == 5);
    CHECK(doc.value["total"] == 7);
    CHECK(doc.value["files"][0]["sections"][1]["excluded"] == "references");
    CHECK(doc.value["files"][0]["sections"][2]["excluded"] == "references"); // a subsection goes with it
    CHECK(doc.value["files"][0]["limit"]["within"] == false);
    CHECK(doc.value["files"][0]["declared_words"]["differs"] == true); // 9 declared, 5 counted

    // A file with rules of its own (the thesis): counted by them, in its words and in the total, and said so.
    CountRules own = CountRules::defaults();
    own.set(Category::headings, false);
    r.files[0].rules = own;
    r.files[0].rules_from = "R2 (Thesis) of programme mphil-elsi";
    doc.value = to_json(r);
    for (const auto& e : embedded_validator("count.schema.json").validate(doc)) FAIL_CHECK(e.message);
    CHECK(doc.value["files"][0]["words"] == 4);
    CHECK(doc.value["total"] == 6);
    CHECK(doc.value["files"][0]["rules"]["counted"]["headings"] == false);
    CHECK(doc.value["files"][0]["rules_from"] == "R2 (Thesis) of programme mphil-elsi");
    CHECK_FALSE(doc.value["files"][1].contains("rules"));
    CHECK(doc.value["rules"]["counted"]["headings"] == true);
}
