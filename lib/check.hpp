#pragma once
// lilo check: one portfolio folder in, one report out. Prints nothing.
#include <filesystem>
#include <optional>
#include <string>

#include "core/cannot_check.hpp"
#include "core/date.hpp"
#include "core/report.hpp"
#include "core/version.hpp"

namespace lilo {

struct CheckOptions {
    std::filesystem::path folder;
    std::string display_name;              // how the folder is named in the report
    std::optional<std::string> programme;  // --programme: an id or a path (relative to the current folder)
    Date as_of = Date::today();
    // The git history (a portfolio in a git work tree): `automatic` uses it
    // when there is one, `on` requires it, `off` ignores it.
    enum class Git { automatic, on, off } git = Git::automatic;
    // Diagnostics only for files changed since this revision (a pull
    // request's base); requirement status still over the whole portfolio.
    std::optional<std::string> changed_since;
    // Check the files as a bundle carries them (no init guides or files left
    // out, Markdown without its HTML comments): the bundle's own report, which
    // `lilo verify` repeats on the bag.
    bool as_submitted = false;
};

Report check_portfolio(const CheckOptions& options);

class PortfolioFs;
// The same over any portfolio's files (a bundle read in place); `options.folder` is not used.
struct PortfolioHistory;
Report check_portfolio(const PortfolioFs& files, const CheckOptions& options, const PortfolioHistory* history = nullptr);

// The programme a check of `options.folder` is held to, chosen and confined
// exactly as check_portfolio chooses it (--programme, else portfolio.yaml's,
// else lilo-certificate). Throws CannotCheck as check_portfolio would.
struct Programme;
Programme programme_for_check(const CheckOptions& options);

} // namespace lilo
