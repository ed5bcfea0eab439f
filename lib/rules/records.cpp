#include "core/dump_json.hpp"
#include "rules/records.hpp"

#include <cctype>

#include "rules/near_miss.hpp"

namespace lilo {

std::optional<std::string> resolve_setting(CheckContext& ctx, const std::string& path, const std::string& manifest_pointer)
{
    auto r = ctx.fs.resolve(path, "");
    if (r.problem) {
        // A P error: the requirement that needed the path is unmet too. A path
        // that stays inside but meets a link out (essay.md -> /etc/passwd) is
        // said at that path; a path that is itself wrong (../x, /x) where it
        // is written, at its line in portfolio.yaml when it is set there.
        if (!r.rel.empty()) ctx.add(Severity::error, "P." + r.problem->code, r.rel, 0, r.problem->message);
        else
            ctx.add(Severity::error, "P." + r.problem->code, "portfolio.yaml",
                    manifest_pointer.empty() ? 0 : ctx.manifest.line_of(manifest_pointer), r.problem->message);
        return std::nullopt;
    }
    return r.rel;
}

std::optional<std::vector<DatedRecord>> read_records(CheckContext& ctx, const std::string& folder, const std::string& missing_slug,
                                                     const std::string& what)
{
    auto rel = resolve_setting(ctx, folder, "/" + what);  // `what` is also portfolio.yaml's key for the folder
    if (!rel) return std::nullopt;
    if (!ctx.fs.is_dir(*rel)) {
        ctx.error(missing_slug, *rel, 0,
                  "no " + what + " folder '" + *rel + "/'" + (ctx.fs.exists(*rel) ? " (it is not a folder)" : folder_hint(ctx.fs, *rel)));
        return std::nullopt;
    }
    report_unread_documents(ctx, *rel);
    std::vector<DatedRecord> out;
    for (const auto& e : ctx.fs.markdown_entries(*rel)) {
        if (e.problem) {
            ctx.file_problem(e.rel, *e.problem);
            continue;
        }
        DatedRecord r;
        r.rel = e.rel;
        r.file = ctx.markdown(e.rel);
        if (!r.file) continue;
        r.words = r.file->doc.totals.words(ctx.count_rules());
        out.push_back(std::move(r));
    }
    return out;
}

void check_backdated(CheckContext& ctx, const DatedRecord& r, const BackdateParams& params)
{
    if (!ctx.history || !r.date) return;
    const auto it = ctx.history->first_added.find(r.rel);
    if (it == ctx.history->first_added.end() || it->second.at_shallow_boundary) return;  // not committed, or history too short
    const auto committed = Date::parse(it->second.date);
    if (!committed) return;
    const long max_days = params.max_backdate_days;
    const long days = *committed - *r.date;
    if (days <= max_days) return;
    const Severity sev = params.backdated == "error" ? Severity::error : Severity::warning;
    ctx.finding(sev, "backdated", r.rel, r.date_line,
                "dated " + r.date->str() + " but first committed on " + committed->str() + " (" + it->second.commit.substr(0, 7) + "), " +
                    std::to_string(days) + " days later; at most " + std::to_string(max_days) + " (max_backdate_days)");
}

void date_record(CheckContext& ctx, DatedRecord& r, const std::string& undated_slug)
{
    const auto& meta = r.file->meta();
    if (meta.contains("date")) {
        r.date_line = r.file->line_of("/date");
        if (auto d = json_date(meta, "date")) {
            r.date = d;
            return;
        }
        const std::string shown = meta["date"].is_string() ? meta["date"].get<std::string>() : dump_json(meta["date"]);
        ctx.error(undated_slug, r.rel, r.date_line, "date '" + shown + "' is not a real date in the form YYYY-MM-DD");
        return;
    }
    const std::string name = r.rel.substr(r.rel.rfind('/') + 1);
    if (auto d = date_prefix(name)) {
        r.date = d;
        r.date_line = 1;
        return;
    }
    if (const std::string why = date_prefix_problem(name); !why.empty())
        ctx.error(undated_slug, r.rel, 1, "not dated: " + why + " (or give `date: YYYY-MM-DD` in its front matter)");
    else
        ctx.error(undated_slug, r.rel, 1, "not dated: give `date: YYYY-MM-DD` in its front matter or start its file name with the date");
}

} // namespace lilo

namespace lilo {

namespace {
std::string percent_decode(std::string_view s)
{
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
            out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}
} // namespace

LocalTarget resolve_local(const CheckContext& ctx, const std::string& from_file, const std::string& target)
{
    LocalTarget out;
    std::string t = target;
    if (t.empty() || t[0] == '#') return out;
    // A scheme ("https:", "mailto:") makes it no local link; "C:" is a Windows path.
    const auto colon = t.find(':');
    if (colon != std::string::npos && colon > 1) {
        bool scheme = std::isalpha(static_cast<unsigned char>(t[0])) != 0;
        for (std::size_t i = 1; i < colon && scheme; ++i)
            scheme = std::isalnum(static_cast<unsigned char>(t[i])) != 0 || t[i] == '+' || t[i] == '-' || t[i] == '.';
        if (scheme) return out;
    }
    if (t.starts_with("//")) return out;
    out.local = true;
    if (auto cut = t.find_first_of("#?"); cut != std::string::npos) t.erase(cut);
    t = percent_decode(t);
    if (t.empty()) { out.local = false; return out; }
    auto r = ctx.fs.resolve(t, parent_of(from_file));
    out.rel = r.rel;
    out.problem = r.problem;
    out.exists = !r.problem && ctx.fs.exists(r.rel);
    return out;
}

} // namespace lilo
