// lilo explain [ID]: what a requirement, criterion or code means, and how to fix it.
#include <filesystem>
#include <fmt/core.h>
#include <memory>

#include "check.hpp"
#include "commands.hpp"
#include "options.hpp"
#include "rules/explain.hpp"
#include "programme/programme.hpp"

namespace lilo::app {

Runner setup_explain(CLI::App& sub)
{
    auto id = std::make_shared<std::string>();
    auto folder = std::make_shared<std::string>(".");
    auto programme = std::make_shared<std::string>();
    auto as_of = std::make_shared<std::string>();
    auto ids = std::make_shared<bool>(false);
    sub.add_option("id", *id, "R2, C6 or a diagnostic code such as R2.gap (default: everything, with its status)");
    CLI::Option* folder_given = sub.add_option("-C,--folder", *folder, "The portfolio to explain against (default: the current folder)");
    sub.add_option("--programme", *programme, "Programme id or file (default: the portfolio's, else lilo-certificate)");
    sub.add_option("--as-of", *as_of, "Status as of this date (YYYY-MM-DD)");
    sub.add_flag("--ids", *ids, "Print every id and code explained, one per line (for shell completion)");
    return [id, folder, programme, as_of, ids, folder_given]() -> int {
        // The programme in force, chosen and confined as the check chooses it
        // (--programme, else portfolio.yaml's, else lilo-certificate); and the
        // folder's check, when it is a portfolio, for the status lines. A
        // folder named with -C must be a portfolio; the current one need not
        // be (the programme is then explained alone).
        const auto date = parse_as_of(*as_of);
        std::optional<Report> report;
        std::optional<Programme> prog;
        std::error_code ec;
        const bool portfolio = std::filesystem::exists(std::filesystem::path(*folder) / "portfolio.yaml", ec);
        if (!portfolio && folder_given->count() > 0)
            throw CannotCheck("'" + *folder + "' is not a portfolio: it has no portfolio.yaml (without -C, lilo explain explains the programme alone)");
        if (portfolio) {
            CheckOptions opt;
            opt.folder = *folder;
            opt.display_name = *folder;
            if (!programme->empty()) opt.programme = *programme;
            if (date) opt.as_of = *date;
            if (!*ids) report = check_portfolio(opt);
            prog = programme_for_check(opt);
        } else {
            prog = load_programme(programme->empty() ? "lilo-certificate" : *programme, "");
        }
        if (*ids) {
            for (const auto& i : explain_ids(*prog)) fmt::print("{}\n", i);
            return exit_ok;
        }
        const Report* r = report ? &*report : nullptr;
        if (id->empty()) {
            fmt::print("{}", explain_overview(*prog, r));
            return exit_ok;
        }
        const auto text = explain(*prog, *id, r);
        if (!text) throw CannotCheck("'" + *id + "': no such requirement, criterion or code in " + prog->id + " (try `lilo explain`)");
        fmt::print("{}", *text);
        return exit_ok;
    };
}

} // namespace lilo::app
