// The cohort report as one HTML page. Everything is drawn here (tables,
// inline SVG); the page's script only sorts and filters the candidate table.
#include "render/cohort_html.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "core/date.hpp"
#include "render/cohort_html_assets.hpp"
#include "render/cohort_html_text.hpp"
#include "text/utf8.hpp"
#include "text/word_limit.hpp"

namespace lilo {

namespace {

std::string number(long long n)
{
    return n < 0 ? "-" + with_commas(static_cast<std::uint64_t>(-n)) : with_commas(static_cast<std::uint64_t>(n));
}

// A requirement or criterion as a column. In a cohort of several programmes
// one id can mean different things (R1 is the mentor in lilo-certificate and
// the essays in mphil-elsi), so a column is an id with its title: the
// Diploma's R1, which is the Certificate's, shares its column, the MPhil's
// R1 has its own, and the label names the title wherever an id is shared.
struct Column {
    std::string programme, id, title;
};

std::string column_key(const std::string& programme, const std::string& id) { return programme + '\x1f' + id; }

// Whether `r` met or addressed the column's requirement or criterion; null when its programme has none.
const bool* outcome(const CohortRow& r, const Column& col) { return col.programme == r.programme ? r.outcome_of(col.id) : nullptr; }

// The cohort as the page draws it: the rows, their columns, and what is
// said of a row in relation to the others.
struct Cohort {
    const std::vector<CohortRow>& rows;
    std::vector<Column> columns;
    std::vector<bool> duplicate_id;  // another portfolio of its programme has its candidate id

    std::size_t index(const CohortRow& r) const { return static_cast<std::size_t>(&r - rows.data()); }
    std::string anchor(const CohortRow& r) const { return fmt::format("c-{}", index(r) + 1); }  // its section's id
    bool duplicate(const CohortRow& r) const { return duplicate_id[index(r)]; }
};

// R1 < R2 < … < R10, then C1 < … < C10, then anything else by its text.
bool column_less(const std::string& a, const std::string& b)
{
    auto key = [](const std::string& id) {
        const bool numbered = id.size() >= 2 && id.size() <= 10 && (id[0] == 'R' || id[0] == 'C') &&
                              std::all_of(id.begin() + 1, id.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!numbered) return std::tuple<int, long long, std::string>(2, 0, id);
        return std::tuple<int, long long, std::string>(id[0] == 'R' ? 0 : 1, std::stoll(id.substr(1)), id);
    };
    return key(a) < key(b);
}

std::string coord(double v) { return fmt::format("{:.1f}", v); }

// A step of 1, 2 or 5 × 10^k giving about `ticks` intervals over `span`.
long long nice_step(double span, int ticks)
{
    const double raw = std::max(span / ticks, 1.0);
    const double p = std::pow(10.0, std::floor(std::log10(raw)));
    const double f = raw / p;
    return std::max(1LL, std::llround((f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p));
}


void append_summary(std::string& out, const Cohort& c)
{
    const auto& rows = c.rows;
    std::size_t complete = 0, incomplete = 0, failed = 0, skipped = 0;
    for (const auto& r : rows) (r.status == "complete" ? complete : r.status == "incomplete" ? incomplete : r.status == "skipped" ? skipped : failed)++;
    out += "<section id=\"summary\"><h2>Cohort</h2>\n<div class=\"cards\">\n";
    const std::tuple<const char*, std::size_t, const char*> cards[] = {
        {"portfolios", rows.size() - skipped, "portfolios"}, {"complete", complete, "complete"},
        {"incomplete", incomplete, "incomplete"}, {"error", failed, "could not be checked"}, {"skipped", skipped, "skipped: no portfolio"}};
    for (const auto& [cls, n, label] : cards)
        if (n > 0 || std::string_view(cls) != "skipped")
            out += fmt::format("<div class=\"card {0}\"><span class=\"n\" data-count=\"{0}\">{1}</span>{2}</div>\n", cls, n, label);
    out += "</div>\n";
    std::string list;
    for (const auto& r : rows)
        if (r.status == "skipped") list += "<li><code>" + path_html(r.portfolio) + "</code>: " + esc(r.error) + "</li>";
    if (!list.empty()) out += "<p id=\"skipped\">Skipped, not checked (no portfolio in them):</p><ul class=\"skipped\">" + list + "</ul>\n";
    std::map<std::string, std::vector<const CohortRow*>> same; // programme and id → rows
    for (const auto& r : rows)
        if (c.duplicate(r)) same[column_key(r.programme, r.candidate_id)].push_back(&r);
    if (!same.empty()) {
        out += "<p id=\"duplicates\" class=\"sev-error\">The same candidate id in several portfolios:</p><ul class=\"duplicates\">";
        for (const auto& [key, rs] : same) {
            std::string where;
            for (const CohortRow* r : rs) where += (where.empty() ? "" : ", ") + ("<a href=\"#" + c.anchor(*r) + "\">" + path_html(r->portfolio) + "</a>");
            out += "<li>" + esc(rs.front()->candidate_id) + " (" + esc(rs.front()->programme) + "): " + where + "</li>";
        }
        out += "</ul>\n";
    }
    out += "</section>\n";
}

void append_completion(std::string& out, const Cohort& c)
{
    const auto& columns = c.columns;
    out += "<section id=\"completion\"><h2>Completion by requirement and criterion</h2>\n";
    if (columns.empty()) { out += "<p class=\"muted\">No requirements in these reports.</p></section>\n"; return; }
    std::string programme = "\x1f";  // one table per programme: R1 is not R1 in every one
    for (const auto& col : columns) {
        if (col.programme != programme) {
            if (programme != "\x1f") out += "</tbody></table>\n";
            programme = col.programme;
            out += "<h3>" + esc(programme.empty() ? "(no programme)" : programme) + "</h3>\n<table class=\"completion\"><thead><tr><th>Id</th><th>Title</th>"
                   "<th style=\"width:40%\">Met or addressed</th><th class=\"num\">Portfolios</th><th class=\"num\">%</th></tr></thead><tbody>\n";
        }
        std::size_t total = 0, met = 0;
        for (const auto& r : c.rows)
            if (const bool* done = outcome(r, col)) { ++total; met += *done; }
        const long long pct = total ? std::llround(100.0 * static_cast<double>(met) / static_cast<double>(total)) : 0;
        out += fmt::format("<tr data-id=\"{0}\"><td>{0}</td><td>{1}</td><td><svg class=\"bar\" viewBox=\"0 0 200 14\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"{2} of {3}\">"
                           "<rect class=\"track\" x=\"0.5\" y=\"0.5\" width=\"199\" height=\"13\" rx=\"3\"/><rect class=\"fill\" x=\"0.5\" y=\"0.5\" width=\"{4}\" height=\"13\" rx=\"3\"/></svg></td>"
                           "<td class=\"num\">{2} of {3}</td><td class=\"num\">{5}%</td></tr>\n",
                           esc(col.id), esc(col.title), met, total, coord(total ? 199.0 * static_cast<double>(met) / static_cast<double>(total) : 0.0), pct);
    }
    out += "</tbody></table></section>\n";
}

std::string limit_text(const std::optional<long long>& min, const std::optional<long long>& max)
{
    if (min && max) return number(*min) + "–" + number(*max);
    if (min) return "at least " + number(*min);
    if (max) return "at most " + number(*max);
    return "";
}

std::string limit_text(const CohortRow& r) { return limit_text(r.essay_min, r.essay_max); }

// Word counts against their limits: a row for each programme's essay, and
// one for each other kind of document it has (Module 2 assignment, Essay 1,
// Thesis), each on its own scale, since a thesis and a 1,000-word essay
// share none.
void append_essays(std::string& out, const std::vector<CohortRow>& rows)
{
    out += "<section id=\"essays\"><h2>Word counts</h2>\n";
    struct Dot { const CohortRow* row; const CohortRow::Document* doc; };
    std::vector<std::pair<std::string, std::vector<Dot>>> groups; // "programme\x1flabel", first seen first
    std::size_t inside = 0, outside = 0, uncounted = 0, clipped = 0;
    for (const auto& r : rows) {
        if (r.status == "error") continue;
        if (r.documents.empty()) { ++uncounted; continue; }
        for (const auto& d : r.documents) {
            const std::string key = r.programme + '\x1f' + d.label;
            auto g = std::find_if(groups.begin(), groups.end(), [&](const auto& p) { return p.first == key; });
            if (g == groups.end()) g = groups.insert(groups.end(), {key, {}});
            g->second.push_back({&r, &d});
        }
    }
    if (groups.empty()) { out += "<p class=\"muted\">No word counts in these reports.</p></section>\n"; return; }
    const double left = 20, width = 720, row_h = 80;
    out += fmt::format("<figure><svg class=\"wide\" viewBox=\"0 0 760 {}\" role=\"img\" aria-label=\"Word counts per programme and document, with the word limit shaded\">\n",
                       coord(row_h * static_cast<double>(groups.size()) + 4));
    double y = 0;
    for (const auto& [key, dots] : groups) {
        // Outliers (a 400,000-word essay) would squash every other dot to 0:
        // counts beyond twice the limit (or, with no limit, three times the
        // median) are off the scale, drawn at its right edge and marked.
        std::vector<long long> counts;
        long long reach = 0;
        for (const auto& dot : dots) {
            counts.push_back(dot.doc->words);
            reach = std::max(reach, 2 * dot.doc->max.value_or(dot.doc->min.value_or(0)));
        }
        std::nth_element(counts.begin(), counts.begin() + static_cast<std::ptrdiff_t>(counts.size() / 2), counts.end());
        if (reach == 0) reach = std::max(3 * counts[counts.size() / 2], 10LL);
        long long lo = 0, hi = 0;
        bool any = false;
        for (const auto& dot : dots)
            for (auto v : {std::optional<long long>(dot.doc->words), dot.doc->min, dot.doc->max})
                if (v && *v <= reach) { lo = any ? std::min(lo, *v) : *v; hi = any ? std::max(hi, *v) : *v; any = true; }
        const long long step = nice_step(static_cast<double>(std::max(hi - lo, 10LL)) * 1.1, 6);
        lo = std::max(0LL, (lo - step / 2) / step * step);
        hi = (hi + step / 2 + step - 1) / step * step;
        const double span = static_cast<double>(std::max(hi - lo, 1LL));
        auto x = [&](long long v) { return left + width * static_cast<double>(std::clamp(v, lo, hi) - lo) / span; };

        std::set<std::pair<long long, long long>> bands;
        std::set<std::string> limits;
        for (const auto& dot : dots)
            if (dot.doc->min || dot.doc->max) {
                bands.emplace(dot.doc->min.value_or(lo), dot.doc->max.value_or(hi));
                limits.insert(limit_text(dot.doc->min, dot.doc->max));
            }
        const std::string programme = key.substr(0, key.find('\x1f')), doc = key.substr(key.find('\x1f') + 1);
        std::string label = programme.empty() ? "(no programme)" : programme;
        if (!doc.empty()) label += " · " + doc;
        for (const auto& l : limits) label += (l == *limits.begin() ? " · limit " : "; ") + l;
        out += fmt::format("<text class=\"lbl\" x=\"{}\" y=\"{}\">{}</text>\n", coord(left), coord(y + 14), esc(label));
        for (const auto& [a, b] : bands)
            out += fmt::format("<rect class=\"band\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"30\" opacity=\"0.8\"/>\n", coord(x(a)), coord(y + 22), coord(std::max(0.0, x(b) - x(a))));
        out += fmt::format("<line class=\"base\" x1=\"{0}\" x2=\"{1}\" y1=\"{2}\" y2=\"{2}\"/>\n", coord(left), coord(left + width), coord(y + 37));
        std::size_t k = 0;
        for (const auto& dot : dots) {
            const CohortRow::Document& d = *dot.doc;
            const bool limited = d.min || d.max;
            const bool ok = (!d.min || d.words >= *d.min) && (!d.max || d.words <= *d.max);
            (ok ? inside : outside) += limited;
            const CohortRow& r = *dot.row;
            const bool off = d.words > hi;
            clipped += off;
            const double cy = y + 37 + static_cast<double>(static_cast<long long>(k % 5) - 2) * 4;
            out += fmt::format("<circle class=\"dot {}{}\" cx=\"{}\" cy=\"{}\" r=\"5\"><title>{}: {} words{}</title></circle>\n",
                               !limited ? "none" : ok ? "in" : "out", off ? " clipped" : "", coord(x(d.words)), coord(cy),
                               esc(r.candidate_name.empty() ? r.portfolio : r.candidate_name), number(d.words), off ? " (off the scale)" : "");
            if (off) out += fmt::format("<text class=\"clip\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{} ▸</text>\n", coord(x(d.words) - 8), coord(cy - 6), number(d.words));
            ++k;
        }
        out += fmt::format("<line class=\"axis\" x1=\"{0}\" x2=\"{1}\" y1=\"{2}\" y2=\"{2}\"/>\n", coord(left), coord(left + width), coord(y + 54));
        for (long long t = lo; t <= hi; t += step)
            out += fmt::format("<line class=\"axis\" x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\"/><text x=\"{0}\" y=\"{3}\" text-anchor=\"middle\">{4}</text>\n",
                               coord(x(t)), coord(y + 54), coord(y + 59), coord(y + 72), number(t));
        y += row_h;
    }
    out += fmt::format("</svg><figcaption class=\"legend muted\">Each dot is a document of one portfolio; the shaded band is its word limit. "
                       "{} within the limit, {} outside it{}{}.</figcaption></figure></section>\n",
                       inside, outside,
                       clipped ? fmt::format(", {} off the scale (more than twice the limit), drawn at its right edge with its count ▸", clipped) : "",
                       uncounted ? fmt::format(", {} {} without a counted document", uncounted, uncounted == 1 ? "portfolio" : "portfolios") : "");
}

void append_journal(std::string& out, const Cohort& c)
{
    const auto& rows = c.rows;
    out += "<section id=\"journal\"><h2>Journal cadence</h2>\n";
    long long lo = 0, hi = 0;
    bool any = false;
    for (const auto& r : rows)
        if (!r.journal.empty()) {
            lo = any ? std::min(lo, r.journal.front()) : r.journal.front();
            hi = any ? std::max(hi, r.journal.back()) : r.journal.back();
            any = true;
        }
    if (!any) { out += "<p class=\"muted\">No journal dates in these reports.</p></section>\n"; return; }
    lo -= 7; hi += 7;
    const double width = 600, span = static_cast<double>(hi - lo);
    auto x = [&](long long d) { return 4 + (width - 8) * static_cast<double>(d - lo) / span; };
    // Month starts inside the range, and their labels (at most about twelve).
    std::vector<std::pair<long long, std::string>> months;
    // The first of each month: 31 days on from one first lands in the next month.
    const auto month_start = [](long long day) { return day - (Date::from_days(static_cast<long>(day)).day() - 1); };
    for (long long first = month_start(lo); first <= hi; first = month_start(first + 31)) {
        const Date f = Date::from_days(static_cast<long>(first));
        if (first > lo) months.emplace_back(first, fmt::format("{:04}-{:02}", f.year(), f.month()));
    }
    std::string grid;
    for (const auto& m : months) grid += fmt::format("<line class=\"grid\" x1=\"{0}\" x2=\"{0}\" y1=\"0\" y2=\"24\"/>", coord(x(m.first)));
    const std::size_t every = months.size() / 12 + 1;
    std::string axis = "<svg class=\"tl\" viewBox=\"0 0 600 24\" aria-hidden=\"true\">" + grid;
    for (std::size_t i = 0; i < months.size(); i += every)
        if (x(months[i].first) < width - 44) axis += fmt::format("<text x=\"{}\" y=\"16\">{}</text>", coord(x(months[i].first) + 3), months[i].second);
    axis += "</svg>";
    out += "<div class=\"scroll\"><table class=\"journal\"><thead><tr><th>Candidate</th><th>" + axis +
           "</th><th class=\"num\">Entries</th><th class=\"num\">Longest gap (days)</th></tr></thead><tbody>\n";
    for (const auto& r : rows) {
        if (r.journal.empty()) continue;
        long long gap = 0;
        std::size_t at = 0;
        for (std::size_t i = 1; i < r.journal.size(); ++i)
            if (r.journal[i] - r.journal[i - 1] > gap) { gap = r.journal[i] - r.journal[i - 1]; at = i; }
        std::string svg = fmt::format("<svg class=\"tl\" viewBox=\"0 0 600 24\" role=\"img\" aria-label=\"{} journal entries\">{}"
                                      "<line class=\"base\" x1=\"4\" x2=\"596\" y1=\"12\" y2=\"12\"/>", r.journal.size(), grid);
        if (gap > 0)
            svg += fmt::format("<line class=\"{}\" x1=\"{}\" x2=\"{}\" y1=\"12\" y2=\"12\"><title>longest gap: {} days{}</title></line>",
                               r.gap_over ? "gap over" : "gap", coord(x(r.journal[at - 1])), coord(x(r.journal[at])), gap, r.gap_over ? ", over the limit" : "");
        for (long long d : r.journal) svg += fmt::format("<line class=\"tick\" x1=\"{0}\" x2=\"{0}\" y1=\"4\" y2=\"20\"/>", coord(x(d)));
        out += fmt::format("<tr><td><a href=\"#{}\">{}</a></td><td>{}</svg></td><td class=\"num\">{}</td><td class=\"num{}\">{}</td></tr>\n",
                           c.anchor(r), esc(r.candidate_name.empty() ? r.portfolio : r.candidate_name), svg, r.journal.size(), r.gap_over ? " over" : "", r.journal.size() > 1 ? std::to_string(gap) : "—");
    }
    out += "</tbody></table></div><p class=\"legend muted\">Each tick is a journal entry; the longest gap between two entries is drawn thick, in red when it is over the programme\'s limit.</p></section>\n";
}

std::string badge(const std::string& status)
{
    return fmt::format("<span class=\"badge {0}\">{1}</span>", esc(status), status == "error" ? "not checked" : esc(status));
}

std::string optional_number(const std::optional<long long>& v)
{
    return v ? fmt::format("<td class=\"num\" data-v=\"{}\">{}</td>", *v, number(*v)) : "<td class=\"num\" data-v=\"\">—</td>";
}

void append_table(std::string& out, const Cohort& c)
{
    const auto& rows = c.rows;
    const auto& columns = c.columns;
    out += fmt::format("<section id=\"candidates\"><h2>Candidates</h2>\n<div class=\"controls\">"
                       "<label>Filter <input id=\"filter-text\" type=\"search\" placeholder=\"name, id or diagnostic code\" autocomplete=\"off\"></label>"
                       "<label>Status <select id=\"filter-status\"><option value=\"all\">all</option><option value=\"complete\">complete</option>"
                       "<option value=\"incomplete\">incomplete</option><option value=\"error\">could not be checked</option></select></label>"
                       "<span class=\"muted\" aria-live=\"polite\"><span id=\"shown\">{0}</span> of {0} shown</span></div>\n"
                       "<p class=\"legend muted\">✓ met or addressed · ✗ unmet or missing · — not in the programme. Click a heading to sort.</p>\n"
                       "<div class=\"scroll\"><table id=\"cohort\"><thead>",
                       rows.size());
    // A row over the requirement columns naming each programme: its columns are its own.
    const std::size_t lead = 4;
    out += fmt::format("<tr class=\"groups\"><td colspan=\"{}\"></td>", lead);
    for (std::size_t i = 0; i < columns.size();) {
        std::size_t n = 0;
        while (i + n < columns.size() && columns[i + n].programme == columns[i].programme) ++n;
        out += fmt::format("<th scope=\"colgroup\" colspan=\"{}\" class=\"group\">{}</th>", n, esc(columns[i].programme));
        i += n;
    }
    out += "<td colspan=\"3\"></td></tr>\n<tr>";
    auto head = [&](const std::string& label, const char* type, const std::string& title = "", const char* cls = "") {
        out += fmt::format("<th scope=\"col\" data-type=\"{}\" aria-sort=\"none\"{}{}><button type=\"button\">{}</button></th>", type,
                           *cls ? fmt::format(" class=\"{}\"", cls) : "", title.empty() ? "" : " title=\"" + esc(title) + "\"", esc(label));
    };
    head("Candidate", "text"); head("ID", "text"); head("Programme", "text");
    head("Status", "text");
    for (const auto& col : columns) head(col.id, "num", col.programme + " " + col.id + ": " + col.title, "m");
    head("Errors", "num", "", "num"); head("Warnings", "num", "", "num"); head("Essay words", "num", "", "num");
    out += "</tr></thead><tbody>\n";
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const CohortRow& r = rows[i];
        std::set<std::string> codes;
        for (const auto& d : r.diagnostics) codes.insert(d.code);
        std::string search = r.candidate_name + " " + r.candidate_id + " " + r.portfolio;
        for (const auto& code : codes) search += " " + code;
        const std::string shown_name = r.candidate_name.empty() ? "(no name)" : r.candidate_name;
        out += fmt::format("<tr data-i=\"{}\" data-status=\"{}\" data-search=\"{}\"><td data-v=\"{}\"><a href=\"#{}\">{}</a><div class=\"path\">{}</div></td>"
                           "<td class=\"id\">{}{}</td><td class=\"id\">{}</td>",
                           i, esc(r.status), esc(search), esc(r.candidate_name.empty() ? r.portfolio : r.candidate_name), c.anchor(r), esc(shown_name), path_html(r.portfolio),
                           esc(r.candidate_id), c.duplicate(r) ? " <span class=\"badge dup\" title=\"another portfolio of this programme has this id\">duplicate id</span>" : "",
                           esc(r.programme));
        // The award reached and the progression under the status: columns enough.
        std::string under;
        if (!r.qualification.empty()) under += "<div class=\"sub\">" + esc(r.qualification) + "</div>";
        if (!r.progression.empty()) under += "<div class=\"sub\">progression " + esc(r.progression) + "</div>";
        out += fmt::format("<td data-v=\"{}\">{}{}</td>", esc(r.status), badge(r.status), under);
        for (const auto& col : columns) {
            const bool* done = outcome(r, col);
            if (!done) out += "<td class=\"m na\" data-v=\"\">—</td>";
            else if (*done) out += "<td class=\"m yes\" data-v=\"1\">✓<span class=\"sr\"> met</span></td>";
            else out += "<td class=\"m no\" data-v=\"0\">✗<span class=\"sr\"> unmet</span></td>";
        }
        const bool failed = r.status == "error" || r.status == "skipped";
        out += optional_number(failed ? std::nullopt : std::optional(r.errors)) + optional_number(failed ? std::nullopt : std::optional(r.warnings)) +
               optional_number(r.essay_words) + "</tr>\n";
    }
    out += "</tbody></table></div><p id=\"no-match\" class=\"muted\" hidden>No candidate matches the filter.</p></section>\n";
}

void append_diagnostics(std::string& out, const Cohort& c)
{
    out += "<section id=\"diagnostics\"><h2>Diagnostics by candidate</h2>\n";
    for (const auto& r : c.rows) {
        out += fmt::format("<article class=\"cand\" id=\"{}\"><h3>{} <span class=\"muted\">{}</span> {}</h3>\n", c.anchor(r),
                           esc(r.candidate_name.empty() ? "(no name)" : r.candidate_name), esc(r.candidate_id), badge(r.status));
        std::string meta = "Portfolio <code>" + path_html(r.portfolio) + "</code>";
        if (!r.programme.empty()) meta += " · programme " + esc(r.programme);
        if (!r.qualification.empty()) meta += " · " + esc(r.qualification);
        if (!r.as_of.empty()) meta += " · as of " + esc(r.as_of);
        if (r.essay_words) meta += " · essay " + number(*r.essay_words) + " words" + (limit_text(r).empty() ? "" : " (limit " + limit_text(r) + ")");
        out += "<p class=\"meta\">" + meta + "</p>\n";
        if (r.status == "error") out += "<p class=\"sev-error\">Could not be checked: " + esc(r.error) + "</p>\n";
        if (r.status == "skipped") out += "<p class=\"muted\">Skipped, not checked: " + esc(r.error) + "</p>\n";
        if (!r.progression.empty())
            out += "<p>Progression: <strong>" + esc(r.progression) + "</strong>" + (r.arithmetic.empty() ? "" : " — " + esc(r.arithmetic)) + "</p>\n";
        std::string unmet;
        for (const auto& col : c.columns)
            if (const bool* done = outcome(r, col); done && !*done) unmet += (unmet.empty() ? "" : ", ") + esc(col.id) + " " + esc(col.title);
        if (!unmet.empty()) out += "<p>Unmet or missing: " + unmet + "</p>\n";
        if (r.diagnostics.empty()) out += r.status == "error" || r.status == "skipped" ? "" : "<p class=\"muted\">No diagnostics.</p>\n";
        else {
            out += "<table class=\"diags\"><thead><tr><th>Severity</th><th>Code</th><th>Where</th><th>Message</th></tr></thead><tbody>\n";
            for (const auto& d : r.diagnostics)
                out += fmt::format("<tr><td class=\"sev-{0}\">{0}</td><td><code>{1}</code></td><td class=\"where\">{2}</td><td>{3}</td></tr>\n",
                                   esc(d.severity), esc(d.code), path_html(d.where), message_html(d.message));
            out += "</tbody></table>\n";
        }
        out += "<p class=\"back\"><a href=\"#candidates\">Back to the table</a></p></article>\n";
    }
    out += "</section>\n";
}

} // namespace

std::string render_cohort_html(const std::vector<CohortRow>& rows, const CohortHtmlOptions& options)
{
    Cohort c{rows, {}, std::vector<bool>(rows.size())};
    // Columns programme by programme (first seen first), each programme's in id order.
    {
        std::vector<std::string> programmes;
        std::set<std::string> seen;
        for (const auto& r : rows)
            for (const auto& o : r.outcome)
                if (seen.insert(column_key(r.programme, o.id)).second) {
                    c.columns.push_back({r.programme, o.id, o.title});
                    if (std::find(programmes.begin(), programmes.end(), r.programme) == programmes.end()) programmes.push_back(r.programme);
                }
        const auto rank = [&](const std::string& p) { return std::find(programmes.begin(), programmes.end(), p) - programmes.begin(); };
        std::stable_sort(c.columns.begin(), c.columns.end(), [&](const Column& a, const Column& b) {
            if (a.programme != b.programme) return rank(a.programme) < rank(b.programme);
            return column_less(a.id, b.id);
        });
        // Candidate ids twice in one programme.
        std::map<std::string, int> ids;
        for (const auto& r : rows)
            if (!r.candidate_id.empty() && r.checked()) ++ids[column_key(r.programme, r.candidate_id)];
        for (const auto& r : rows) c.duplicate_id[c.index(r)] = !r.candidate_id.empty() && ids[column_key(r.programme, r.candidate_id)] > 1;
    }

    std::set<std::string> dates;
    std::map<std::string, std::size_t> dated;
    for (const auto& r : rows)
        if (!r.as_of.empty()) { dates.insert(r.as_of); ++dated[r.as_of]; }
    std::string as_of, note;
    for (const auto& d : dates) as_of += (as_of.empty() ? "" : ", ") + esc(d);
    for (const auto& [d, n] : dated) note += fmt::format("{} {} ({})", note.empty() ? "" : ",", esc(d), n);

    std::string out;
    out.reserve(16384 + rows.size() * 8192);
    out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n";
    if (!options.generated_by.empty()) out += "<meta name=\"generator\" content=\"" + esc(options.generated_by) + "\">\n";
    out += "<title>" + esc(options.title) + "</title>\n<link rel=\"icon\" href=\"data:,\">\n<style>" + std::string(cohort_html_css) + "</style>\n</head>\n<body>\n";
    const auto portfolios = static_cast<std::size_t>(std::count_if(rows.begin(), rows.end(), [](const CohortRow& r) { return r.status != "skipped"; }));
    out += "<header><h1>" + esc(options.title) + "</h1>\n<p class=\"meta\">" + std::to_string(portfolios) +
           (portfolios == 1 ? " portfolio" : " portfolios") + (as_of.empty() ? "" : " · as of " + as_of) + "</p>\n" +
           (dated.size() > 1 ? "<p id=\"dates\" class=\"note\">Note: checked as of different dates:" + note +
                                   "; what depends on the date (journal gaps, the period, sign-offs) is as of each one's own.</p>\n" : "") +
           "</header>\n<main>\n";
    append_summary(out, c);
    append_completion(out, c);
    append_essays(out, rows);
    append_journal(out, c);
    append_table(out, c);
    append_diagnostics(out, c);
    out += "</main>\n<footer>";
    if (!options.generated_by.empty()) out += "Generated by " + esc(options.generated_by) + ".";
    out += "</footer>\n<script>" + std::string(cohort_html_script) + "</script>\n</body>\n</html>\n";
    return out;
}

} // namespace lilo
