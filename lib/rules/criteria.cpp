#include "rules/criteria.hpp"

#include "rules/kinds.hpp"
#include "rules/near_miss.hpp"
#include "rules/records.hpp"

#include <algorithm>

namespace lilo {

namespace {

struct Sections {
    std::vector<std::pair<std::size_t, std::size_t>> ranges; // [heading, section_end)
    bool contains(int heading) const
    {
        for (const auto& [b, e] : ranges)
            if (heading >= static_cast<int>(b) && heading < static_cast<int>(e)) return true;
        return false;
    }
};

// A path of the default layout (spec §1) as this portfolio has it: a file or
// folder that portfolio.yaml moves (`interviews: talks/`, `project:
// work/idp.md`) is followed, through each kind's `moved_by`.
std::string moved_path(const CheckContext& ctx, const std::string& path)
{
    const auto slash = path.find('/');
    const std::string first = slash == std::string::npos ? path : path.substr(0, slash);
    for (const auto& q : ctx.programme.requirements) {
        const auto place = requirement_place(q, nullptr);  // where the programme puts it
        if (!place) continue;
        const bool moved_file = !place->folder && path == place->path;
        // Compared as paths: `folder: interviews/` is the folder interviews.
        const bool in_moved_folder = place->folder && slash != std::string::npos && first == ctx.fs.resolve(place->path, "").rel;
        if (!moved_file && !in_moved_folder) continue;
        const auto moved = ctx.manifest.path_setting(std::string(kind_of(q).moved_by));
        if (!moved) break;
        const auto r = ctx.fs.resolve(*moved, "");
        if (moved_file) return r.rel;
        if (!r.problem) return r.rel + path.substr(slash);
        break;
    }
    // Folders of the layout that no requirement owns but portfolio.yaml can move.
    static constexpr std::string_view folders[] = {"presentation", "courses"};
    const bool is_folder_setting = std::find(std::begin(folders), std::end(folders), first) != std::end(folders);
    if (slash != std::string::npos && is_folder_setting)
        if (auto moved = ctx.manifest.path_setting(first)) {
            const auto r = ctx.fs.resolve(*moved, "");
            if (!r.problem) return r.rel + path.substr(slash);
        }
    return path;
}

} // namespace

long criterion_min_words(const CriterionSpec& criterion, const RequirementSpec& essay)
{
    if (criterion.min_words) return *criterion.min_words;
    return kind_of(essay).takes("min_section_words") ? param_count(essay, "min_section_words") : 0;
}

void evaluate_criteria(CheckContext& ctx, const MarkdownFile* essay, const std::set<std::string>& keys)
{
    const nlohmann::json empty = nlohmann::json::object();
    const auto& map = essay && essay->meta().contains("criteria") && essay->meta()["criteria"].is_object() ? essay->meta()["criteria"] : empty;
    const auto named = ctx.report.documents_of(ctx.requirement->id);
    const std::string file = essay ? essay->rel : named.empty() ? std::string() : named.front()->file;
    for (const auto& c : ctx.programme.criteria) {
        CriterionResult res{c.id, c.title, false, c.required, 0};
        std::vector<std::string> why; // codes of the warnings that say why it is missing
        auto miss = [&](const std::string& slug, int line, std::string msg) {
            ctx.add(Severity::warning, c.id + "." + slug, file, line, std::move(msg));
            if (std::find(why.begin(), why.end(), c.id + "." + slug) == why.end()) why.push_back(c.id + "." + slug);
        };
        if (!essay) {
            why.push_back("no essay");
        } else if (!map.contains(c.id)) {
            miss("unmapped", essay->line_of("/criteria"),
                 c.id + " (" + c.title + ") is not mapped to a heading: add `" + c.id + ": <heading>` under `criteria:` in the front matter");
        } else {
            const auto& m = map[c.id];
            const std::string ptr = "/criteria/" + c.id;
            std::vector<std::string> names;
            if (m.is_string()) names.push_back(m.get<std::string>());
            else if (m.is_array()) for (const auto& x : m) if (x.is_string()) names.push_back(x.get<std::string>());
            if (names.empty()) miss("unmapped", essay->line_of(ptr), c.id + " maps to no heading");
            const auto min_words = static_cast<std::uint64_t>(criterion_min_words(c, *ctx.requirement));
            Sections secs;
            bool headings_ok = !names.empty();
            for (const auto& name : names) {
                const auto found = essay->doc.find_headings(name);
                if (found.empty()) {
                    const auto hint = heading_hint(essay->doc, name, essay->line_of(ptr));
                    miss("heading-missing", hint.line, "no heading '" + name + "' in the essay, which " + c.id + " maps to" + hint.text);
                    headings_ok = false;
                    continue;
                }
                const std::size_t h = found.front();
                secs.ranges.emplace_back(h, essay->doc.section_end(h));
                const auto words = essay->doc.section(h).words(ctx.count_rules());
                res.words += words;
                if (words < min_words) {
                    miss("words", essay->doc.headings[h].line,
                         "section '" + name + "' has " + with_commas(words) + " words; " + c.id + " needs at least " + with_commas(min_words));
                }
            }
            if (headings_ok) {
                const int at = essay->doc.headings[secs.ranges.front().first].line;
                if (const long need = c.min_citations; need > 0) {
                    std::set<std::string> cited;
                    for (const auto& cit : essay->doc.citations)
                        if (secs.contains(cit.heading) && keys.count(cit.key)) cited.insert(cit.key);
                    if (static_cast<long>(cited.size()) < need)
                        miss("citations", at, c.id + " cites " + std::to_string(cited.size()) + " work" + (cited.size() == 1 ? "" : "s") +
                                                  " from the bibliography; at least " + std::to_string(need) + " distinct needed");
                }
                if (c.links_to) {
                    const std::string& want = *c.links_to;
                    const bool folder = want.ends_with("/");
                    // Named from the portfolio's top by the default layout; portfolio.yaml may move it.
                    // project/project.md written in Word is project/project.docx.
                    std::string want_rel = folder ? moved_path(ctx, want) : ctx.document_path(moved_path(ctx, want));
                    while (want_rel.ends_with("/")) want_rel.pop_back();
                    bool ok = false;
                    for (const auto& link : essay->doc.links) {
                        if (!secs.contains(link.heading)) continue;
                        const auto t = resolve_local(ctx, essay->rel, link.target);
                        if (!t.local || t.problem || !t.exists) continue;
                        if (folder ? t.rel.starts_with(want_rel + "/") : t.rel == want_rel) ok = true;
                    }
                    if (!ok)
                        miss("link", at, c.id + " should link to " + (folder ? "a file in " + want_rel + "/" : want_rel) + " (a link whose file exists)");
                }
                auto count_items = [&](bool dated) {
                    long n = 0;
                    for (const auto& item : essay->doc.items)
                        if (item.depth == 1 && secs.contains(item.heading) && (!dated || find_date(item.text))) ++n;
                    return n;
                };
                if (const long need = c.min_list_items; need > 0) {
                    const long n = count_items(false);
                    if (n < need)
                        miss("list", at, c.id + " has " + std::to_string(n) + " list item" + (n == 1 ? "" : "s") + "; a list of at least " +
                                             std::to_string(need) + " needed");
                }
                if (const long need = c.min_dated_items; need > 0) {
                    // "A list of ≥ 2 actions, each with a date": every action dated, and enough of them.
                    const long n = count_items(true);
                    if (n < need)
                        miss("dates", at, c.id + " has " + std::to_string(n) + " dated action" + (n == 1 ? "" : "s") + "; at least " +
                                              std::to_string(need) + " list items with a date YYYY-MM-DD needed");
                    for (const auto& item : essay->doc.items)
                        if (item.depth == 1 && secs.contains(item.heading) && !find_date(item.text))
                            miss("undated-action", item.line, "this action has no date: give each action in " + c.id + "'s list a date YYYY-MM-DD");
                }
            }
        }
        res.addressed = why.empty();
        if (!res.addressed && c.required && essay) {
            std::string codes;
            for (const auto& w : why) codes += (codes.empty() ? "" : ", ") + w;
            ctx.error("criterion", file, 0, c.id + " (" + c.title + ") is not addressed (" + codes + ")");
        }
        ctx.report.criteria.push_back(res);
    }
}

} // namespace lilo
