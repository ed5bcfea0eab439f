#include "rules/context.hpp"

#include "office/office.hpp"
#include "scaffold/placeholders.hpp"
#include "text/utf8.hpp"
#include "yaml/yaml_json.hpp"

namespace lilo {

const nlohmann::json& MarkdownFile::meta() const
{
    static const nlohmann::json empty = nlohmann::json::object();
    return front && front->value.is_object() ? front->value : empty;
}

int MarkdownFile::line_at(int raw_line) const
{
    if (paragraph_of_line.empty()) return raw_line;
    return raw_line >= 1 && static_cast<std::size_t>(raw_line) <= paragraph_of_line.size() ? paragraph_of_line[static_cast<std::size_t>(raw_line) - 1] : 0;
}

int MarkdownFile::line_of(const std::string& pointer) const
{
    if (!front) return 1;
    const int l = front->line_of(pointer);
    return l > 0 ? l : 1;
}

CheckContext::CheckContext(const PortfolioFs& fs_, const Manifest& manifest_, const Programme& programme_, Date as_of_, Report& report_)
    : fs(fs_), manifest(manifest_), programme(programme_), as_of(as_of_), report(report_)
{
}

void CheckContext::add(Severity sev, const std::string& code, const std::string& file, int line, std::string message)
{
    if (sev == Severity::error) m_errors_in_current = true;
    // File names and quoted text may hold bytes that are not UTF-8: shown as \xHH.
    report.diagnostics.push_back({code, sev, escape_invalid_utf8(file), line, 0, escape_invalid_utf8(message)});
}

void CheckContext::finding(Severity sev, const std::string& slug, const std::string& file, int line, std::string message)
{
    add(sev, (requirement ? requirement->id : std::string("P")) + "." + slug, file, line, std::move(message));
}

void CheckContext::file_problem(const std::string& rel, const FsProblem& problem)
{
    add(Severity::error, "P." + problem.code, rel, problem.line, problem.message);
}

const MarkdownFile* CheckContext::markdown(const std::string& rel, bool report_problems)
{
    if (auto it = m_markdown.find(rel); it != m_markdown.end()) return it->second.get();
    if (auto it = m_failed.find(rel); it != m_failed.end()) {
        // Reported once, to the first requirement that needed the file; any
        // requirement that needs it is unmet.
        if (report_problems) {
            if (!it->second.second)
                for (const auto& d : it->second.first) add(d.severity, d.code, d.file, d.line, d.message);
            it->second.second = true;
            m_errors_in_current = true;
        }
        return nullptr;
    }
    std::vector<Diagnostic> problems;
    auto fail = [&]() -> const MarkdownFile* {
        m_failed.emplace(rel, std::make_pair(problems, false));
        return markdown(rel, report_problems);
    };
    const bool office = is_office_name(rel);
    auto text = office ? fs.read_binary(rel) : fs.read_text(rel);
    if (text.problem) {
        problems.push_back({"P." + text.problem->code, Severity::error, rel, text.problem->line, 0, text.problem->message});
        return fail();
    }
    auto file = std::make_unique<MarkdownFile>();
    file->rel = rel;
    AnalyzeOptions opt;
    opt.cjk = programme.count_rules.cjk;
    if (office) {
        // A Word or OpenDocument file: its text as Markdown, lines as paragraphs.
        OfficeText ot = read_office(text.data, rel);
        if (!ot.error.empty()) {
            problems.push_back({"P.document", Severity::error, rel, 0, 0, ot.error});
            return fail();
        }
        file->doc = analyze_office(ot, opt);
        file->raw = std::move(ot.markdown);
        file->paragraph_of_line = std::move(ot.paragraph_of_line);
    } else {
        file->raw = text.data;
        file->doc = analyze_markdown(std::move(text.data), opt);
    }
    for (const int line : file->doc.front.dash_fences)
        problems.push_back({"P.front-matter", Severity::error, rel, line, 0,
                            "this looks like front matter whose `---` Word turned into a dash; write three hyphens `---` on this line "
                            "(turn off Word's AutoFormat \"Hyphens with dash\", or use a plain-text editor)"});
    if (file->doc.front.present) {
        YamlParse parsed = parse_yaml(file->doc.front.yaml, file->doc.front.first_line,
                                      YamlLimits{programme.limits.max_yaml_depth, programme.limits.max_yaml_nodes});
        for (const auto& p : parsed.problems)
            problems.push_back({"P." + p.code, Severity::error, rel, p.mark.line, 0, "front matter: " + p.message});
        if (!parsed.doc) return fail();
        for (auto& d : placeholder_findings(*parsed.doc, placeholder::File::front_matter, rel)) problems.push_back(std::move(d));
        file->front = std::move(parsed.doc);
        if (!file->front->value.is_object() && !file->front->value.is_null())
            problems.push_back({"P.front-matter", Severity::error, rel, file->doc.front.first_line, 0, "front matter is not a mapping of fields"});
    }
    // Readable, but with problems in its front matter: reported once, the file still used.
    for (const auto& d : problems) add(d.severity, d.code, d.file, d.line, d.message);
    const MarkdownFile* out = file.get();
    m_markdown.emplace(rel, std::move(file));
    return out;
}

std::string CheckContext::configured_path(const std::string& manifest_key, const std::string& param) const
{
    if (auto p = manifest.path_setting(manifest_key)) return *p;
    return document_path(param);
}

std::string CheckContext::document_path(const std::string& md_path) const
{
    // The programme names essay.md; a candidate who writes in Word has essay.docx.
    if (md_path.size() < 4 || !iequals(std::string_view(md_path).substr(md_path.size() - 3), ".md") || fs.exists(md_path)) return md_path;
    const std::string stem = md_path.substr(0, md_path.size() - 3);
    for (const char* ext : {".docx", ".odt"})
        if (fs.is_file(stem + ext)) return stem + ext;
    return md_path;
}

std::optional<Date> CheckContext::effective_end() const
{
    if (!manifest.end) return std::nullopt;
    return std::min(*manifest.end, as_of);
}

} // namespace lilo
