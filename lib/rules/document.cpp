#include "rules/document.hpp"

#include <cmath>
#include <cstdio>

#include "bib/bibliography.hpp"
#include "count_report.hpp"
#include "rules/records.hpp"

namespace lilo {

namespace {

// The bibliographies the document names (front matter `bibliography:`, a
// path or a list, relative to the document), else portfolio.yaml's
// `references:`, else references.yaml / references.bib at the top of the
// portfolio; and references given in the front matter itself, as pandoc
// reads them.
std::optional<std::set<std::string>> load_keys(CheckContext& ctx, const MarkdownFile& doc)
{
    std::vector<std::pair<std::string, std::string>> files; // (path as written, from dir)
    const auto& meta = doc.meta();
    if (meta.contains("bibliography")) {
        const auto& b = meta["bibliography"];
        if (b.is_string()) files.emplace_back(b.get<std::string>(), parent_of(doc.rel));
        else if (b.is_array())
            for (const auto& x : b)
                if (x.is_string()) files.emplace_back(x.get<std::string>(), parent_of(doc.rel));
    } else if (auto r = ctx.manifest.path_setting("references")) {
        files.emplace_back(*r, "");
    } else {
        for (const char* f : {"references.yaml", "references.yml", "references.bib", "references.json"})
            if (ctx.fs.is_file(f)) { files.emplace_back(f, ""); break; }
    }
    std::set<std::string> keys;
    bool any = false;
    if (meta.contains("references") && meta["references"].is_array()) {
        any = true;
        for (const auto& it : meta["references"])
            if (it.is_object() && it.contains("id") && it["id"].is_string()) keys.insert(it["id"].get<std::string>());
    }
    for (const auto& [path, dir] : files) {
        auto r = ctx.fs.resolve(path, dir);
        if (r.problem) {
            ctx.add(Severity::error, "P." + r.problem->code, doc.rel, doc.line_of("/bibliography"), "bibliography: " + r.problem->message);
            continue;
        }
        if (!ctx.fs.exists(r.rel)) {
            ctx.error("bibliography-missing", doc.rel, doc.line_of("/bibliography"), "bibliography '" + r.rel + "' does not exist");
            continue;
        }
        auto text = ctx.fs.read_text(r.rel);
        if (text.problem) { ctx.file_problem(r.rel, *text.problem); continue; }
        auto bib = read_bibliography(text.data, r.rel);
        if (bib.error) {
            ctx.add(Severity::error, "P." + bib.error_code, r.rel, bib.error_line, *bib.error);
            continue;
        }
        any = true;
        keys.insert(bib.keys.begin(), bib.keys.end());
    }
    if (!any) return std::nullopt;
    return keys;
}

// 0.05 → "5%", 0.025 → "2.5%".
std::string fmt_percent(double fraction)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g%%", fraction * 100);
    return buf;
}

} // namespace

CountRules requirement_count_rules(const CheckContext& ctx)
{
    return lilo::requirement_count_rules(ctx.programme, *ctx.requirement);
}

WordLimit requirement_limit(const RequirementSpec& r)
{
    const RequirementKind& kind = kind_of(r);
    if (kind.takes("target_words") && param_given(r, "target_words"))
        return limit_around(param_number(r, "target_words"), param_number(r, "tolerance"));
    WordLimit lim;
    if (kind.takes("min_words")) lim.min = static_cast<std::uint64_t>(param_count(r, "min_words"));
    if (kind.takes("max_words") && param_given(r, "max_words")) lim.max = static_cast<std::uint64_t>(param_count(r, "max_words"));
    return lim;
}

DocumentCheck check_document(CheckContext& ctx, const MarkdownFile& doc, const WordLimit& limit, double declared_tolerance,
                             const CountRules& rules)
{
    DocumentCheck out;
    const std::string& rel = doc.rel;
    out.words = doc.doc.totals.words(rules);
    if (auto problem = limit.describe(out.words)) ctx.error("words", rel, 1, *problem);

    const auto& meta = doc.meta();
    if (meta.contains("declared_words")) {
        const int line = doc.line_of("/declared_words");
        const auto declared_words = declared_word_count(meta["declared_words"]);
        if (!declared_words) {
            ctx.error("declared-words", rel, line, "`declared_words` should be a whole number, such as 1005 or 1,005");
        } else if (!declared_within(*declared_words, out.words, declared_tolerance)) {
            const auto declared = *declared_words;
            ctx.error("declared-words", rel, line,
                      "declares " + with_commas(declared) + " words but counts " + with_commas(out.words) + " (differs by " +
                          with_commas(declared > out.words ? declared - out.words : out.words - declared) + "; at most " +
                          fmt_percent(declared_tolerance) + " of the count)");
        }
    }

    // Every citation key resolves.
    out.keys = load_keys(ctx, doc);
    std::set<std::string> reported;
    if (!doc.doc.citations.empty() && !out.keys && !meta.contains("bibliography"))
        ctx.error("bibliography-missing", rel, 1, "it cites works but has no bibliography (front matter `bibliography:` or references.yaml)");
    for (const auto& c : doc.doc.citations) {
        if (out.keys && out.keys->count(c.key)) continue;
        if (!out.keys || !reported.insert(c.key).second) continue;
        ctx.error("citation-unresolved", rel, c.line, "citation @" + c.key + " is not in the bibliography");
    }
    return out;
}

} // namespace lilo
