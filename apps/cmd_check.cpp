// lilo check [DIR...]: validate portfolios; exit 0 complete, 1 incomplete, 2 could not check.
#include <cstdio>
#include <fmt/core.h>
#include <memory>
#include <unistd.h>

#include "check.hpp"
#include "commands.hpp"
#include "render.hpp"

namespace lilo::app {

namespace {
struct CheckArgs {
    std::vector<std::string> folders;
    std::string format = "text";
    std::string as_of;
    std::string programme;
    std::string colour = "auto";
    bool strict = false;
    bool quiet = false;
};

Date parse_as_of(const std::string& s)
{
    if (s.empty()) return Date::today();
    if (auto d = Date::parse(s)) return *d;
    throw CannotCheck("--as-of '" + s + "' is not a date YYYY-MM-DD");
}
} // namespace

Runner setup_check(CLI::App& sub)
{
    auto args = std::make_shared<CheckArgs>();
    sub.add_option("folders", args->folders, "Portfolio folders (default: the current folder)");
    sub.add_option("--format", args->format, "Output format: text or json")->check(CLI::IsMember({"text", "json"}));
    sub.add_option("--as-of", args->as_of, "Check as of this date (YYYY-MM-DD) instead of today");
    sub.add_option("--programme", args->programme, "Programme id or file, instead of the portfolio's own");
    sub.add_option("--color", args->colour, "Colour: auto, always or never")->check(CLI::IsMember({"auto", "always", "never"}));
    sub.add_flag("--strict", args->strict, "Treat warnings as failures (exit 1)");
    sub.add_flag("-q,--quiet", args->quiet, "Print only errors and the result line");
    return [args]() -> int {
        const Date as_of = parse_as_of(args->as_of);
        std::vector<std::string> folders = args->folders.empty() ? std::vector<std::string>{"."} : args->folders;
        std::vector<Report> reports;
        bool could_not = false;
        for (const auto& f : folders) {
            CheckOptions opt;
            opt.folder = f;
            opt.display_name = f;
            if (!args->programme.empty()) opt.programme = args->programme;
            opt.as_of = as_of;
            try {
                reports.push_back(check_portfolio(opt));
            } catch (const CannotCheck& e) {
                // One folder that cannot be checked does not hide the others' reports.
                if (folders.size() == 1) throw;
                fmt::print(stderr, "lilo: error: {}\n", e.what());
                could_not = true;
            }
        }
        int code = exit_ok;
        for (const auto& r : reports) {
            if (!r.complete()) code = exit_unmet;
            if (args->strict && r.count(Severity::warning) > 0) code = exit_unmet;
        }
        if (args->format == "json") {
            if (folders.size() == 1) {
                fmt::print("{}\n", to_json(reports.front(), lilo_version).dump(2));
            } else {
                nlohmann::json all = nlohmann::json::array();
                for (const auto& r : reports) all.push_back(to_json(r, lilo_version));
                fmt::print("{}\n", all.dump(2));
            }
        } else {
            TextStyle style{use_colour(STDOUT_FILENO, args->colour), args->quiet, args->strict};
            bool first = true;
            for (const auto& r : reports) {
                fmt::print("{}{}", first ? "" : "\n", render_text(r, style));
                first = false;
            }
        }
        std::fflush(stdout);
        return could_not ? exit_cannot_check : code;
    };
}

bool use_colour(int fd, std::string_view mode)
{
    if (mode == "always") return true;
    if (mode == "never") return false;
    const char* no = std::getenv("NO_COLOR");
    if (no && *no) return false;
    const char* ci = std::getenv("CI");
    if (ci && std::string_view(ci) == "true") return false;
    return isatty(fd) != 0;
}

} // namespace lilo::app
