// JUnit XML: a testsuite per portfolio, a testcase per requirement and criterion.
#include <fmt/format.h>
#include <map>

#include "render/escape.hpp"
#include "render/render.hpp"

namespace lilo {

namespace {
// Control characters other than tab and newline are not allowed in XML 1.0: a space each.
std::string xml(std::string_view s) { return escape_markup(s, {.apostrophe = "&apos;", .control = " ", .keep_carriage_return = false}); }
} // namespace

std::string render_junit(const std::vector<Report>& reports)
{
    std::string body;
    std::size_t all_tests = 0, all_failures = 0;
    for (const auto& r : reports) {
        std::map<std::string, std::vector<const Diagnostic*>> by_owner;
        for (const auto& d : r.diagnostics) by_owner[d.owner()].push_back(&d);
        std::string cases;
        std::size_t tests = 0, failures = 0;
        auto testcase = [&](const std::string& id, const std::string& title, bool ok, const char* failing) {
            ++tests;
            cases += fmt::format("    <testcase classname=\"{}\" name=\"{}\">", xml(r.portfolio), xml(id + " " + title));
            std::string details;
            for (const auto* d : by_owner[id])
                details += fmt::format("{}: {}: {}: {}\n", display_path(r, *d) + (d->line > 0 ? ":" + std::to_string(d->line) : ""),
                                       name_of(d->severity), d->code, d->message);
            if (!ok) {
                ++failures;
                cases += fmt::format("\n      <failure type=\"{}\" message=\"{}\">{}</failure>\n    ", id, xml(id + " " + failing), xml(details));
            } else if (!details.empty()) {
                cases += fmt::format("\n      <system-out>{}</system-out>\n    ", xml(details));
            }
            cases += "</testcase>\n";
        };
        if (!by_owner["P"].empty()) {
            bool ok = true;
            for (const auto* d : by_owner["P"]) ok = ok && d->severity != Severity::error;
            testcase("P", "Portfolio files", ok, "has problems");
        }
        for (const auto& q : r.requirements) testcase(q.id, q.title, q.met, "is unmet");
        for (const auto& c : r.criteria) testcase(c.id, c.title, c.addressed, "is not addressed");
        all_tests += tests;
        all_failures += failures;
        body += fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\" timestamp=\"{}T00:00:00\">\n{}  </testsuite>\n",
                            xml(r.portfolio), tests, failures, xml(r.as_of), cases);
    }
    return fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"lilo check\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">\n{}</testsuites>\n",
                       all_tests, all_failures, body);
}

} // namespace lilo
