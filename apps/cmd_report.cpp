// lilo report merge FILE.jsonl...: the reports of shards (several machines,
// GNU parallel, a CI matrix) as one cohort: the matrix, and --csv, --jsonl or
// --html of them all.
#include <algorithm>
#include <fmt/core.h>
#include <fstream>
#include <map>
#include <memory>

#include "check.hpp"
#include "cohort_output.hpp"
#include "commands.hpp"
#include "text/utf8.hpp"

namespace lilo::app {

Runner setup_report(CLI::App& sub)
{
    sub.require_subcommand(1);
    auto files = std::make_shared<std::vector<std::string>>();
    auto out = std::make_shared<CohortOutputArgs>();
    auto* merge = sub.add_subcommand("merge", "Merge JSON Lines reports (from lilo batch --jsonl) into one cohort");
    merge->add_option("files", *files, "JSON Lines files; - reads standard input")->required();
    add_cohort_output_options(*merge, *out);
    return [files, out]() -> int {
        // Ordered by portfolio, as lilo batch orders them; a portfolio in
        // several shards counts once, from the last file that has it.
        std::map<std::string, nlohmann::json> by_portfolio;
        std::string as_of;
        for (const auto& name : *files) {
            std::ifstream file;
            if (name != "-") {
                file.open(name, std::ios::binary);
                if (!file) throw CannotCheck(name + ": cannot read");
            }
            std::istream& in = name == "-" ? std::cin : file;
            std::string line;
            int number = 0;
            while (std::getline(in, line)) {
                ++number;
                if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
                if (find_invalid_utf8(line)) throw CannotCheck(name + ":" + std::to_string(number) + ": not UTF-8 text");
                auto j = nlohmann::json::parse(line, nullptr, false);
                if (j.is_discarded() || !j.is_object() || !j.contains("portfolio") || !j["portfolio"].is_string() || !j.contains("status"))
                    throw CannotCheck(name + ":" + std::to_string(number) + ": not a lilo report (one JSON object per line, from lilo batch --jsonl)");
                if (j.contains("as_of") && j["as_of"].is_string()) as_of = std::max(as_of, j["as_of"].get<std::string>());
                const std::string key = j["portfolio"].get<std::string>();
                by_portfolio[key] = std::move(j);
            }
        }
        CohortWriter writer(*out);
        for (auto& [portfolio, report] : by_portfolio) writer.add(report);
        return writer.finish(as_of);
    };
}

} // namespace lilo::app
