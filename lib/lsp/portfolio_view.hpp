#pragma once
// What the editor features need to know about a portfolio beyond its check:
// its programme, where its essay, project and journal are, and the essay's
// criterion sections with their counts. Counted by the same analyser and the
// same rules as lilo check and lilo count.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "markdown/document.hpp"
#include "portfolio/fsys.hpp"
#include "programme/programme.hpp"
#include "rules/params.hpp"

namespace lilo::lsp {

// The programme portfolio.yaml names (lilo-certificate when it names none);
// null when it cannot be loaded (the check says why).
std::shared_ptr<const Programme> portfolio_programme(const PortfolioFs& fs, const std::filesystem::path& root);

struct PortfolioLayout {
    const RequirementSpec* essay = nullptr;    // the programme's essay requirement, if it has one
    const RequirementSpec* project = nullptr;
    const RequirementSpec* journal = nullptr;
    std::string essay_rel, project_rel, journal_dir;
};
PortfolioLayout layout_of(const PortfolioFs& fs, const Programme& programme);

// A Markdown buffer analysed, with its front matter parsed (an empty mapping when none or unreadable).
struct MarkdownView {
    MarkdownDoc doc;
    nlohmann::json meta = nlohmann::json::object();
};
MarkdownView view_markdown(const std::string& text);

// A heading that a criterion maps to, with its section's words and the criterion's minimum.
struct CriterionSection {
    const CriterionSpec* criterion = nullptr;
    std::string name;                     // as mapped in `criteria:`
    std::optional<std::size_t> heading;   // index in doc.headings; none when no heading has that name
    std::uint64_t words = 0;
    std::uint64_t min_words = 0;
};
std::vector<CriterionSection> criterion_sections(const Programme& programme, const RequirementSpec& essay, const MarkdownView& essay_view);

// The programme's criteria that the essay's `criteria:` does not map.
std::vector<const CriterionSpec*> unmapped_criteria(const Programme& programme, const MarkdownView& essay_view);

// Headings a requirement expects in a file, each with its alternatives: R4's
// `sections`, or the headings of the reflective model a journal entry declares (`model:`).
Headings required_headings(const PortfolioLayout& layout, const std::string& rel, const MarkdownView& view);

// The bibliography files a document reads, as lilo check finds them: its
// front matter's `bibliography:`, else portfolio.yaml's `references:`, else
// references.{yaml,yml,bib,json} at the top; portfolio-relative.
std::vector<std::string> bibliography_files(const PortfolioFs& fs, const std::string& rel, const MarkdownView& view);

// The text of a file: the open buffer, else the disk; empty when unreadable.
std::string file_text(const PortfolioFs& fs, const std::string& rel);

} // namespace lilo::lsp
