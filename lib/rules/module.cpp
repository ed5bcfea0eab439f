// A Diploma module (cambridge-diploma R7, R8): an assignment of about 3,600
// words in the module's folder, and evidence of practice, learning and
// reflection under its evidence/ folder, every item linked from the
// assignment. A module counts only once the requirements it comes `after`
// are met (module n+1 after module n).
#include <set>

#include "rules/document.hpp"
#include "rules/kinds.hpp"
#include "rules/records.hpp"

#include "scaffold/writer.hpp"

namespace lilo {

namespace {

using namespace lilo::scaffold;

constexpr KindParam params[] = {
    {"path", "the module's folder (portfolio.yaml's `modules:` moves it); default modules/<id>"},
    {"assignment", "the assignment's file, in the module's folder", 0, "assignment.md"},
    {"target_words", "the assignment's length aimed at, in words"},
    {"tolerance", "how far the count may lie from the target, as a fraction of it"},
    param_declared_tolerance,
    {"evidence", "the sorts of evidence, each a folder under <path>/evidence/"},
    {"min_evidence", "the items of each sort needed, each linked from the assignment", 1},
    {"after", "requirements that must be met before this module counts"},
    param_word_count,
    param_component,
};

constexpr KindCode codes[] = {
    code_missing,
    {"order", "A module counts only once the requirements before it are met (module n+1 after module n).",
     "Meet the earlier module's requirements first; this module's own findings still show what it lacks."},
    {"assignment-missing", "The module has no assignment yet.",
     "Write `assignment.md` in the module's folder (about 3,600 words)."},
    code_words,
    code_declared_words,
    code_bibliography_missing,
    code_citation_unresolved,
    {"link-broken", "A local link in the assignment points at no file.",
     "Add the file or correct the link."},
    {"evidence-few", "A module has too few items of one sort of evidence (practice, learning or reflection).",
     "Add the item under the module's evidence/<sort>/ folder and link it from the assignment."},
    {"evidence-unlinked", "An evidence item is not linked from the module's assignment.",
     "Link it where the assignment draws on it, e.g. [observation record](evidence/practice/….md)."},
};

} // namespace

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
        const WordLimit lim = requirement_limit(*ctx.requirement);
        const auto checked = check_document(ctx, *f, lim, param_number(*ctx.requirement, "declared_tolerance"), requirement_count_rules(ctx));
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
    const auto min_items = static_cast<std::size_t>(param_count(*ctx.requirement, "min_evidence"));
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

namespace {

// The module's folder: its `path`, else modules/<id> (modules/r7).
std::string module_folder(const RequirementSpec& r)
{
    const std::string p = param_text(r, "path");
    return p.empty() ? "modules/" + lower(r.id) : p;
}

std::vector<std::string> documents(const RequirementSpec& r)
{
    return {module_folder(r) + "/" + param_text(r, "assignment")};
}

// ---- A Diploma module: its assignment and the guide to its evidence.
void init(scaffold::Writer& w, const RequirementSpec& r)
{
    const auto& p = r.params;
    const std::string dir = folder_prefix(module_folder(r));
    const std::string assignment = param_text(r, "assignment");
    const long min_items = param_count(r, "min_evidence");
    std::vector<std::string> sorts, after;
    for (const auto& x : p.value("evidence", nlohmann::json::array()))
        if (x.is_string()) sorts.push_back(x.get<std::string>());
    for (const auto& x : p.value("after", nlohmann::json::array()))
        if (x.is_string()) after.push_back(x.get<std::string>());

    std::string t = "# " + r.title + " (" + r.id + ")\n\n";
    t += para("`" + assignment + "` is the module's assignment. Keep the evidence it draws on under `evidence/`, one "
              "folder for each sort, and link every item from the assignment where you use it.");
    t += "\n";
    for (const auto& sort : sorts)
        t += bullet("`evidence/" + sort + "/`: at least " + plural(min_items, "item", "items") + " of " + sort +
                    " evidence, e.g. `evidence/" + sort + "/" + w.today.str() + "-" +
                    (sort == "practice" ? "meeting-minutes" : sort == "learning" ? "reading-note" : sort == "reflection" ? "reflective-log" : "item") +
                    ".md`, linked as [" + sort + "](evidence/" + sort + "/…).");
    if (!after.empty())
        t += bullet(r.id + " counts only once " + join(after) + (after.size() == 1 ? " is" : " are") + " met.");
    t += bullet("This README is only a guide; it is not evidence.");
    w.add(dir + "README.md", t);

    std::vector<std::pair<std::string, std::string>> sections = {
        {"Introduction", "The focus of the module in your school and role, and why it matters now."},
        {"Context and literature", "What research says about it, read critically against your own context."},
        {"Leading the development", "What you did, with whom, and what happened: draw on your evidence of practice and "
                                    "link each item, e.g. [minutes](evidence/practice/…)."},
        {"Evaluation", "What changed in teaching and learning, and how you know; what did not."},
        {"Reflection", "What the module taught you about your own leadership, with your evidence of learning and "
                       "reflection, and what you will do next."},
        {"References", "Not counted. pandoc --citeproc writes the list from the bibliography; or write it here yourself."}};
    w.document(dir + assignment, r, "The assignment of " + r.title, "Link every evidence item kept under evidence/.", sections);
}

} // namespace

extern const RequirementKind module_kind;
const RequirementKind module_kind{
    .name = "module",
    .summary = "a Diploma module: its assignment, and evidence of practice, learning and reflection linked from it",
    .params = params,
    .codes = codes,
    .check = check_module,
    .scaffold = init,
    .documents = documents,
};

} // namespace lilo
