// lilo fingerprint [DIR]: the SHA-256 a mentor records in signoff.yaml.
#include <fmt/core.h>
#include <memory>

#include "check.hpp"
#include "commands.hpp"
#include "portfolio/fingerprint.hpp"

namespace lilo::app {

Runner setup_fingerprint(CLI::App& sub)
{
    auto folder = std::make_shared<std::string>(".");
    auto list = std::make_shared<bool>(false);
    sub.add_option("folder", *folder, "Portfolio folder (default: the current folder)");
    sub.add_flag("--list", *list, "Also print the per-file lines that are hashed");
    return [folder, list]() -> int {
        std::error_code ec;
        if (!std::filesystem::is_directory(*folder, ec)) throw CannotCheck(*folder + ": no such folder");
        if (!std::filesystem::exists(std::filesystem::path(*folder) / "portfolio.yaml", ec))
            throw CannotCheck(*folder + ": no portfolio.yaml here; is this a portfolio folder?");
        const Fingerprint fp = portfolio_fingerprint(*folder);
        for (const auto& r : fp.refused) fmt::print(stderr, "lilo: warning: {}: {}; not in the fingerprint\n", r.rel, r.reason);
        if (*list) fmt::print("{}", fp.listing);
        fmt::print("{}\n", fp.sha256);
        return exit_ok;
    };
}

} // namespace lilo::app
