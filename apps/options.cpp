#include "options.hpp"

#include <cctype>
#include <cstdlib>
#include <fmt/core.h>

namespace lilo::app {

std::optional<Date> parse_as_of(const std::string& text)
{
    if (text.empty()) return std::nullopt;
    if (auto d = Date::parse(text)) return *d;
    throw CannotCheck("--as-of '" + text + "' is not a date YYYY-MM-DD");
}

void add_submission_options(CLI::App& sub, SubmissionArgs& a, std::string_view what, std::string_view output_help)
{
    const std::string noun(what);
    std::string verb = noun;
    verb[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(verb[0])));
    sub.add_option("folder", a.folder, "Portfolio folder (default: the current folder)");
    sub.add_option("-o,--output", a.output, std::string(output_help));
    sub.add_option("--as-of", a.as_of, fmt::format("Check and date the {} as of this date (YYYY-MM-DD)", noun));
    sub.add_option("--programme", a.programme, "Programme id or file, instead of the portfolio's own");
    sub.add_flag("--allow-incomplete", a.allow_incomplete, fmt::format("{} a portfolio that does not yet meet every requirement", verb));
}

CheckOptions submission_check(const SubmissionArgs& a)
{
    CheckOptions o;
    o.folder = a.folder;
    o.display_name = a.folder;
    if (auto d = parse_as_of(a.as_of)) o.as_of = *d;
    if (!a.programme.empty()) o.programme = a.programme;
    return o;
}

std::optional<long long> source_date_epoch()
{
    const char* sde = std::getenv("SOURCE_DATE_EPOCH");
    if (!sde || !*sde) return std::nullopt;
    char* end = nullptr;
    const long long v = std::strtoll(sde, &end, 10);
    if (*end != '\0' || v < 0) throw CannotCheck(std::string("SOURCE_DATE_EPOCH '") + sde + "' is not a number of seconds");
    return v;
}

} // namespace lilo::app
