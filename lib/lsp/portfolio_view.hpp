#pragma once
// What the editor features need to know about a portfolio beyond its check:
// its programme, where its essay and its requirements' files and folders are, and the essay's
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
#include "rules/kinds.hpp"

namespace lilo::lsp {

// The programme portfolio.yaml names (lilo-certificate when it names none);
// null when it cannot be loaded (the check says why).
std::shared_ptr<const Programme> portfolio_programme(const PortfolioFs& fs, const std::filesystem::path& root);

struct PortfolioLayout {
    // The requirement that evaluates the criteria (the final reflective piece), if any, and its file.
    const RequirementSpec* essay = nullptr;
    std::string essay_rel;
    // Each requirement portfolio.yaml can move, with its file or folder as this portfolio has it.
    struct Place {
        const RequirementSpec* requirement = nullptr;
        std::string rel;
        bool folder = false;
    };
    std::vector<Place> places;
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

// The requirement a Markdown file is one of (its file, or a record in its
// folder) when its kind asks for headings, with the headings it needs there
// (a project's `sections`, an interview's, the reflective model a journal
// entry declares with `model:`); no requirement when none asks.
struct RequiredHeadings {
    const RequirementSpec* requirement = nullptr;
    FileHeadings needs;
};
RequiredHeadings required_headings(const PortfolioLayout& layout, const std::string& rel, const MarkdownView& view);

// The bibliography files a document reads, as lilo check finds them: its
// front matter's `bibliography:`, else portfolio.yaml's `references:`, else
// references.{yaml,yml,bib,json} at the top; portfolio-relative.
std::vector<std::string> bibliography_files(const PortfolioFs& fs, const std::string& rel, const MarkdownView& view);

// The text of a file: the open buffer, else the disk; empty when unreadable.
std::string file_text(const PortfolioFs& fs, const std::string& rel);

} // namespace lilo::lsp
