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

namespace lilo {

namespace {

void check_model(CheckContext& ctx, const DatedRecord& r, bool& ok)
{
    const auto& meta = r.file->meta();
    if (!meta.contains("model")) return;
    const std::string model = meta["model"].is_string() ? meta["model"].get<std::string>() : dump_json(meta["model"]);
    const auto& models = ctx.requirement->params.contains("models") ? ctx.requirement->params["models"] : nlohmann::json::object();
    // Model names match ignoring case, in the entry and in the programme file.
    const std::string key = match_key(model);
    const nlohmann::json* headings = nullptr;
    if (models.is_object())
        for (auto it = models.begin(); it != models.end(); ++it)
            if (match_key(it.key()) == key) headings = &it.value();
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

void check_journal(CheckContext& ctx)
{
    const auto& p = ctx.requirement->params;
    const long min_entries = param_int(p, "min_entries");
    const auto min_words = static_cast<std::uint64_t>(param_int(p, "min_words"));
    const long first_within = param_int(p, "first_within_days");
    const long max_gap = param_int(p, "max_gap_days");
    const long last_within = param_int(p, "last_within_days");
    const std::string folder = ctx.configured_path("journal", "folder", "journal");
    auto records = read_records(ctx, folder, "journal-missing", "journal");
    if (!records) return;

    long good = 0;
    std::vector<const DatedRecord*> dated; // inside the period and not in the future: the cadence
    for (auto& r : *records) {
        date_record(ctx, r, "undated");
        check_backdated(ctx, r);
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
        ctx.report.journal_dates.push_back(r->date->str());
        std::string committed;
        if (ctx.history)
            if (auto it = ctx.history->first_added.find(r->rel); it != ctx.history->first_added.end() && !it->second.at_shallow_boundary)
                committed = it->second.date;
        ctx.report.journal_entries.push_back({r->rel, r->date->str(), committed});
    }
    if (!ctx.manifest.start || !ctx.manifest.end || dated.empty()) return;
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
    if (ctx.as_of < start) return;
    const Date end = *ctx.effective_end();
    const DatedRecord& last = *dated.back();
    if (end - *last.date > last_within) {
        const bool running = ctx.as_of < *ctx.manifest.end;
        ctx.error("last-late", last.rel, last.date_line,
                  "last entry " + last.date->str() + ", " + std::to_string(end - *last.date) + " days before " +
                      (running ? "today (" + end.str() + ")" : "the period ends (" + end.str() + ")") + "; at most " + std::to_string(last_within));
    }
}

} // namespace lilo
