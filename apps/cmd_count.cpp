// lilo count FILE...: words as spec §4 counts them, every category shown.
#include <fmt/core.h>
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "core/cannot_check.hpp"
#include "count.hpp"

namespace lilo::app {

namespace {

struct CountArgs {
    CountRequest request;
    std::string format = "text";
};

} // namespace

Runner setup_count(CLI::App& sub)
{
    auto a = std::make_shared<CountArgs>();
    CountRequest& r = a->request;
    sub.add_option("files", r.files, "Markdown, Word (.docx) or OpenDocument (.odt) files ('-' for standard input)");
    sub.add_flag("--by-section", r.by_section, "Show the words under each heading");
    // Each occurrence of --include/--exclude is one word: it never takes the file names after it.
    sub.add_option("--include", r.include, "Also count these categories: tables, captions, references, appendices, code, …")
        ->expected(1)->allow_extra_args(false)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    sub.add_option("--exclude", r.exclude, "Do not count these categories: headings, footnotes, citations, …")
        ->expected(1)->allow_extra_args(false)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    sub.add_option("--cjk", r.cjk, "CJK text: 'characters' (each character a word) or 'none' (by spaces)")->check(CLI::IsMember({"characters", "none"}));
    sub.add_option("--limit", r.limit, "Exit 1 outside a limit: 1000~10%, 6000-6500, max:20000, min:150");
    sub.add_option("--format", a->format, "Output format: text or json")->check(CLI::IsMember({"text", "json"}));
    sub.add_option("--programme", r.programme, "Take word-count rules from this programme (id or file)");
    sub.add_flag("--rules", r.rules, "Print the rules in force and where each comes from");
    return [a]() -> int {
        CountRequest request = a->request;
        request.standard_input = &std::cin;
        const CountResult result = count_files(request);
        if (request.rules) fmt::print("{}", render_count_rules(result));
        if (request.files.empty()) return exit_ok;
        // One file that cannot be read does not stop the others being counted;
        // the only one asked for is lilo count's error.
        if (result.cannot_count()) throw CannotCheck(result.problems.front().message);
        for (const auto& p : result.problems) fmt::print(stderr, "lilo: error: {}\n", p.message);
        int code = exit_ok;
        // A document that is not one (a zip bomb named .docx): bad input found, exit 1.
        if (!result.within_limit() || result.has(CountProblem::Kind::bad_document)) code = exit_unmet;
        if (result.has(CountProblem::Kind::unreadable)) code = exit_cannot_check;
        fmt::print("{}", a->format == "json" ? render_count_json(result.report) : render_count_text(result.report));
        return code;
    };
}

} // namespace lilo::app
