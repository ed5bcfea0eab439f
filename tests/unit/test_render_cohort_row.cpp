#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "batch/cohort.hpp"
#include "core/report.hpp"
#include "portfolio_copy.hpp"
#include "render/cohort_html.hpp"
#include "render/cohort_row.hpp"
#include "render/cohort_table.hpp"

using namespace lilo;
using namespace lilo::test;
using nlohmann::json;

namespace {

const CohortRowOptions page{.next = false, .page = true};

} // namespace

TEST_CASE("cohort row: a real report from check; the page's parts only when asked")
{
    PortfolioCopy p("certificate-incomplete");
    const json report = to_json(p.check(), "0.1.0");
    const CohortRow row = cohort_row(report);
    CHECK(row.status == "incomplete");
    CHECK(row.checked());
    CHECK(row.portfolio == report["portfolio"]);
    CHECK(row.programme == "lilo-certificate");
    CHECK(row.as_of == "2026-11-20");
    CHECK(row.candidate_name == "Tsang Wing Sze");
    CHECK(row.candidate_id == report["candidate"]["id"]);
    CHECK(row.error.empty());
    // Requirements, then criteria, in the report's order.
    REQUIRE(row.outcome.size() == report["requirements"].size() + report["criteria"].size());
    CHECK(row.outcome.front().id == report["requirements"][0]["id"]);
    CHECK(row.outcome.back().id == report["criteria"].back()["id"]);
    REQUIRE(row.outcome_of("R4"));
    CHECK_FALSE(*row.outcome_of("R4"));
    CHECK(row.outcome_of("R99") == nullptr);
    CHECK(row.errors == report["summary"]["errors"].get<long long>());
    CHECK(row.warnings == report["summary"]["warnings"].get<long long>());
    REQUIRE(row.essay_words);
    CHECK(*row.essay_words == report["essay"]["words"].get<long long>());
    // The first error, and each error code once.
    const auto first = std::find_if(report["diagnostics"].begin(), report["diagnostics"].end(), [](const json& d) { return d["severity"] == "error"; });
    REQUIRE(first != report["diagnostics"].end());
    CHECK(row.next.starts_with((*first)["code"].get<std::string>() + " "));
    CHECK(std::find(row.codes.begin(), row.codes.end(), "R4.status") != row.codes.end());
    for (const auto& code : row.codes) CHECK(std::count(row.codes.begin(), row.codes.end(), code) == 1);
    // What only the page shows is not kept for the matrix and the CSV.
    CHECK(row.diagnostics.empty());
    CHECK(row.documents.empty());
    CHECK(row.journal.empty());
    CHECK(std::all_of(row.outcome.begin(), row.outcome.end(), [](const auto& o) { return o.title.empty(); }));

    const CohortRow full = cohort_row(report, page);
    CHECK(full.next.empty());  // only the CSV shows it
    CHECK(full.codes == row.codes);
    CHECK(full.diagnostics.size() == report["diagnostics"].size());
    CHECK(full.outcome.front().title == report["requirements"][0]["title"]);
    REQUIRE_FALSE(full.documents.empty());
    CHECK(full.documents.front().words == *row.essay_words);
    CHECK(full.documents.front().label == "Final reflective piece");
    CHECK_FALSE(full.journal.empty());
    CHECK(std::is_sorted(full.journal.begin(), full.journal.end()));
}

TEST_CASE("cohort row: a portfolio that could not be checked, and a folder skipped")
{
    const CohortRow error = cohort_row(cohort_error("gone", "gone: no such folder"));
    CHECK(error.status == "error");
    CHECK_FALSE(error.checked());
    CHECK(error.portfolio == "gone");
    CHECK(error.error == "gone: no such folder");
    CHECK(error.next == error.error);  // the CSV's "next" for it
    CHECK(cohort_row(cohort_error("gone", "why"), page).next.empty());
    CHECK(error.programme.empty());
    CHECK(error.outcome.empty());

    const CohortRow skipped = cohort_row(cohort_skipped("cohort/notes", "no portfolio.yaml in it"));
    CHECK(skipped.status == "skipped");
    CHECK_FALSE(skipped.checked());
    CHECK(skipped.error == "no portfolio.yaml in it");
    CHECK(skipped.next == "no portfolio.yaml in it");
    CHECK(cohort_row({{"portfolio", "x"}, {"status", "skipped"}}).error.empty());
}

TEST_CASE("cohort row: a non-object, no status or an unknown one is an error row saying so")
{
    for (const json& j : {json(nullptr), json::array(), json("complete"), json(3)}) {
        const CohortRow row = cohort_row(j, page);
        CHECK(row.status == "error");
        CHECK(row.error == "not a report (a JSON object was expected)");
    }
    CHECK(cohort_row({{"portfolio", "x"}}).error == "no status in the report");
    CHECK(cohort_row({{"portfolio", "x"}, {"status", 7}}).error == "no status in the report");
    const CohortRow pending = cohort_row({{"portfolio", "x"}, {"status", "pending"}, {"programme", "lilo-certificate"}});
    CHECK(pending.status == "error");
    CHECK(pending.error == "unknown status 'pending'");
    CHECK(pending.programme.empty());  // read from the reports of a check only
}

TEST_CASE("cohort row: wrong types are read as absent; counts from the diagnostics when there is no summary")
{
    const json r = {{"portfolio", "p"}, {"status", "incomplete"}, {"programme", 4}, {"candidate", "someone"},
                    {"requirements", {"R9", {{"id", "R1"}, {"status", "met"}}, {{"id", ""}, {"status", "met"}}, {{"id", "R2"}}}},
                    {"criteria", 5},
                    {"essay", {{"words", 1000.4}, {"limit", {{"min", 900}, {"max", "many"}}}}},
                    {"journal", {{"dates", {"2025-10-01", 3, "2025-09-12", "2025-02-30"}}}},
                    {"documents", {{{"title", "Thesis"}, {"words", "x"}}, {{"file", "t.md"}, {"words", 10}, {"limit", {{"min", 0}, {"max", 20}}}}}},
                    {"diagnostics", {{{"severity", "warning"}, {"code", "R3.gap"}}, {{"severity", "error"}, {"code", "R1.x"}, {"file", "a.md"}, {"line", 2}, {"message", "m"}},
                                     {{"severity", "error"}, {"code", "R1.x"}, {"message", "again"}}, "not a diagnostic"}}};
    CohortRow row;
    REQUIRE_NOTHROW(row = cohort_row(r, {.next = true, .page = true}));
    CHECK(row.programme.empty());
    CHECK(row.candidate_id.empty());
    REQUIRE(row.outcome.size() == 2);
    CHECK((row.outcome[0].id == "R1" && row.outcome[0].done));
    CHECK((row.outcome[1].id == "R2" && !row.outcome[1].done));
    CHECK(row.errors == 2);
    CHECK(row.warnings == 1);
    CHECK(row.gap_over);
    CHECK(row.codes == std::vector<std::string>{"R1.x"});
    CHECK(row.next == "R1.x a.md: m");
    CHECK(row.essay_words == 1000);
    CHECK(row.essay_min == 900);
    CHECK_FALSE(row.essay_max);
    REQUIRE(row.documents.size() == 2);
    CHECK(row.documents[0].label == "Essay");
    CHECK((row.documents[1].label == "t.md" && !row.documents[1].min && row.documents[1].max == 20));
    CHECK(row.journal.size() == 2);
    REQUIRE(row.diagnostics.size() == 4);
    CHECK(row.diagnostics[1].where == "a.md:2");
    CHECK(row.diagnostics[3].code.empty());
}

TEST_CASE("cohort row: one vector of rows for the matrix, the CSV and the page")
{
    PortfolioCopy p("certificate");
    const std::vector<json> reports = {to_json(p.check(), "0.1.0"), cohort_error("gone", "gone: no such folder"),
                                       cohort_skipped("empty", "an empty folder")};
    std::vector<CohortRow> rows;
    for (const auto& r : reports) rows.push_back(cohort_row(r, {.next = true, .page = true}));
    const std::string matrix = render_cohort_matrix(rows, {"2026-11-20", false});
    CHECK(matrix.starts_with("Cohort, as of 2026-11-20: 2 portfolios, 1 complete, 0 incomplete, 1 could not be checked, 1 skipped (not portfolios)\n"));
    CHECK(matrix.find("  gone: no such folder\n") != std::string::npos);
    CHECK(matrix.find("  empty: an empty folder\n") != std::string::npos);
    const std::string csv = render_cohort_csv(rows);
    CHECK(csv.find(",gone,,error,") != std::string::npos);
    CHECK(csv.find(",gone: no such folder,") != std::string::npos);
    CHECK(csv.find(",empty,,skipped,") != std::string::npos);
    const std::string html = render_cohort_html(rows, {});
    CHECK(html.find("data-count=\"portfolios\">2<") != std::string::npos);
    CHECK(html.find("Could not be checked: gone: no such folder") != std::string::npos);
    CHECK(html.find("Skipped, not checked: an empty folder") != std::string::npos);
}
