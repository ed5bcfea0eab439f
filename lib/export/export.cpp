#include "export/export.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <unistd.h>

#include "core/dump_json.hpp"
#include "core/partial.hpp"
#include "rules/kinds.hpp"
#include "core/resources.hpp"
#include "core/child.hpp"
#include "export/cover.hpp"
#include "export/docx_words.hpp"
#include "export/identity.hpp"
#include "export/pandoc.hpp"
#include "portfolio/submitted.hpp"
#include "portfolio/fingerprint.hpp"
#include "portfolio/fsys.hpp"
#include "portfolio/manifest.hpp"
#include "programme/programme.hpp"

namespace fs = std::filesystem;

namespace lilo {

namespace {

// A folder removed with everything in it unless kept.
struct ScratchFolder {
    fs::path path;
    ~ScratchFolder()
    {
        std::error_code ec;
        if (!path.empty()) fs::remove_all(path, ec);
    }
};

std::string lower(std::string s)
{
    for (auto& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    return s;
}

bool is_markdown(const std::string& rel) { return lower(fs::path(rel).extension().string()) == ".md"; }

// What one portfolio-relative path is part of: the requirement whose folder or path holds it.
const RequirementSpec* owner_of(const Programme& p, const std::string& rel)
{
    const RequirementSpec* best = nullptr;
    std::size_t best_len = 0;
    for (const auto& r : p.requirements) {
        for (const char* key : {"folder", "path"}) {
            if (!kind_of(r).takes(key) || !param_given(r, key)) continue;
            std::string f = fs::path(param_text(r, key)).lexically_normal().generic_string();
            // A file's requirement owns the file's folder (project/project.md owns project/).
            if (is_markdown(f)) f = parent_of(f);
            if (f.empty() || f == ".") continue;
            if ((rel == f || rel.starts_with(f + "/")) && f.size() > best_len) {
                best = &r;
                best_len = f.size();
            }
        }
    }
    return best;
}

// The bibliography a document cites from: its front matter's `bibliography:`, else references.yaml/.bib at the top.
std::optional<std::string> bibliography_of(const PortfolioFs& files, const std::string& rel, const std::string& front)
{
    if (!front.empty()) {
        auto fm = parse_yaml(front);
        if (fm.doc && fm.doc->value.is_object()) {
            if (auto b = json_text(fm.doc->value, "bibliography")) {
                const auto r = files.resolve(*b, parent_of(rel));
                if (!r.problem && files.is_file(r.rel)) return r.rel;
            }
        }
    }
    for (const char* name : {"references.yaml", "references.yml", "references.bib", "references.json"})
        if (files.is_file(name)) return std::string(name);
    return std::nullopt;
}

std::string courses_table(const YamlDoc& manifest)
{
    const Manifest m = read_manifest(manifest);
    if (m.courses.empty()) return {};
    std::string s = "## Taught courses\n\n| Course | Status | Completed | Evidence |\n|:--|:--|:--|:--|\n";
    for (const auto& c : m.courses)
        s += "| " + c.id + " | " + c.status + " | " + (c.completed ? c.completed->str() : std::string("")) + " | " +
             c.evidence.value_or("") + " |\n";
    return s + "\n";
}

} // namespace

std::string_view extension_of(ExportFormat f)
{
    switch (f) {
    case ExportFormat::pdf: return "pdf";
    case ExportFormat::docx: return "docx";
    case ExportFormat::html: return "html";
    }
    return "pdf";
}

long long WordComparison::other() const
{
    long long rest = static_cast<long long>(word) - static_cast<long long>(lilo) - citations;
    for (const auto& c : categories)
        if (!c.lilo_counts) rest -= static_cast<long long>(c.words);
    return rest;
}

fs::path export_target(const ExportOptions& o, const std::string& stem)
{
    if (o.output) return *o.output;
    std::error_code ec;
    const fs::path root = fs::canonical(o.check.folder, ec);
    const fs::path cwd = fs::current_path(ec);
    if (!root.empty() && path_inside(root, cwd)) return root.parent_path() / stem;
    return stem;
}

ExportResult write_export(const ExportOptions& o)
{
    ExportResult result;
    result.report = check_portfolio(o.check);
    const Report& report = result.report;
    if (!report.complete() && !o.allow_incomplete) {
        std::vector<Diagnostic> why;
        for (const auto& q : report.requirements)
            if (!q.met) why.push_back(Diagnostic{q.id, Severity::error, "", 0, 0, q.title + ": unmet"});
        throw ExportRefused("the portfolio is incomplete; `lilo check` says what is missing (or export it anyway with --allow-incomplete)", why);
    }
    const nlohmann::json report_json = to_json(report, lilo_version);
    const fs::path root = fs::canonical(o.check.folder);
    DiskPortfolio files(root);
    const auto manifest_text = files.read_text("portfolio.yaml");
    if (manifest_text.problem) throw CannotCheck("portfolio.yaml: " + manifest_text.problem->message);
    auto parsed = parse_yaml(manifest_text.data);
    if (!parsed.doc) throw CannotCheck("portfolio.yaml cannot be read as YAML; `lilo check` says where");
    const YamlDoc& manifest = *parsed.doc;
    const Manifest m = read_manifest(manifest);
    const Programme programme = o.check.programme ? load_programme(*o.check.programme, "")
                                                  : load_programme(m.programme.value_or("lilo-certificate"), root);

    const SubmissionIdentity id = submission_identity(manifest, programme, report_json);
    if (!id.problems.empty()) throw ExportRefused("no file can be named by Cambridge's convention without these codes", id.problems);

    // The folder: refused when it exists or lies inside the portfolio; written beside it under a temporary name.
    const std::string stem = id.centre + "_" + id.candidate + "_" + id.syllabus;
    const fs::path wanted = fs::absolute(export_target(o, stem));
    std::error_code ec;
    const fs::path parent = fs::canonical(wanted.parent_path(), ec);
    if (ec || !fs::is_directory(parent)) throw CannotCheck(wanted.parent_path().string() + ": no such folder for the export");
    const fs::path target = parent / wanted.filename();
    if (path_inside(root, target)) throw CannotCheck(wanted.string() + ": an export cannot be written inside the portfolio it comes from");
    if (fs::exists(fs::symlink_status(target))) throw CannotCheck(target.string() + " already exists; remove it, or name another folder with -o");
    // What a killed export left (Ctrl-C goes to pandoc and Chromium too) goes first.
    remove_stale_partials(target);
    ScratchFolder partial{partial_path(target)};
    fs::create_directory(partial.path, ec);
    if (ec) throw std::runtime_error(partial.path.string() + ": cannot create: " + ec.message());
    ScratchFolder work{fs::temp_directory_path() / ("lilo-export-" + std::to_string(::getpid()))};
    fs::remove_all(work.path, ec);
    fs::create_directory(work.path, ec);
    if (ec) throw std::runtime_error(work.path.string() + ": cannot create: " + ec.message());

    PandocSetup setup;
    setup.work = work.path;
    setup.root = root;
    setup.time_limit = o.time_limit;
    setup.source_date_epoch = o.source_date_epoch.value_or(static_cast<long long>(o.check.as_of.days()) * 86400);
    const nlohmann::json sub = programme.resolved.value("submission", nlohmann::json::object());
    if (sub.contains("reference_doc") && sub["reference_doc"].is_string()) {
        // A centre's Word template, relative to its programme file (or to the portfolio for a built-in one).
        const fs::path base = programme.source == "built-in" ? root : fs::path(programme.source).parent_path();
        setup.reference_doc = fs::absolute(base / sub["reference_doc"].get<std::string>());
        if (!fs::is_regular_file(setup.reference_doc, ec))
            throw CannotCheck(setup.reference_doc.string() + ": the programme's reference_doc (a Word template) is not there");
    }
    install_pandoc_resources(setup);

    std::vector<std::string> document_files;
    for (const auto& d : id.documents) document_files.push_back(d.file);

    // The portfolio file: the cover sheet, the criteria map, the courses, then every record.
    CoverSheet sheet = gather_cover_sheet(files, report_json, manifest, &id, lilo_version);
    sheet.programme_title = report.programme_title;
    std::string portfolio_md = "---\nlang: en\n---\n\n" + cover_sheet_markdown(sheet) + "\n" + page_break() + "\n# Portfolio\n\n" + courses_table(manifest);
    const BundleFileSet carried = bundle_files(root);
    std::map<std::size_t, std::pair<std::string, std::vector<std::string>>> groups; // order → (heading, files)
    std::vector<std::string> others;
    for (const auto& rel : carried.files) {
        if (rel == "portfolio.yaml" || rel == "signoff.yaml" || std::find(document_files.begin(), document_files.end(), rel) != document_files.end())
            continue;
        const RequirementSpec* owner = owner_of(programme, rel);
        std::size_t order = programme.requirements.size();
        std::string heading = "Other files";
        if (owner) {
            order = static_cast<std::size_t>(owner - programme.requirements.data());
            heading = owner->id + " " + owner->title;
        } else if (rel.find('/') != std::string::npos) {
            heading = rel.substr(0, rel.find('/')) + "/";
            order += 1 + static_cast<std::size_t>(std::distance(carried.files.begin(), std::find(carried.files.begin(), carried.files.end(), rel)));
            for (auto& [k, g] : groups)
                if (g.first == heading) order = k;
        } else {
            order = static_cast<std::size_t>(-1);
        }
        auto& g = groups[order];
        g.first = heading;
        g.second.push_back(rel);
    }
    std::optional<std::string> portfolio_bib;
    for (const auto& [order, group] : groups) {
        std::string part = "\n# " + group.first + "\n\n";
        bool any = false;
        for (const auto& rel : group.second) {
            if (!is_markdown(rel)) {
                part += "- Evidence file `" + rel + "` (" + megabytes(fs::file_size(root / rel, ec)) + "): submitted as it is\n";
                any = true;
                continue;
            }
            const auto t = files.read_text(rel);
            if (t.problem) throw ExportRefused("a file cannot be read", {Diagnostic{"P." + t.problem->code, Severity::error, rel, t.problem->line, 0, t.problem->message}});
            if (is_init_guide(fs::path(rel).filename().string(), t.data)) continue;
            const auto split = split_front_matter(t.data);
            if (!portfolio_bib) portfolio_bib = bibliography_of(files, rel, split.front);
            part += "\n## " + rel + "\n\n" + shift_headings(without_html_comments(split.body), 2) + "\n";
            any = true;
        }
        if (any) portfolio_md += part;
    }

    std::vector<PandocJob> jobs;
    for (const auto& d : id.documents) {
        const auto t = files.read_text(d.file);
        if (t.problem) throw ExportRefused("a document cannot be read", {Diagnostic{"P." + t.problem->code, Severity::error, d.file, t.problem->line, 0, t.problem->message}});
        const auto split = split_front_matter(t.data);
        PandocJob job;
        job.bibliography = bibliography_of(files, d.file, split.front);
        job.markdown = "---\nlang: en\n---\n\n" + without_html_comments(split.body);
        if (job.bibliography) job.markdown = with_rendered_references(job.markdown);
        job.name = id.stem(d.component);
        job.title = d.title;
        job.source = d.file;
        job.what = d.requirement + " " + d.title + " (" + d.file + ")";
        job.requirement = d.requirement;
        job.resource_dir = parent_of(d.file);
        job.document = true;
        jobs.push_back(std::move(job));
    }
    {
        PandocJob job;
        job.markdown = std::move(portfolio_md);
        job.name = id.stem(id.component) + "_portfolio";
        job.title = "Portfolio of " + report.candidate_name;
        job.what = "the portfolio: cover sheet, criteria map and every record";
        job.bibliography = portfolio_bib;
        jobs.push_back(std::move(job));
    }

    for (const auto& job : jobs) {
        for (const ExportFormat f : o.formats) {
            const std::string name = job.name + "." + std::string(extension_of(f));
            const fs::path out = partial.path / name;
            render_with_pandoc(setup, job, f, out);
            ExportedFile ef{name, job.what, fs::file_size(out, ec), 0};
            result.files.push_back(ef);
            if (f == ExportFormat::docx && job.document) {
                const DocxWords w = count_docx_words(out);
                WordComparison cmp;
                cmp.title = job.title;
                cmp.file = job.source;
                cmp.exported = name;
                cmp.word = w.total;
                // What lilo counts of this document: its requirement's rules (the MPhil thesis leaves footnotes out).
                CountRules rules = programme.count_rules;
                for (const auto& r : programme.requirements)
                    if (r.id == job.requirement) rules = requirement_count_rules(programme, r);
                cmp.categories = {{"headings", w.headings, rules.counts(Category::headings)},
                                  {"footnotes", w.footnotes, rules.counts(Category::footnotes)},
                                  {"reference list", w.references, rules.counts(Category::references)},
                                  {"tables", w.tables, rules.counts(Category::tables)},
                                  {"appendices", w.appendices, rules.counts(Category::appendices)}};
                cmp.citations = citation_word_difference(setup, job);
                for (const auto& doc : report_json.value("documents", nlohmann::json::array()))
                    if (doc.value("file", "") == job.source) cmp.lilo = doc.value("words", std::uint64_t{0});
                if (report_json.contains("essay") && report_json["essay"].is_object() && report_json["essay"].contains("file") &&
                    report_json["essay"]["file"] == job.source && report_json["essay"]["words"].is_number())
                    cmp.lilo = report_json["essay"].value("words", std::uint64_t{0});
                result.words.push_back(cmp);
            }
        }
    }

    // Every file is there: the folder takes its name at once.
    const int dfd = ::open(partial.path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    fs::rename(partial.path, target, ec);
    if (ec) throw std::runtime_error(target.string() + ": cannot create: " + ec.message() + "; nothing was written");
    partial.path.clear();
    result.folder = target;
    return result;
}

} // namespace lilo
