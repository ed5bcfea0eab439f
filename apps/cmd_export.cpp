// lilo export [DIR] [-o FOLDER] [--format pdf|docx|html]: the submission as
// Cambridge takes it, files named by its convention.
#include <csignal>
#include <cstdlib>
#include <fmt/core.h>
#include <memory>

#include "commands.hpp"
#include "options.hpp"
#include "core/child.hpp"
#include "export/export.hpp"
#include "text/word_limit.hpp"

namespace lilo::app {

namespace {
struct ExportArgs : SubmissionArgs {
    std::vector<std::string> formats;
    int time_limit = 180;
};

std::string signed_count(long long n) { return (n > 0 ? "+" : n < 0 ? "-" : "") + with_commas(static_cast<std::uint64_t>(n < 0 ? -n : n)); }
} // namespace

Runner setup_export(CLI::App& sub)
{
    auto a = std::make_shared<ExportArgs>();
    add_submission_options(sub, *a, "export", "Create this folder for the files (default: <centre>_<candidate>_<syllabus>)");
    sub.add_option("--format", a->formats, "pdf, docx or html; repeat or separate with commas for several (default: pdf)")
        ->delimiter(',')
        ->check(CLI::IsMember({"pdf", "docx", "html"}));
    sub.add_option("--time-limit", a->time_limit, "Seconds each pandoc or chromium run may take (default: 180)")->check(CLI::Range(1, 86400));
    return [a]() -> int {
        ExportOptions o;
        o.check = submission_check(*a);
        if (!a->output.empty()) o.output = a->output;
        o.allow_incomplete = a->allow_incomplete;
        o.time_limit = std::chrono::seconds(a->time_limit);
        if (!a->formats.empty()) {
            o.formats.clear();
            for (const auto& f : a->formats) {
                const ExportFormat ef = f == "docx" ? ExportFormat::docx : f == "html" ? ExportFormat::html : ExportFormat::pdf;
                if (std::find(o.formats.begin(), o.formats.end(), ef) == o.formats.end()) o.formats.push_back(ef);
            }
        }
        o.source_date_epoch = source_date_epoch();
        // A full disk or a file-size limit is an error to report, not a signal that kills lilo half way.
        std::signal(SIGXFSZ, SIG_IGN);
        try {
            const ExportResult res = write_export(o);
            fmt::print("{}/: {} files; {} as of {}\n", res.folder.string(), res.files.size(),
                       res.report.complete() ? "complete" : "incomplete", res.report.as_of);
            for (const auto& f : res.files) fmt::print("  {}  {} bytes  {}\n", f.name, with_commas(f.bytes), f.what);
            for (const auto& w : res.words) {
                fmt::print("{}: Word counts {} words in {}; lilo counts {} (§4): {}\n", w.file, with_commas(w.word), w.exported,
                           with_commas(w.lilo), signed_count(static_cast<long long>(w.word) - static_cast<long long>(w.lilo)));
                std::string left_out, both;
                for (const auto& c : w.categories) {
                    if (c.words == 0) continue;
                    std::string& into = c.lilo_counts ? both : left_out;
                    into += (into.empty() ? "" : ", ") + c.name + " " + (c.lilo_counts ? with_commas(c.words) : signed_count(static_cast<long long>(c.words)));
                }
                if (!left_out.empty()) fmt::print("  Word counts, lilo leaves out: {}\n", left_out);
                fmt::print("  citations {} (as rendered, against lilo's 2 words a key); other {} (word boundaries: dashes, symbols)\n",
                           signed_count(w.citations), signed_count(w.other()));
                if (!both.empty()) fmt::print("  both count: {}\n", both);
            }
            return exit_ok;
        } catch (const ExportRefused& e) {
            fmt::print(stderr, "lilo: error: no export written: {}\n", e.what());
            for (const auto& d : e.problems) {
                std::string where = d.file.empty() ? "" : d.file + (d.line > 0 ? ":" + std::to_string(d.line) : "") + ": ";
                fmt::print(stderr, "  {}{}: {}\n", where, d.code, d.message);
            }
            return exit_unmet;
        } catch (const ToolMissing& e) {
            fmt::print(stderr, "lilo: error: no export written: {}\n", e.what());
            return exit_cannot_check;
        }
    };
}

} // namespace lilo::app
