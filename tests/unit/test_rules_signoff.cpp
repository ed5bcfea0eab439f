// signoff.yaml under R1 (lib/rules/signoff.cpp) and `lilo signoff`'s engine
// (lib/signoff/sign_off.cpp), on real copies of the complete example.
#include <doctest/doctest.h>

#include "check.hpp"
#include "git_fixture.hpp"
#include "portfolio/fingerprint.hpp"
#include "portfolio_copy.hpp"
#include "programme/programme.hpp"
#include "rules/explain.hpp"
#include "rules/signoff.hpp"
#include "signoff/sign_off.hpp"

using namespace lilo;
using namespace lilo::test;

namespace {

const Diagnostic& expect(const Report& r, const std::string& code, int line, Severity sev = Severity::error)
{
    INFO("diagnostics: " << codes(r));
    const Diagnostic* d = find(r, code, "signoff.yaml");
    REQUIRE_MESSAGE(d != nullptr, "expected " << code << " in signoff.yaml");
    CHECK(d->line == line);
    CHECK(d->severity == sev);
    if (sev == Severity::error) CHECK_FALSE(met(r, "R1"));
    CHECK(find(r, "R1.signoff-stale") == nullptr);  // what is wrong, not "stale"
    return *d;
}

std::string fp_of(const PortfolioCopy& p) { return portfolio_fingerprint(p.dir()).sha256; }

} // namespace

TEST_CASE("signoff.yaml: each mistake is its own diagnostic at its line")
{
    PortfolioCopy p;
    const std::string fp = fp_of(p);
    const std::string name = "name: Ho Chi Keung\n", date = "date: 2026-06-30\n", sha = "sha256: " + fp + "\n";
    SUBCASE("a valid hand-written sign-off holds")
    {
        p.write("signoff.yaml", name + date + sha);
        const Report r = p.check();
        INFO(codes(r));
        CHECK(met(r, "R1"));
        CHECK(r.diagnostics.empty());
    }
    SUBCASE("no name")
    {
        p.write("signoff.yaml", date + sha);
        expect(p.check(), "R1.signoff-name", 1);
    }
    SUBCASE("the candidate's own name")
    {
        p.write("signoff.yaml", date + "name: leung  ka yan\n" + sha);
        CHECK(expect(p.check(), "R1.signoff-name", 2).message.find("the candidate") != std::string::npos);
    }
    SUBCASE("a name that is not mentor.name is a warning")
    {
        p.write("signoff.yaml", "name: Chan Mei Ling\n" + date + sha);
        const Report r = p.check();
        expect(r, "R1.signoff-not-mentor", 1, Severity::warning);
        CHECK(met(r, "R1"));
    }
    SUBCASE("no date")
    {
        p.write("signoff.yaml", name + sha);
        expect(p.check(), "R1.signoff-date", 1);
    }
    SUBCASE("not-a-date")
    {
        p.write("signoff.yaml", name + "date: not-a-date\n" + sha);
        CHECK(expect(p.check(), "R1.signoff-date", 2).message == "'not-a-date' is not a date; write the day the mentor signed as YYYY-MM-DD");
    }
    SUBCASE("a date that does not exist")
    {
        p.write("signoff.yaml", name + "date: 2026-02-30\n" + sha);
        CHECK(expect(p.check(), "R1.signoff-date", 2).message == "'2026-02-30' is not a real date");
    }
    SUBCASE("a date in the future")
    {
        p.write("signoff.yaml", name + sha + "date: 2026-12-01\n");
        CHECK(expect(p.check(), "R1.signoff-date", 3).message.find("after today (2026-11-20)") != std::string::npos);
    }
    SUBCASE("a date before the period")
    {
        p.write("signoff.yaml", name + "date: 2025-08-01\n" + sha);
        CHECK(expect(p.check(), "R1.signoff-date", 2).message.find("before the period starts") != std::string::npos);
    }
    SUBCASE("a date after the period's end but not after as-of is fine")
    {
        p.write("signoff.yaml", name + "date: 2026-11-20\n" + sha);
        CHECK(met(p.check(), "R1"));
    }
    SUBCASE("a 12-character hash")
    {
        p.write("signoff.yaml", name + date + "sha256: " + fp.substr(0, 12) + "\n");
        CHECK(expect(p.check(), "R1.signoff-fingerprint", 3).message.starts_with("a 12-character hash"));
    }
    SUBCASE("capitals")
    {
        std::string upper = fp;
        for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        p.write("signoff.yaml", name + date + "sha256: " + upper + "\n");
        expect(p.check(), "R1.signoff-fingerprint", 3);
    }
    SUBCASE("text that is no fingerprint")
    {
        p.write("signoff.yaml", name + date + "sha256: see attached\n");
        expect(p.check(), "R1.signoff-fingerprint", 3);
    }
    SUBCASE("no sha256")
    {
        p.write("signoff.yaml", name + date);
        expect(p.check(), "R1.signoff-invalid", 1);
    }
    SUBCASE("an unknown field (the schema)")
    {
        p.write("signoff.yaml", name + date + sha + "approved: yes\n");
        CHECK(expect(p.check(), "R1.signoff-invalid", 4).message.starts_with("unknown field 'approved'"));
    }
    SUBCASE("not a mapping")
    {
        p.write("signoff.yaml", "- " + fp + "\n");
        expect(p.check(), "R1.signoff-invalid", 1);
    }
    SUBCASE("a file list that does not add up to the fingerprint")
    {
        p.write("signoff.yaml", name + date + sha + "files:\n  \"essay.md\": " + fp + "\n");
        const Report r = p.check();
        expect(r, "R1.signoff-files", 4, Severity::warning);
        CHECK(met(r, "R1"));
    }
}

TEST_CASE("a stale sign-off names the files changed, added and removed")
{
    PortfolioCopy p;
    const Fingerprint fp = portfolio_fingerprint(p.dir());
    p.write("signoff.yaml", signoff_yaml("Ho Chi Keung", *Date::parse("2026-06-30"), fp.sha256, fp.listing));
    CHECK(met(p.check(), "R1"));
    p.edit("essay.md", "When I began the programme", "When I started the programme");
    p.write("journal/2026-06-29-afterthought.md", "---\ndate: 2026-06-29\n---\n\nA late thought.\n");
    p.remove("presentation/e-portfolio-outline.md");
    const Report r = p.check();
    const Diagnostic* d = find(r, "R1.signoff-stale", "signoff.yaml");
    REQUIRE_MESSAGE(d != nullptr, codes(r));
    CHECK(d->line == 6);
    CHECK(d->message.find("fingerprint " + fp.sha256.substr(0, 12) + ", now ") != std::string::npos);
    CHECK(d->message.find(fp.sha256) == std::string::npos);  // short hashes only
    CHECK(d->message.find("changed: essay.md; added: journal/2026-06-29-afterthought.md; removed: presentation/e-portfolio-outline.md") != std::string::npos);
}

TEST_CASE("a stale sign-off without a file list: the git history says what changed")
{
    GitScratch g;
    g.copy_example("p");
    g.commit("the portfolio", "2026-06-01T10:00:00+00:00");
    const std::string signed_fp = portfolio_fingerprint(g.repo() / "p").sha256;
    g.write("p/signoff.yaml", "name: Ho Chi Keung\ndate: 2026-06-30\nsha256: " + signed_fp + "\n");
    const std::string signed_commit = g.commit("signed", "2026-06-30T10:00:00+00:00");
    g.write("p/essay.md", "---\ntitle: x\n---\n\n# Rewritten\n");
    g.commit("rewritten", "2026-07-02T10:00:00+00:00");
    CheckOptions opt;
    opt.folder = g.repo() / "p";
    opt.as_of = *Date::parse("2026-11-20");
    const Report r = check_portfolio(opt);
    const Diagnostic* d = find(r, "R1.signoff-stale", "signoff.yaml");
    REQUIRE_MESSAGE(d != nullptr, codes(r));
    CHECK(d->message.find("changed: essay.md (since commit " + signed_commit.substr(0, 12) + ", which has the signed fingerprint)") !=
          std::string::npos);

    // Without git there is nothing to compare with, and the message says so.
    opt.git = CheckOptions::Git::off;
    const Report without_git = check_portfolio(opt);
    const Diagnostic* plain = find(without_git, "R1.signoff-stale", "signoff.yaml");
    REQUIRE(plain != nullptr);
    CHECK(plain->message.find("lists no `files:`") != std::string::npos);
}

TEST_CASE("sign_off writes a sign-off that the check accepts, and refuses what it would refuse")
{
    PortfolioCopy p;
    SignoffRequest req;
    req.folder = p.dir();
    req.today = *Date::parse("2026-11-20");
    req.date = *Date::parse("2026-06-30");
    SUBCASE("written, then current")
    {
        const SignoffOutcome out = sign_off(req);
        CHECK(out.status == SignoffOutcome::Status::written);
        CHECK(out.name == "Ho Chi Keung");
        CHECK(out.sha256 == portfolio_fingerprint(p.dir()).sha256);
        const Report r = p.check();
        INFO(codes(r));
        CHECK(r.diagnostics.empty());
        CHECK(met(r, "R1"));
        const std::string before = p.read("signoff.yaml");
        CHECK(sign_off(req).status == SignoffOutcome::Status::already_current);
        req.current = SignoffRequest::Current::replace;
        req.date = *Date::parse("2026-07-01");
        CHECK(sign_off(req).status == SignoffOutcome::Status::written);
        CHECK(p.read("signoff.yaml") != before);
    }
    SUBCASE("an incomplete portfolio is refused unless allowed")
    {
        p.remove("interviews");
        const SignoffOutcome out = sign_off(req);
        CHECK(out.status == SignoffOutcome::Status::incomplete);
        REQUIRE_FALSE(out.unmet.empty());
        CHECK(out.unmet.front().starts_with("R5"));
        CHECK_FALSE(std::filesystem::exists(p.dir() / "signoff.yaml"));
        req.incomplete = SignoffRequest::Incomplete::allow;
        CHECK(sign_off(req).status == SignoffOutcome::Status::written);
    }
    SUBCASE("the candidate's name, a future date")
    {
        req.name = "Leung Ka Yan";
        CHECK_THROWS_AS(sign_off(req), CannotCheck);
        req.name.reset();
        req.date = *Date::parse("2026-11-21");
        CHECK_THROWS_AS(sign_off(req), CannotCheck);
        CHECK_FALSE(std::filesystem::exists(p.dir() / "signoff.yaml"));
    }
}

TEST_CASE("fingerprint_problem and describe_changes")
{
    CHECK_FALSE(fingerprint_problem(std::string(64, 'a')));
    CHECK(fingerprint_problem(std::string(63, 'a'))->starts_with("a 63-character hash"));
    CHECK(fingerprint_problem("")->starts_with("`sha256:` is empty"));
    FileChanges c;
    for (int i = 0; i < 7; ++i) c.changed.push_back("f" + std::to_string(i));
    CHECK(describe_changes(c) == "changed: f0, f1, f2, f3, f4 and 2 more");
}

TEST_CASE("lilo explain knows every sign-off code")
{
    const Programme p = load_programme("lilo-certificate", "");
    for (const char* code : {"R1.signoff-stale", "R1.signoff-invalid", "R1.signoff-name", "R1.signoff-not-mentor", "R1.signoff-date",
                             "R1.signoff-fingerprint", "R1.signoff-files"}) {
        const auto text = explain(p, code, nullptr);
        REQUIRE_MESSAGE(text.has_value(), code);
        CHECK_MESSAGE(text->find(std::string(code) + ": ") != std::string::npos, code);
    }
}
