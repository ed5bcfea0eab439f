#pragma once
// The subcommands: each file cmd_<name>.cpp sets up its options on CLI11
// and returns the function that runs it, which returns the exit code.
#include <CLI/CLI.hpp>
#include <functional>
#include <string_view>

namespace lilo::app {

// Exit codes (spec §5).
enum ExitCode : int { exit_ok = 0, exit_unmet = 1, exit_cannot_check = 2 };

using Runner = std::function<int()>;

struct Command {
    std::string_view name;
    std::string_view summary;
    Runner (*setup)(CLI::App& sub);
};

Runner setup_check(CLI::App& sub);
Runner setup_count(CLI::App& sub);
Runner setup_fingerprint(CLI::App& sub);
Runner setup_bundle(CLI::App& sub);
Runner setup_verify(CLI::App& sub);
Runner setup_init(CLI::App& sub);
Runner setup_explain(CLI::App& sub);
Runner setup_programme(CLI::App& sub);
Runner setup_batch(CLI::App& sub);
Runner setup_report(CLI::App& sub);
Runner setup_serve(CLI::App& sub);
Runner setup_lsp(CLI::App& sub);

inline constexpr Command commands[] = {
    {"init", "Start a new portfolio that you can write in at once", setup_init},
    {"check", "Check portfolios against their programme's requirements", setup_check},
    {"explain", "Explain a requirement, criterion or code, and how to fix it", setup_explain},
    {"count", "Count words as an examiner would", setup_count},
    {"serve", "Show the portfolio's check in a browser, updated as you save", setup_serve},
    {"bundle", "Write the submission bundle: a zipped BagIt bag", setup_bundle},
    {"verify", "Verify a bundle: manifests, hashes, and the check again", setup_verify},
    {"fingerprint", "Print the portfolio's fingerprint for a mentor's sign-off", setup_fingerprint},
    {"batch", "Check a whole cohort: folders of portfolios or bundles, side by side", setup_batch},
    {"report", "Merge cohort reports from several runs (lilo report merge)", setup_report},
    {"programme", "Validate, show or list programmes (a centre's own requirements)", setup_programme},
    {"lsp", "Language server for editors: diagnostics, counts and fixes as you type", setup_lsp},
};

// Whether to colour output written to `fd`: a terminal, NO_COLOR unset and CI not true.
bool use_colour(int fd, std::string_view mode);

} // namespace lilo::app
