#include "export/cover.hpp"

#include <algorithm>

#include "check.hpp"
#include "portfolio/submitted.hpp"
#include "portfolio/fsys.hpp"
#include "portfolio/manifest.hpp"

namespace lilo {

namespace {

std::string trimmed(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n' || s.back() == '#')) s.remove_suffix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return std::string(s);
}

// The local files a section links to (`[text](target)`), resolved from the essay's folder.
std::vector<std::string> local_links(const PortfolioFs& files, std::string_view text, const std::string& essay_dir)
{
    std::vector<std::string> out;
    std::size_t pos = 0;
    while ((pos = text.find("](", pos)) != std::string_view::npos) {
        pos += 2;
        const std::size_t end = text.find(')', pos);
        if (end == std::string_view::npos) break;
        std::string target(text.substr(pos, end - pos));
        if (auto sp = target.find(' '); sp != std::string::npos) target.resize(sp); // a title after the destination
        if (auto h = target.find('#'); h != std::string::npos) target.resize(h);
        if (target.empty() || target.find("://") != std::string::npos || target.starts_with("mailto:")) continue;
        const auto r = files.resolve(target, essay_dir);
        if (r.problem || r.rel.empty()) continue;
        if (std::find(out.begin(), out.end(), r.rel) == out.end()) out.push_back(r.rel);
    }
    return out;
}

// The text under each heading whose title is given, up to the next heading of the same or a higher level.
std::string section_text(std::string_view body, const std::string& title)
{
    std::string out;
    int level = 0;
    std::size_t pos = 0;
    while (pos < body.size()) {
        std::size_t end = body.find('\n', pos);
        end = end == std::string_view::npos ? body.size() : end + 1;
        const std::string_view l = body.substr(pos, end - pos);
        int n = 0;
        while (static_cast<std::size_t>(n) < l.size() && l[static_cast<std::size_t>(n)] == '#') ++n;
        const bool heading = n >= 1 && n <= 6 && static_cast<std::size_t>(n) < l.size() && l[static_cast<std::size_t>(n)] == ' ';
        if (heading) {
            if (level > 0 && n <= level) return out;
            if (level == 0 && trimmed(l.substr(static_cast<std::size_t>(n))) == title) level = n;
        } else if (level > 0) {
            out += l;
        }
        pos = end;
    }
    return out;
}

} // namespace

CoverSheet gather_cover_sheet(const PortfolioFs& files, const nlohmann::json& report, const YamlDoc& manifest,
                              const SubmissionIdentity* identity, std::string_view version)
{
    CoverSheet c;
    const auto& cand = report.value("candidate", nlohmann::json::object());
    c.candidate_name = cand.value("name", "");
    c.candidate_id = cand.value("id", "");
    if (identity) {
        c.candidate_number = identity->candidate;
        c.centre_number = identity->centre;
        c.syllabus = identity->syllabus;
        c.component = identity->component;
    }
    const Manifest m = read_manifest(manifest);
    c.programme_title = report.value("programme", "");   // the caller gives the programme's title when it has it
    c.period = (m.start ? m.start->str() : std::string("?")) + " to " + (m.end ? m.end->str() : std::string("?"));
    if (m.mentor.name) c.mentor = *m.mentor.name + (m.mentor.role ? ", " + *m.mentor.role : "");
    for (const auto& r : report.value("requirements", nlohmann::json::array()))
        c.requirements.push_back({r.value("id", ""), r.value("title", ""), r.value("status", "") == "met"});
    auto document = [&](const nlohmann::json& d, const std::string& title) {
        CoverSheet::Document doc;
        doc.title = title;
        doc.file = d.value("file", "");
        doc.words = d.value("words", std::uint64_t{0});
        const auto& lim = d.value("limit", nlohmann::json::object());
        doc.min = lim.value("min", std::uint64_t{0});
        if (lim.contains("max") && lim["max"].is_number()) doc.max = lim["max"].get<std::uint64_t>();
        doc.within = doc.words >= doc.min && (!doc.max || doc.words <= *doc.max);
        c.documents.push_back(doc);
    };
    std::string essay_file;
    if (report.contains("essay") && report["essay"].is_object() && report["essay"].contains("words") && report["essay"]["words"].is_number() &&
        report["essay"].contains("file") && report["essay"]["file"].is_string()) {
        essay_file = report["essay"].value("file", "");
        std::string title = "Essay";
        for (const auto& r : report.value("requirements", nlohmann::json::array()))
            if (r.value("kind", "") == "essay") title = r.value("title", title);
        document(report["essay"], title);
    }
    for (const auto& d : report.value("documents", nlohmann::json::array())) document(d, d.value("title", ""));
    c.status = report.value("status", "");
    c.as_of = report.value("as_of", "");
    c.lilo_version = std::string(version);
    c.fingerprint = files.fingerprint();

    // The sign-off: who, when, and whether the portfolio is as it was signed.
    if (files.is_file("signoff.yaml")) {
        c.signoff.present = true;
        const auto t = files.read_text("signoff.yaml");
        if (!t.problem) {
            auto parsed = parse_yaml(t.data);
            if (parsed.doc && parsed.doc->value.is_object()) {
                const auto& v = parsed.doc->value;
                c.signoff.name = json_text(v, "name").value_or(json_text(v, "mentor").value_or(""));
                c.signoff.date = json_text(v, "date").value_or("");
                c.signoff.current = json_text(v, "sha256").value_or("") == c.fingerprint;
            }
        }
    }

    // The criteria map: each criterion's section (the essay's `criteria:` mapping) and what it links to.
    std::string body;
    nlohmann::json mapping;
    if (!essay_file.empty()) {
        const auto t = files.read_text(essay_file);
        if (!t.problem) {
            const auto split = split_front_matter(t.data);
            body = without_html_comments(split.body);
            auto fm = parse_yaml(split.front);
            if (fm.doc && fm.doc->value.is_object() && fm.doc->value.contains("criteria")) mapping = fm.doc->value["criteria"];
        }
    }
    for (const auto& k : report.value("criteria", nlohmann::json::array())) {
        CoverSheet::Criterion cr;
        cr.id = k.value("id", "");
        cr.title = k.value("title", "");
        cr.status = k.value("status", "");
        cr.words = k.value("words", std::uint64_t{0});
        if (mapping.is_object() && mapping.contains(cr.id) && mapping[cr.id].is_string()) {
            cr.section = mapping[cr.id].get<std::string>();
            cr.evidence = local_links(files, section_text(body, cr.section), parent_of(essay_file));
        }
        c.criteria.push_back(std::move(cr));
    }
    return c;
}

CoverSheet cover_sheet_of(const std::filesystem::path& root, const Report& report, const CheckOptions& check, std::string_view version)
{
    const DiskPortfolio files(root);
    const nlohmann::json json = to_json(report, version);
    YamlDoc manifest;
    const auto text = files.read_text("portfolio.yaml");
    if (!text.problem)
        if (auto parsed = parse_yaml(text.data); parsed.doc) manifest = std::move(*parsed.doc);
    std::optional<SubmissionIdentity> identity;
    try {
        const Manifest m = read_manifest(manifest);
        const Programme programme = check.programme ? load_programme(*check.programme, "") : load_programme(m.programme.value_or("lilo-certificate"), root);
        identity = submission_identity(manifest, programme, json);
        if (!identity->problems.empty()) identity.reset();
    } catch (const std::exception&) {
        identity.reset();  // the check has said what is wrong with the programme
    }
    CoverSheet sheet = gather_cover_sheet(files, json, manifest, identity ? &*identity : nullptr, version);
    sheet.programme_title = report.programme_title;
    return sheet;
}

} // namespace lilo
