#include <doctest/doctest.h>

#include "portfolio_copy.hpp"
#include "render/render.hpp"

using namespace lilo;
using namespace lilo::test;

TEST_CASE("workflow-command escaping")
{
    CHECK(github_escape_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b");
    CHECK(github_escape_property("a%b:c,d\ne") == "a%25b%3Ac%2Cd%0Ae");
}

TEST_CASE("github annotations: errors first, ten of each kind, then how many were left out")
{
    PortfolioCopy p("certificate-incomplete");
    const Report r = p.check();
    const std::string out = render_github({r}, 3);
    CHECK(out.starts_with("::error "));
    std::size_t errors = 0, pos = 0;
    while ((pos = out.find("::error ", pos)) != std::string::npos) { ++errors; ++pos; }
    CHECK(errors == 3);
    CHECK(out.find("::notice title=lilo::" + std::to_string(r.count(Severity::error) - 3) + " more errors") != std::string::npos);
}

TEST_CASE("github annotations, errors only (check --quiet): no warnings or notices, and the closing line counts errors alone")
{
    PortfolioCopy p("certificate-incomplete");
    const Report r = p.check();
    REQUIRE(r.count(Severity::warning) > 0);
    const std::string all = render_github({r}, 100);
    CHECK(all.find("::warning ") != std::string::npos);
    const std::string out = render_github({r}, 3, true);
    CHECK(out.find("::warning ") == std::string::npos);
    CHECK(out.find("::notice file=") == std::string::npos);
    CHECK(out.find("::notice title=lilo::" + std::to_string(r.count(Severity::error) - 3) +
                   " more errors not shown as annotations (GitHub shows 10); run lilo check for all\n") != std::string::npos);
    CHECK(out.find("more warnings") == std::string::npos);
}

TEST_CASE("JUnit: a testcase per requirement and criterion, a failure per unmet one")
{
    PortfolioCopy p("certificate-incomplete");
    const std::string xml = render_junit({p.check()});
    CHECK(xml.find("<testsuite name=") != std::string::npos);
    CHECK(xml.find("tests=\"16\" failures=\"12\"") != std::string::npos);
}
