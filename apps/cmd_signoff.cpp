// lilo signoff [DIR]: the mentor signs off the portfolio; writes signoff.yaml
// (the one file lilo writes inside a portfolio, and only on this command).
#include <fmt/core.h>
#include <memory>

#include "check.hpp"
#include "commands.hpp"
#include "signoff/sign_off.hpp"

namespace lilo::app {

namespace {

struct SignoffArgs {
    std::string folder = ".";
    std::string name;
    std::string date;
    bool allow_incomplete = false;
    bool force = false;
};

} // namespace

Runner setup_signoff(CLI::App& sub)
{
    auto a = std::make_shared<SignoffArgs>();
    sub.add_option("folder", a->folder, "Portfolio folder (default: the current folder)");
    sub.add_option("--name", a->name, "The mentor's name (default: mentor.name in portfolio.yaml)");
    sub.add_option("--date", a->date, "The day of the sign-off, YYYY-MM-DD (default: today)");
    sub.add_flag("--allow-incomplete", a->allow_incomplete, "Sign off a portfolio that does not yet meet every requirement");
    sub.add_flag("--force", a->force, "Sign again over a sign-off that still holds");
    return [a]() -> int {
        SignoffRequest req;
        req.folder = a->folder;
        if (!a->name.empty()) req.name = a->name;
        if (!a->date.empty()) {
            req.date = Date::parse(a->date);
            if (!req.date) throw CannotCheck("--date '" + a->date + "': not a real date; write YYYY-MM-DD");
        }
        if (a->allow_incomplete) req.incomplete = SignoffRequest::Incomplete::allow;
        if (a->force) req.current = SignoffRequest::Current::replace;
        const SignoffOutcome out = sign_off(req);
        for (const auto& r : out.refused) fmt::print(stderr, "lilo: warning: {}: {}; not in the fingerprint\n", r.rel, r.reason);
        switch (out.status) {
        case SignoffOutcome::Status::already_current:
            fmt::print(stderr, "lilo: error: {}/signoff.yaml already signs off the portfolio as it is ({}); "
                               "--force signs again\n", a->folder, out.previous);
            return exit_cannot_check;
        case SignoffOutcome::Status::incomplete: {
            std::string list;
            for (const auto& u : out.unmet) list += (list.empty() ? "" : ", ") + u;
            fmt::print(stderr, "lilo: not signed: the portfolio is not complete: {} unmet (`lilo check {}` says why); "
                               "--allow-incomplete signs it off as it is\n", list, a->folder);
            return exit_unmet;
        }
        case SignoffOutcome::Status::written: break;
        }
        fmt::print("signed off {} as {} on {}: fingerprint {} over {} file{}\n", out.written.string(), out.name, out.date.str(),
                   out.sha256.substr(0, 12), out.files, out.files == 1 ? "" : "s");
        if (!out.previous.empty()) fmt::print("  replaces the sign-off of {}{}\n", out.previous, out.previous_current ? " (still current)" : "");
        if (!out.unmet.empty()) {
            std::string list;
            for (const auto& u : out.unmet) list += (list.empty() ? "" : ", ") + u;
            fmt::print("  signed although incomplete (--allow-incomplete): {} unmet\n", list);
        }
        return exit_ok;
    };
}

} // namespace lilo::app
