#pragma once
// Options that several subcommands share, read one way: the same words in
// --help, the same message for a bad value.
#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "check.hpp"

namespace lilo::app {

// --as-of: "" (not given) is nullopt; a date that is not YYYY-MM-DD is CannotCheck.
std::optional<Date> parse_as_of(const std::string& text);

// What bundle and export both take: the folder, -o, --as-of, --programme, --allow-incomplete.
struct SubmissionArgs {
    std::string folder = ".";
    std::string output;
    std::string as_of;
    std::string programme;
    bool allow_incomplete = false;
};
// `what` names the result in the help ("bundle", "export"); `output_help` says what -o is.
void add_submission_options(CLI::App& sub, SubmissionArgs& args, std::string_view what, std::string_view output_help);
// The check the submission is made from.
CheckOptions submission_check(const SubmissionArgs& args);

// SOURCE_DATE_EPOCH (reproducible builds): nullopt when unset or empty;
// CannotCheck when it is not a whole number of seconds.
std::optional<long long> source_date_epoch();

} // namespace lilo::app
