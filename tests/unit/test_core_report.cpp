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
