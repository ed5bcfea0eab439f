// lilo init: a new portfolio checks without any complaint about its form or
// its scaffolding, is incomplete for real reasons, and never overwrites a file.
#include <doctest/doctest.h>

#include <fstream>
#include <random>
#include <sstream>

#include "check.hpp"
#include "portfolio_copy.hpp"
#include "programme/programme.hpp"
#include "scaffold/scaffold.hpp"

using namespace lilo;
using namespace lilo::test;
namespace fs = std::filesystem;

namespace {

// An empty temporary folder, removed afterwards.
class TempDir {
public:
    TempDir()
    {
        std::random_device rd;
        m_dir = fs::temp_directory_path() / ("lilo-scaffold-" + std::to_string(rd()) + "-" + std::to_string(rd()));
        fs::create_directories(m_dir);
    }
    ~TempDir()
    {
        std::error_code ec;
        fs::remove_all(m_dir, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& dir() const { return m_dir; }

private:
    fs::path m_dir;
};

std::string slurp(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

ScaffoldOptions options_for(const std::string& today)
{
    ScaffoldOptions opt;
    opt.schema_url = "https://lilo.example/schemas/portfolio.schema.json";
    opt.today = *Date::parse(today);
    return opt;
}

Report check_at(const fs::path& dir, const std::string& as_of)
{
    CheckOptions opt;
    opt.folder = dir;
    opt.as_of = *Date::parse(as_of);
    return check_portfolio(opt);
}

const ScaffoldFile* file(const std::vector<ScaffoldFile>& files, const std::string& path)
{
    for (const auto& f : files)
        if (f.path == path) return &f;
    return nullptr;
}

} // namespace

TEST_CASE("the scaffold of lilo-certificate has every folder, template and file the issue names")
{
    const auto files = scaffold_files(options_for("2028-02-29"));
    for (const char* path : {"portfolio.yaml", "essay.md", "references.yaml", "journal/README.md", "mentoring/README.md",
                             "courses/README.md", "project/README.md", "project/project.md", "interviews/README.md",
                             "presentation/README.md", "journal/templates/gibbs.md", "journal/templates/rolfe.md",
                             "journal/templates/kolb.md", "journal/templates/brookfield.md", ".liloignore", ".gitignore",
                             ".github/workflows/lilo.yml"})
        CHECK_MESSAGE(file(files, path) != nullptr, path);

    // The mentor's README tells how a sign-off is made today: lilo signoff, with the thresholds in force.
    const auto* mentoring = file(files, "mentoring/README.md");
    REQUIRE(mentoring);
    CHECK(mentoring->content.find("`lilo signoff`") != std::string::npos);
    CHECK(mentoring->content.find("at least 50 words") != std::string::npos);
    CHECK(mentoring->content.find("At least 3 records are needed") != std::string::npos);
    CHECK(mentoring->content.find("at most 30 days after the period starts") != std::string::npos);
    const auto* interviews = file(files, "interviews/README.md");
    REQUIRE(interviews);
    CHECK(interviews->content.find("At least 1 interview is needed") != std::string::npos);
    CHECK(interviews->content.find("years_in_leadership: 10\n") != std::string::npos);

    const auto* manifest = file(files, "portfolio.yaml");
    REQUIRE(manifest);
    CHECK(manifest->content.starts_with("# yaml-language-server: $schema=https://lilo.example/schemas/portfolio.schema.json\n"));
    CHECK(manifest->content.find("  start: 2028-02-29\n") != std::string::npos);
    CHECK(manifest->content.find("  end: 2029-02-28\n") != std::string::npos); // no 29 February in 2029
    CHECK(manifest->content.find("  - id: virtual-consultancy\n") != std::string::npos);
    CHECK(manifest->content.find("  - id: organizational-learning-field-study\n") != std::string::npos);

    // One heading per criterion, in order, each mapped in the front matter.
    const auto* essay = file(files, "essay.md");
    REQUIRE(essay);
    const Programme prog = load_programme("lilo-certificate", "");
    std::size_t at = 0;
    for (const auto& c : prog.criteria) {
        INFO(c.id);
        CHECK(essay->content.find("  " + c.id + ": \"" + c.title + "\"\n") != std::string::npos);
        const auto h = essay->content.find("\n## " + c.title + "\n", at);
        REQUIRE(h != std::string::npos);
        at = h + 1;
    }
    CHECK(essay->content.find("declared_words: 0") != std::string::npos);
    CHECK(essay->content.find("bibliography: references.yaml\n") != std::string::npos);

    const auto* gibbs = file(files, "journal/templates/gibbs.md");
    REQUIRE(gibbs);
    CHECK(gibbs->content.find("model: gibbs\n") != std::string::npos);
    for (const char* h : {"Description", "Feelings", "Evaluation", "Analysis", "Conclusion", "Action plan"})
        CHECK(gibbs->content.find(std::string("\n## ") + h + "\n") != std::string::npos);

    // An unknown programme is refused.
    ScaffoldOptions bad = options_for("2026-01-05");
    bad.programme = "no-such-programme";
    CHECK_THROWS_AS(scaffold_files(bad), ProgrammeError);
}

TEST_CASE("a new portfolio checks with no complaint about its form, and is incomplete for real reasons")
{
    TempDir tmp;
    const fs::path dir = tmp.dir() / "portfolio";
    const ScaffoldResult first = write_scaffold(dir, options_for("2026-01-05"));
    CHECK(first.kept.empty());
    CHECK(first.written.size() == scaffold_files(options_for("2026-01-05")).size());
    REQUIRE(fs::is_regular_file(dir / "portfolio.yaml"));

    const Report r = check_at(dir, "2026-01-05");
    INFO("diagnostics: " << codes(r));
    for (const auto& d : r.diagnostics) {
        CHECK_MESSAGE((d.owner() != "P" || d.code == "P.placeholder"), d.code << " at " << d.file);
        // Nothing about the scaffolding: no README or template is read as an entry.
        CHECK_MESSAGE(d.file.find("README") == std::string::npos, d.code << " at " << d.file);
        CHECK_MESSAGE(d.file.find("templates") == std::string::npos, d.code << " at " << d.file);
        CHECK_MESSAGE(d.code != "R6.citation-unresolved", d.message);
    }
    // init's placeholders are reported as not filled in (issue 15).
    CHECK(find(r, "P.placeholder", "portfolio.yaml") != nullptr);
    CHECK_FALSE(r.complete());
    for (const auto& q : r.requirements) CHECK_FALSE_MESSAGE(q.met, q.id);
    CHECK(find(r, "R1.meetings") != nullptr);
    CHECK(find(r, "R2.entries") != nullptr);
    CHECK(find(r, "R3.course-incomplete") != nullptr);
    CHECK(find(r, "R4.status") != nullptr);
    CHECK(find(r, "R4.section-words") != nullptr);
    CHECK(find(r, "R5.interviews") != nullptr);
    CHECK(find(r, "R6.words") != nullptr);
    // Every criterion's heading is there: missing for want of words, not of a heading.
    CHECK(find(r, "C1.heading-missing") == nullptr);
    CHECK(find(r, "C1.unmapped") == nullptr);
    CHECK(find(r, "C1.words") != nullptr);
    CHECK(find(r, "R2.model-headings") == nullptr);
    // Only the headings count: the comments are not words.
    REQUIRE(essay_words(r));
    CHECK(*essay_words(r) > 0);
    CHECK(*essay_words(r) < 100);
}

TEST_CASE("a journal entry written from a template meets the model's headings")
{
    TempDir tmp;
    const fs::path dir = tmp.dir();
    write_scaffold(dir, options_for("2026-01-05"));
    std::string entry = slurp(dir / "journal/templates/rolfe.md");
    // Fill each section with words.
    std::string words;
    for (int i = 0; i < 60; ++i) words += "reflection ";
    for (const char* h : {"## What?\n", "## So what?\n", "## Now what?\n"}) {
        const auto at = entry.find(h);
        REQUIRE(at != std::string::npos);
        entry.insert(at + std::string(h).size(), "\n" + words + "\n");
    }
    std::ofstream(dir / "journal/2026-01-10-first.md", std::ios::binary) << entry;
    const Report r = check_at(dir, "2026-01-12");
    INFO("diagnostics: " << codes(r));
    CHECK(find(r, "R2.model-headings") == nullptr);
    CHECK(find(r, "R2.words") == nullptr);
    CHECK(find(r, "R2.undated") == nullptr);
    const Diagnostic* d = find(r, "R2.entries");
    REQUIRE(d != nullptr);
    CHECK(d->message.starts_with("1 journal entry counts"));
}

TEST_CASE("init never overwrites: a second run keeps every file, and an existing file stays as it was")
{
    TempDir tmp;
    const fs::path dir = tmp.dir();
    fs::create_directories(dir / "journal");
    const std::string mine = "---\ntitle: Mine\n---\n\nMy own essay.\n";
    std::ofstream(dir / "essay.md", std::ios::binary) << mine;
    std::ofstream(dir / "journal/README.md", std::ios::binary) << "my notes\n";

    const ScaffoldResult first = write_scaffold(dir, options_for("2026-01-05"));
    CHECK(first.kept == std::vector<std::string>{"journal/README.md", "essay.md"});
    CHECK(slurp(dir / "essay.md") == mine);
    CHECK(slurp(dir / "journal/README.md") == "my notes\n");
    CHECK(fs::exists(dir / "journal/templates/gibbs.md"));

    const std::string manifest = slurp(dir / "portfolio.yaml");
    const ScaffoldResult second = write_scaffold(dir, options_for("2027-03-01"));
    CHECK(second.written.empty());
    CHECK(second.kept.size() == first.written.size() + first.kept.size());
    CHECK(slurp(dir / "portfolio.yaml") == manifest);
}

TEST_CASE("a write error names the path")
{
    TempDir tmp;
    std::ofstream(tmp.dir() / "file", std::ios::binary) << "x";
    try {
        write_scaffold(tmp.dir() / "file" / "portfolio", options_for("2026-01-05"));
        FAIL("expected an error");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()).find("file") != std::string::npos);
    }
}

TEST_CASE("the Diploma's scaffold has both modules, and its portfolio is incomplete for real reasons")
{
    ScaffoldOptions opt = options_for("2026-01-05");
    opt.programme = "cambridge-diploma";
    const auto files = scaffold_files(opt);
    for (const char* path : {"essay.md", "modules/m2/README.md", "modules/m2/assignment.md", "modules/m3/README.md",
                             "modules/m3/assignment.md", "references.yaml"})
        CHECK_MESSAGE(file(files, path) != nullptr, path);
    const auto* m2 = file(files, "modules/m2/assignment.md");
    REQUIRE(m2);
    CHECK(m2->content.find("bibliography: \"../../references.yaml\"\n") != std::string::npos);
    CHECK(m2->content.find("3,240–3,960 words") != std::string::npos);
    CHECK(file(files, "modules/m2/README.md")->content.find("`evidence/reflection/`") != std::string::npos);
    CHECK(file(files, "references.yaml")->content.find("essay.md, modules/m2/assignment.md, and\n# modules/m3/assignment.md cite") !=
          std::string::npos);

    TempDir tmp;
    const fs::path dir = tmp.dir();
    write_scaffold(dir, opt);
    Report r = check_at(dir, "2026-01-05");
    INFO("diagnostics: " << codes(r));
    for (const auto& d : r.diagnostics) {
        CHECK_MESSAGE((d.owner() != "P" || d.code == "P.placeholder"), d.code << " at " << d.file);
        CHECK_MESSAGE(d.file.find("README") == std::string::npos, d.code << " at " << d.file);
    }
    CHECK(find(r, "P.placeholder", "portfolio.yaml") != nullptr);
    for (const char* absent : {"R7.missing", "R7.assignment-missing", "R7.bibliography-missing", "R8.missing"})
        CHECK_MESSAGE(find(r, absent) == nullptr, absent);
    CHECK(find(r, "R7.words", "modules/m2/assignment.md") != nullptr);
    CHECK(find(r, "R7.evidence-few", "modules/m2/evidence/practice") != nullptr);
    CHECK(find(r, "R8.order") != nullptr);

    // Evidence kept where the README says, linked where the assignment's comment says: counted.
    std::string assignment = slurp(dir / "modules/m2/assignment.md");
    std::string links;
    for (const char* sort : {"practice", "learning", "reflection"}) {
        fs::create_directories(dir / "modules/m2/evidence" / sort);
        std::ofstream(dir / "modules/m2/evidence" / sort / "2026-01-04-item.md", std::ios::binary) << "# Item\n\nNotes.\n";
        links += std::string("[") + sort + "](evidence/" + sort + "/2026-01-04-item.md) ";
    }
    const auto at = assignment.find("## Leading the development\n");
    REQUIRE(at != std::string::npos);
    assignment.insert(at + std::string("## Leading the development\n").size(), "\n" + links + "\n");
    std::ofstream(dir / "modules/m2/assignment.md", std::ios::binary) << assignment;
    r = check_at(dir, "2026-01-05");
    CHECK(find(r, "R7.evidence-few") == nullptr);
    CHECK(find(r, "R7.evidence-unlinked") == nullptr);
    CHECK(find(r, "R8.evidence-few") != nullptr);
}

TEST_CASE("the MPhil's scaffold has its essays, its thesis under its own rules, and the marks to fill in")
{
    ScaffoldOptions opt = options_for("2026-01-05");
    opt.programme = "mphil-elsi";
    const auto files = scaffold_files(opt);
    for (const char* path : {"essays/essay-1.md", "essays/essay-2.md", "thesis/thesis.md", "references.yaml"})
        CHECK_MESSAGE(file(files, path) != nullptr, path);
    CHECK(file(files, "essay.md") == nullptr);
    CHECK(file(files, "mentoring/README.md") == nullptr);
    // The thesis's note follows its word_count settings: footnotes out, as the programme says.
    const auto* thesis = file(files, "thesis/thesis.md");
    REQUIRE(thesis);
    CHECK(thesis->content.find("(headings, body text, and citations count;") != std::string::npos);
    CHECK(thesis->content.find("\n## Appendix A: Instruments\n") != std::string::npos);
    // The count to declare is the one lilo check makes: lilo count applies the thesis's rules with --programme.
    CHECK(thesis->content.find("the count that `lilo count --programme mphil-elsi thesis/thesis.md` reports") != std::string::npos);
    CHECK(file(files, "essays/essay-1.md")->content.find("6,000–6,500 words") != std::string::npos);
    const auto* manifest = file(files, "portfolio.yaml");
    REQUIRE(manifest);
    CHECK(manifest->content.find("# marks:\n#   essay1: 0\n#   essay2: 0\n#   thesis: 0\n") != std::string::npos);

    TempDir tmp;
    const fs::path dir = tmp.dir();
    write_scaffold(dir, opt);
    Report r = check_at(dir, "2026-01-05");
    INFO("diagnostics: " << codes(r));
    for (const auto& d : r.diagnostics) CHECK_MESSAGE((d.owner() != "P" || d.code == "P.placeholder"), d.code << " at " << d.file);
    // init's placeholders are reported as not filled in (issue 15).
    CHECK(find(r, "P.placeholder", "portfolio.yaml") != nullptr);
    for (const char* absent : {"R1.missing", "R2.missing", "R1.bibliography-missing", "R2.bibliography-missing"})
        CHECK_MESSAGE(find(r, absent) == nullptr, absent);
    CHECK(find(r, "R1.words", "essays/essay-1.md") != nullptr);
    CHECK(find(r, "R1.words", "essays/essay-2.md") != nullptr);
    CHECK(find(r, "R2.words") == nullptr); // under its maximum
    REQUIRE(r.progression);
    CHECK(r.progression->status == "pending");

    // The marks, once uncommented as the comment says, decide the progression.
    std::string yaml = slurp(dir / "portfolio.yaml");
    const auto at = yaml.find("# marks:\n");
    REQUIRE(at != std::string::npos);
    yaml.replace(at, std::string::npos, "marks:\n  essay1: 72\n  essay2: 70\n  thesis: 74\n");
    std::ofstream(dir / "portfolio.yaml", std::ios::binary) << yaml;
    r = check_at(dir, "2026-01-05");
    REQUIRE(r.progression);
    CHECK(r.progression->status == "met");
}
