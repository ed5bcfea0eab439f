// A Markdown report for a pull-request comment or a GitHub step summary.
#include <fmt/format.h>

#include "core/document_names.hpp"
#include "render/escape.hpp"
#include "render/render.hpp"
#include "text/word_limit.hpp"

namespace lilo {

namespace {
std::string cell(std::string_view s) { return markdown_cell(s); }
} // namespace

std::string render_markdown(const std::vector<Report>& reports)
{
    std::string out;
    for (const auto& r : reports) {
        out += fmt::format("## lilo check: {} — {}\n\n", cell(r.portfolio), r.complete() ? "complete ✅" : "incomplete ❌");
        out += fmt::format("Programme `{}`, as of {}{}.\n\n", r.programme, r.as_of,
                           essay_words(r) ? fmt::format("; essay {} words", with_commas(*essay_words(r))) : "");
        out += "| Requirement | Status | | Criterion | Status | Words |\n|---|---|---|---|---|---|\n";
        const std::size_t rows = std::max(r.requirements.size(), r.criteria.size());
        for (std::size_t i = 0; i < rows; ++i) {
            std::string left = "| | |", right = " | | |";
            if (i < r.requirements.size())
                left = fmt::format("| {} {} | {} |", r.requirements[i].id, cell(r.requirements[i].title), r.requirements[i].met ? "met" : "**unmet**");
            if (i < r.criteria.size())
                right = fmt::format(" {} | {} | {} |", r.criteria[i].id, r.criteria[i].addressed ? "addressed" : "**missing**", r.criteria[i].words);
            out += left + " |" + right + "\n";
        }
        if (!r.diagnostics.empty()) {
            out += fmt::format("\n<details><summary>{} errors, {} warnings</summary>\n\n", r.count(Severity::error), r.count(Severity::warning));
            for (const auto& d : r.diagnostics)
                out += fmt::format("- **{}** `{}` {}{}\n", name_of(d.severity), d.code,
                                   d.file.empty() ? "" : "`" + d.file + (d.line > 0 ? (is_office_name(d.file) ? ":¶" : ":") + std::to_string(d.line) : "") + "`: ", cell(d.message));
            out += "\n</details>\n";
        }
        out += "\n";
    }
    return out;
}

} // namespace lilo
