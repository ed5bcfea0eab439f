// A Diploma module (cambridge-diploma R7, R8): an assignment of about 3,600
// words in the module's folder, and evidence of practice, learning and
// reflection under its evidence/ folder, every item linked from the
// assignment. A module counts only once the requirements it comes `after`
// are met (module n+1 after module n).
#include <set>

#include "rules/document.hpp"
#include "rules/kinds.hpp"
#include "rules/records.hpp"

namespace lilo {

namespace {

// The requirements listed in `after` that are not met (they come before this
// one in id order, so they have been checked already).
std::vector<std::string> unmet_before(const CheckContext& ctx, const nlohmann::json& after)
{
    std::vector<std::string> unmet;
    for (const auto& id : after) {
        const std::string want = id.get<std::string>();
        bool met = false;
        for (const auto& r : ctx.report.requirements)
            if (r.id == want) met = r.met;
        if (!met) unmet.push_back(want);
    }
    return unmet;
}

std::string joined(const std::vector<std::string>& v)
{
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
    return out;
}

} // namespace

void check_module(CheckContext& ctx)
{
    const auto& p = ctx.requirement->params;
    const std::string& id = ctx.requirement->id;
    // portfolio.yaml's `modules: {m2: …}` moves a module's folder.
    std::string path = p.value("path", "");
    const auto& own = ctx.manifest.yaml.value.is_object() ? ctx.manifest.yaml.value.value("modules", nlohmann::json::object()) : nlohmann::json::object();
    const std::string key = path.substr(path.rfind('/') + 1);
    std::string pointer;
    if (own.is_object() && own.contains(key) && own[key].is_string()) {
        path = own[key].get<std::string>();
        pointer = "/modules/" + key;
    }
    auto folder = resolve_setting(ctx, path, pointer);
    if (!folder) return;

    if (const auto unmet = unmet_before(ctx, p.value("after", nlohmann::json::array())); !unmet.empty())
        ctx.error("order", *folder, 0,
                  id + " counts only once " + joined(unmet) + (unmet.size() == 1 ? " is" : " are") + " met (module n+1 follows module n)");

    if (!ctx.fs.is_dir(*folder)) {
        ctx.error("missing", *folder, 0, "no module folder '" + *folder + "/' yet");
        return;
    }

    // The assignment: its length, declared length and citations.
    const std::string assignment = ctx.document_path(*folder + "/" + p.value("assignment", "assignment.md"));
    std::set<std::string> linked;
    if (!ctx.fs.exists(assignment)) {
        ctx.error("assignment-missing", assignment, 0, "no assignment '" + assignment + "' yet");
    } else if (const MarkdownFile* f = ctx.markdown(assignment)) {
        const WordLimit lim = requirement_limit(p);
        const auto checked = check_document(ctx, *f, lim, param_number(p, "declared_tolerance"), requirement_count_rules(ctx));
        ctx.report.documents.push_back({id, ctx.requirement->title + " assignment", assignment, checked.words, lim.min, lim.max});
        for (const auto& link : f->doc.links) {
            const auto t = resolve_local(ctx, assignment, link.target);
            if (!t.local) continue;
            if (t.problem) ctx.add(Severity::error, "P." + t.problem->code, assignment, link.line, "link '" + link.target + "': " + t.problem->message);
            else if (!t.exists) ctx.error("link-broken", assignment, link.line, "link to '" + link.target + "': no such file in the portfolio");
            else linked.insert(t.rel);
        }
    }

    // Evidence: at least min_evidence items of each sort, each linked.
    const auto min_items = static_cast<std::size_t>(param_int(p, "min_evidence", 1));
    for (const auto& sort : p.value("evidence", nlohmann::json::array())) {
        const std::string dir = *folder + "/evidence/" + sort.get<std::string>();
        std::size_t items = 0;
        if (ctx.fs.is_dir(dir)) {
            for (const auto& e : ctx.fs.file_entries(dir)) {
                if (e.problem) { ctx.file_problem(e.rel, *e.problem); continue; }
                ++items;
                if (!linked.count(e.rel))
                    ctx.error("evidence-unlinked", e.rel, 0, "evidence not linked from " + assignment + "; link it where the assignment draws on it");
            }
        }
        if (items < min_items)
            ctx.error("evidence-few", dir, 0,
                      (items == 0 ? "no " + sort.get<std::string>() + " evidence"
                                  : "only " + std::to_string(items) + " item" + (items == 1 ? "" : "s") + " of " + sort.get<std::string>() + " evidence") +
                          " in '" + dir + "/'; at least " + std::to_string(min_items) + " needed");
    }
}

} // namespace lilo
