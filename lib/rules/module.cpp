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

struct Params : DocumentParams {
    std::optional<std::string> path;  // default modules/<id>, the requirement's (module_folder)
    std::string assignment = "assignment.md";
    std::optional<long> target_words;
    double tolerance = 0;
    std::vector<std::string> evidence;
    long min_evidence = 1;
    std::vector<std::string> after;
    std::optional<std::string> component;
};

constexpr Field fields[] = {
    field<Params, &Params::path>("path", "the module's folder (portfolio.yaml's `modules:` moves it); default modules/<id>"),
    field<Params, &Params::assignment>("assignment", "the assignment's file, in the module's folder"),
    field<Params, &Params::target_words>("target_words", "the assignment's length aimed at, in words"),
    field<Params, &Params::tolerance>("tolerance", "how far the count may lie from the target, as a fraction of it"),
    field_declared_tolerance<Params>,
    field<Params, &Params::evidence>("evidence", "the sorts of evidence, each a folder under <path>/evidence/"),
    field<Params, &Params::min_evidence>("min_evidence", "the items of each sort needed, each linked from the assignment"),
    field<Params, &Params::after>("after", "requirements that must be met before this module counts"),
    field_word_count<Params>,
    field_component<Params>,
};

// The module's folder: its `path`, else modules/<id> (modules/r7).
std::string module_folder(const RequirementSpec& r)
{
    const Params& p = params_of<Params>(r);
    return p.path ? *p.path : "modules/" + lower(r.id);
}

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
std::vector<std::string> unmet_before(const CheckContext& ctx, const std::vector<std::string>& after)
{
    std::vector<std::string> unmet;
    for (const auto& want : after) {
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

Outcome check_module(CheckContext& ctx)
{
    const Params& p = params_of<Params>(*ctx.requirement);
    const std::string& id = ctx.requirement->id;
    // portfolio.yaml's `modules: {m2: …}` moves a module's folder.
    std::string path = module_folder(*ctx.requirement);
    const auto& own = ctx.manifest.yaml.value.is_object() ? ctx.manifest.yaml.value.value("modules", nlohmann::json::object()) : nlohmann::json::object();
    const std::string key = path.substr(path.rfind('/') + 1);
    std::string pointer;
    if (own.is_object() && own.contains(key) && own[key].is_string()) {
        path = own[key].get<std::string>();
        pointer = "/modules/" + key;
    }
    auto folder = resolve_setting(ctx, path, pointer);
    if (!folder) return ctx.outcome();

    if (const auto unmet = unmet_before(ctx, p.after); !unmet.empty())
        ctx.error("order", *folder, 0,
                  id + " counts only once " + joined(unmet) + (unmet.size() == 1 ? " is" : " are") + " met (module n+1 follows module n)");

    if (!ctx.fs.is_dir(*folder)) {
        ctx.error("missing", *folder, 0, "no module folder '" + *folder + "/' yet");
        return Outcome::unmet;
    }

    // The assignment: its length, declared length and citations.
    const std::string assignment = ctx.document_path(*folder + "/" + p.assignment);
    std::set<std::string> linked;
    if (!ctx.fs.exists(assignment)) {
        ctx.error("assignment-missing", assignment, 0, "no assignment '" + assignment + "' yet");
    } else if (const MarkdownFile* f = ctx.markdown(assignment)) {
        const WordLimit lim = requirement_limit(*ctx.requirement);
        const auto checked = check_document(ctx, *f, lim, p.declared_tolerance, requirement_count_rules(ctx));
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
    const auto min_items = static_cast<std::size_t>(p.min_evidence);
    for (const auto& sort : p.evidence) {
        const std::string dir = *folder + "/evidence/" + sort;
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
                      (items == 0 ? "no " + sort + " evidence"
                                  : "only " + std::to_string(items) + " item" + (items == 1 ? "" : "s") + " of " + sort + " evidence") +
                          " in '" + dir + "/'; at least " + std::to_string(min_items) + " needed");
    }
    return ctx.outcome();
}

namespace {

std::vector<std::string> documents(const RequirementSpec& r)
{
    return {module_folder(r) + "/" + params_of<Params>(r).assignment};
}

// ---- A Diploma module: its assignment and the guide to its evidence.
void init(scaffold::Writer& w, const RequirementSpec& r)
{
    const Params& p = params_of<Params>(r);
    const std::string dir = folder_prefix(module_folder(r));
    const std::string& assignment = p.assignment;
    const long min_items = p.min_evidence;
    const std::vector<std::string>& sorts = p.evidence;
    const std::vector<std::string>& after = p.after;

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
    .params = kind_params<Params, fields>,
    .codes = codes,
    .check = check_module,
    .scaffold = init,
    .documents = documents,
};

} // namespace lilo
