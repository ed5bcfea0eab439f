#include "check.hpp"

#include <algorithm>
#include <set>

#include "git/repo.hpp"
#include "git/tree_portfolio.hpp"
#include "portfolio/fsys.hpp"
#include "portfolio/submitted_view.hpp"
#include "portfolio/manifest.hpp"
#include "programme/programme.hpp"
#include "rules/context.hpp"
#include "rules/kinds.hpp"
#include "rules/preflight.hpp"
#include "scaffold/placeholders.hpp"
#include "text/utf8.hpp"
#include "yaml/schema.hpp"

namespace fs = std::filesystem;

namespace lilo {

namespace {

void add(Report& r, std::string code, Severity sev, std::string file, int line, std::string message, int column = 0)
{
    r.diagnostics.push_back({std::move(code), sev, escape_invalid_utf8(file), line, column, escape_invalid_utf8(message)});
}

// A programme file that the portfolio names, and every file it extends, is
// read from the portfolio's own files (a folder, a bundle or a commit alike)
// and must lie inside it.
ProgrammeText read_portfolio_programme(const PortfolioFs& pfs, const std::string& ref, const std::string& dir)
{
    auto r = pfs.resolve(ref, dir);
    if (r.problem) {
        if (dir.empty()) throw CannotCheck("portfolio.yaml: programme '" + ref + "': " + r.problem->message);
        throw ProgrammeError(pfs.label(dir), 0, "extends '" + ref + "': " + r.problem->message);
    }
    auto text = pfs.read_text(r.rel);
    if (text.problem && text.problem->code == "not-found") throw ProgrammeError(pfs.label(r.rel), 0, "programme file not found");
    if (text.problem) throw ProgrammeError(pfs.label(r.rel), text.problem->line, text.problem->message);
    return {std::move(text.data), pfs.label(r.rel), "portfolio:" + r.rel, parent_of(r.rel)};
}

Programme programme_for(const CheckOptions& opt, const std::optional<Manifest>& manifest, const PortfolioFs& pfs)
{
    try {
        if (opt.programme) return load_programme(*opt.programme, "");
        const std::string ref = manifest && manifest->programme ? *manifest->programme : "lilo-certificate";
        if (is_builtin_programme(ref) || !programme_ref_is_path(ref))
            return load_programme(ref, opt.folder);
        return load_programme(ref, [&pfs](const std::string& r, const std::string& dir) { return read_portfolio_programme(pfs, r, dir); });
    } catch (const ProgrammeError& e) {
        throw CannotCheck(e.describe());
    }
}

// The number of files and the length of paths (a programme's `limits:`):
// counted without reading anything, and stopping at the limit.
void check_tree_limits(const PortfolioFs& pfs, const ReadLimits& limits, Report& report)
{
    std::size_t files = 0;
    std::size_t long_paths = 0;
    std::size_t bad_names = 0;
    pfs.walk([&](const PortfolioFs::TreeEntry& e) {
        const std::string_view name = std::string_view(e.rel).substr(e.rel.rfind('/') + 1);
        // A name that is not UTF-8 (a Latin-1 "café.md" from an old machine)
        // cannot go into a bundle, and no one can say what it is called.
        if (find_invalid_utf8(name) && bad_names++ < 5)
            add(report, "P.name-encoding", Severity::error, e.rel, 0,
                "this name is not valid UTF-8 (the bytes shown as \\xHH); rename it, or a bundle cannot hold it");
        if (e.rel.size() > limits.max_path_length && long_paths++ < 5)
            add(report, "P.path-too-long", Severity::error, e.rel.substr(0, 200) + "…", 0,
                "a path of " + std::to_string(e.rel.size()) + " bytes; lilo reads paths up to " + std::to_string(limits.max_path_length));
        if (!e.is_dir && ++files > limits.max_files) {
            add(report, "P.too-many-files", Severity::error, "", 0,
                "more than " + std::to_string(limits.max_files) + " files in the portfolio; lilo stops counting there (a programme's `limits: {max_files: …}` raises it)");
            return false;
        }
        return true;
    });
}

// The portfolio's Markdown files, for their first commits (stopping at the
// programme's default file limit).
std::vector<std::string> markdown_files(const PortfolioFs& pfs)
{
    std::vector<std::string> out;
    pfs.walk([&](const PortfolioFs::TreeEntry& e) {
        if (!e.is_dir && is_document_name(e.rel) && pfs.is_file(e.rel)) out.push_back(e.rel);
        return out.size() < ReadLimits{}.max_files;
    });
    return out;
}

Report check_with_git(const PortfolioFs& disk, const std::filesystem::path& root, const CheckOptions& opt)
{
    std::optional<git::Repository> repo;
    std::string problem;
    try {
        repo = git::Repository::discover(root);
    } catch (const git::Error& e) {
        problem = e.what();
    }
    if (!repo && opt.git == CheckOptions::Git::on)
        throw CannotCheck(opt.folder.string() + ": " + (problem.empty() ? "not in a git work tree (--git asks for one)" : problem));
    if (!repo && opt.changed_since)
        throw CannotCheck("--changed-since " + *opt.changed_since + ": " + opt.folder.string() + " is not in a git work tree");
    if (!repo) {
        Report r = check_portfolio(disk, opt);
        if (!problem.empty()) {
            add(r, "P.git", Severity::warning, "", 0, "the git history could not be read (" + problem + "); checked without it");
            sort_diagnostics(r.diagnostics);
        }
        return r;
    }
    PortfolioHistory history;
    std::vector<git::Change> uncommitted;
    std::set<std::string> changed;
    try {
        history.shallow = repo->is_shallow();
        // In a shallow clone the oldest commit there may be is not when a file
        // was really added: nothing is judged (P.history-shallow says so).
        for (auto& [path, first] : repo->first_added(markdown_files(disk)))
            history.first_added[path] = {first.commit, first.date, first.at_shallow_boundary || history.shallow};
        uncommitted = repo->uncommitted();
        if (opt.changed_since)
            for (auto& p : repo->changed_paths_since(*opt.changed_since)) changed.insert(p);
    } catch (const git::Error& e) {
        // Asked for (--git, --changed-since): an error. Found by itself: checked without it, and said.
        if (opt.git == CheckOptions::Git::on || opt.changed_since) throw CannotCheck(opt.folder.string() + ": git: " + e.what());
        Report r = check_portfolio(disk, opt);
        add(r, "P.git", Severity::warning, "", 0, std::string("the git history could not be read (") + e.what() + "); checked without it");
        sort_diagnostics(r.diagnostics);
        return r;
    }
    // A sign-off without its file list: the commit it signed, if the history has it.
    history.find_signed = [&repo](const std::string& sha) -> std::optional<SignedCommit> {
        try {
            if (auto found = git::commit_with_fingerprint(*repo, sha)) return SignedCommit{found->first, found->second};
        } catch (const git::Error&) {
        }
        return std::nullopt;
    };
    Report r = check_portfolio(disk, opt, &history);

    if (!uncommitted.empty()) {
        std::string list;
        for (std::size_t i = 0; i < uncommitted.size() && i < 5; ++i)
            list += (i ? ", " : "") + uncommitted[i].path + " (" + uncommitted[i].what + ")";
        if (uncommitted.size() > 5) list += ", and " + std::to_string(uncommitted.size() - 5) + " more";
        add(r, "P.uncommitted", Severity::warning, "", 0,
            std::to_string(uncommitted.size()) + " file" + (uncommitted.size() == 1 ? " differs" : "s differ") + " from the last commit: " + list +
                "; this check matches no commit, and neither would a bundle of this folder (commit them, or `lilo bundle --rev HEAD`)");
    }
    const bool records = std::any_of(r.requirements.begin(), r.requirements.end(), [](const auto& q) {
        const auto* kind = find_kind(q.kind);
        return kind && kind->dated_records;
    });
    const bool short_history = history.shallow ||
        std::any_of(history.first_added.begin(), history.first_added.end(), [](const auto& h) { return h.second.at_shallow_boundary; });
    if (records && short_history)
        add(r, "P.history-shallow", Severity::info, "", 0,
            "the git history is too short to judge whether journal entries and meeting records were backdated (a shallow clone, "
            "as CI makes by default); fetch all of it with `git fetch --unshallow`, or in GitHub Actions `actions/checkout` with `fetch-depth: 0`");

    if (opt.changed_since) {
        // Findings about files the change did not touch are left out; the
        // requirements' status stays that of the whole portfolio.
        std::erase_if(r.diagnostics, [&](const Diagnostic& d) {
            if (d.file.empty() || changed.count(d.file)) return false;
            const auto below = changed.lower_bound(d.file + "/");
            return below == changed.end() || !below->starts_with(d.file + "/");
        });
        add(r, "P.changed-since", Severity::info, "", 0,
            "findings shown only for the " + std::to_string(changed.size()) + " file" + (changed.size() == 1 ? "" : "s") + " changed since " +
                *opt.changed_since + "; requirement status is over the whole portfolio");
    }
    sort_diagnostics(r.diagnostics);
    return r;
}

} // namespace

Report check_portfolio(const CheckOptions& opt)
{
    std::error_code ec;
    if (!fs::exists(opt.folder, ec)) throw CannotCheck(opt.folder.string() + ": no such folder");
    if (!fs::is_directory(opt.folder, ec)) throw CannotCheck(opt.folder.string() + ": not a folder");
    std::optional<DiskPortfolio> disk;
    try {
        disk.emplace(opt.folder);
    } catch (const std::exception& e) {
        throw CannotCheck(e.what());
    }
    if (!fs::exists(disk->absolute("portfolio.yaml"), ec) && !fs::is_symlink(disk->absolute("portfolio.yaml"), ec))
        throw CannotCheck(opt.folder.string() + ": no portfolio.yaml here; is this a portfolio folder?");
    // What a bundle carries, when the check is the bundle's report.
    std::optional<SubmittedPortfolio> submitted;
    if (opt.as_submitted) submitted.emplace(*disk);
    const PortfolioFs& files = submitted ? static_cast<const PortfolioFs&>(*submitted) : *disk;
    if (opt.git == CheckOptions::Git::off) return check_portfolio(files, opt);
    return check_with_git(files, disk->root(), opt);
}

Programme programme_for_check(const CheckOptions& opt)
{
    std::optional<DiskPortfolio> disk;
    try {
        disk.emplace(opt.folder);
    } catch (const std::exception& e) {
        throw CannotCheck(e.what());
    }
    const std::optional<Manifest> manifest = manifest_as_far_as_it_reads(*disk);
    return programme_for(opt, manifest, *disk);
}

Report check_portfolio(const PortfolioFs& pfs, const CheckOptions& opt, const PortfolioHistory* history)
{
    const std::string manifest_rel = "portfolio.yaml";
    if (!pfs.exists(manifest_rel)) throw CannotCheck(opt.display_name + ": no portfolio.yaml");

    Report report;
    report.portfolio = opt.display_name.empty() ? opt.folder.string() : opt.display_name;
    report.as_of = opt.as_of.str();

    // portfolio.yaml: read, parse, validate against the schema.
    std::optional<Manifest> manifest;
    auto text = pfs.read_text(manifest_rel);
    if (text.problem) {
        add(report, "P." + text.problem->code, Severity::error, manifest_rel, text.problem->line, text.problem->message);
    } else {
        std::string_view body = text.data;
        if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
        YamlParse parsed = parse_yaml(body);
        for (const auto& p : parsed.problems)
            add(report, "P." + p.code, Severity::error, manifest_rel, p.mark.line > 0 ? p.mark.line : 1, p.message, p.mark.column);
        if (parsed.doc) {
            if (!parsed.doc->value.is_object()) {
                // Empty, or a list or a value: nothing to check until it reads as a mapping.
                add(report, "P.schema", Severity::error, manifest_rel, 1, "portfolio.yaml should be a mapping of fields (lilo, programme, candidate, period, …)");
                parsed.doc.reset();
            } else {
                for (const auto& e : embedded_validator("portfolio.schema.json").validate(*parsed.doc))
                    add(report, "P.schema", Severity::error, manifest_rel, e.mark.line > 0 ? e.mark.line : 1, e.message, e.mark.column);
            }
        }
        if (parsed.doc) {
            for (auto& d : placeholder_findings(*parsed.doc, placeholder::File::manifest, manifest_rel)) report.diagnostics.push_back(std::move(d));
            manifest = read_manifest(std::move(*parsed.doc));
            // Dates that match the pattern but do not exist (2026-02-30).
            for (const char* ptr : {"/period/start", "/period/end", "/mentor/since"}) {
                const auto& v = manifest->yaml.value;
                const nlohmann::json::json_pointer jp(ptr);
                if (v.is_object() && v.contains(jp) && v.at(jp).is_string() && !Date::parse(v.at(jp).get<std::string>()) &&
                    v.at(jp).get<std::string>().size() == 10)
                {
                    std::string name(ptr + 1);
                    std::replace(name.begin(), name.end(), '/', '.');
                    add(report, "P.date", Severity::error, manifest_rel, manifest->line_of(ptr),
                        name + ": '" + v.at(jp).get<std::string>() + "' is not a real date");
                }
            }
            if (manifest->start && manifest->end && *manifest->end < *manifest->start)
                add(report, "P.period", Severity::error, manifest_rel, manifest->line_of("/period/end"),
                    "the period ends (" + manifest->end->str() + ") before it starts (" + manifest->start->str() + ")");
        }
    }

    const Programme programme = programme_for(opt, manifest, pfs);
    pfs.set_max_text_bytes(programme.limits.max_file_bytes);
    check_tree_limits(pfs, programme.limits, report);
    report.programme = programme.id;
    report.programme_title = programme.title;
    report.mentor_signs_off = std::any_of(programme.requirements.begin(), programme.requirements.end(), [](const auto& q) {
        const auto* kind = find_kind(q.kind);
        return kind && kind->signed_off;
    });
    if (manifest) {
        report.candidate_name = manifest->candidate_name;
        report.candidate_id = manifest->candidate_id;
    }

    if (!manifest) {
        // Nothing can be checked until portfolio.yaml reads.
        for (const auto& r : programme.requirements) report.requirements.push_back({r.id, r.title, r.kind, false});
        for (const auto& c : programme.criteria) report.criteria.push_back({c.id, c.title, false, c.required, 0});
        sort_diagnostics(report.diagnostics);
        return report;
    }
    // Without a valid period the schema or P.date has said why; date checks are skipped.
    CheckContext ctx(pfs, *manifest, programme, opt.as_of, report);
    ctx.history = history;
    for (const auto& req : programme.requirements) {
        ctx.begin_requirement(req);
        // The kind's verdict; a requirement with an error is never met,
        // whatever the kind says (the programme loaded, so the kind exists).
        const Outcome outcome = kind_of(req).check(ctx);
        report.requirements.push_back({req.id, req.title, req.kind, outcome == Outcome::met && !ctx.current_has_errors()});
    }
    // The evidence files against what Cambridge's upload takes (man lilo-check, EVIDENCE PRE-FLIGHT).
    preflight_evidence(pfs, programme, report);
    const bool criteria_evaluated = std::any_of(programme.requirements.begin(), programme.requirements.end(), [](const auto& q) {
        const auto* kind = find_kind(q.kind);
        return kind && kind->addresses_criteria;
    });
    if (!criteria_evaluated)
        for (const auto& c : programme.criteria) report.criteria.push_back({c.id, c.title, false, c.required, 0});
    if (!programme.awards.empty()) {
        // The last award whose requirements are all met (and the portfolio's form sound).
        report.qualification = "none";
        const bool form_ok = std::none_of(report.diagnostics.begin(), report.diagnostics.end(),
                                          [](const Diagnostic& d) { return d.owner() == "P" && d.severity == Severity::error; });
        for (const auto& award : programme.awards) {
            const bool reached = form_ok && std::all_of(award.requirements.begin(), award.requirements.end(), [&](const std::string& id) {
                return std::any_of(report.requirements.begin(), report.requirements.end(), [&](const auto& r) { return r.id == id && r.met; });
            });
            if (reached) report.qualification = award.title;
        }
    }
    sort_diagnostics(report.diagnostics);
    return report;
}

} // namespace lilo
