// The Diploma's modules and the MPhil's essays, thesis and progression, on
// copies of the examples.
#include <doctest/doctest.h>

#include "portfolio_copy.hpp"

using namespace lilo;
using namespace lilo::test;

namespace {

void set_marks(const PortfolioCopy& p, const std::string& marks)
{
    std::string yaml = p.read("portfolio.yaml");
    yaml.erase(yaml.find("marks:"));
    p.write("portfolio.yaml", yaml + "marks:\n" + marks);
}

} // namespace

namespace {
// The report's `documents` (JSON), without the final reflective piece.
std::vector<lilo::DocumentResult> assignments(const lilo::Report& r)
{
    std::vector<lilo::DocumentResult> out;
    for (const auto& d : r.documents)
        if (d.section == "documents") out.push_back(d);
    return out;
}
} // namespace

TEST_CASE("Diploma: both modules met gives the Diploma; the examples as they stand")
{
    const PortfolioCopy full("diploma");
    const Report r = full.check();
    CHECK_MESSAGE(r.complete(), codes(r));
    CHECK(r.qualification == std::optional<std::string>("Diploma"));
    const auto listed = assignments(r); // the essay (R6) aside
    REQUIRE(listed.size() == 2);
    CHECK(listed[0].requirement == "R7");
    CHECK(listed[0].min == 3240);
    CHECK(listed[0].max == std::optional<std::uint64_t>(3960));

    const PortfolioCopy part("diploma-incomplete");
    const Report q = part.check();
    CHECK(q.qualification == std::optional<std::string>("Certificate"));
    CHECK(find(q, "R7.words", "modules/m2/assignment.md"));
    CHECK(find(q, "R7.declared-words", "modules/m2/assignment.md"));
    CHECK(find(q, "R7.evidence-few", "modules/m2/evidence/reflection"));
    CHECK(find(q, "R7.evidence-unlinked"));
    CHECK(find(q, "R8.order"));
}

TEST_CASE("Diploma: module order, evidence and the assignment's limit")
{
    const PortfolioCopy p("diploma");
    SUBCASE("module 3 does not count while module 2 is unmet, even when its own work is done")
    {
        p.remove("modules/m2/assignment.md");
        const Report r = p.check();
        CHECK(find(r, "R7.assignment-missing", "modules/m2/assignment.md"));
        CHECK(find(r, "R8.order"));
        CHECK_FALSE(met(r, "R8"));
        CHECK(r.qualification == std::optional<std::string>("Certificate"));
    }
    SUBCASE("an evidence folder with nothing in it")
    {
        for (const auto& e : std::filesystem::directory_iterator(p.dir() / "modules/m3/evidence/learning")) std::filesystem::remove(e.path());
        const Report r = p.check();
        CHECK(find(r, "R8.evidence-few", "modules/m3/evidence/learning"));
        CHECK(find(r, "R8.link-broken", "modules/m3/assignment.md"));  // the links to the removed items
        CHECK(r.qualification == std::optional<std::string>("Certificate"));
    }
    SUBCASE("portfolio.yaml's modules: moves a module's folder")
    {
        std::filesystem::rename(p.dir() / "modules/m2", p.dir() / "modules/two");
        p.edit("portfolio.yaml", "programme: cambridge-diploma\n", "programme: cambridge-diploma\nmodules:\n  m2: modules/two\n");
        const Report r = p.check();
        CHECK_MESSAGE(r.complete(), codes(r));
        CHECK(assignments(r).at(0).file == "modules/two/assignment.md");
    }
}

TEST_CASE("MPhil: the thesis is counted by its own rules, footnotes and tables out")
{
    const PortfolioCopy p("mphil");
    const Report r = p.check();
    CHECK_MESSAGE(r.complete(), codes(r));
    REQUIRE(r.documents.size() == 3);
    CHECK(r.documents[2].file == "thesis/thesis.md");
    // With the programme's default rules (footnotes in) the thesis counts more.
    const Report with_footnotes = [&] {
        p.write("thesis-rules.yaml", "extends: mphil-elsi\nid: t\ntitle: T\nrequirements:\n  R2: {word_count: {exclude: []}}\n");
        return p.check("2026-11-20", "thesis-rules.yaml");
    }();
    CHECK(with_footnotes.documents[2].words > r.documents[2].words);
}

TEST_CASE("MPhil progression: the arithmetic at its edges")
{
    const PortfolioCopy p("mphil");
    struct Case {
        const char* marks;
        const char* status;
        const char* arithmetic;
    };
    const Case cases[] = {
        {"  essay1: 65\n  essay2: 68\n  thesis: 72\n", "unmet", "(65 + 68 + 2×72) / 4 = 69.25 < 70: not met; thesis 72 ≥ 70: met"},
        {"  essay1: 69.99\n  essay2: 69.99\n  thesis: 69.99\n", "unmet", "(69.99 + 69.99 + 2×69.99) / 4 = 69.99 < 70: not met; thesis 69.99 < 70: not met"},
        {"  essay1: 70\n  essay2: 70\n  thesis: 70\n", "met", "(70 + 70 + 2×70) / 4 = 70 ≥ 70: met; thesis 70 ≥ 70: met"},
        {"  essay1: 70.01\n  essay2: 70.01\n  thesis: 70.01\n", "met", "(70.01 + 70.01 + 2×70.01) / 4 = 70.01 ≥ 70: met; thesis 70.01 ≥ 70: met"},
        // 69.9975 rounds to 70.00 but is below 70: shown in full, never as 70.
        {"  essay1: 69.99\n  essay2: 70\n  thesis: 70\n", "unmet", "(69.99 + 70 + 2×70) / 4 = 69.9975 < 70: not met; thesis 70 ≥ 70: met"},
        // Sums that binary floating point gets wrong (0.1 + 0.2) are exact here.
        {"  essay1: 70.1\n  essay2: 69.7\n  thesis: 70.1\n", "met", "(70.1 + 69.7 + 2×70.1) / 4 = 70 ≥ 70: met; thesis 70.1 ≥ 70: met"},
        {"  essay1: 100\n  essay2: 0\n  thesis: 80\n", "unmet", "(100 + 0 + 2×80) / 4 = 65 < 70: not met; thesis 80 ≥ 70: met"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.marks);
        set_marks(p, c.marks);
        const Report r = p.check();
        REQUIRE(r.progression);
        CHECK(r.progression->status == c.status);
        CHECK(r.progression->arithmetic == c.arithmetic);
        CHECK(met(r, "R3") == (std::string(c.status) == "met"));
    }
}

TEST_CASE("MPhil progression: missing marks, all against any")
{
    const PortfolioCopy p("mphil");
    p.write("any.yaml", "extends: mphil-elsi\nid: any\ntitle: Any\nrequirements:\n  R3: {combine: any}\n");
    SUBCASE("no marks at all: pending, and R3 unmet")
    {
        std::string yaml = p.read("portfolio.yaml");
        p.write("portfolio.yaml", yaml.erase(yaml.find("marks:")));
        const Report r = p.check();
        REQUIRE(r.progression);
        CHECK(r.progression->status == "pending");
        CHECK(find(r, "R3.marks-missing"));
        CHECK_FALSE(met(r, "R3"));
    }
    SUBCASE("a missing thesis mark with any: the mean cannot decide, nor the thesis: pending")
    {
        set_marks(p, "  essay1: 90\n  essay2: 90\n");
        CHECK(p.check("2026-11-20", "any.yaml").progression->status == "pending");
    }
    SUBCASE("all: one condition not met decides it, whatever is missing")
    {
        set_marks(p, "  essay1: 10\n  essay2: 10\n  thesis: 60\n");
        CHECK(p.check().progression->status == "unmet");
    }
    SUBCASE("any: the thesis alone suffices")
    {
        set_marks(p, "  essay1: 65\n  essay2: 68\n  thesis: 72\n");
        const Report r = p.check("2026-11-20", "any.yaml");
        CHECK(r.progression->status == "met");
        CHECK(met(r, "R3"));
    }
}

#include "rules/document_rules.hpp"

TEST_CASE("count's rules for a document: the MPhil thesis by its own, found by its path in the portfolio or its name")
{
    const Programme mphil = load_programme("mphil-elsi", "");
    const PortfolioCopy p("mphil");
    // By its path inside the portfolio that holds it, however it is named on the command line.
    const auto thesis = document_rules(mphil, p.dir() / "thesis" / "thesis.md");
    REQUIRE(thesis);
    CHECK(thesis->requirement == "R2");
    CHECK(thesis->path == "thesis/thesis.md");
    CHECK_FALSE(thesis->rules.counts(Category::footnotes));
    CHECK_FALSE(thesis->rules.counts(Category::tables));
    CHECK(thesis->rules.counts(Category::body));
    CHECK(document_rules(mphil, p.dir() / "thesis" / ".." / "thesis" / "thesis.md"));
    // The essays have no rules of their own: the programme's.
    CHECK_FALSE(document_rules(mphil, p.dir() / "essays" / "essay-1.md"));
    // Outside any portfolio: by the file name alone.
    CHECK(document_rules(mphil, "/nowhere/thesis.md"));
    CHECK_FALSE(document_rules(mphil, "/nowhere/chapter-1.md"));
    CHECK_FALSE(document_rules(mphil, "-"));
    // A programme without such rules governs no document.
    CHECK_FALSE(document_rules(load_programme("lilo-certificate", ""), p.dir() / "thesis" / "thesis.md"));
}
