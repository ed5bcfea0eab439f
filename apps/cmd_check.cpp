// lilo check [DIR...]: validate portfolios; exit 0 complete, 1 incomplete, 2 could not check.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fmt/core.h>
#include <memory>
#include <unistd.h>

#include "core/dump_json.hpp"
#include "git/repo.hpp"
#include "check.hpp"
#include "commands.hpp"
#include "options.hpp"
#include "render/render.hpp"

namespace lilo::app {

namespace {
struct CheckArgs {
    std::vector<std::string> folders;
    std::vector<std::string> formats;
    std::string as_of;
    std::string programme;
    std::string colour = "auto";
    bool strict = false;
    bool quiet = false;
    bool git = false;
    bool no_git = false;
    std::string changed_since;
};

// What SARIF's locations are relative to: the git work tree lilo runs in
// (code scanning resolves paths against the repository), else the
// current folder.
std::filesystem::path sarif_root()
{
    const auto here = std::filesystem::current_path();
    try {
        if (auto repo = git::Repository::discover(here)) return repo->workdir();
    } catch (const git::Error&) {
        // Not a repository lilo may open: the current folder.
    }
    return here;
}
} // namespace

Runner setup_check(CLI::App& sub)
{
    auto args = std::make_shared<CheckArgs>();
    sub.add_option("folders", args->folders, "Portfolio folders (default: the current folder)");
    sub.add_option("--format", args->formats,
                   "Output format: text, json, github, junit, sarif or markdown; FORMAT=FILE writes to a file; repeatable")
        ->expected(1)->allow_extra_args(false)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    sub.add_option("--as-of", args->as_of, "Check as of this date (YYYY-MM-DD) instead of today");
    sub.add_option("--programme", args->programme, "Programme id or file, instead of the portfolio's own");
    sub.add_option("--color", args->colour, "Colour: auto, always or never")->check(CLI::IsMember({"auto", "always", "never"}));
    sub.add_flag("--strict", args->strict, "Treat warnings as failures (exit 1)");
    sub.add_flag("-q,--quiet", args->quiet, "Print only errors and the result line");
    auto* git = sub.add_flag("--git", args->git, "Require a git work tree and use its history (default: used when there is one)");
    sub.add_flag("--no-git", args->no_git, "Ignore the git history even in a work tree")->excludes(git);
    sub.add_option("--changed-since", args->changed_since, "Show findings only for files changed since REV (a pull request's base); status stays whole");
    return [args]() -> int {
        const Date as_of = parse_as_of(args->as_of).value_or(Date::today());
        // Bad format names are refused before any work is done.
        for (const auto& f : args->formats) {
            const std::string name = f.substr(0, f.find('='));
            if (name != "text" && name != "json" && name != "github" && name != "junit" && name != "sarif" && name != "markdown")
                throw CannotCheck("--format '" + name + "': text, json, github, junit, sarif or markdown (see 'lilo check --help')");
        }
        std::vector<std::string> folders = args->folders.empty() ? std::vector<std::string>{"."} : args->folders;
        std::vector<Report> reports;
        bool could_not = false;
        for (const auto& f : folders) {
            CheckOptions opt;
            opt.folder = f;
            opt.display_name = f;
            if (!args->programme.empty()) opt.programme = args->programme;
            opt.as_of = as_of;
            opt.git = args->no_git ? CheckOptions::Git::off : args->git ? CheckOptions::Git::on : CheckOptions::Git::automatic;
            if (!args->changed_since.empty()) {
                if (args->no_git) throw CannotCheck("--changed-since needs the git history; drop --no-git");
                opt.changed_since = args->changed_since;
            }
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
        // Each --format NAME[=FILE]: to standard output, or written to FILE.
        std::vector<std::pair<std::string, std::string>> outputs;
        for (const auto& f : args->formats.empty() ? std::vector<std::string>{"text"} : args->formats) {
            const auto eq = f.find('=');
            outputs.emplace_back(f.substr(0, eq), eq == std::string::npos ? "" : f.substr(eq + 1));
        }
        // Under GitHub Actions, plain text output also annotates the files.
        const char* gha = std::getenv("GITHUB_ACTIONS");
        if (gha && std::string_view(gha) == "true" && args->formats.empty()) outputs.emplace_back("github", "");
        for (const auto& [name, file] : outputs) {
            std::string text;
            if (name == "text") {
                TextStyle style{file.empty() && use_colour(STDOUT_FILENO, args->colour), args->quiet, args->strict};
                for (std::size_t i = 0; i < reports.size(); ++i) text += (i ? "\n" : "") + render_text(reports[i], style);
            } else if (name == "json") {
                if (folders.size() == 1 && reports.size() == 1) {
                    text = dump_json(to_json(reports.front(), lilo_version), 2) + "\n";
                } else {
                    nlohmann::json all = nlohmann::json::array();
                    for (const auto& r : reports) all.push_back(to_json(r, lilo_version));
                    text = dump_json(all, 2) + "\n";
                }
            } else if (name == "github") {
                // The annotations that come with the text report follow its --quiet.
                text = render_github(reports, 10, args->quiet && args->formats.empty());
                if (const char* summary = std::getenv("GITHUB_STEP_SUMMARY"); summary && *summary && file.empty()) {
                    std::FILE* s = std::fopen(summary, "a");
                    if (s) { std::fputs(render_markdown(reports).c_str(), s); std::fclose(s); }
                }
            } else if (name == "junit") {
                text = render_junit(reports);
            } else if (name == "sarif") {
                text = dump_json(render_sarif(reports, sarif_root()), 2) + "\n";
            } else if (name == "markdown") {
                text = render_markdown(reports);
            } else {
                throw CannotCheck("--format '" + name + "': text, json, github, junit, sarif or markdown (see 'lilo check --help')");
            }
            if (file.empty()) {
                fmt::print("{}", text);
            } else {
                std::FILE* out = std::fopen(file.c_str(), "w");
                if (!out) throw CannotCheck(file + ": cannot write the " + name + " report: " + std::strerror(errno));
                std::fputs(text.c_str(), out);
                if (std::fclose(out) != 0) throw CannotCheck(file + ": cannot write the " + name + " report");
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
