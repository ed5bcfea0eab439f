#include "export/pandoc.hpp"

#include <fstream>
#include <nlohmann/json.hpp>

#include "core/resources.hpp"
#include "core/child.hpp"
#include "export/docx_words.hpp"
#include "text/words.hpp"

namespace fs = std::filesystem;

namespace lilo {

namespace {

void put(const fs::path& p, std::string_view data)
{
    std::ofstream f(p, std::ios::binary);
    f.write(data.data(), static_cast<std::streamsize>(data.size()));
    f.close();
    if (!f) throw std::runtime_error(p.string() + ": cannot write");
}

std::string resource(std::string_view name)
{
    const auto r = embedded_resource(name);
    if (!r) throw std::runtime_error("lilo was built without its resource " + std::string(name));
    return std::string(*r);
}

// SOURCE_DATE_EPOCH for the children: pandoc dates the .docx by it.
struct EpochForChildren {
    std::optional<std::string> old;
    explicit EpochForChildren(long long epoch)
    {
        if (const char* v = std::getenv("SOURCE_DATE_EPOCH")) old = v;
        ::setenv("SOURCE_DATE_EPOCH", std::to_string(epoch).c_str(), 1);
    }
    ~EpochForChildren()
    {
        if (old) ::setenv("SOURCE_DATE_EPOCH", old->c_str(), 1);
        else ::unsetenv("SOURCE_DATE_EPOCH");
    }
    EpochForChildren(const EpochForChildren&) = delete;
    EpochForChildren& operator=(const EpochForChildren&) = delete;
};

// pandoc records --bibliography and --csl in the .docx (docProps/custom.xml):
// they are given as names in the scratch folder, where pandoc runs, so that
// no path of this machine goes into the file and it is the same everywhere.
std::vector<std::string> pandoc_args(const PandocSetup& s, const PandocJob& job, const std::string& to)
{
    std::vector<std::string> a{"pandoc", "--from=markdown", "--to=" + to, "--citeproc", "--csl=lilo-author-date.csl",
                               "--lua-filter=links.lua",
                               "--resource-path=" + (s.root / job.resource_dir).string() + ":" + s.root.string(),
                               "--metadata=link-citations:false"};
    if (job.bibliography) {
        const std::string name = "references" + fs::path(*job.bibliography).extension().string();
        std::error_code ec;
        fs::copy_file(s.root / *job.bibliography, s.work / name, fs::copy_options::overwrite_existing, ec);
        if (ec) throw std::runtime_error(*job.bibliography + ": cannot read: " + ec.message());
        a.push_back("--bibliography=" + name);
    }
    return a;
}

// A warning that means the output would be wrong: refused, with the file.
void refuse_on_warnings(const PandocJob& job, const std::string& err)
{
    std::vector<Diagnostic> problems;
    const std::string file = job.source.empty() ? "portfolio" : job.source;
    std::size_t pos = 0;
    while (pos < err.size()) {
        std::size_t end = err.find('\n', pos);
        if (end == std::string::npos) end = err.size();
        const std::string line = err.substr(pos, end - pos);
        pos = end + 1;
        if (auto c = line.find("citation "); c != std::string::npos && line.find("not found") != std::string::npos) {
            const std::string key = line.substr(c + 9, line.find(' ', c + 9) - c - 9);
            problems.push_back(Diagnostic{"P.export-citation", Severity::error, job.source, 0, 0,
                                          "@" + key + " is cited but not in the bibliography" +
                                              (job.bibliography ? " (" + *job.bibliography + ")" : std::string(" (there is none)"))});
        } else if (line.find("Could not fetch resource") != std::string::npos || line.find("could not fetch") != std::string::npos) {
            const auto q1 = line.find_first_of("'\""), q2 = q1 == std::string::npos ? q1 : line.find_first_of("'\"", q1 + 1);
            const std::string what = q1 != std::string::npos && q2 != std::string::npos ? line.substr(q1 + 1, q2 - q1 - 1) : line;
            problems.push_back(Diagnostic{"P.export-image", Severity::error, job.source, 0, 0, "the image " + what + " is not there"});
        }
    }
    if (!problems.empty()) throw ExportRefused(file + " cannot be exported as it is", problems);
}

ChildResult run_pandoc(const PandocSetup& s, const PandocJob& job, std::vector<std::string> args)
{
    EpochForChildren epoch(s.source_date_epoch);
    ChildRun run{std::move(args), s.time_limit, job.markdown, s.work.string()};
    ChildResult r = run_child(run, "pandoc");
    if (!r.ok()) {
        std::string tail = r.err.size() > 2000 ? r.err.substr(r.err.size() - 2000) : r.err;
        while (!tail.empty() && tail.back() == '\n') tail.pop_back();
        throw std::runtime_error("pandoc " + r.describe() + " on " + (job.source.empty() ? "the portfolio file" : job.source) +
                                 (tail.empty() ? "" : ": " + tail) + "; nothing was written");
    }
    refuse_on_warnings(job, r.err);
    return r;
}

// The HTML that chromium prints: no link may become a PDF annotation.
std::string without_hrefs(std::string html)
{
    std::size_t pos = 0;
    while ((pos = html.find("<a ", pos)) != std::string::npos) {
        const std::size_t end = html.find('>', pos);
        if (end == std::string::npos) break;
        const std::size_t h = html.find(" href=\"", pos);
        if (h != std::string::npos && h < end) html.replace(h, 7, " data-href=\"");
        pos += 3;
    }
    return html;
}

} // namespace

void install_pandoc_resources(const PandocSetup& s)
{
    put(s.work / "lilo-author-date.csl", resource("export/lilo-author-date.csl"));
    put(s.work / "links.lua", resource("export/links.lua"));
    put(s.work / "export.css", resource("export/export.css"));
}

std::string page_break()
{
    return "```{=openxml}\n<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>\n```\n\n```{=html}\n<div class=\"page-break\"></div>\n```\n";
}

void render_with_pandoc(const PandocSetup& s, const PandocJob& job, ExportFormat f, const fs::path& out)
{
    if (f == ExportFormat::docx) {
        auto a = pandoc_args(s, job, "docx");
        if (!s.reference_doc.empty()) a.push_back("--reference-doc=" + s.reference_doc.string());
        a.push_back("--output=" + out.string());
        run_pandoc(s, job, std::move(a));
        return;
    }
    auto a = pandoc_args(s, job, "html5");
    a.insert(a.end(), {"--standalone", "--self-contained", "--css=export.css", "--metadata=pagetitle:" + job.title,
                       "--output=-"});
    const ChildResult r = run_pandoc(s, job, std::move(a));
    if (f == ExportFormat::html) {
        put(out, r.out);
        return;
    }
    // PDF: chromium prints the HTML (links as plain text, so that the PDF carries no annotations).
    const fs::path page = s.work / (job.name + ".html");
    put(page, without_hrefs(r.out));
    const fs::path profile = s.work / "chromium-profile";
    ChildRun run{{"chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--disable-extensions", "--user-data-dir=" + profile.string(),
                  "--print-to-pdf=" + out.string(), "--no-pdf-header-footer", "file://" + page.string()},
                 s.time_limit, std::nullopt, s.work.string()};
    const ChildResult c = run_child(run, "chromium");
    std::error_code ec;
    if (!c.ok() || !fs::is_regular_file(out, ec) || fs::file_size(out, ec) == 0) {
        std::string tail = c.err.size() > 1500 ? c.err.substr(c.err.size() - 1500) : c.err;
        while (!tail.empty() && tail.back() == '\n') tail.pop_back();
        throw std::runtime_error("chromium " + (c.ok() ? std::string("wrote no PDF") : c.describe()) + " printing " +
                                 (job.source.empty() ? "the portfolio file" : job.source) + (tail.empty() ? "" : ": " + tail) +
                                 "; nothing was written");
    }
    fs::remove(page, ec);
}

long long citation_word_difference(const PandocSetup& s, const PandocJob& job)
{
    auto a = pandoc_args(s, job, "json");
    a.push_back("--output=-");
    const ChildResult r = run_pandoc(s, job, std::move(a));
    const auto ast = nlohmann::json::parse(r.out, nullptr, false);
    if (ast.is_discarded()) return 0;
    auto text_of = [](const nlohmann::json& inlines, auto& self) -> std::string {
        std::string t;
        if (!inlines.is_array()) return t;
        for (const auto& i : inlines) {
            const std::string k = i.value("t", "");
            if (k == "Str") t += i["c"].get<std::string>();
            else if (k == "Space" || k == "SoftBreak" || k == "LineBreak") t += ' ';
            else if (i.contains("c") && i["c"].is_array()) {
                // Emph, Strong, Span, Link …: their inlines are the last array that holds objects.
                for (const auto& part : i["c"])
                    if (part.is_array() && !part.empty() && part.front().is_object()) t += self(part, self);
            }
        }
        return t;
    };
    long long diff = 0;
    auto walk = [&](const nlohmann::json& node, auto& self) -> void {
        if (node.is_object()) {
            if (node.value("t", "") == "Cite" && node["c"].is_array() && node["c"].size() == 2) {
                const auto rendered = static_cast<long long>(word_style_count(text_of(node["c"][1], text_of)));
                long long lilo = 0;
                for (const auto& c : node["c"][0]) {
                    lilo += 2;
                    lilo += static_cast<long long>(count_words(text_of(c.value("citationPrefix", nlohmann::json::array()), text_of)).words);
                    lilo += static_cast<long long>(count_words(text_of(c.value("citationSuffix", nlohmann::json::array()), text_of)).words);
                }
                diff += rendered - lilo;
                return;
            }
            for (const auto& [k, v] : node.items()) self(v, self);
        } else if (node.is_array()) {
            for (const auto& v : node) self(v, self);
        }
    };
    walk(ast.value("blocks", nlohmann::json::array()), walk);
    return diff;
}

} // namespace lilo
