#include "cohort_output.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fmt/core.h>
#include <unistd.h>

#include "check.hpp"
#include "commands.hpp"
#include "core/dump_json.hpp"
#include "render/cohort_html.hpp"

namespace lilo::app {

namespace {

std::string partial_name(const std::string& target) { return target + ".partial-" + std::to_string(::getpid()); }

// Writes `text` to `target` through a temporary file beside it.
void write_whole(const std::string& target, const std::string& text)
{
    const std::string tmp = partial_name(target);
    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) throw CannotCheck(target + ": cannot write: " + std::strerror(errno));
    const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size() && std::fflush(f) == 0 && ::fsync(::fileno(f)) == 0;
    const int err = errno;
    std::fclose(f);
    if (!ok || std::rename(tmp.c_str(), target.c_str()) != 0) {
        std::remove(tmp.c_str());
        throw CannotCheck(target + ": cannot write: " + std::strerror(ok ? errno : err));
    }
}

} // namespace

void add_cohort_output_options(CLI::App& sub, CohortOutputArgs& args)
{
    sub.add_option("--csv", args.csv, "Write one row per candidate to FILE (CSV, UTF-8)");
    sub.add_option("--jsonl", args.jsonl, "Write each full report to FILE, one JSON object per line (for lilo report merge)");
    sub.add_option("--html", args.html, "Write a self-contained HTML report of the cohort to FILE");
    sub.add_flag("-q,--quiet", args.quiet, "Do not print the matrix");
    sub.add_option("--color", args.colour, "Colour the matrix: auto (a terminal, NO_COLOR unset), always or never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
}

CohortWriter::CohortWriter(const CohortOutputArgs& args)
    // Only the CSV shows each row's first error, only the page the rest: a thousand rows stay small without them.
    : m_args(args), m_parts{.next = !args.csv.empty(), .page = !args.html.empty()}
{
    if (!m_args.jsonl.empty()) {
        m_jsonl_partial = partial_name(m_args.jsonl);
        m_jsonl = std::fopen(m_jsonl_partial.c_str(), "wb");
        if (!m_jsonl) throw CannotCheck(m_args.jsonl + ": cannot write: " + std::strerror(errno));
    }
}

CohortWriter::~CohortWriter()
{
    // Not finished (an error on the way): leave no partial file behind.
    if (m_jsonl) {
        std::fclose(m_jsonl);
        std::remove(m_jsonl_partial.c_str());
    }
}

void CohortWriter::add(const nlohmann::json& report)
{
    CohortRow row = cohort_row(report, m_parts);
    m_all_complete = m_all_complete && row.status == "complete";
    if (row.checked()) {
        ++m_checked;
        if (!row.as_of.empty()) ++m_dates[row.as_of];
    }
    if (m_jsonl) {
        const std::string line = dump_json(report) + "\n";
        if (std::fwrite(line.data(), 1, line.size(), m_jsonl) != line.size())
            throw CannotCheck(m_args.jsonl + ": cannot write: " + std::strerror(errno));
    }
    // Rows only for what shows them: the matrix, the CSV and the page.
    if (!m_args.quiet || !m_args.csv.empty() || !m_args.html.empty()) m_rows.push_back(std::move(row));
}

int CohortWriter::finish(const std::string& as_of)
{
    if (m_jsonl) {
        const bool ok = std::fflush(m_jsonl) == 0 && ::fsync(::fileno(m_jsonl)) == 0;
        std::fclose(m_jsonl);
        m_jsonl = nullptr;
        if (!ok || std::rename(m_jsonl_partial.c_str(), m_args.jsonl.c_str()) != 0) {
            std::remove(m_jsonl_partial.c_str());
            throw CannotCheck(m_args.jsonl + ": cannot write: " + std::strerror(errno));
        }
    }
    if (!m_args.csv.empty()) write_whole(m_args.csv, render_cohort_csv(m_rows));
    if (!m_args.html.empty()) {
        CohortHtmlOptions o;
        o.generated_by = "lilo " + std::string(lilo_version);
        if (!as_of.empty()) o.title = "lilo cohort report, as of " + as_of;
        write_whole(m_args.html, render_cohort_html(m_rows, o));
    }
    if (!m_args.quiet) fmt::print("{}", render_cohort_matrix(m_rows, {as_of, use_colour(STDOUT_FILENO, m_args.colour)}));
    // Said even with --quiet, and whatever files are written: a merge of shards checked on different days.
    else if (const std::string note = different_dates_note(m_dates); !note.empty()) fmt::print(stderr, "lilo: note: {}\n", note);
    if (m_checked == 0) return exit_cannot_check;
    return m_all_complete ? exit_ok : exit_unmet;
}

} // namespace lilo::app
