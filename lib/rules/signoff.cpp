// R1's sign-off: signoff.yaml checked against its schema
// (schemas/signoff.schema.json) and field by field, each finding at its
// line; then the portfolio's fingerprint against the signed one, naming the
// files that changed.
#include "rules/signoff.hpp"

#include <algorithm>

#include "core/dump_json.hpp"
#include "portfolio/fingerprint.hpp"
#include "rules/context.hpp"
#include "text/utf8.hpp"
#include "yaml/schema.hpp"

namespace lilo {

std::optional<std::string> signoff_date_problem(const Date& date, const std::optional<Date>& start, const Date& as_of)
{
    if (start && date < *start)
        return "signed " + date.str() + ", before the period starts (" + start->str() + "); a mentor signs off the work done in it";
    if (date > as_of) return "signed " + date.str() + ", after today (" + as_of.str() + "); a sign-off cannot be dated ahead";
    return std::nullopt;
}

std::optional<std::string> fingerprint_problem(std::string_view text)
{
    const bool hex = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    });
    const std::string how = "record the 64 hex digits that `lilo fingerprint` prints (or let `lilo signoff` write the file)";
    if (text.empty()) return "`sha256:` is empty; " + how;
    if (!hex) return "'" + std::string(text.substr(0, 20)) + (text.size() > 20 ? "…" : "") + "' is not a fingerprint; " + how;
    if (text.size() != 64)
        return "a " + std::to_string(text.size()) + "-character hash, not the portfolio's 64-digit fingerprint; " + how;
    if (std::any_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'F'; }))
        return "the fingerprint is in capitals; write it in lowercase, as `lilo fingerprint` prints it";
    return std::nullopt;
}

std::string short_fingerprint(std::string_view sha256) { return std::string(sha256.substr(0, 12)); }

FileSums parse_fingerprint_lines(std::string_view lines)
{
    FileSums out;
    while (!lines.empty()) {
        const auto nl = std::min(lines.find('\n'), lines.size());
        const std::string_view line = lines.substr(0, nl);
        if (line.size() > 66 && line.substr(64, 2) == "  ") out[std::string(line.substr(66))] = std::string(line.substr(0, 64));
        lines.remove_prefix(std::min(nl + 1, lines.size()));
    }
    return out;
}

FileChanges compare_files(const FileSums& signed_files, const FileSums& now)
{
    FileChanges c;
    for (const auto& [path, sum] : now) {
        const auto it = signed_files.find(path);
        if (it == signed_files.end()) c.added.push_back(path);
        else if (it->second != sum) c.changed.push_back(path);
    }
    for (const auto& [path, sum] : signed_files)
        if (!now.contains(path)) c.removed.push_back(path);
    return c;
}

std::string describe_changes(const FileChanges& c)
{
    constexpr std::size_t shown = 5;
    std::string out;
    auto part = [&](const char* what, const std::vector<std::string>& paths) {
        if (paths.empty()) return;
        out += std::string(out.empty() ? "" : "; ") + what + ": ";
        for (std::size_t i = 0; i < paths.size() && i < shown; ++i) out += (i ? ", " : "") + paths[i];
        if (paths.size() > shown) out += " and " + std::to_string(paths.size() - shown) + " more";
    };
    part("changed", c.changed);
    part("added", c.added);
    part("removed", c.removed);
    return out;
}

namespace {

const std::string rel = "signoff.yaml";

int line_at(const YamlDoc& doc, const std::string& pointer)
{
    const int l = doc.line_of(pointer);
    return l > 0 ? l : 1;
}

// The signed file list, when `files:` holds one that adds up to the signed fingerprint.
std::optional<FileSums> listed_files(CheckContext& ctx, const YamlDoc& doc, const std::string& sha)
{
    const auto& v = doc.value;
    if (!v.contains("files") || !v["files"].is_object()) return std::nullopt;
    std::vector<std::pair<std::string, std::string>> lines;
    FileSums sums;
    for (auto it = v["files"].begin(); it != v["files"].end(); ++it) {
        if (!it->is_string()) return std::nullopt;  // the schema said so
        lines.emplace_back(it.key(), it->get<std::string>());
        sums[it.key()] = it->get<std::string>();
    }
    if (sha256_hex(fingerprint_listing(std::move(lines))) != sha) {
        ctx.finding(Severity::warning, "signoff-files", rel, line_at(doc, "/files"),
                    "the `files:` list does not add up to `sha256:` (edited by hand?), so it cannot say what changed; `lilo signoff` writes both");
        return std::nullopt;
    }
    return sums;
}

void check_name(CheckContext& ctx, const YamlDoc& doc)
{
    const auto& v = doc.value;
    if (!v.contains("name") || !v["name"].is_string() || collapse_space(v["name"].get<std::string>()).empty()) {
        ctx.error("signoff-name", rel, v.contains("name") ? line_at(doc, "/name") : 1,
                  "the sign-off has no `name:`: the mentor who signs writes their name");
        return;
    }
    const std::string name = collapse_space(v["name"].get<std::string>());
    const int line = line_at(doc, "/name");
    if (iequals(name, collapse_space(ctx.manifest.candidate_name))) {
        ctx.error("signoff-name", rel, line, "signed by " + name + ", the candidate; the mentor signs off, not the candidate");
        return;
    }
    const auto& mentor = ctx.manifest.mentor.name;
    if (mentor && !collapse_space(*mentor).empty() && !iequals(name, collapse_space(*mentor)))
        ctx.finding(Severity::warning, "signoff-not-mentor", rel, line,
                    "signed by " + name + ", but portfolio.yaml names " + collapse_space(*mentor) +
                        " as the mentor; if the mentor changed, update `mentor:`");
}

void check_date(CheckContext& ctx, const YamlDoc& doc)
{
    const auto& v = doc.value;
    if (!v.contains("date")) {
        ctx.error("signoff-date", rel, 1, "the sign-off has no `date:`: the day the mentor signed, YYYY-MM-DD");
        return;
    }
    const int line = line_at(doc, "/date");
    const std::string text = v["date"].is_string() ? v["date"].get<std::string>() : dump_json(v["date"]);
    const auto date = v["date"].is_string() ? Date::parse(text) : std::nullopt;
    if (!date) {
        const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-';
        ctx.error("signoff-date", rel, line,
                  "'" + text + (shaped ? "' is not a real date" : "' is not a date; write the day the mentor signed as YYYY-MM-DD"));
        return;
    }
    if (auto problem = signoff_date_problem(*date, ctx.manifest.start, ctx.as_of)) ctx.error("signoff-date", rel, line, *problem);
}

// The signed fingerprint, when it is one.
std::optional<std::string> check_fingerprint(CheckContext& ctx, const YamlDoc& doc)
{
    const auto& v = doc.value;
    if (!v.contains("sha256")) {
        ctx.error("signoff-invalid", rel, 1, "signoff.yaml has no `sha256:`; the mentor signs off with `lilo signoff`, which writes it (or records there what `lilo fingerprint` prints)");
        return std::nullopt;
    }
    const std::string text = v["sha256"].is_string() ? v["sha256"].get<std::string>() : dump_json(v["sha256"]);
    if (auto problem = fingerprint_problem(text)) {
        ctx.error("signoff-fingerprint", rel, line_at(doc, "/sha256"), *problem);
        return std::nullopt;
    }
    return text;
}

} // namespace

void check_signoff(CheckContext& ctx)
{
    if (!ctx.fs.exists(rel)) return;
    auto text = ctx.fs.read_text(rel);
    if (text.problem) { ctx.file_problem(rel, *text.problem); return; }
    std::string_view body = text.data;
    if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
    YamlParse parsed = parse_yaml(body, 1, YamlLimits{ctx.programme.limits.max_yaml_depth, ctx.programme.limits.max_yaml_nodes});
    for (const auto& p : parsed.problems) ctx.add(Severity::error, "P." + p.code, rel, p.mark.line, p.message);
    if (!parsed.doc) return;
    const YamlDoc& doc = *parsed.doc;
    if (!doc.value.is_object()) {
        ctx.error("signoff-invalid", rel, 1, "signoff.yaml should be a mapping: name, date and sha256 (`lilo signoff` writes it)");
        return;
    }
    // The schema's shape (unknown fields, a file list's values); name, date
    // and sha256 are checked below, in words for each.
    for (const auto& e : embedded_validator("signoff.schema.json").validate(doc)) {
        if (e.pointer == "/name" || e.pointer == "/date" || e.pointer == "/sha256") continue;
        ctx.error("signoff-invalid", rel, e.mark.line > 0 ? e.mark.line : 1,
                  e.message + (e.message.starts_with("unknown field") ? " (a sign-off has name, date, sha256, files and comment)" : ""));
    }
    check_name(ctx, doc);
    check_date(ctx, doc);
    const auto sha = check_fingerprint(ctx, doc);
    if (!sha) return;

    const std::string lines = ctx.fs.fingerprint_lines();
    const std::string now = sha256_hex(lines);
    const auto listed = listed_files(ctx, doc, *sha);
    ctx.report.signoff = *sha == now ? "current" : "stale";
    if (*sha == now) return;
    std::string what;
    if (listed) {
        what = describe_changes(compare_files(*listed, parse_fingerprint_lines(lines)));
    } else if (const auto found = ctx.history && ctx.history->find_signed ? ctx.history->find_signed(*sha) : std::nullopt) {
        what = describe_changes(compare_files(parse_fingerprint_lines(found->lines), parse_fingerprint_lines(lines))) +
               " (since commit " + found->commit.substr(0, 12) + ", which has the signed fingerprint)";
    } else {
        what = std::string("signoff.yaml lists no `files:` and ") +
               (ctx.history ? "no commit in the git history has the signed fingerprint" : "there is no git history to search") +
               ", so lilo cannot say which files";
    }
    if (what.empty()) what = "the files' names or contents differ";
    ctx.error("signoff-stale", rel, line_at(doc, "/sha256"),
              "changed after the mentor signed (fingerprint " + short_fingerprint(*sha) + ", now " + short_fingerprint(now) + "): " + what +
                  "; ask the mentor to review the changes and sign again (`lilo signoff`)");
}

} // namespace lilo
