#include <doctest/doctest.h>

#include <algorithm>
#include <optional>

#include "portfolio/fsys.hpp"
#include "portfolio_copy.hpp"
#include "rules/preflight.hpp"

namespace fs = std::filesystem;
using namespace lilo;
using namespace lilo::test;

TEST_CASE("evidence: the files a bundle carries that are not lilo's own")
{
    PortfolioCopy p;
    p.write("courses/certificate.PDF", "x\n");
    p.write("modules/m2/evidence/minutes.odt", "x\n");
    p.write("notes.md~", "debris\n");
    p.write(".hidden/tool.exe", "x\n");
    p.write("drafts/plan.exe", "x\n");         // drafts/ is in the example's .liloignore
    p.write("references.bib", "@book{x}\n");
    fs::create_symlink("/etc/passwd", p.dir() / "courses" / "out.txt");
    const DiskPortfolio pfs(p.dir());
    const auto files = evidence_files(pfs);
    const auto has = [&](const std::string& rel) { return std::find(files.begin(), files.end(), rel) != files.end(); };
    CHECK(has("courses/certificate.PDF"));
    CHECK(has("modules/m2/evidence/minutes.odt"));
    CHECK(has("project/evidence/writing-scores.txt"));
    CHECK_FALSE(has("notes.md~"));
    CHECK_FALSE(has(".hidden/tool.exe"));
    CHECK_FALSE(has("drafts/plan.exe"));
    CHECK_FALSE(has("references.bib"));
    CHECK_FALSE(has("courses/out.txt"));
    CHECK(std::none_of(files.begin(), files.end(), [](const std::string& f) { return f.ends_with(".md") || f.ends_with(".yaml"); }));
    CHECK(std::is_sorted(files.begin(), files.end()));
}

TEST_CASE("the pre-flight's limits: Cambridge's by default, the programme's when it sets them")
{
    PortfolioCopy p;
    const Report defaults = p.check();
    CHECK(std::none_of(defaults.diagnostics.begin(), defaults.diagnostics.end(), [](const Diagnostic& d) { return d.code.starts_with("P.evidence"); }));
    p.write("courses/marks.csv", "a,b\n");
    p.write("strict.yaml", "extends: lilo-certificate\nid: strict\ntitle: Strict\nsubmission:\n  preflight: error\n");
    const auto found = [](const Report& r) {
        const auto it = std::find_if(r.diagnostics.begin(), r.diagnostics.end(), [](const Diagnostic& d) { return d.code == "P.evidence-format"; });
        return it == r.diagnostics.end() ? std::optional<Diagnostic>() : std::optional<Diagnostic>(*it);
    };
    const auto warned = found(p.check());
    REQUIRE(warned);
    CHECK(warned->severity == Severity::warning);
    CHECK(warned->file == "courses/marks.csv");
    const Report strict = p.check("2026-11-20", "strict.yaml");
    REQUIRE(found(strict));
    CHECK(found(strict)->severity == Severity::error);
    CHECK_FALSE(strict.complete());
}
