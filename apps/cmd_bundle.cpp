// lilo bundle [DIR] [-o FILE]: the submission bundle, a zipped BagIt bag.
#include <csignal>
#include <cstdlib>
#include <fmt/core.h>
#include <memory>

#include "bundle/bag.hpp"
#include "commands.hpp"
#include "options.hpp"
#include "text/word_limit.hpp"

namespace lilo::app {

namespace {
struct BundleArgs : SubmissionArgs {
    bool list = false;
    std::string rev;
};

extern "C" void on_interrupt(int) { request_bundle_cancel(); }
} // namespace

Runner setup_bundle(CLI::App& sub)
{
    auto a = std::make_shared<BundleArgs>();
    add_submission_options(sub, *a, "bundle", "Write the bundle here (default: <candidate-id>-<programme>.zip)");
    sub.add_flag("--list", a->list, "Show what the bundle would carry and what it leaves out, and why; write nothing");
    sub.add_option("--rev", a->rev, "Bundle the files committed at REV (from git's object database, not the work tree)");
    return [a]() -> int {
        BundleOptions o;
        o.check = submission_check(*a);
        if (!a->output.empty()) o.output = a->output;
        o.allow_incomplete = a->allow_incomplete;
        o.source_date_epoch = source_date_epoch();
        if (a->list && !a->rev.empty()) throw CannotCheck("--list shows the folder as it is; drop --rev, or list a checkout of that commit");
        if (a->list) {
            const BundlePlan plan = plan_bundle(o);
            for (const auto& f : plan.files.files) fmt::print("  {}\n", f);
            for (const auto& l : plan.files.left_out) fmt::print("- {}  (left out: {})\n", l.rel, l.reason);
            for (const auto& r : plan.files.refused) fmt::print("! {}  (refused: {})\n", r.rel, r.reason);
            for (const auto& c : plan.collisions) fmt::print("! {}  (refused: names differ only in case or Unicode normalisation)\n", c);
            for (const auto& n : plan.not_nfc) fmt::print("~ {}  (carried under its NFC name)\n", n);
            fmt::print("{} files would be bundled, {} left out, {} refused; the portfolio is {}.\n", plan.files.files.size(),
                       plan.files.left_out.size(), plan.files.refused.size() + plan.collisions.size(),
                       plan.report.complete() ? "complete" : "incomplete");
            // The exit status says whether `lilo bundle` would write the bundle.
            const bool refused = !plan.files.refused.empty() || !plan.collisions.empty() || (!plan.report.complete() && !o.allow_incomplete) ||
                                 !unfilled_placeholders(plan.report).empty();
            return refused ? exit_unmet : exit_ok;
        }
        std::signal(SIGINT, on_interrupt);
        std::signal(SIGTERM, on_interrupt);
        std::signal(SIGHUP, on_interrupt);
        try {
            const BundleResult res = a->rev.empty() ? write_bundle(o) : write_bundle_at(o, a->rev);
            fmt::print("{}: {} files, {} bytes; {} as of {}; fingerprint {}\n", res.path.string(), res.plan.files.files.size(),
                       with_commas(res.payload_bytes), res.plan.report.complete() ? "complete" : "incomplete", res.plan.report.as_of, res.fingerprint);
            return exit_ok;
        } catch (const BundleRefused& e) {
            fmt::print(stderr, "lilo: error: no bundle written: {}\n", e.what());
            for (const auto& d : e.details) fmt::print(stderr, "  {}\n", d);
            return exit_unmet;
        }
    };
}

} // namespace lilo::app
