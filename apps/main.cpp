// lilo: the command line. Parses arguments, runs one subcommand, and maps
// everything to an exit code in one place.
#include <algorithm>
#include <cstdlib>
#include <fmt/core.h>
#include <fmt/ranges.h>
#include <unistd.h>

#include "check.hpp"
#include "commands.hpp"
#include "programme/programme.hpp"
#include "text/near.hpp"

namespace {

std::vector<std::string> option_names(const CLI::App& app)
{
    std::vector<std::string> out;
    for (const auto* opt : app.get_options()) {
        for (const auto& l : opt->get_lnames()) out.push_back("--" + l);
        for (const auto& s : opt->get_snames()) out.push_back("-" + s);
    }
    return out;
}

std::string suggestion(const CLI::App& app, const CLI::App* sub, const std::vector<std::string>& extras)
{
    for (const auto& word : extras) {
        if (word.starts_with("-")) {
            const std::string key = word.substr(0, word.find('='));
            const std::string best = lilo::closest(key, option_names(sub ? *sub : app));
            if (!best.empty()) return fmt::format("unknown option '{}'; did you mean '{}'?", key, best);
            return fmt::format("unknown option '{}'", key);
        }
        if (sub) return fmt::format("unexpected argument '{}'", word);
        if (!sub) {
            // The commands table is the one list of commands.
            std::vector<std::string> names;
            for (const auto& c : lilo::app::commands) names.emplace_back(c.name);
            const std::string best = lilo::closest(word, names);
            if (!best.empty()) return fmt::format("unknown command '{}'; did you mean '{}'?", word, best);
            return fmt::format("unknown command '{}' (commands: {})", word, fmt::join(names, ", "));
        }
    }
    return {};
}

} // namespace

int main(int argc, char** argv)
{
    CLI::App app{"lilo: assemble and check LILO professional-development portfolios"};
    app.set_version_flag("--version", std::string("lilo ") + std::string(lilo::lilo_version));
    app.require_subcommand(1);
    app.allow_extras(false);
    std::vector<std::pair<CLI::App*, lilo::app::Runner>> runners;
    for (const auto& c : lilo::app::commands) {
        CLI::App* sub = app.add_subcommand(std::string(c.name), std::string(c.summary));
        runners.emplace_back(sub, c.setup(*sub));
    }
    try {
        try {
            app.parse(argc, argv);
        } catch (const CLI::CallForHelp& e) {
            return app.exit(e);
        } catch (const CLI::CallForAllHelp& e) {
            return app.exit(e);
        } catch (const CLI::CallForVersion& e) {
            return app.exit(e);
        } catch (const CLI::ExtrasError& e) {
            const CLI::App* sub = nullptr;
            for (const auto& [s, r] : runners) if (s->parsed()) sub = s;
            std::vector<std::string> extras = sub ? sub->remaining() : app.remaining();
            if (extras.empty()) extras = app.remaining();
            std::string msg = suggestion(app, sub, extras);
            fmt::print(stderr, "lilo: error: {}\nRun 'lilo {}--help' for usage.\n", msg.empty() ? e.what() : msg,
                       sub ? sub->get_name() + " " : "");
            return lilo::app::exit_cannot_check;
        } catch (const CLI::ParseError& e) {
            std::string msg = e.what();
            if (e.get_name() == "RequiredError" && msg.find("subcommand") != std::string::npos) {
                // The level that lacks its command: lilo itself, or `lilo programme`, `lilo report`.
                const CLI::App* level = &app;
                for (const auto& [sub, run] : runners)
                    if (sub->parsed()) level = sub;
                std::string names;
                for (const auto* s : level->get_subcommands({})) names += (names.empty() ? "" : ", ") + s->get_name();
                const std::string typo = suggestion(app, nullptr, app.remaining());
                msg = !typo.empty() ? typo
                      : level->remaining().empty() ? "no command given (commands: " + names + ")"
                                                   : "unknown command '" + level->remaining().front() + "' (commands: " + names + ")";
            }
            std::string where;
            for (const auto& [sub, run] : runners)
                if (sub->parsed()) where = sub->get_name() + " ";
            fmt::print(stderr, "lilo: error: {}\nRun 'lilo {}--help' for usage.\n", msg, where);
            return lilo::app::exit_cannot_check;
        }
        for (auto& [sub, run] : runners)
            if (sub->parsed()) return run();
        return lilo::app::exit_cannot_check;
    } catch (const lilo::CannotCheck& e) {
        fmt::print(stderr, "lilo: error: {}\n", e.what());
        return lilo::app::exit_cannot_check;
    } catch (const lilo::ProgrammeError& e) {
        // A programme that does not load, from any command: its file and line.
        fmt::print(stderr, "lilo: error: {}\n", e.describe());
        return lilo::app::exit_cannot_check;
    } catch (const std::exception& e) {
        fmt::print(stderr, "lilo: error: {}\n", e.what());
        return lilo::app::exit_cannot_check;
    }
}
