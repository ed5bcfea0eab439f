#include <chrono>
#include <doctest/doctest.h>
#include <fstream>
#include <unistd.h>

#include "check.hpp"
#include "git/repo.hpp"
#include "git/tree_portfolio.hpp"
#include "git_fixture.hpp"
#include "portfolio/fsys.hpp"
#include "portfolio_copy.hpp"

namespace fs = std::filesystem;
using namespace lilo;
using namespace lilo::test;

namespace {

git::Repository open(const fs::path& dir)
{
    auto repo = git::Repository::discover(dir);
    REQUIRE(repo.has_value());
    return std::move(*repo);
}

std::string changes(const std::vector<git::Change>& v)
{
    std::string out;
    for (const auto& c : v) out += c.what + " " + (c.from.empty() ? "" : c.from + " -> ") + c.path + "\n";
    return out;
}

std::string error_of(const std::function<void()>& f)
{
    try {
        f();
    } catch (const git::Error& e) {
        return e.what();
    }
    return "(no git::Error)";
}

} // namespace

TEST_CASE("git: a folder outside any work tree is no repository")
{
    GitScratch g;
    fs::create_directories(g.root() / "plain");
    CHECK_FALSE(git::Repository::discover(g.root() / "plain"));
    CHECK_FALSE(git::Repository::discover(g.root() / "no-such-folder"));
    // Inside .git is not a work tree either.
    CHECK_FALSE(git::Repository::discover(g.repo() / ".git"));
}

TEST_CASE("git: an unborn branch has no HEAD, no history, and only untracked files")
{
    GitScratch g;
    g.write("essay.md", "draft\n");
    const auto repo = open(g.repo());
    CHECK(repo.prefix().empty());
    CHECK_FALSE(repo.head_commit());
    CHECK(repo.first_added({"essay.md"}).empty());
    CHECK(changes(repo.uncommitted()) == "untracked essay.md\n");
    CHECK(error_of([&] { (void)repo.changed_since("HEAD"); }).find("'HEAD'") != std::string::npos);
}

TEST_CASE("git: a portfolio in a subfolder of a repository")
{
    GitScratch g;
    g.copy_example("portfolios/ana");
    g.write("README.md", "the school's repository\n");
    const std::string c1 = g.commit("start", "2025-09-12T18:00:00+00:00");
    const auto repo = open(g.repo() / "portfolios" / "ana" / ".." / "ana");
    CHECK(repo.workdir() == fs::canonical(g.repo()));
    CHECK(repo.prefix() == "portfolios/ana/");
    CHECK(repo.head_commit() == c1);
    CHECK_FALSE(repo.is_shallow());
    const auto fa = repo.first_added({"essay.md", "README.md", "journal/2025-09-12-learner-again.md"});
    CHECK(fa.count("README.md") == 0); // the repository's README is not the portfolio's
    REQUIRE(fa.count("essay.md") == 1);
    CHECK(fa.at("essay.md").commit == c1);
    CHECK(fa.at("journal/2025-09-12-learner-again.md").date == "2025-09-12");
    CHECK(open(g.repo()).prefix().empty());
    CHECK(open(g.repo() / "portfolios").prefix() == "portfolios/");
}

TEST_CASE("git: each file's first commit in an honest history")
{
    GitScratch g;
    g.write("p/journal/2026-01-05-a.md", "first entry\n");
    const std::string c1 = g.commit("a", "2026-01-05T23:30:00-05:00"); // 04:30 UTC the next day
    g.write("p/journal/2026-02-10-b.md", "second entry\n");
    g.write("p/journal/2026-01-05-a.md", "first entry, edited\n");
    const std::string c2 = g.commit("b", "2026-02-10T09:00:00+01:00");
    g.write("p/essay.md", "essay\n");
    g.commit("essay", "2026-03-01T10:00:00+00:00");
    const auto repo = open(g.repo() / "p");
    const auto fa = repo.first_added({"journal/2026-01-05-a.md", "journal/2026-02-10-b.md", "journal/never.md"});
    REQUIRE(fa.size() == 2);
    const auto& a = fa.at("journal/2026-01-05-a.md");
    CHECK(a.commit == c1);
    CHECK(a.date == "2026-01-05"); // the committer's own date
    CHECK(a.time == 1767673800);   // 2026-01-06T04:30:00Z
    CHECK(a.offset_minutes == -300);
    CHECK_FALSE(a.at_shallow_boundary);
    CHECK(fa.at("journal/2026-02-10-b.md").commit == c2);
    CHECK(fa.at("journal/2026-02-10-b.md").date == "2026-02-10");
}

TEST_CASE("git: a renamed entry keeps its first commit; a deleted and re-added one its oldest")
{
    GitScratch g;
    std::string text;
    for (int i = 0; i < 40; ++i) text += "line " + std::to_string(i) + " of an entry that is long enough to compare\n";
    g.write("journal/a.md", text);
    g.write("journal/gone.md", "short-lived\n");
    const std::string c1 = g.commit("a", "2026-01-05T10:00:00+00:00");
    g.git("mv journal/a.md journal/2026-01-05-a.md");
    g.write("journal/2026-01-05-a.md", text + "one more line\n"); // renamed and edited a little
    g.remove("journal/gone.md");
    g.commit("rename", "2026-03-01T10:00:00+00:00");
    g.git("mv journal/2026-01-05-a.md journal/2026-01-06-a.md");
    g.write("journal/gone.md", "back again\n");
    g.commit("rename again", "2026-03-02T10:00:00+00:00");
    const auto fa = open(g.repo()).first_added({"journal/2026-01-06-a.md", "journal/gone.md"});
    CHECK(fa.at("journal/2026-01-06-a.md").commit == c1);
    CHECK(fa.at("journal/2026-01-06-a.md").date == "2026-01-05");
    CHECK(fa.at("journal/gone.md").commit == c1);
}

TEST_CASE("git: an entry written on a branch dates from its commit there, not from the merge that brought it in")
{
    GitScratch g;
    g.write("journal/2026-01-05-a.md", "on main\n");
    const std::string c1 = g.commit("start", "2026-01-05T10:00:00+00:00");
    g.git("checkout -q -b entries");
    g.write("journal/2026-01-20-b.md", "written on the branch\n");
    const std::string on_branch = g.commit("b", "2026-01-20T10:00:00+00:00");
    std::string text;
    for (int i = 0; i < 40; ++i) text += "line " + std::to_string(i) + " of an entry that is long enough to compare\n";
    g.write("journal/draft.md", text);
    const std::string draft = g.commit("draft", "2026-01-25T10:00:00+00:00");
    g.git("mv journal/draft.md journal/2026-01-25-c.md"); // renamed on the branch
    g.commit("name it", "2026-01-26T10:00:00+00:00");
    // A branch of the branch, merged into it.
    g.git("checkout -q -b deeper");
    g.write("journal/2026-02-01-d.md", "on a branch of the branch\n");
    const std::string deeper = g.commit("d", "2026-02-01T10:00:00+00:00");
    g.git("checkout -q entries");
    g.write("notes.md", "the branch moves on\n");
    g.commit("notes", "2026-02-02T10:00:00+00:00");
    g.git("merge -q --no-ff --no-edit deeper", "2026-02-03T10:00:00+00:00");
    // Meanwhile main moves on; then the branch is merged, a month after its first entry.
    g.git("checkout -q main");
    g.write("journal/2026-02-05-e.md", "on main again\n");
    const std::string e = g.commit("e", "2026-02-05T10:00:00+00:00");
    g.git("merge -q --no-ff --no-edit entries", "2026-03-01T10:00:00+00:00");
    const std::string merge = g.git("rev-parse HEAD");
    // Written in the merge itself (a file no parent has): the merge's own.
    g.write("journal/2026-03-01-f.md", "written while merging\n");
    g.git("add -A");
    g.git("commit -q --amend --no-edit", "2026-03-01T10:00:00+00:00");
    const std::string amended = g.git("rev-parse HEAD");

    const auto fa = open(g.repo()).first_added({"journal/2026-01-05-a.md", "journal/2026-01-20-b.md", "journal/2026-01-25-c.md",
                                                "journal/2026-02-01-d.md", "journal/2026-02-05-e.md", "journal/2026-03-01-f.md"});
    CHECK(fa.at("journal/2026-01-05-a.md").commit == c1);
    CHECK(fa.at("journal/2026-01-20-b.md").commit == on_branch);
    CHECK(fa.at("journal/2026-01-20-b.md").date == "2026-01-20");
    CHECK(fa.at("journal/2026-01-25-c.md").commit == draft); // followed back through its rename on the branch
    CHECK(fa.at("journal/2026-02-01-d.md").commit == deeper);
    CHECK(fa.at("journal/2026-02-05-e.md").commit == e);
    CHECK(fa.at("journal/2026-03-01-f.md").commit == amended);
    CHECK(merge != amended);
}

TEST_CASE("git: an entry moved into the portfolio from elsewhere in the repository keeps its first commit")
{
    GitScratch g;
    std::string text;
    for (int i = 0; i < 40; ++i) text += "line " + std::to_string(i) + " of a note written before the portfolio existed\n";
    g.write("inbox/b.md", text);
    const std::string c1 = g.commit("note", "2025-12-01T10:00:00+00:00");
    g.write("p/essay.md", "essay\n");
    g.commit("portfolio", "2026-01-05T10:00:00+00:00");
    g.write("other/x.md", "elsewhere\n");
    g.commit("unrelated", "2026-01-06T10:00:00+00:00");
    fs::create_directories(g.repo() / "p" / "journal");
    g.git("mv inbox/b.md p/journal/2025-12-01-b.md");
    g.commit("move in", "2026-02-01T10:00:00+00:00");
    g.write("inbox/b.md", "a new note under the old name\n");
    g.commit("new note", "2026-03-01T10:00:00+00:00");
    const auto fa = open(g.repo() / "p").first_added({"journal/2025-12-01-b.md", "essay.md"});
    CHECK(fa.at("journal/2025-12-01-b.md").commit == c1);
    CHECK(fa.at("essay.md").date == "2026-01-05");
}

TEST_CASE("git: a shallow clone says where its history stops")
{
    GitScratch g;
    g.write("essay.md", "v1\n");
    g.commit("one", "2026-01-05T10:00:00+00:00");
    g.write("essay.md", "v2\n");
    g.write("journal/x.md", "x\n");
    g.commit("two", "2026-02-05T10:00:00+00:00");
    g.write("journal/y.md", "y\n");
    const std::string c3 = g.commit("three", "2026-03-05T10:00:00+00:00");
    g.git("clone -q --depth 2 " + shell_quote("file://" + g.repo().string()) + " " + shell_quote((g.root() / "clone").string()),
          "2026-04-01T00:00:00+00:00", g.root());
    const auto repo = open(g.root() / "clone");
    CHECK(repo.is_shallow());
    const auto fa = repo.first_added({"essay.md", "journal/y.md"});
    CHECK(fa.at("journal/y.md").commit == c3);
    CHECK_FALSE(fa.at("journal/y.md").at_shallow_boundary);
    CHECK(fa.at("essay.md").date == "2026-02-05"); // only an upper bound: the boundary commit
    CHECK(fa.at("essay.md").at_shallow_boundary);
    CHECK_FALSE(open(g.repo()).is_shallow());
}

TEST_CASE("git: uncommitted changes under the portfolio")
{
    GitScratch g;
    g.copy_example("p");
    g.write("p/.gitignore", "*.tmp\n");
    g.write("elsewhere.md", "outside\n");
    g.commit("start", "2026-01-05T10:00:00+00:00");
    const auto repo = open(g.repo() / "p");
    CHECK(repo.uncommitted().empty());
    g.write("p/essay.md", "rewritten\n");                             // modified, not staged
    g.write("p/journal/2026-07-01-new.md", "staged\n");               // added
    g.git("add p/journal/2026-07-01-new.md");
    g.write("p/references.yaml", "[]\n");                            // modified and staged
    g.git("add p/references.yaml");
    g.remove("p/drafts/essay-planning-notes.md");                     // deleted
    g.git("mv p/presentation/e-portfolio-outline.md p/presentation/outline.md"); // renamed
    g.write("p/notes/untracked.md", "new\n");                         // untracked, in a new folder
    g.write("p/scratch.tmp", "ignored\n");                            // ignored
    g.write("elsewhere.md", "outside, changed\n");                    // outside the portfolio
    CHECK(changes(repo.uncommitted()) == "deleted drafts/essay-planning-notes.md\n"
                                         "modified essay.md\n"
                                         "added journal/2026-07-01-new.md\n"
                                         "untracked notes/untracked.md\n"
                                         "renamed presentation/e-portfolio-outline.md -> presentation/outline.md\n"
                                         "modified references.yaml\n");
}

TEST_CASE("git: resolving revisions")
{
    GitScratch g;
    g.write("essay.md", "v1\n");
    const std::string c1 = g.commit("one", "2026-01-05T10:00:00+00:00");
    g.write("essay.md", "v2\n");
    const std::string c2 = g.commit("two", "2026-02-05T10:00:00+00:00");
    g.git("tag -a v1 -m first " + c1);
    const auto repo = open(g.repo());
    CHECK(repo.resolve("HEAD") == c2);
    CHECK(repo.resolve("HEAD~1") == c1);
    CHECK(repo.resolve("main") == c2);
    CHECK(repo.resolve("v1") == c1); // an annotated tag, peeled
    CHECK(repo.resolve(c1.substr(0, 8)) == c1);
    const std::string e = error_of([&] { (void)repo.resolve("no-such-branch"); });
    CHECK(e.find("'no-such-branch'") != std::string::npos);
    CHECK(error_of([&] { (void)repo.resolve("HEAD~9"); }).find("'HEAD~9'") != std::string::npos);
    CHECK(error_of([&] { (void)repo.resolve("HEAD:essay.md"); }).find("not a commit") != std::string::npos);
    CHECK(error_of([&] { (void)repo.resolve(""); }) != "(no git::Error)");
}

TEST_CASE("git: what changed on a branch since main")
{
    GitScratch g;
    g.copy_example("p");
    g.commit("start", "2026-01-05T10:00:00+00:00");
    g.git("checkout -q -b feature");
    g.write("p/essay.md", "rewritten on the branch\n");
    g.write("p/journal/2026-07-01-new.md", "new entry\n");
    g.git("mv p/mentoring/2025-09-16-goals-and-ground-rules.md p/mentoring/2025-09-16-goals.md");
    g.write("outside.md", "not the portfolio's\n");
    g.commit("feature work", "2026-02-05T10:00:00+00:00");
    g.git("checkout -q main");
    g.write("p/references.yaml", "[]\n"); // later work on main is not the branch's
    g.commit("main moves on", "2026-02-06T10:00:00+00:00");
    g.git("checkout -q feature");
    g.write("p/drafts/new.md", "not committed yet\n");
    const auto repo = open(g.repo() / "p");
    CHECK(changes(repo.changed_since("main")) == "untracked drafts/new.md\n"
                                                 "modified essay.md\n"
                                                 "added journal/2026-07-01-new.md\n"
                                                 "renamed mentoring/2025-09-16-goals-and-ground-rules.md -> mentoring/2025-09-16-goals.md\n");
    CHECK(repo.changed_paths_since("main").size() == 4);
    CHECK(changes(repo.changed_since("HEAD")) == "untracked drafts/new.md\n");
    CHECK(error_of([&] { (void)repo.changed_since("nope"); }).find("'nope'") != std::string::npos);
    // Unrelated history has no merge base.
    g.git("checkout -q --orphan other");
    g.git("rm -rq --cached .");
    g.write("x.md", "x\n");
    g.git("add x.md");
    g.commit("unrelated", "2026-03-01T10:00:00+00:00");
    g.git("checkout -q -f feature");
    CHECK(error_of([&] { (void)repo.changed_since("other"); }).find("no common history") != std::string::npos);
}

TEST_CASE("git: a portfolio as it was in an older commit")
{
    GitScratch g;
    g.copy_example("p");
    const std::string c0 = g.commit("the example", "2026-01-04T10:00:00+00:00");
    g.write("p/.liloignore", "drafts/\n");
    g.write("p/notes.md~", "editor debris\n");
    g.write("p/evidence/run.sh", "#!/bin/sh\n");
    g.git("add -A");
    g.git("update-index --chmod=+x p/evidence/run.sh");
    fs::create_symlink("../essay.md", g.repo() / "p" / "journal" / "link.md");
    const std::string c1 = g.commit("start", "2026-01-05T10:00:00+00:00");
    g.write("p/essay.md", "rewritten\n");
    g.commit("rewrite", "2026-02-05T10:00:00+00:00");
    g.write("p/essay.md", "rewritten again, not committed\n");
    const auto repo = open(g.repo() / "p");
    const GitTreePortfolio tree(repo, "HEAD~1");
    CHECK(tree.commit() == c1);
    const std::string original = [&] {
        std::ifstream in(fs::path(LILO_SOURCE_DIR) / "examples/certificate/essay.md", std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    }();
    const TextFile essay = tree.read_text("essay.md");
    CHECK_FALSE(essay.problem);
    CHECK(essay.data == original);
    CHECK(tree.is_file("essay.md"));
    CHECK(tree.is_dir("journal"));
    CHECK(tree.is_dir(""));
    CHECK_FALSE(tree.is_file("journal"));
    CHECK(tree.read_text("journal").problem->code == "not-a-file");
    CHECK(tree.read_text("nope.md").problem->code == "not-found");
    // The link is never followed.
    CHECK(tree.exists("journal/link.md"));
    CHECK_FALSE(tree.is_file("journal/link.md"));
    CHECK(tree.read_text("journal/link.md").problem->code == "not-a-file");
    CHECK(tree.resolve("link.md", "journal").problem->code == "not-a-file");
    const auto entries = tree.markdown_entries("journal");
    CHECK(entries.size() == 13);
    bool link_refused = false;
    for (const auto& e : entries)
        if (e.rel == "journal/link.md") link_refused = e.problem && e.problem->code == "not-a-file";
    CHECK(link_refused);
    bool refused = false;
    for (const auto& r : tree.files().refused) refused = refused || r.rel == "journal/link.md";
    CHECK(refused);
    bool left_out = false;
    for (const auto& l : tree.files().left_out) left_out = left_out || (l.rel == "drafts/" && l.reason == ".liloignore line 1: drafts/");
    CHECK(left_out);
    int visited = 0;
    tree.for_each_file([&](const std::string& rel, std::string_view bytes) {
        ++visited;
        if (rel == "essay.md") CHECK(bytes == original);
    });
    CHECK(visited == static_cast<int>(tree.files().files.size()));
    CHECK(tree.read_bytes("evidence/run.sh") == "#!/bin/sh\n");
    // The same fingerprint as the folder checked out at that commit.
    g.git("clone -q " + shell_quote(g.repo().string()) + " checkout", "2026-04-01T00:00:00+00:00", g.root());
    g.git("checkout -q " + c1, "2026-04-01T00:00:00+00:00", g.root() / "checkout");
    const DiskPortfolio disk(g.root() / "checkout" / "p");
    CHECK(tree.fingerprint() == disk.fingerprint());
    CHECK(tree.fingerprint_details().listing == portfolio_fingerprint(g.root() / "checkout" / "p").listing);
    CHECK(tree.files().files == bundle_files(g.root() / "checkout" / "p").files);
    CHECK(GitTreePortfolio(repo, "HEAD").fingerprint() != disk.fingerprint());
    // The example as committed gets the same report as a copy of the example
    // outside any repository (no history either way).
    const PortfolioCopy copy;
    const Report from_disk = copy.check("2026-11-20");
    CheckOptions opt;
    opt.as_of = *Date::parse("2026-11-20");
    opt.folder = copy.dir();
    const Report from_git = check_portfolio(GitTreePortfolio(repo, c0), opt);
    CHECK(from_disk.complete());
    CHECK(from_git.complete());
    CHECK(codes(from_git) == codes(from_disk));
}

TEST_CASE("git: a tree portfolio refuses submodules, a missing folder, and limits text files")
{
    GitScratch g;
    g.write("p/essay.md", "essay\n");
    g.write("p/big.md", std::string(3000, 'x'));
    g.write("p/latin1.md", "caf\xe9\n");
    g.commit("start", "2026-01-05T10:00:00+00:00");
    const std::string head = g.git("rev-parse HEAD");
    g.git("update-index --add --cacheinfo 160000," + head + ",p/sub");
    g.git("commit -q -m submodule");
    const auto repo = open(g.repo() / "p");
    const GitTreePortfolio tree(repo, "HEAD", FsLimits{2048});
    CHECK(tree.exists("sub"));
    CHECK(tree.read_text("sub").problem->code == "not-a-file");
    bool refused = false;
    for (const auto& r : tree.files().refused) refused = refused || (r.rel == "sub" && r.reason.find("submodule") != std::string::npos);
    CHECK(refused);
    CHECK(tree.read_text("big.md").problem->code == "too-large");
    const TextFile latin1 = tree.read_text("latin1.md");
    CHECK(latin1.problem->code == "encoding");
    CHECK(latin1.problem->line == 1);
    CHECK(latin1.data.empty());
    CHECK(error_of([&] { GitTreePortfolio t(repo, "HEAD~1"); (void)t; }) == "(no git::Error)");
    fs::create_directories(g.repo() / "q");
    const auto q = open(g.repo() / "q");
    CHECK(error_of([&] { GitTreePortfolio t(q, "HEAD"); (void)t; }).find("'q' is not a folder") != std::string::npos);
    CHECK(error_of([&] { GitTreePortfolio t(repo, "HEAD:p/essay.md"); (void)t; }).find("not a commit") != std::string::npos);
}

TEST_CASE("git: a broken repository is an error, not a crash")
{
    GitScratch g;
    g.write("essay.md", "x\n");
    g.commit("one", "2026-01-05T10:00:00+00:00");
    {
        std::ofstream(g.repo() / ".git" / "HEAD", std::ios::trunc) << "garbage\n";
    }
    std::string outcome;
    try {
        auto repo = git::Repository::discover(g.repo());
        outcome = repo ? "opened" : "none";
        if (repo) (void)repo->head_commit();
    } catch (const git::Error& e) {
        outcome = e.what();
    }
    MESSAGE("a repository whose HEAD is garbage: " << outcome);
    CHECK(outcome != "opened");
}

TEST_CASE("git: first commits of 50 files over 300 commits")
{
    GitScratch g;
    // One fast-import stream: a file added every 6th commit, three edits per
    // commit, a rename every 10th commit.
    std::string stream;
    std::vector<std::string> names;
    std::vector<int> added;  // commit index each file was first added
    const std::int64_t t0 = 1767225600; // 2026-01-01
    auto data = [](const std::string& s) { return "data " + std::to_string(s.size()) + "\n" + s + "\n"; };
    auto body = [](int file, int version) {
        std::string s;
        for (int i = 0; i < 30; ++i) s += "entry " + std::to_string(file) + " line " + std::to_string(i) + " says something\n";
        return s + "version " + std::to_string(version) + "\n";
    };
    for (int c = 0; c < 300; ++c) {
        stream += "commit refs/heads/main\ncommitter T <t@e> " + std::to_string(t0 + c * 86400) + " +0000\n" + data("c" + std::to_string(c));
        if (c % 6 == 0) {
            names.push_back("journal/e" + std::to_string(names.size()) + ".md");
            added.push_back(c);
            stream += "M 100644 inline " + names.back() + "\n" + data(body(static_cast<int>(names.size()) - 1, c));
        }
        for (int k = 0; k < 3 && !names.empty(); ++k) {
            const std::size_t f = static_cast<std::size_t>(c * 7 + k * 13) % names.size();
            if (c % 10 == 0 && k == 0) continue;
            stream += "M 100644 inline " + names[f] + "\n" + data(body(static_cast<int>(f), c));
        }
        if (c % 10 == 0 && names.size() > 1) {
            const std::size_t f = static_cast<std::size_t>(c / 10) % names.size();
            const std::string renamed = "journal/r" + std::to_string(c) + "-" + std::to_string(f) + ".md";
            stream += "R " + names[f] + " " + renamed + "\n";
            names[f] = renamed;
        }
        stream += "\n";
    }
    {
        std::ofstream(g.root() / "stream", std::ios::binary) << stream;
    }
    g.git("fast-import --quiet < " + shell_quote((g.root() / "stream").string()));
    const auto repo = open(g.repo());
    const auto start = std::chrono::steady_clock::now();
    const auto fa = repo.first_added(names);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    MESSAGE("first_added over 300 commits x " << names.size() << " files: " << ms << " ms");
    REQUIRE(names.size() == 50);
    REQUIRE(fa.size() == 50);
    for (std::size_t i = 0; i < names.size(); ++i) CHECK_MESSAGE(fa.at(names[i]).time == t0 + added[i] * 86400, names[i]);
    // The time is printed, not asserted: speed targets live in bench/, not in unit tests.
}

TEST_CASE("git: a crafted tree too wide or too deep is refused, not read")
{
    GitScratch g;
    g.write("p/portfolio.yaml", "x: 1\n");
    g.commit("start", "2026-01-05T10:00:00+00:00");
    const std::string tmp = shell_quote((g.root() / "entries").string());
    // A tree bomb: ten copies of the same folder, six levels deep (a million names, six small objects).
    std::string id = g.git("hash-object -w --stdin < /dev/null");
    std::string kind = "100644 blob ";
    for (int level = 0; level < 7; ++level) {
        std::string lines;
        for (int i = 0; i < 10; ++i) lines += kind + id + "\tn" + std::to_string(i) + "\n";
        {
            std::ofstream(g.root() / "entries", std::ios::binary) << lines;
        }
        id = g.git("mktree < " + tmp);
        kind = "040000 tree ";
    }
    const std::string wide = g.git("commit-tree -m bomb " + id);
    const auto repo = open(g.repo());
    CHECK(error_of([&] { GitTreePortfolio t(repo, wide); (void)t; }).find("more than 200000") != std::string::npos);
    // Folders nested 300 deep.
    std::string deep;
    for (int i = 0; i < 300; ++i) deep += "d/";
    {
        std::ofstream(g.root() / "stream", std::ios::binary)
            << "commit refs/heads/deep\ncommitter T <t@e> 1767225600 +0000\ndata 4\ndeep\nM 100644 inline " << deep
            << "f.md\ndata 2\nx\n\n";
    }
    g.git("fast-import --quiet < " + shell_quote((g.root() / "stream").string()));
    CHECK(error_of([&] { GitTreePortfolio t(repo, "deep"); (void)t; }).find("nests folders") != std::string::npos);
    CHECK(repo.first_added({deep + "f.md"}).size() == 0); // not on HEAD's history
}
