// lilo count's engine call (lib/count.hpp): the rules in force and where
// each comes from, a programme's document counted by its own rules, and the
// files that cannot be counted.
#include <doctest/doctest.h>

#include <sstream>

#include "count.hpp"
#include "markdown/document.hpp"
#include "portfolio_copy.hpp"

using namespace lilo;
using namespace lilo::test;

namespace {

std::string example(const std::string& rel) { return LILO_SOURCE_DIR "/examples/" + rel; }

std::string message_of(const CountRequest& request)
{
    try {
        count_files(request);
    } catch (const CannotCheck& e) {
        return e.what();
    }
    return "";
}

const std::string& origin(const CountResult& r, Category c) { return r.in_force.origin[static_cast<std::size_t>(c)]; }

} // namespace

TEST_CASE("count: the programme's thesis is counted by the thesis's rules, and said so")
{
    CountRequest q;
    q.programme = "mphil-elsi";
    q.files = {example("mphil/thesis/thesis.md"), example("mphil/essays/essay-1.md")};
    const CountResult r = count_files(q);
    REQUIRE(r.problems.empty());
    REQUIRE(r.report.files.size() == 2);
    const FileCount& thesis = r.report.files[0];
    REQUIRE(thesis.rules);
    CHECK(thesis.rules_from == "R2 (Thesis) of programme mphil-elsi");
    CHECK_FALSE(thesis.rules->counts(Category::footnotes));
    CHECK(r.report.rules.counts(Category::footnotes));
    CHECK(thesis.doc->totals.words(r.report.rules_for(thesis)) == 8326);  // tests/cases/count-thesis-own-rules
    CHECK_FALSE(r.report.files[1].rules);                               // an essay: the programme's rules
    REQUIRE(r.own_rules.size() == 1);
    CHECK(r.own_rules[0].file == q.files[0]);
    CHECK(render_count_rules(r).find(q.files[0] + ": footnotes not counted (rules of its own, from R2 (Thesis) of programme mphil-elsi)\n") !=
          std::string::npos);
    CHECK(render_count_text(r.report).find("total: 14,557 words in 2 files\n") != std::string::npos);

    // --include on top of the thesis's rules: the file is then counted as the rest are.
    q.include = {"footnotes"};
    const CountResult same = count_files(q);
    CHECK(same.own_rules.empty());
    CHECK_FALSE(same.report.files[0].rules);
}

TEST_CASE("count: where each rule in force comes from")
{
    const PortfolioCopy p("mphil");
    p.write("centre.yaml", "extends: mphil-elsi\nid: centre\ntitle: Centre\nword_count: {exclude: [headings], include: [tables], cjk: none}\n");
    CountRequest q;
    q.programme = (p.dir() / "centre.yaml").string();
    q.rules = true;
    const CountResult r = count_files(q);
    CHECK(origin(r, Category::headings) == "programme centre");
    CHECK(origin(r, Category::tables) == "programme centre");
    CHECK(origin(r, Category::body) == "default");
    CHECK(r.in_force.cjk_origin == "programme centre");
    CHECK(r.in_force.rules.cjk == CjkMode::none);
    CHECK(r.report.files.empty());  // --rules without files: no error

    // --include, --exclude and --cjk win over the programme's, and say so.
    q.include = {"headings, captions"};
    q.exclude = {"tables"};
    q.cjk = "characters";
    const CountResult over = count_files(q);
    CHECK(origin(over, Category::headings) == "--include");
    CHECK(origin(over, Category::captions) == "--include");
    CHECK(origin(over, Category::tables) == "--exclude");
    CHECK(over.in_force.cjk_origin == "--cjk");
    CHECK(over.in_force.rules.counts(Category::headings));
    CHECK_FALSE(over.in_force.rules.counts(Category::tables));
    CHECK(render_count_rules(over).find("headings      counted      (--include)\n") != std::string::npos);
    CHECK(render_count_rules(over).find("cjk           characters   (--cjk)\n") != std::string::npos);
}

TEST_CASE("count: options that are wrong are CannotCheck")
{
    CountRequest q;
    q.files = {example("certificate/essay.md")};
    q.include = {"tables,figures"};
    CHECK(message_of(q).starts_with("--include 'figures': no such category (categories: body, headings,"));
    q.include.clear();
    q.limit = "lots";
    CHECK(message_of(q) == "--limit 'lots': write 1000~10%, 6000-6500, max:20000 or min:150");
    q.limit.clear();
    q.programme = "no-such-programme";
    CHECK_FALSE(message_of(q).empty());
    q.programme.clear();
    q.files.clear();
    CHECK(message_of(q) == "count: name at least one file ('-' for standard input)");
}

TEST_CASE("count: standard input, declared words, a limit, and files that cannot be read")
{
    std::istringstream in("---\ndeclared_words: 1,000\n---\nfour words of text\n");
    CountRequest q;
    q.files = {"-", LILO_SOURCE_DIR "/no/such/file.md"};
    q.limit = "max:3";
    q.standard_input = &in;
    const CountResult r = count_files(q);
    REQUIRE(r.report.files.size() == 1);
    CHECK(r.report.files[0].name == "<stdin>");
    CHECK(r.report.files[0].declared == std::optional<std::uint64_t>(1000));
    CHECK_FALSE(r.within_limit());
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].kind == CountProblem::Kind::unreadable);
    CHECK(r.problems[0].message.starts_with(q.files[1] + ": "));
    CHECK_FALSE(r.cannot_count());  // the others are still counted
    CHECK(render_count_text(r.report).find("  error: ") != std::string::npos);
    CHECK(render_count_json(r.report).ends_with("}\n"));

    // The only file asked for, unreadable: nothing to report.
    q.files = {q.files[1]};
    const CountResult alone = count_files(q);
    CHECK(alone.cannot_count());
    CHECK(alone.report.files.empty());
}
