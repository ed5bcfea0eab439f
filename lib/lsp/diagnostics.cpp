#include "lsp/diagnostics.hpp"

#include "lsp/text_position.hpp"

namespace lilo::lsp {

std::string shown_on(const Diagnostic& d, const PortfolioFs& fs)
{
    // A folder, or a file not there at all (no project description yet): nothing to open, so portfolio.yaml.
    if (d.file.empty() || fs.is_dir(d.file) || !fs.exists(d.file)) return std::string(manifest_file);
    return d.file;
}

nlohmann::json lsp_diagnostic(const Diagnostic& d, const std::string& shown_file, const std::string& text, bool fs_is_dir)
{
    const LineIndex index(text);
    const bool elsewhere = shown_file != d.file;  // a folder's or the portfolio's, shown on portfolio.yaml
    Position start, end;
    {
        // No line (a file or folder as a whole): the first line.
        const auto l = elsewhere || d.line <= 0 ? std::size_t{0} : static_cast<std::size_t>(d.line - 1);
        const std::string_view line = index.line(l);
        start.line = end.line = static_cast<int>(std::min(l, index.lines() - 1));
        std::size_t from = 0;
        if (d.column > 0 && !elsewhere) from = static_cast<std::size_t>(d.column - 1);
        else
            while (from < line.size() && (line[from] == ' ' || line[from] == '\t')) ++from;
        start.character = utf16_length(line, from);
        end.character = utf16_length(line, line.size());
        if (end.character <= start.character) start.character = 0;
    }
    const int severity = d.severity == Severity::error ? 1 : d.severity == Severity::warning ? 2 : 3;
    std::string message = d.message;
    if (elsewhere && !d.file.empty()) message = d.file + (fs_is_dir ? "/: " : ": ") + message;
    return {{"range", range_json(start, end)}, {"severity", severity}, {"code", d.code}, {"source", "lilo"}, {"message", message}};
}

std::vector<const Diagnostic*> diagnostics_on(const Report& report, const PortfolioFs& fs, const std::string& rel)
{
    std::vector<const Diagnostic*> out;
    for (const auto& d : report.diagnostics)
        if (shown_on(d, fs) == rel) out.push_back(&d);
    return out;
}

} // namespace lilo::lsp
