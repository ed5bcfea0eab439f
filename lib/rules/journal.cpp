// R2: a reflective journal kept throughout: enough entries, each dated
// inside the period and long enough, begun early, without long gaps, kept up
// to the end; entries that name a reflective model follow its headings.
#include <algorithm>

#include "core/dump_json.hpp"
#include "rules/kinds.hpp"
#include "rules/near_miss.hpp"
#include "rules/records.hpp"
#include "text/near.hpp"
#include "text/utf8.hpp"

#include "scaffold/writer.hpp"

namespace lilo {

namespace {

using namespace lilo::scaffold;

struct Params : BackdateParams {
    std::string folder = "journal";
    long min_entries = 0;
    long min_words = 0;
    long first_within_days = 0;
    long max_gap_days = 0;
    long last_within_days = 0;
    nlohmann::json models = nlohmann::json::object(); // name → the headings it needs (the schema's shape)
};

constexpr Field fields[] = {
    field<Params, &Params::folder>("folder", "the entries' folder (portfolio.yaml's `journal:` moves it)"),
    field<Params, &Params::min_entries>("min_entries", "the entries needed"),
    field<Params, &Params::min_words>("min_words", "the words each entry needs"),
    field<Params, &Params::first_within_days>("first_within_days", "how many days after the period starts the first entry may come"),
    field<Params, &Params::max_gap_days>("max_gap_days", "the longest gap between two entries, in days"),
    field<Params, &Params::last_within_days>("last_within_days", "how many days before the end (or today) the last entry may be"),
    field<Params, &Params::models>("models", "reflective models an entry may name (`model:`), each with the headings it needs"),
    field_max_backdate_days<Params>,
    field_backdated<Params>,
};

constexpr KindCode codes[] = {
    {"journal-missing", "The journal folder does not exist.",
     "Create `journal/` and add one Markdown file per entry."},
    {"entries", "Too few journal entries count.",
     "Keep writing: each entry dated inside the period, not in the future, long enough."},
    code_undated,
    {"outside-period", "An entry is dated outside the programme period.",
     "Correct the date."},
    {"future", "An entry is dated after today.",
     "Correct the date."},
    {"words", "An entry has too few words.",
     "Write more; `lilo count FILE` shows what counts."},
    {"model-headings", "The entry names a reflective model but lacks some of its headings.",
     "Add the missing headings, or remove `model:`."},
    {"model-unknown", "The entry names a reflective model lilo does not know.",
     "Use gibbs, rolfe, kolb or brookfield, or remove `model:`."},
    {"first-late", "The first entry came too long after the start.",
     "A late start cannot be undone, and an entry must never be backdated: keep writing, and say in your next entry why the journal started late."},
    {"gap", "Too long between two entries.",
     "A gap already past cannot be closed, and an entry must never be backdated: add an entry now, and explain the gap in it; then keep the next gaps within the limit."},
    {"last-late", "The last entry is too long before the end (or today).",
     "Write a new entry."},
    code_backdated,
};

} // namespace

namespace {

// The headings of the reflective model an entry names, or null when the
// programme has no such model. Model names match ignoring case, in the entry
// and in the programme file.
const nlohmann::json* model_headings(const Params& p, const std::string& model)
{
    const std::string key = match_key(model);
    const nlohmann::json* headings = nullptr;
    if (p.models.is_object())
        for (auto it = p.models.begin(); it != p.models.end(); ++it)
            if (match_key(it.key()) == key) headings = &it.value();
    return headings;
}

void check_model(CheckContext& ctx, const DatedRecord& r, bool& ok)
{
    const auto& meta = r.file->meta();
    if (!meta.contains("model")) return;
    const std::string model = meta["model"].is_string() ? meta["model"].get<std::string>() : dump_json(meta["model"]);
    const Params& p = params_of<Params>(*ctx.requirement);
    const auto& models = p.models;
    const nlohmann::json* headings = model_headings(p, model);
    if (!headings) {
        std::string known;
        if (models.is_object())
            for (auto it = models.begin(); it != models.end(); ++it) known += (known.empty() ? "" : ", ") + it.key();
        ctx.finding(Severity::warning, "model-unknown", r.rel, r.file->line_of("/model"),
                    "unknown reflective model '" + model + "'" + (known.empty() ? "" : " (lilo knows " + known + ")") + "; its headings are not checked");
        return;
    }
    std::vector<std::string> missing;
    std::string hints;
    int line = r.file->line_of("/model");
    for (const auto& h : *headings) {
        const std::string name = h.get<std::string>();
        if (!r.file->doc.find_headings(name).empty()) continue;
        missing.push_back(name);
        if (const auto hint = heading_hint(r.file->doc, name, 0); !hint.text.empty()) {
            // At the first near miss's line, where the fix is.
            if (hints.empty()) line = hint.line;
            hints += hint.text.substr(1);
        }
    }
    if (!missing.empty()) {
        std::string list;
        for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
        ctx.error("model-headings", r.rel, line,
                  "declares the " + model + " model but lacks the heading" + (missing.size() == 1 ? " " : "s ") + list +
                      (hints.empty() ? "" : ";" + hints));
        ok = false;
    }
}

} // namespace

Outcome check_journal(CheckContext& ctx)
{
    const Params& p = params_of<Params>(*ctx.requirement);
    const long min_entries = p.min_entries;
    const auto min_words = static_cast<std::uint64_t>(p.min_words);
    const long first_within = p.first_within_days;
    const long max_gap = p.max_gap_days;
    const long last_within = p.last_within_days;
    const std::string folder = requirement_place(*ctx.requirement, &ctx.manifest)->path;
    auto records = read_records(ctx, folder, "journal-missing", "journal");
    if (!records) return ctx.outcome();

    long good = 0;
    std::vector<const DatedRecord*> dated; // inside the period and not in the future: the cadence
    for (auto& r : *records) {
        date_record(ctx, r, "undated");
        check_backdated(ctx, r, p);
        bool ok = r.date.has_value();
        if (r.date && ctx.manifest.start && ctx.manifest.end && (*r.date < *ctx.manifest.start || *r.date > *ctx.manifest.end)) {
            ctx.error("outside-period", r.rel, r.date_line,
                      "entry dated " + r.date->str() + ", outside the period " + ctx.manifest.start->str() + " to " + ctx.manifest.end->str());
            ok = false;
        } else if (r.date && *r.date > ctx.as_of) {
            ctx.error("future", r.rel, r.date_line, "entry dated " + r.date->str() + ", after today (" + ctx.as_of.str() + ")");
            ok = false;
        } else if (r.date) {
            dated.push_back(&r);
        }
        if (r.words < min_words) {
            ctx.error("words", r.rel, 1, with_commas(r.words) + " words; a journal entry needs at least " + with_commas(min_words));
            ok = false;
        }
        check_model(ctx, r, ok);
        if (ok) ++good;
    }
    if (good < min_entries)
        ctx.error("entries", folder, 0,
                  std::to_string(good) + " journal entr" + (good == 1 ? "y counts" : "ies count") + "; at least " + std::to_string(min_entries) +
                      " needed (dated inside the period and not after today, " + std::to_string(min_words) + "+ words each)");

    std::stable_sort(dated.begin(), dated.end(), [](const DatedRecord* a, const DatedRecord* b) { return *a->date < *b->date; });
    for (const auto* r : dated) {
        std::string committed;
        if (ctx.history)
            if (auto it = ctx.history->first_added.find(r->rel); it != ctx.history->first_added.end() && !it->second.at_shallow_boundary)
                committed = it->second.date;
        ctx.report.entries.push_back({ctx.requirement->id, r->rel, r->date->str(), committed});
    }
    if (!ctx.manifest.start || !ctx.manifest.end || dated.empty()) return ctx.outcome();
    const Date start = *ctx.manifest.start;
    const DatedRecord& first = *dated.front();
    if (*first.date - start > first_within)
        ctx.error("first-late", first.rel, first.date_line,
                  "first entry " + first.date->str() + ", " + std::to_string(*first.date - start) + " days after the period starts (" +
                      start.str() + "); at most " + std::to_string(first_within));
    for (std::size_t i = 1; i < dated.size(); ++i) {
        const long gap = *dated[i]->date - *dated[i - 1]->date;
        if (gap > max_gap)
            ctx.error("gap", dated[i]->rel, dated[i]->date_line,
                      std::to_string(gap) + " days since the previous entry (" + dated[i - 1]->date->str() + "); at most " + std::to_string(max_gap));
    }
    if (ctx.as_of < start) return ctx.outcome();
    const Date end = *ctx.effective_end();
    const DatedRecord& last = *dated.back();
    if (end - *last.date > last_within) {
        const bool running = ctx.as_of < *ctx.manifest.end;
        ctx.error("last-late", last.rel, last.date_line,
                  "last entry " + last.date->str() + ", " + std::to_string(end - *last.date) + " days before " +
                      (running ? "today (" + end.str() + ")" : "the period ends (" + end.str() + ")") + "; at most " + std::to_string(last_within));
    }
    return ctx.outcome();
}

namespace {

void model_template(scaffold::Writer& w, const std::string& dir, const std::string& model, const std::vector<std::string>& headings, long words)
{
    const ModelGuide* g = model.empty() ? nullptr : model_guide(model);
    std::string t = "---\n";
    t += "# A journal entry" + (model.empty() ? std::string() : " using " + (g ? std::string(g->name) : "the " + model + " model")) + ".\n";
    t += "# Copy this file into " + (dir.empty() ? std::string("the portfolio folder") : dir) +
         " as YYYY-MM-DD-a-short-title.md (the date in\n";
    t += "# the name dates the entry), or give the date below and remove its `#`.\n";
    t += "# date: YYYY-MM-DD\n";
    if (!model.empty()) t += "model: " + yaml_scalar(model) + "\n";
    t += "---\n\n";
    std::vector<std::string> intro;
    if (words > 0) intro.push_back("At least " + plural(words, "word", "words") + ", not counting these comments.");
    if (!model.empty())
        intro.push_back("An entry with `model: " + model + "` needs every heading below (at any level, in any order).");
    else
        intro.push_back("What happened, what you made of it, what you learned, and what you will do next.");
    t += comment(intro);
    for (const auto& h : headings) {
        t += "\n## " + md_heading(h) + "\n";
        const char* prompt = nullptr;
        if (g)
            if (auto it = g->headings.find(lower(h)); it != g->headings.end()) prompt = it->second;
        if (prompt) t += "\n" + comment({prompt});
    }
    w.add(dir + "templates/" + (model.empty() ? std::string("entry") : model) + ".md", t);
}

// ---- R2: the journal, with a template per reflective model.
void init(scaffold::Writer& w, const RequirementSpec& r)
{
    const Params& p = params_of<Params>(r);
    const std::string dir = folder_prefix(p.folder);
    w.ignore("/" + dir + "templates/");
    const long entries = p.min_entries;
    const long words = p.min_words;
    std::vector<std::pair<std::string, std::vector<std::string>>> models;
    if (p.models.is_object())
        for (auto it = p.models.begin(); it != p.models.end(); ++it) models.emplace_back(it.key(), alternatives(*it));

    std::string t = "# " + r.title + " (" + r.id + ")\n\n";
    t += para("One Markdown file here for each journal entry, e.g. `" + w.today.str() +
              "-a-short-title.md`, kept throughout the programme. This README and the `templates/` folder are not "
              "counted as entries.");
    t += "\n";
    t += bullet("Date each entry: start its file name with the date (`YYYY-MM-DD-…`) or give `date: YYYY-MM-DD` in its "
                "front matter. The date must lie inside your period and not in the future.");
    if (words > 0) t += bullet("Write at least " + plural(words, "word", "words") + " in each entry.");
    if (entries > 0) t += bullet("At least " + plural(entries, "entry is", "entries are") + " needed.");
    t += bullet("Start early and keep going: the first entry within " + plural(p.first_within_days, "day", "days") +
                " of the start, no gap of more than " + plural(p.max_gap_days, "day", "days") +
                " between entries, and the last within " + plural(p.last_within_days, "day", "days") +
                " of the end (or of today, while the period runs).");
    if (!models.empty()) {
        t += bullet("An entry may follow a reflective model: say `model: <name>` in its front matter and use that model's "
                    "headings (at any level, in any order). Start from a template:");
        for (const auto& [model, headings] : models) {
            const ModelGuide* g = model_guide(model);
            std::string headings_list;
            for (const auto& h : headings) headings_list += (headings_list.empty() ? "" : ", ") + h;
            t += "  - " + wrap("`templates/" + model + ".md`: " + (g ? std::string(g->name) : "`model: " + model + "`") + " (" +
                                   headings_list + ")",
                               76, "    ", 4) + "\n";
        }
        t += "\n" + para("Copy a template into this folder under a dated name and write over its prompts.");
    } else {
        t += "\n" + para("Copy `templates/entry.md` into this folder under a dated name to start an entry.");
    }
    w.add(dir + "README.md", t);
    if (models.empty()) model_template(w, dir, "", {}, words);
    for (const auto& [model, headings] : models) model_template(w, dir, model, headings, words);
}


// The journal's entries, where portfolio.yaml has its folder.
std::vector<std::string> own_writing(const CheckContext& ctx, const RequirementSpec& r)
{
    std::vector<std::string> out;
    const auto rel = ctx.fs.resolve(requirement_place(r, &ctx.manifest)->path, "");
    if (rel.problem || !ctx.fs.is_dir(rel.rel)) return out;
    for (const auto& e : ctx.fs.markdown_entries(rel.rel))
        if (!e.problem) out.push_back(e.rel);
    return out;
}

// For the editor: an entry that names a model needs the model's headings.
FileHeadings entry_headings(const RequirementSpec& r, const nlohmann::json& meta)
{
    FileHeadings out;
    if (!meta.is_object() || !meta.contains("model") || !meta["model"].is_string()) return out;
    if (const auto* headings = model_headings(params_of<Params>(r), meta["model"].get<std::string>()); headings && headings->is_array())
        for (const auto& h : *headings)
            if (h.is_string()) out.headings.push_back({h.get<std::string>()});
    return out;
}

// For lilo serve's time line: the limits the entries are drawn against.
nlohmann::json timeline(const RequirementSpec& r)
{
    const Params& p = params_of<Params>(r);
    return {{"max_gap_days", p.max_gap_days}, {"min_entries", p.min_entries}, {"min_words", p.min_words},
            {"first_within_days", p.first_within_days}, {"last_within_days", p.last_within_days}};
}

} // namespace

extern const RequirementKind journal_kind;
const RequirementKind journal_kind{
    .name = "journal",
    .summary = "a reflective journal kept throughout the period",
    .params = kind_params<Params, fields>,
    .codes = codes,
    .check = check_journal,
    .scaffold = init,
    .own_writing = own_writing,
    .moved_by = "journal",
    .required_headings = entry_headings,
    .timeline = timeline,
    .dated_records = true,
};

} // namespace lilo
