#include "core/dump_json.hpp"
#include "rules/explain.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

#include "core/date.hpp"
#include "rules/kinds.hpp"

namespace lilo {

namespace {

// The criteria's codes ("C6.citations"): the same in every criterion.
constexpr KindCode criterion_codes[] = {
    {"unmapped", "The criterion is not mapped to a heading in the essay's front matter.", "Add `Cn: <heading>` under `criteria:`."},
    {"heading-missing", "The heading the criterion maps to is not in the essay.", "Add the heading or correct the mapping."},
    {"words", "The criterion's section is too short.", "Write more under its heading."},
    {"citations", "The section cites too few distinct works from the bibliography.", "Cite the literature you draw on, with [@key]."},
    {"link", "The section does not link to the file it should.", "Link to it, e.g. [my interview](interviews/…)."},
    {"list", "The section has no list of enough items.", "Write the points as a bulleted or numbered list."},
    {"dates", "Too few list items carry a real date.", "Give each action a date YYYY-MM-DD."},
};

// The portfolio's form ("P.encoding"): files readable, UTF-8, valid YAML, inside the folder.
constexpr KindCode portfolio_codes[] = {
    {"encoding", "The file is not UTF-8 text.", "Save it as UTF-8 (your editor's Save As … encoding)."},
    {"name-encoding", "A file or folder name is not valid UTF-8 (often a Latin-1 name from an old machine or archive).", "Rename it; `ls` shows it as '?' and lilo as \\xHH."},
    {"yaml-syntax", "The YAML does not parse.", "Fix the indentation or quoting at the line shown."},
    {"schema", "A field of portfolio.yaml is missing, unknown or of the wrong type.", "See `man lilo-portfolio` and schemas/portfolio.schema.json."},
    {"path-outside", "A path leads outside the portfolio (.., an absolute path, or a symbolic link out).", "Keep every file inside the portfolio folder."},
};

const KindCode* find_code(std::span<const KindCode> codes, std::string_view slug)
{
    for (const auto& c : codes)
        if (c.slug == slug) return &c;
    return nullptr;
}

std::string param_lines(const Programme& p, const std::string& base, const nlohmann::json& params)
{
    std::string out;
    for (auto it = params.begin(); it != params.end(); ++it) {
        if (it.key() == "kind" || it.key() == "title") continue;
        const std::string ptr = base + "/" + it.key();
        std::string origin = "?";
        for (const auto& [k, v] : p.origins)
            if (k == ptr || k.starts_with(ptr + "/")) { origin = v; break; }
        // A requirement added whole by a file is recorded once, at its root.
        for (std::string up = ptr; origin == "?" && up.find('/') != std::string::npos;) {
            up.erase(up.rfind('/'));
            if (auto at = p.origins.find(up); at != p.origins.end()) origin = at->second;
        }
        std::string value = dump_json(*it);
        if (value.size() > 70) value = value.substr(0, 67) + "…";
        out += fmt::format("  {:<26} {}  ({})\n", it.key(), value, origin);
    }
    return out;
}

std::string status_of(const Report* r, const std::string& id)
{
    if (!r) return "";
    for (const auto& q : r->requirements)
        if (q.id == id) return q.met ? "met" : "unmet";
    for (const auto& c : r->criteria)
        if (c.id == id) return c.addressed ? "addressed" : "missing";
    return "";
}

} // namespace

std::string explain_overview(const Programme& p, const Report* r)
{
    std::string out = fmt::format("{} ({}), from {}\n", p.title, p.id, p.source);
    for (const auto& q : p.requirements) {
        const auto* kind = find_kind(q.kind);
        out += fmt::format("  {:<4} {:<42} {:<7} {}\n", q.id, q.title, status_of(r, q.id), kind ? kind->summary : "");
    }
    for (const auto& c : p.criteria) out += fmt::format("  {:<4} {:<42} {}\n", c.id, c.title.substr(0, 42), status_of(r, c.id));
    out += "`lilo explain R2` (or C6, or a code such as R2.gap) says more.\n";
    return out;
}

std::optional<std::string> explain(const Programme& p, const std::string& id, const Report* r)
{
    const auto dot = id.find('.');
    const std::string owner = id.substr(0, dot);
    const std::string slug = dot == std::string::npos ? "" : id.substr(dot + 1);
    std::string out;
    const RequirementSpec* req = nullptr;
    const CriterionSpec* crit = nullptr;
    for (const auto& q : p.requirements) if (q.id == owner) req = &q;
    for (const auto& c : p.criteria) if (c.id == owner) crit = &c;
    if (!req && !crit && owner != "P") return std::nullopt;
    if (req) {
        const auto* kind = find_kind(req->kind);
        out += fmt::format("{} {} (kind {}): {}\n", req->id, req->title, req->kind, kind ? kind->summary : "");
        if (const auto st = status_of(r, req->id); !st.empty()) out += fmt::format("Here: {}.\n", st);
        out += "Parameters in force, and where each comes from:\n" + param_lines(p, "/requirements/" + req->id, req->params);
    } else if (crit) {
        out += fmt::format("{} {}\n", crit->id, crit->title);
        if (const auto st = status_of(r, crit->id); !st.empty()) out += fmt::format("Here: {}.\n", st);
        out += "Addressed when the essay's front matter maps it to headings (`criteria:`), each of those sections has enough words, and its own check holds.\n";
        out += "Parameters in force, and where each comes from:\n" + param_lines(p, "/criteria/" + crit->id, crit->params);
    } else {
        out += "P: the portfolio's files: readable, UTF-8, valid YAML, inside the folder.\n";
    }
    if (!slug.empty()) {
        const KindCode* code = req ? (find_kind(req->kind) ? find_kind(req->kind)->code(slug) : nullptr)
                             : crit ? find_code(criterion_codes, slug) : find_code(portfolio_codes, slug);
        if (!code) return std::nullopt;
        out += fmt::format("\n{}: {}\nTo fix: {}\n", id, code->meaning, code->fix);
    }
    const auto entries = r && req ? r->entries_of(req->id) : std::vector<const DatedEntry*>{};
    if (slug.empty() && !entries.empty()) {
        // The cadence by stated date and, in a git work tree, by commit date.
        const bool git = std::any_of(entries.begin(), entries.end(), [](const auto* e) { return !e->committed.empty(); });
        out += git ? "\nCadence: each entry's stated date, and when the commit that first added it was made:\n"
                   : "\nCadence: each entry's stated date (no git history here to set beside it):\n";
        std::optional<Date> previous;
        for (const auto* entry : entries) {
            const auto& e = *entry;
            const auto d = Date::parse(e.date);
            const std::string gap = previous && d ? fmt::format("{:>4} days", *d - *previous) : std::string(9, ' ');
            std::string commit = "                          ";
            if (const auto c = Date::parse(e.committed); c && d)
                commit = fmt::format("committed {}  {:>+5}", c->str(), *c - *d);
            else if (git)
                commit = "not committed             ";
            out += git ? fmt::format("  {}  {}  {}  {}\n", e.date, gap, commit, e.file) : fmt::format("  {}  {}  {}\n", e.date, gap, e.file);
            if (d) previous = d;
        }
    }
    if (r) {
        std::string found;
        for (const auto& d : r->diagnostics)
            if (d.owner() == owner && (slug.empty() || d.code == id))
                found += fmt::format("  {}{}: {}: {}\n", d.file, d.line > 0 ? ":" + std::to_string(d.line) : "", d.code, d.message);
        if (!found.empty()) out += "\nIn this portfolio:\n" + found;
    }
    return out;
}

} // namespace lilo
