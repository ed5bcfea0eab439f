#include <doctest/doctest.h>
#include <sys/stat.h>

#include "portfolio/fingerprint.hpp"
#include "portfolio/fsys.hpp"
#include "portfolio_copy.hpp"

namespace fs = std::filesystem;
using namespace lilo;
using namespace lilo::test;

TEST_CASE("paths stay inside the portfolio")
{
    PortfolioCopy p;
    const DiskPortfolio pfs(p.dir());
    CHECK(pfs.resolve("journal/../essay.md", "").rel == "essay.md");
    CHECK_FALSE(pfs.resolve("journal/../essay.md", "").problem);
    CHECK(pfs.resolve("../evidence/x.csv", "project").rel == "evidence/x.csv");
    CHECK(pfs.resolve("../essay.md", "")
              .problem->code == "path-outside");
    CHECK(pfs.resolve("a/../../x", "").problem->code == "path-outside");
    CHECK(pfs.resolve("/etc/passwd", "").problem->code == "path-outside");
    CHECK(pfs.resolve("C:/x.md", "").problem->code == "path-outside");
    CHECK(pfs.resolve("courses\\x.pdf", "").problem->code == "path-invalid");
}

TEST_CASE("symbolic links are followed inside and refused outside, never read")
{
    PortfolioCopy p;
    fs::create_symlink("../essay.md", p.dir() / "journal" / "inside.md");
    fs::create_symlink("/etc/passwd", p.dir() / "journal" / "abs-out.md");
    fs::create_symlink("../../../../../../../../etc/passwd", p.dir() / "journal" / "rel-out.md");
    fs::create_symlink(p.dir() / "essay.md", p.dir() / "journal" / "abs-in.md");
    fs::create_symlink("loop2", p.dir() / "loop1");
    fs::create_symlink("loop1", p.dir() / "loop2");
    const DiskPortfolio pfs(p.dir());
    CHECK_FALSE(pfs.check_links("journal/inside.md"));
    CHECK_FALSE(pfs.check_links("journal/abs-in.md"));
    CHECK(pfs.check_links("journal/abs-out.md")->code == "path-outside");
    CHECK(pfs.check_links("journal/rel-out.md")->code == "path-outside");
    CHECK(pfs.check_links("loop1")->code == "unreadable");
    CHECK(pfs.read_text("journal/abs-out.md").problem->code == "path-outside");
    CHECK(pfs.read_text("journal/inside.md").data == p.read("essay.md"));
}

TEST_CASE("record folders: .md files directly inside, README and dot files left out")
{
    PortfolioCopy p;
    p.write("journal/README.md", "what goes here\n");
    p.write("journal/.hidden.md", "x\n");
    p.write("journal/notes.txt", "x\n");
    p.write("journal/UPPER.MD", "x\n");
    p.write("journal/sub/2026-01-01-nested.md", "x\n");
    fs::create_directory(p.dir() / "journal" / "2026-01-02-folder.md");
    REQUIRE(::mkfifo((p.dir() / "journal" / "2026-01-03-pipe.md").c_str(), 0644) == 0);
    const DiskPortfolio pfs(p.dir());
    const auto entries = pfs.markdown_entries("journal");
    std::vector<std::string> ok, bad;
    for (const auto& e : entries) (e.problem ? bad : ok).push_back(e.rel);
    CHECK(ok.size() == 13); // the example's 12 and UPPER.MD
    CHECK(std::find(ok.begin(), ok.end(), "journal/UPPER.MD") != ok.end());
    CHECK(bad == std::vector<std::string>{"journal/2026-01-02-folder.md", "journal/2026-01-03-pipe.md"});
    CHECK(pfs.read_text("journal/2026-01-03-pipe.md").problem->code == "not-a-file"); // and no hang
}

TEST_CASE("reading text: size limit, encoding, NUL bytes")
{
    PortfolioCopy p;
    const DiskPortfolio small(p.dir(), FsLimits{100});
    CHECK(small.read_text("essay.md").problem->code == "too-large");
    p.write("x.md", "line one\nline two caf\xe9\n");
    const DiskPortfolio pfs(p.dir());
    const auto t = pfs.read_text("x.md");
    REQUIRE(t.problem);
    CHECK(t.problem->code == "encoding");
    CHECK(t.problem->line == 2);
    p.write("y.md", std::string("text\n\0", 6));
    CHECK(pfs.read_text("y.md").problem->code == "encoding");
    CHECK(pfs.read_text("nothing.md").problem->code == "not-found");
}

TEST_CASE("the fingerprint is sha256sum's listing of the bundled files, hashed")
{
    PortfolioCopy p;
    const Fingerprint a = portfolio_fingerprint(p.dir());
    CHECK(a.sha256.size() == 64);
    CHECK(a.listing.find("  essay.md\n") != std::string::npos);
    CHECK(a.listing.find("drafts/") == std::string::npos); // .liloignore: drafts/
    CHECK(a.sha256 == sha256_hex(a.listing));
    p.write("notes.md~", "editor backup");
    p.write(".DS_Store", "x");
    p.write("signoff.yaml", "sha256: x\n");
    CHECK(portfolio_fingerprint(p.dir()).sha256 == a.sha256);
    p.write("project/.git/HEAD", "ref: refs/heads/main\n"); // git metadata at any depth
    CHECK(portfolio_fingerprint(p.dir()).sha256 == a.sha256);
    p.write("presentation/new.md", "x");
    CHECK(portfolio_fingerprint(p.dir()).sha256 != a.sha256);
    // The same files in another folder give the same fingerprint.
    PortfolioCopy q;
    CHECK(portfolio_fingerprint(q.dir()).sha256 == a.sha256);
}
