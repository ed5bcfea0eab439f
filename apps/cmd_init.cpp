// lilo init [DIR] [--programme ID]: a new portfolio that a candidate can start
// writing in at once. Never overwrites a file that exists.
#include <cctype>
#include <filesystem>
#include <fmt/core.h>
#include <memory>

#include "check.hpp"
#include "commands.hpp"
#include "programme/programme.hpp"
#include "scaffold/scaffold.hpp"

namespace fs = std::filesystem;

namespace lilo::app {

namespace {

// A path as the modeline can carry it: as it is, or as a file: URL when it
// holds a space or another character that would end or change the URL.
std::string modeline_path(const std::string& path)
{
    bool plain = true;
    for (const char c : path)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || std::string_view("/._-~+").find(c) != std::string_view::npos)) plain = false;
    if (plain) return path;
    std::string url = "file://";
    for (const char c : path) {
        if (std::isalnum(static_cast<unsigned char>(c)) || std::string_view("/._-~").find(c) != std::string_view::npos) url += c;
        else url += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    }
    return url;
}

// Where portfolio.yaml's modeline points: the schema installed beside this
// executable (<prefix>/share/lilo/schemas), else the source tree's schemas/
// when run from a build folder (<source>/<build>/apps/lilo), else the
// schema's public address.
std::string installed_schema_url()
{
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec && !exe.empty()) {
        const fs::path dir = exe.parent_path();
        for (const char* rel : {"../share/lilo/schemas/portfolio.schema.json", "../../schemas/portfolio.schema.json"}) {
            const fs::path p = (dir / rel).lexically_normal();
            if (fs::is_regular_file(p, ec)) return modeline_path(p.string());
        }
    }
    return "https://lilo.example/schemas/portfolio.schema.json";
}

} // namespace

Runner setup_init(CLI::App& sub)
{
    auto folder = std::make_shared<std::string>(".");
    auto programme = std::make_shared<std::string>("lilo-certificate");
    sub.add_option("folder", *folder, "Where to start the portfolio (default: the current folder)");
    sub.add_option("--programme", *programme, "Programme id (built-in) or programme file (default: lilo-certificate)");
    return [folder, programme]() -> int {
        ScaffoldOptions opt;
        opt.programme = *programme;
        opt.schema_url = installed_schema_url();
        // A programme that does not load, or a file that cannot be written: main's catch says which.
        const ScaffoldResult result = write_scaffold(*folder, opt);
        for (const auto& f : result.written) fmt::print("  created {}\n", f);
        for (const auto& f : result.kept) fmt::print("  kept {} (exists)\n", f);
        if (result.written.empty()) fmt::print("Nothing new to write: every file is there already.\n");
        const std::string where = *folder == "." || *folder == "./" ? "this folder" : *folder;
        fmt::print("Next: fill in portfolio.yaml, then run `lilo check` in {}.\n", where);
        return exit_ok;
    };
}

} // namespace lilo::app
