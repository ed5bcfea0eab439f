// GitHub Actions workflow commands.
#include <algorithm>
#include <fmt/format.h>

#include "render/render.hpp"

namespace lilo {

namespace {
// Workflow-command escaping: % CR LF always; ':' and ',' in properties too.
std::string escape(std::string_view s, bool property)
{
    std::string out;
    for (char c : s) {
        if (c == '%') out += "%25";
        else if (c == '\r') out += "%0D";
        else if (c == '\n') out += "%0A";
        else if (property && c == ':') out += "%3A";
        else if (property && c == ',') out += "%2C";
        else out += c;
    }
    return out;
}
} // namespace

std::string github_escape_data(std::string_view s) { return escape(s, false); }

std::string github_escape_property(std::string_view s) { return escape(s, true); }

std::string render_github(const std::vector<Report>& reports, std::size_t per_kind, bool errors_only)
{
    struct Item { const Report* r; const Diagnostic* d; };
    std::vector<Item> items;
    for (const auto& r : reports)
        for (const auto& d : r.diagnostics)
            if (!errors_only || d.severity == Severity::error) items.push_back({&r, &d});
    // Most important first: errors, then warnings, then notices; within a
    // kind, the portfolio's form, then requirements, then criteria.
    std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
        if (a.d->severity != b.d->severity) return a.d->severity < b.d->severity;
        return id_less(a.d->owner(), b.d->owner());
    });
    std::string out;
    std::size_t shown[3] = {0, 0, 0}, hidden[3] = {0, 0, 0};
    for (const auto& it : items) {
        const auto k = static_cast<std::size_t>(it.d->severity);
        if (shown[k] >= per_kind) { ++hidden[k]; continue; }
        ++shown[k];
        const char* command = it.d->severity == Severity::error ? "error" : it.d->severity == Severity::warning ? "warning" : "notice";
        std::string props;
        if (!it.d->file.empty()) {
            props += "file=" + github_escape_property(display_path(*it.r, *it.d));
            if (it.d->line > 0) props += ",line=" + std::to_string(it.d->line);
            if (it.d->column > 0) props += ",col=" + std::to_string(it.d->column);
            props += ",";
        }
        props += "title=" + github_escape_property(it.d->code);
        const std::string where = it.d->file.empty() ? it.r->portfolio + ": " : "";
        out += fmt::format("::{} {}::{}{}\n", command, props, github_escape_data(where), github_escape_data(it.d->message));
    }
    if (errors_only && hidden[0] > 0)
        out += fmt::format("::notice title=lilo::{} more errors not shown as annotations (GitHub shows 10); run lilo check for all\n", hidden[0]);
    else if (hidden[0] + hidden[1] + hidden[2] > 0)
        out += fmt::format("::notice title=lilo::{} more errors, {} more warnings and {} more notices not shown as annotations (GitHub shows 10 of each); run lilo check for all\n",
                           hidden[0], hidden[1], hidden[2]);
    return out;
}

} // namespace lilo
