// R1–R6 and C1–C10 on real portfolios: the complete example meets every
// requirement; each test breaks one condition in a copy and asserts the
// diagnostic's code, file and line, and the requirement's status.
#include <doctest/doctest.h>

#include "portfolio/fingerprint.hpp"
#include "portfolio_copy.hpp"

using namespace lilo;
using namespace lilo::test;

namespace {

// Asserts an error `code` at file:line and that `req` is unmet.
void expect_error(const Report& r, const std::string& code, const std::string& file, int line, const std::string& req)
{
    INFO("diagnostics: " << codes(r));
    const Diagnostic* d = find(r, code, file);
    REQUIRE_MESSAGE(d != nullptr, "expected " << code << " at " << file);
    CHECK(d->severity == Severity::error);
    CHECK(d->line == line);
    CHECK_FALSE(met(r, req));
    CHECK_FALSE(r.complete());
}

const std::string gibbs = "journal/2025-11-03-first-research-lesson.md";
const std::string interview = "interviews/2026-02-24-interview-principal.md";
const std::string meeting = "mentoring/2025-09-16-goals-and-ground-rules.md";

} // namespace

TEST_CASE("the complete example meets every requirement and addresses every criterion")
{
    PortfolioCopy p;
    const Report r = p.check();
    INFO(codes(r));
    CHECK(r.complete());
    CHECK(r.diagnostics.empty());
    for (const auto& q : r.requirements) CHECK_MESSAGE(q.met, q.id);
    for (const auto& c : r.criteria) CHECK_MESSAGE(c.addressed, c.id);
    REQUIRE(essay_words(r));
    CHECK(*essay_words(r) >= 900);
    CHECK(*essay_words(r) <= 1100);
}

TEST_CASE("R1 mentor")
{
    PortfolioCopy p;
    SUBCASE("no mentor")
    {
        p.edit("portfolio.yaml", "mentor:\n  name: Ho Chi Keung\n  role: Vice Principal (Curriculum and Assessment)\n  organisation: Lantern Hill Primary School\n  since: 2025-09-12\n", "");
        expect_error(p.check(), "R1.mentor-missing", "portfolio.yaml", 0, "R1");
    }
    SUBCASE("no name")
    {
        p.edit("portfolio.yaml", "  name: Ho Chi Keung\n", "");
        expect_error(p.check(), "R1.mentor-name", "portfolio.yaml", p.line_of("portfolio.yaml", "mentor:"), "R1");
    }
    SUBCASE("no role")
    {
        p.edit("portfolio.yaml", "  role: Vice Principal (Curriculum and Assessment)\n", "");
        expect_error(p.check(), "R1.mentor-role", "portfolio.yaml", p.line_of("portfolio.yaml", "mentor:"), "R1");
    }
    SUBCASE("the mentor is the candidate, ignoring case and runs of white space")
    {
        p.edit("portfolio.yaml", "  name: Ho Chi Keung\n", "  name: leung  KA yan\n");
        expect_error(p.check(), "R1.mentor-is-candidate", "portfolio.yaml", p.line_of("portfolio.yaml", "leung  KA"), "R1");
    }
    SUBCASE("no since")
    {
        p.edit("portfolio.yaml", "  since: 2025-09-12\n", "");
        expect_error(p.check(), "R1.since-missing", "portfolio.yaml", p.line_of("portfolio.yaml", "mentor:"), "R1");
    }
    SUBCASE("since 30 days after the start is in time; 31 is late")
    {
        p.edit("portfolio.yaml", "since: 2025-09-12", "since: 2025-10-01");
        CHECK(met(p.check(), "R1"));
        p.edit("portfolio.yaml", "since: 2025-10-01", "since: 2025-10-02");
        expect_error(p.check(), "R1.since-late", "portfolio.yaml", p.line_of("portfolio.yaml", "since:"), "R1");
    }
    SUBCASE("no mentoring folder")
    {
        p.remove("mentoring");
        expect_error(p.check(), "R1.meetings-missing", "mentoring", 0, "R1");
    }
    SUBCASE("an undated meeting record")
    {
        p.edit(meeting, "date: 2025-09-16\n", "");
        p.write("mentoring/goals.md", p.read(meeting));
        p.remove(meeting);
        expect_error(p.check(), "R1.undated", "mentoring/goals.md", 1, "R1");
    }
    SUBCASE("a meeting record dated outside the period")
    {
        p.edit(meeting, "date: 2025-09-16", "date: 2025-08-30");
        expect_error(p.check(), "R1.meeting-outside-period", meeting, 2, "R1");
    }
    SUBCASE("a meeting record dated after the as-of date")
    {
        expect_error(p.check("2026-06-01"), "R1.meeting-future", "mentoring/2026-06-09-year-review-and-next-steps.md", 2, "R1");
    }
    SUBCASE("a meeting record too short")
    {
        p.write(meeting, "---\ndate: 2025-09-16\n---\n\nWe met and agreed goals.\n");
        expect_error(p.check(), "R1.meeting-words", meeting, 1, "R1");
    }
    SUBCASE("fewer than three good meeting records")
    {
        p.remove("mentoring/2026-01-27-resistance-and-interview-planning.md");
        p.remove("mentoring/2026-03-24-presentation-rehearsal.md");
        CHECK(met(p.check(), "R1"));
        p.remove("mentoring/2026-06-09-year-review-and-next-steps.md");
        expect_error(p.check(), "R1.meetings", "mentoring", 0, "R1");
    }
    SUBCASE("a mentor sign-off holds until a bundled file changes")
    {
        const std::string fp = portfolio_fingerprint(p.dir()).sha256;
        p.write("signoff.yaml", "name: Ho Chi Keung\ndate: 2026-06-30\nsha256: " + fp + "\n");
        CHECK(portfolio_fingerprint(p.dir()).sha256 == fp); // signoff.yaml itself is left out
        CHECK(met(p.check(), "R1"));
        p.edit("essay.md", "When I began the programme", "When I started the programme");
        expect_error(p.check(), "R1.signoff-stale", "signoff.yaml", 3, "R1");
    }
}

TEST_CASE("R2 journal")
{
    PortfolioCopy p;
    SUBCASE("fewer entries than the programme asks for (a centre's stricter journal)")
    {
        // Twelve entries: enough for min_entries 12, one short of 13.
        p.write("centre.yaml", "extends: lilo-certificate\nid: centre\ntitle: Centre\nrequirements:\n  R2: {min_entries: 12}\n");
        CHECK(met(p.check("2026-11-20", "centre.yaml"), "R2"));
        p.write("centre.yaml", "extends: lilo-certificate\nid: centre\ntitle: Centre\nrequirements:\n  R2: {min_entries: 13}\n");
        expect_error(p.check("2026-11-20", "centre.yaml"), "R2.entries", "journal", 0, "R2");
    }
    SUBCASE("no journal folder")
    {
        p.remove("journal");
        expect_error(p.check(), "R2.journal-missing", "journal", 0, "R2");
    }
    SUBCASE("an entry with a date that does not exist")
    {
        p.edit(gibbs, "date: 2025-11-03", "date: 2025-11-31");
        expect_error(p.check(), "R2.undated", gibbs, 2, "R2");
    }
    SUBCASE("an entry dated from its file name when the front matter has no date")
    {
        p.edit(gibbs, "date: 2025-11-03\n", "");
        CHECK(met(p.check(), "R2"));
    }
    SUBCASE("an entry outside the period")
    {
        p.edit(gibbs, "date: 2025-11-03", "date: 2026-07-02");
        expect_error(p.check(), "R2.outside-period", gibbs, 2, "R2");
    }
    SUBCASE("an entry after the as-of date")
    {
        const Report r = p.check("2026-05-25");
        expect_error(r, "R2.future", "journal/2026-06-12-what-i-will-carry.md", 2, "R2");
    }
    SUBCASE("an entry too short")
    {
        p.write("journal/2026-02-20-short.md", "---\ndate: 2026-02-20\n---\n\nA short note today.\n");
        expect_error(p.check(), "R2.words", "journal/2026-02-20-short.md", 1, "R2");
    }
    SUBCASE("the first entry late")
    {
        p.remove("journal/2025-09-12-learner-again.md");
        expect_error(p.check(), "R2.first-late", "journal/2025-10-08-compositions-in-the-bin.md", 2, "R2");
    }
    SUBCASE("a gap of 31 days is allowed; 32 is not")
    {
        const std::string second = "journal/2025-10-08-compositions-in-the-bin.md";
        p.edit(second, "date: 2025-10-08", "date: 2025-10-13");
        CHECK(find(p.check(), "R2.gap") == nullptr);
        p.edit(second, "date: 2025-10-13", "date: 2025-10-14");
        expect_error(p.check(), "R2.gap", second, 2, "R2");
    }
    SUBCASE("the last entry too long before the end")
    {
        p.remove("journal/2026-06-12-what-i-will-carry.md");
        expect_error(p.check(), "R2.last-late", "journal/2026-05-20-untidy-numbers.md", 2, "R2");
    }
    SUBCASE("while the period runs, the last entry is measured against the as-of date")
    {
        p.remove("journal/2026-04-24-presenting-to-strangers.md");
        expect_error(p.check("2026-05-19"), "R2.last-late", "journal/2026-03-31-four-lenses.md", 2, "R2");
    }
    SUBCASE("a declared model's heading missing")
    {
        p.edit(gibbs, "## Feelings", "## How I felt");
        expect_error(p.check(), "R2.model-headings", gibbs, 4, "R2");
    }
    SUBCASE("an unknown model is a warning")
    {
        p.edit(gibbs, "model: gibbs", "model: schon");
        const Report r = p.check();
        const Diagnostic* d = find(r, "R2.model-unknown", gibbs);
        REQUIRE(d);
        CHECK(d->severity == Severity::warning);
        CHECK(met(r, "R2"));
        CHECK(r.complete());
    }
}

TEST_CASE("R3 courses")
{
    PortfolioCopy p;
    SUBCASE("a course not listed")
    {
        p.edit("portfolio.yaml", "  - id: organizational-learning-field-study\n    status: completed\n    completed: 2026-03-14\n    evidence: courses/organizational-learning-field-study-completion.md\n", "");
        expect_error(p.check(), "R3.course-missing", "portfolio.yaml", p.line_of("portfolio.yaml", "courses:"), "R3");
    }
    SUBCASE("a course in progress")
    {
        p.edit("portfolio.yaml", "    status: completed\n    completed: 2026-04-25\n", "    status: in-progress\n");
        expect_error(p.check(), "R3.course-incomplete", "portfolio.yaml", p.line_of("portfolio.yaml", "in-progress"), "R3");
    }
    SUBCASE("completed without a date")
    {
        p.edit("portfolio.yaml", "    completed: 2026-04-25\n", "");
        expect_error(p.check(), "R3.course-undated", "portfolio.yaml", p.line_of("portfolio.yaml", "- id: virtual"), "R3");
    }
    SUBCASE("completed outside the period")
    {
        p.edit("portfolio.yaml", "completed: 2026-04-25", "completed: 2026-07-25");
        expect_error(p.check(), "R3.course-outside-period", "portfolio.yaml", p.line_of("portfolio.yaml", "2026-07-25"), "R3");
    }
    SUBCASE("no evidence given")
    {
        p.edit("portfolio.yaml", "    evidence: courses/virtual-consultancy-completion.md\n", "");
        expect_error(p.check(), "R3.evidence-missing", "portfolio.yaml", p.line_of("portfolio.yaml", "- id: virtual"), "R3");
    }
    SUBCASE("the evidence file does not exist")
    {
        p.remove("courses/virtual-consultancy-completion.md");
        expect_error(p.check(), "R3.evidence-not-found", "portfolio.yaml", p.line_of("portfolio.yaml", "evidence: courses/virtual"), "R3");
    }
    SUBCASE("evidence outside the portfolio is refused, not read")
    {
        p.edit("portfolio.yaml", "evidence: courses/virtual-consultancy-completion.md", "evidence: ../../etc/passwd");
        expect_error(p.check(), "P.path-outside", "portfolio.yaml", p.line_of("portfolio.yaml", "../../etc/passwd"), "R3");
    }
}

TEST_CASE("R4 project")
{
    PortfolioCopy p;
    const std::string proj = "project/project.md";
    SUBCASE("no project") { p.remove(proj); expect_error(p.check(), "R4.missing", proj, 0, "R4"); }
    SUBCASE("no title")
    {
        p.edit(proj, "title: \"Feedback that moves writing forward: lesson study in P4 English\"\n", "");
        expect_error(p.check(), "R4.title", proj, 1, "R4");
    }
    SUBCASE("not completed")
    {
        p.edit(proj, "status: completed", "status: in-progress");
        expect_error(p.check(), "R4.status", proj, 3, "R4");
    }
    SUBCASE("no start date") { p.edit(proj, "started: 2025-10-06\n", ""); expect_error(p.check(), "R4.started", proj, 1, "R4"); }
    SUBCASE("completed without a completion date")
    {
        p.edit(proj, "completed: 2026-05-29\n", "");
        expect_error(p.check(), "R4.completed", proj, 1, "R4");
    }
    SUBCASE("completed before it started")
    {
        p.edit(proj, "completed: 2026-05-29", "completed: 2025-10-01");
        expect_error(p.check(), "R4.dates-order", proj, 5, "R4");
    }
    SUBCASE("completed after the period")
    {
        p.edit(proj, "completed: 2026-05-29", "completed: 2026-07-29");
        expect_error(p.check(), "R4.outside-period", proj, 5, "R4");
    }
    SUBCASE("a section missing")
    {
        p.edit(proj, "## Evaluation", "## What we found");
        expect_error(p.check(), "R4.section-missing", proj, 0, "R4");
    }
    SUBCASE("a section too short")
    {
        const std::string text = p.read(proj);
        const auto a = text.find("## Plan"), b = text.find("## Implementation");
        p.write(proj, text.substr(0, a) + "## Plan\n\nWe planned three cycles.\n\n" + text.substr(b));
        expect_error(p.check(), "R4.section-words", proj, p.line_of(proj, "## Plan"), "R4");
    }
    SUBCASE("a broken local link")
    {
        p.remove("project/evidence/parent-letter.md");
        expect_error(p.check(), "R4.link-broken", proj, p.line_of(proj, "evidence/parent-letter.md"), "R4");
    }
    SUBCASE("a link out of the portfolio")
    {
        p.edit(proj, "(evidence/parent-letter.md)", "(../../secret.md)");
        expect_error(p.check(), "P.path-outside", proj, p.line_of(proj, "../../secret.md"), "R4");
    }
}

TEST_CASE("R5 interviews")
{
    PortfolioCopy p;
    SUBCASE("no interviews folder") { p.remove("interviews"); expect_error(p.check(), "R5.interviews-missing", "interviews", 0, "R5"); }
    SUBCASE("undated: no date and no date in the file name")
    {
        p.edit(interview, "date: 2026-02-24\n", "");
        p.write("interviews/principal.md", p.read(interview));
        p.remove(interview);
        expect_error(p.check(), "R5.undated", "interviews/principal.md", 1, "R5");
    }
    SUBCASE("outside the period")
    {
        p.edit(interview, "date: 2026-02-24", "date: 2026-08-24");
        expect_error(p.check(), "R5.outside-period", interview, 2, "R5");
    }
    SUBCASE("no interviewee role")
    {
        p.edit(interview, "  role: Principal, Willow Bank Primary School (aided), Ma On Shan\n", "");
        expect_error(p.check(), "R5.role", interview, 3, "R5");
    }
    SUBCASE("fewer than five years in leadership")
    {
        p.edit(interview, "years_in_leadership: 14", "years_in_leadership: 4");
        expect_error(p.check(), "R5.years", interview, 6, "R5");
        p.edit(interview, "years_in_leadership: 4", "years_in_leadership: 5");
        CHECK(met(p.check(), "R5"));
    }
    SUBCASE("consent: a file that does not exist, or false")
    {
        p.remove("interviews/consent/interview-consent.md");
        expect_error(p.check(), "R5.consent", interview, 7, "R5");
        p.edit(interview, "consent: consent/interview-consent.md", "consent: false");
        expect_error(p.check(), "R5.consent", interview, 7, "R5");
        p.edit(interview, "consent: false", "consent: true");
        CHECK(met(p.check(), "R5"));
    }
    SUBCASE("a section missing; Transcript stands for Notes")
    {
        p.edit(interview, "## Notes", "## Transcript");
        CHECK(met(p.check(), "R5"));
        p.edit(interview, "## Reflection", "## Afterthoughts");
        expect_error(p.check(), "R5.section-missing", interview, 0, "R5");
    }
    SUBCASE("fewer than five questions")
    {
        const std::string text = p.read(interview);
        const auto a = text.find("4. Tell me about a change that did not work"), b = text.find("## Notes");
        p.write(interview, text.substr(0, a) + "\n" + text.substr(b));
        expect_error(p.check(), "R5.questions", interview, p.line_of(interview, "## Questions"), "R5");
    }
    SUBCASE("a private interviewee named in the essay")
    {
        p.edit("essay.md", "When I began the programme", "When I began the programme, encouraged by kwok lai sheung,");
        expect_error(p.check(), "R5.private-name", "essay.md", p.line_of("essay.md", "kwok lai sheung"), "R5");
    }
    SUBCASE("a private name split across a line break, in a journal entry")
    {
        p.edit(gibbs, "## Feelings", "I thought of Kwok\n  LAI   sheung today.\n\n## Feelings");
        expect_error(p.check(), "R5.private-name", gibbs, p.line_of(gibbs, "I thought of Kwok"), "R5");
    }
    SUBCASE("a private name is matched as whole words only")
    {
        p.edit(interview, "  name: Kwok Lai Sheung", "  name: Ho Chi");
        p.edit("essay.md", "When I began the programme", "When I began the echo chief programme");
        CHECK(find(p.check(), "R5.private-name") == nullptr);
        p.edit("essay.md", "echo chief", "Ho  chi,");
        expect_error(p.check(), "R5.private-name", "essay.md", p.line_of("essay.md", "Ho  chi,"), "R5");
    }
    SUBCASE("a second, unfinished interview is only information once one interview meets every condition")
    {
        p.write("interviews/2026-03-10-draft.md", "---\ndate: 2026-03-10\n---\n\n## Purpose\n\nTo follow up.\n");
        const Report r = p.check();
        const Diagnostic* d = find(r, "R5.role", "interviews/2026-03-10-draft.md");
        REQUIRE(d);
        CHECK(d->severity == Severity::info);
        CHECK(met(r, "R5"));
    }
}

TEST_CASE("R6 essay")
{
    PortfolioCopy p;
    SUBCASE("no essay") { p.remove("essay.md"); expect_error(p.check(), "R6.missing", "essay.md", 0, "R6"); }
    SUBCASE("too long")
    {
        std::string extra = "\n";
        for (int i = 0; i < 120; ++i) extra += "more words ";
        p.edit("essay.md", "## References", extra + "\n\n## References");
        const Report r = p.check();
        expect_error(r, "R6.words", "essay.md", 1, "R6");
        CHECK(find(r, "R6.words")->message.find("limit 900\u20131,100") != std::string::npos);
    }
    SUBCASE("declared_words within 5% of the count, exactly")
    {
        const Report base = p.check();
        const auto count = *essay_words(base);
        const auto tolerance = count * 5 / 100;  // the largest difference allowed, in whole words
        p.edit("essay.md", "declared_words: 996", "declared_words: " + std::to_string(count + tolerance));
        CHECK(find(p.check(), "R6.declared-words") == nullptr);
        p.edit("essay.md", "declared_words: " + std::to_string(count + tolerance), "declared_words: " + std::to_string(count + tolerance + 1));
        expect_error(p.check(), "R6.declared-words", "essay.md", 3, "R6");
    }
    SUBCASE("a citation that does not resolve")
    {
        p.edit("essay.md", "[@bush2014]", "[@bush2015]");
        expect_error(p.check(), "R6.citation-unresolved", "essay.md", p.line_of("essay.md", "@bush2015"), "R6");
    }
    SUBCASE("citations with no bibliography")
    {
        p.edit("essay.md", "bibliography: references.yaml\n", "");
        p.remove("references.yaml");
        expect_error(p.check(), "R6.bibliography-missing", "essay.md", 1, "R6");
    }
    SUBCASE("a BibTeX bibliography resolves keys too")
    {
        p.edit("essay.md", "bibliography: references.yaml", "bibliography: refs.bib");
        std::string bib;
        for (const char* k : {"leithwood2008", "day2016", "bush2014", "hallinger2011", "schon1983", "robinson2008", "hattie2007",
                              "kotter1996", "fullan2001", "hargreaves2012", "timperley2011", "cordingley2015"})
            bib += std::string("@article{") + k + ",\n  title = {T},\n}\n\n";
        p.write("refs.bib", "@comment{ignored}\n" + bib);
        const Report r = p.check();
        INFO(codes(r));
        CHECK(r.complete());
    }
}

TEST_CASE("C1–C10 criteria")
{
    PortfolioCopy p;
    auto expect_missing = [&](const Report& r, const std::string& id, const std::string& code, int line) {
        INFO("diagnostics: " << codes(r));
        const Diagnostic* d = find(r, code, "essay.md");
        REQUIRE_MESSAGE(d != nullptr, "expected " << code);
        CHECK(d->severity == Severity::warning);
        CHECK(d->line == line);
        CHECK_FALSE(addressed(r, id));
        const Diagnostic* r6 = find(r, "R6.criterion", "essay.md");
        REQUIRE(r6);
        CHECK(r6->message.find(code) != std::string::npos);
        CHECK_FALSE(met(r, "R6"));
    };
    SUBCASE("unmapped") { p.edit("essay.md", "  C7: Why staff development matters\n", ""); expect_missing(p.check(), "C7", "C7.unmapped", 5); }
    SUBCASE("mapped to a heading that is not there")
    {
        p.edit("essay.md", "  C7: Why staff development matters", "  C7: Professional learning for teachers");
        expect_missing(p.check(), "C7", "C7.heading-missing", p.line_of("essay.md", "  C7:"));
    }
    SUBCASE("a heading one typo away is offered, at its line")
    {
        p.edit("essay.md", "## Why staff development matters", "## Why staff developement matters");
        const Report r = p.check();
        expect_missing(r, "C7", "C7.heading-missing", p.line_of("essay.md", "## Why staff developement"));
        CHECK(find(r, "C7.heading-missing", "essay.md")->message.ends_with("did you mean the heading '## Why staff developement matters' (line " +
                                                                          std::to_string(p.line_of("essay.md", "## Why staff developement")) + ")?"));
    }
    SUBCASE("a mapping with Word's curly apostrophe matches a heading with a straight one")
    {
        p.edit("essay.md", "  C1: Successful leadership in my context", "  C1: Successful leadership in one\u2019s own context");
        p.edit("essay.md", "## Successful leadership in my context", "## Successful leadership in one's own context");
        CHECK(addressed(p.check(), "C1"));
    }
    SUBCASE("a heading matches ignoring case, emphasis and an attribute block")
    {
        p.edit("essay.md", "## Why staff development matters", "## Why *staff* development MATTERS {#why .x}");
        CHECK(addressed(p.check(), "C7"));
    }
    SUBCASE("a section too short")
    {
        const std::string text = p.read("essay.md");
        const auto a = text.find("## Presenting my e-portfolio"), b = text.find("## A short-term development plan");
        p.write("essay.md", text.substr(0, a) + "## Presenting my e-portfolio\n\nI presented [it](presentation/e-portfolio-outline.md).\n\n" + text.substr(b));
        expect_missing(p.check(), "C9", "C9.words", p.line_of("essay.md", "## Presenting my e-portfolio"));
    }
    SUBCASE("C1 needs a citation that resolves")
    {
        p.edit("essay.md", "@leithwood2008 argue", "Leithwood argues");
        p.edit("essay.md", "@day2016 add", "Day adds");
        p.edit("essay.md", "[@bush2014]", "[@nosuchkey]");
        expect_missing(p.check(), "C1", "C1.citations", p.line_of("essay.md", "## Successful leadership in my context"));
    }
    SUBCASE("C2 needs a link to a file in interviews/")
    {
        p.edit("essay.md", "[my interview](interviews/2026-02-24-interview-principal.md)", "my interview");
        expect_missing(p.check(), "C2", "C2.link", p.line_of("essay.md", "## Interviewing an experienced principal"));
    }
    SUBCASE("C2's interviews/ is where portfolio.yaml moves it, also for a programme that writes the folder with a slash")
    {
        std::filesystem::rename(p.dir() / "interviews", p.dir() / "talks");
        p.write("portfolio.yaml", p.read("portfolio.yaml") + "interviews: talks\n");
        p.edit("essay.md", "(interviews/2026-02-24-interview-principal.md)", "(talks/2026-02-24-interview-principal.md)");
        auto r = p.check();
        CHECK_MESSAGE(addressed(r, "C2"), codes(r));
        CHECK_MESSAGE(met(r, "R5"), codes(r));
        p.write("centre.yaml", "extends: lilo-certificate\nid: c\ntitle: C\nrequirements:\n  R5: {folder: interviews/}\n");
        r = p.check("2026-11-20", "centre.yaml");
        CHECK_MESSAGE(addressed(r, "C2"), codes(r));
        // A link into the folder's old place is not one into the interviews.
        p.edit("essay.md", "(talks/2026-02-24-interview-principal.md)", "(interviews/2026-02-24-interview-principal.md)");
        CHECK(!addressed(p.check(), "C2"));
    }
    SUBCASE("C3 needs a list of two priorities")
    {
        const std::string text = p.read("essay.md");
        const auto a = text.find("- leading experienced colleagues"), b = text.find("## Leadership that improves");
        p.write("essay.md", text.substr(0, a) + "My priority is leading experienced colleagues through shared evidence.\n\n" + text.substr(b));
        expect_missing(p.check(), "C3", "C3.list", p.line_of("essay.md", "## Leadership practices and my development priorities"));
    }
    SUBCASE("C4 needs a citation")
    {
        p.edit("essay.md", "@robinson2008 found", "Robinson and colleagues found");
        p.edit("essay.md", "where @hattie2007 show", "where Hattie and Timperley show");
        expect_missing(p.check(), "C4", "C4.citations", p.line_of("essay.md", "## Leadership that improves teaching and learning"));
    }
    SUBCASE("C7 needs a citation")
    {
        p.edit("essay.md", "@hargreaves2012 describe", "Hargreaves and Fullan describe");
        p.edit("essay.md", "@timperley2011 argues", "Timperley argues");
        expect_missing(p.check(), "C7", "C7.citations", p.line_of("essay.md", "## Why staff development matters"));
    }
    SUBCASE("C5 needs a link to project/project.md")
    {
        p.edit("essay.md", "[Innovation Development Project](project/project.md)", "Innovation Development Project");
        expect_missing(p.check(), "C5", "C5.link", p.line_of("essay.md", "## Planning and evaluating"));
    }
    SUBCASE("C6 needs two distinct citations")
    {
        p.edit("essay.md", "@fullan2001 was more useful", "@kotter1996 was more useful");
        expect_missing(p.check(), "C6", "C6.citations", p.line_of("essay.md", "## What the change literature taught me"));
    }
    SUBCASE("C8 counts top-level items only")
    {
        const std::string text = p.read("essay.md");
        const auto a = text.find("- lesson study with observers"), b = text.find("One-off workshops");
        p.write("essay.md", text.substr(0, a) + "- lesson study, in two forms:\n  - with observers;\n  - with video.\n\n" + text.substr(b));
        expect_missing(p.check(), "C8", "C8.list", p.line_of("essay.md", "## Developing staff"));
    }
    SUBCASE("links follow folders that portfolio.yaml moves")
    {
        std::filesystem::rename(p.dir() / "presentation", p.dir() / "talks");
        p.write("portfolio.yaml", p.read("portfolio.yaml") + "presentation: talks\n");
        p.edit("essay.md", "(presentation/e-portfolio-outline.md)", "(talks/e-portfolio-outline.md)");
        const Report r = p.check();
        INFO(codes(r));
        CHECK(addressed(r, "C9"));
        CHECK(r.complete());
    }
    SUBCASE("C9 needs a link to a file in presentation/ that exists")
    {
        p.remove("presentation/e-portfolio-outline.md");
        expect_missing(p.check(), "C9", "C9.link", p.line_of("essay.md", "## Presenting my e-portfolio"));
    }
    SUBCASE("C10 needs two actions with real dates")
    {
        const std::string text = p.read("essay.md");
        const auto a = text.find("1. Co-lead a P5"), b = text.find("## References");
        p.write("essay.md", text.substr(0, a) + "1. Co-lead a P5 lesson study cycle by 2026-02-30.\n2. Set up a student voice group by 2026-10-16.\n3. Propose protected time next year.\n\n" + text.substr(b));
        expect_missing(p.check(), "C10", "C10.dates", p.line_of("essay.md", "## A short-term development plan"));
    }
}
