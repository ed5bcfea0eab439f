#include <fmt/format.h>
#include <algorithm>
#include <map>

#include "core/document_names.hpp"
#include "render/render.hpp"
#include "text/word_limit.hpp"

namespace lilo {
namespace {

struct Paint {
    bool on;
    std::string operator()(std::string_view code, std::string_view text) const
    {
        return on ? fmt::format("\033[{}m{}\033[0m", code, text) : std::string(text);
    }
};

std::string location(const Report& r, const Diagnostic& d)
{
    std::string out = display_path(r, d);
    // A Word or OpenDocument file's lines are its paragraphs: essay.docx:¶14.
    if (!d.file.empty() && d.line > 0 && is_office_name(d.file)) out += fmt::format(":¶{}", d.line);
    else if (!d.file.empty() && d.line > 0) out += fmt::format(":{}:{}", d.line, d.column > 0 ? d.column : 1);
    return out;
}

std::string severity_word(Severity s, const Paint& paint)
{
    switch (s) {
    case Severity::error: return paint("1;31", "error");
    case Severity::warning: return paint("1;33", "warning");
    case Severity::info: return paint("36", "info");
    }
    return "error";
}

std::size_t display_width(std::string_view s)
{
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

std::string pad(std::string_view s, std::size_t width)
{
    std::string out(s);
    for (std::size_t w = display_width(s); w < width; ++w) out += ' ';
    return out;
}

} // namespace

std::string display_path(const Report& r, const Diagnostic& d)
{
    if (d.file.empty()) return r.portfolio;
    std::string base = r.portfolio == "." || r.portfolio.empty() ? "" : r.portfolio;
    if (!base.empty() && base.back() != '/') base += '/';
    return base + d.file;
}

std::string render_text(const Report& r, const TextStyle& style)
{
    const Paint paint{style.colour};
    std::string out;
    // Titles of each group.
    std::map<std::string, std::string> titles{{"P", "Portfolio files"}};
    std::map<std::string, std::string> status;
    for (const auto& q : r.requirements) { titles[q.id] = q.title; status[q.id] = q.met ? "met" : "unmet"; }
    for (const auto& c : r.criteria) { titles[c.id] = c.title; status[c.id] = c.addressed ? "addressed" : "missing"; }

    std::string group;
    for (const auto& d : r.diagnostics) {
        if (style.quiet && d.severity != Severity::error) continue;
        const std::string owner = d.owner();
        if (owner != group) {
            group = owner;
            std::string st = status.count(owner) ? status[owner] : "";
            const bool good = st == "met" || st == "addressed";
            out += fmt::format("{}{} {}{}\n", out.empty() ? "" : "\n", paint("1", owner), titles[owner],
                               st.empty() ? "" : " (" + paint(good ? "32" : "31", st) + ")");
        }
        out += fmt::format("  {}: {}: {}: {}\n", location(r, d), severity_word(d.severity, paint), d.code, d.message);
    }

    std::size_t unmet = 0, missing = 0;
    for (const auto& q : r.requirements) unmet += !q.met;
    for (const auto& c : r.criteria) missing += !c.addressed;
    if (!style.quiet) {
        out += fmt::format("{}{}\n", out.empty() ? "" : "\n",
                           paint("1", fmt::format("{} ({}), as of {}", r.portfolio, r.programme, r.as_of)));
        const std::size_t rows = std::max(r.requirements.size(), r.criteria.size());
        std::size_t wide = 0;
        for (const auto& q : r.requirements) wide = std::max(wide, display_width(q.title));
        wide = std::min<std::size_t>(wide, 40);
        for (std::size_t i = 0; i < rows; ++i) {
            std::string left, right;
            if (i < r.requirements.size()) {
                const auto& q = r.requirements[i];
                std::string title = q.title;
                if (display_width(title) > wide) title = title.substr(0, wide - 1) + "…";
                left = fmt::format("  {:<4}{}  {}", q.id, pad(title, wide), paint(q.met ? "32" : "31", q.met ? "met  " : "unmet"));
            } else {
                left = fmt::format("  {:<4}{}  {}", "", pad("", wide), "     ");
            }
            if (i < r.criteria.size()) {
                const auto& c = r.criteria[i];
                right = fmt::format("    {:<4}{}  {:>6} words", c.id, paint(c.addressed ? "32" : "31", c.addressed ? "addressed" : "missing  "),
                                    c.words);
            }
            out += left + right + "\n";
        }
        if (const auto* e = r.document_in("essay"); e && e->counted)
            out += fmt::format("  Essay: {} words ({})\n", with_commas(e->words), e->file);
        for (const auto& d : r.documents) {
            if (d.section != "documents") continue;
            const WordLimit lim{d.min, d.max};
            const bool inside = !lim.describe(d.words);
            out += fmt::format("  {}: {} words ({}), limit {}\n", d.title, paint(inside ? "32" : "31", with_commas(d.words)), d.file,
                               lim.str());
        }
        if (r.progression) out += fmt::format("  Progression: {}: {}\n", r.progression->status, r.progression->arithmetic);
        if (r.qualification) out += fmt::format("  Qualification reached: {}\n", *r.qualification);
    }
    const std::size_t errors = r.count(Severity::error), warnings = r.count(Severity::warning);
    if (r.complete() && style.strict && warnings > 0) {
        out += fmt::format("{}: every requirement met, but --strict fails on {} warning{}.\n", paint("1;31", "Not accepted"), warnings,
                           warnings == 1 ? "" : "s");
        for (const auto& d : r.diagnostics) {
            if (d.severity != Severity::warning || !style.next) continue;
            out += fmt::format("Next: {} \u2014 {}{}\n", d.code, d.file.empty() ? "" : d.file + ": ", d.message);
            break;
        }
    } else if (r.complete()) {
        out += fmt::format("{}: every requirement met{}.\n", paint("1;32", "Complete"),
                           warnings ? fmt::format(" ({} warning{})", warnings, warnings == 1 ? "" : "s") : "");
        // What is next depends on the sign-off: none yet (the mentor reviews
        // and signs), or current (bundle it). A stale one is an error, so the
        // first error says what to do.
        if (style.next) {
            if (!r.mentor_signs_off) out += "Next: `lilo bundle` makes the submission, a file anyone can verify.\n";
            else if (r.signoff == "current")
                out += "Next: your mentor's sign-off matches the portfolio; bundle it: `lilo bundle` makes the submission, a file anyone can verify.\n";
            else out += "Next: ask your mentor to review it and sign it off: `lilo signoff`, run by the mentor, writes signoff.yaml.\n";
        }
    } else {
        const std::string criteria = r.criteria.empty() ? "" : fmt::format(", {} of {} criteria missing", missing, r.criteria.size());
        out += fmt::format("{}: {} of {} requirements unmet{}; {} error{}, {} warning{}.\n", paint("1;31", "Incomplete"), unmet,
                           r.requirements.size(), criteria, errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
        for (const auto& d : r.diagnostics) {
            if (d.severity != Severity::error || !style.next) continue;
            out += fmt::format("Next: {} — {}{}\n", d.code, d.file.empty() ? "" : d.file + ": ", d.message);
            break;
        }
    }
    return out;
}

} // namespace lilo
