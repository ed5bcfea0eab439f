#pragma once
// What a requirement kind sees while it checks: the portfolio's files, its
// manifest, the programme, the as-of date, and a place to put findings.
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "core/date.hpp"
#include "core/report.hpp"
#include "markdown/document.hpp"
#include "portfolio/fsys.hpp"
#include "portfolio/manifest.hpp"
#include "programme/programme.hpp"
#include "rules/kinds.hpp"
#include "text/word_limit.hpp"

namespace lilo {

// A Markdown file read once and shared by every rule that needs it.
struct MarkdownFile {
    std::string rel;                  // portfolio-relative path
    std::string raw;                  // the text as read (for name searches); a .docx's as Markdown
    std::vector<int> paragraph_of_line; // a .docx or .odt: raw's line → the document's paragraph
    MarkdownDoc doc;
    int line_at(int raw_line) const;  // a line of raw as the file's diagnostics count (paragraphs in a .docx)
    std::optional<YamlDoc> front;     // parsed front matter; an empty mapping when none
    const nlohmann::json& meta() const;
    int line_of(const std::string& pointer) const;   // line of a front-matter value, or 1
};

// When each file was first committed, for a portfolio in a git work tree
// (lib/git): what the journal's and the mentoring records' stated dates are
// held against.
struct RecordHistory {
    std::string commit;                // hex id
    std::string date;                  // YYYY-MM-DD, the committer's date
    bool at_shallow_boundary = false;  // the history stops before this file's real first commit may be
};
struct SignedCommit {
    std::string commit;                // hex id
    std::string lines;                 // its fingerprint's lines
};
struct PortfolioHistory {
    bool shallow = false;
    std::map<std::string, RecordHistory> first_added;  // portfolio-relative path →
    // The newest commit on HEAD's first-parent line whose files have this
    // fingerprint: what a sign-off without `files:` signed. Searched on demand.
    std::function<std::optional<SignedCommit>(const std::string& sha256)> find_signed;
};

class CheckContext {
public:
    CheckContext(const PortfolioFs& fs, const Manifest& manifest, const Programme& programme, Date as_of, Report& report);

    const PortfolioFs& fs;
    const Manifest& manifest;
    const Programme& programme;
    const Date as_of;
    Report& report;

    // The git history, when the portfolio is in a work tree (else null).
    const PortfolioHistory* history = nullptr;

    // The requirement being checked; diagnostics `slug` become "<id>.<slug>".
    const RequirementSpec* requirement = nullptr;

    void add(Severity sev, const std::string& code, const std::string& file, int line, std::string message);
    // A finding of the current requirement: code "<Rn>.<slug>".
    void finding(Severity sev, const std::string& slug, const std::string& file, int line, std::string message);
    void error(const std::string& slug, const std::string& file, int line, std::string message)
    {
        finding(Severity::error, slug, file, line, std::move(message));
    }
    // A problem reading a file the current requirement needs ("P.<code>").
    void file_problem(const std::string& rel, const FsProblem& problem);

    // Reads and analyses a Markdown file once; problems are reported to the
    // requirement that asked first. Null when the file could not be read.
    const MarkdownFile* markdown(const std::string& rel, bool report_problems = true);

    // A folder or file setting: portfolio.yaml's `key`, else `param`, the
    // requirement's `folder` or `path` (given or by default) as document_path finds it.
    std::string configured_path(const std::string& manifest_key, const std::string& param) const;
    // A document path the programme names (essay.md): when no such file exists
    // but the same name with .docx or .odt does, that one. Paths portfolio.yaml
    // names are taken as written.
    std::string document_path(const std::string& md_path) const;

    // The period's end as far as today: the earlier of period.end and the as-of date.
    std::optional<Date> effective_end() const;

    bool current_has_errors() const { return m_errors_in_current; }
    // Met when the current requirement has reported no error.
    Outcome outcome() const { return m_errors_in_current ? Outcome::unmet : Outcome::met; }
    void begin_requirement(const RequirementSpec& r) { requirement = &r; m_errors_in_current = false; }

    // The programme's word-count rules.
    const CountRules& count_rules() const { return programme.count_rules; }

private:
    std::map<std::string, std::unique_ptr<MarkdownFile>> m_markdown;
    // Files that could not be read: their problems, and whether they were reported yet.
    std::map<std::string, std::pair<std::vector<Diagnostic>, bool>> m_failed;
    bool m_errors_in_current = false;
};

} // namespace lilo
