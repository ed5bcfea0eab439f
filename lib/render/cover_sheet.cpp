#include "render/cover_sheet.hpp"

#include <fmt/core.h>

#include "render/cohort_html_text.hpp"
#include "render/escape.hpp"
#include "text/word_limit.hpp"

namespace lilo {

namespace {

std::string cell(std::string_view s) { return markdown_cell(s, true); }

// Text for HTML: the cohort page's escaping (invalid bytes as \xHH, control characters as U+FFFD).
std::string html(std::string_view s) { return esc(s); }

// A relative link's href: each byte outside the safe set percent-encoded.
std::string href(std::string_view s)
{
    std::string out;
    for (unsigned char c : s) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '.' || c == '-' || c == '_' || c == '~')
            out += static_cast<char>(c);
        else
            out += fmt::format("%{:02X}", c);
    }
    return out;
}

std::string limit_text(const CoverSheet::Document& d)
{
    if (d.max && d.min > 0) return with_commas(d.min) + "–" + with_commas(*d.max);
    if (d.max) return "at most " + with_commas(*d.max);
    return "at least " + with_commas(d.min);
}

std::string signoff_text(const CoverSheet::SignOff& s)
{
    if (!s.present) return "not signed off";
    return (s.name.empty() ? std::string("(no name)") : s.name) + ", " + (s.date.empty() ? std::string("(no date)") : s.date) + ": " +
           (s.current ? "current (the portfolio is unchanged since)" : "stale (the portfolio changed after it)");
}

std::vector<std::pair<std::string, std::string>> identity_rows(const CoverSheet& c)
{
    std::vector<std::pair<std::string, std::string>> rows{
        {"Candidate", c.candidate_name + (c.candidate_id.empty() ? "" : " (" + c.candidate_id + ")")},
    };
    if (!c.candidate_number.empty()) rows.emplace_back("Candidate number", c.candidate_number);
    if (!c.centre_number.empty()) rows.emplace_back("Centre number", c.centre_number);
    rows.emplace_back("Programme", c.programme_title);
    if (!c.syllabus.empty()) rows.emplace_back("Syllabus / component", c.syllabus + " / " + c.component);
    rows.emplace_back("Period", c.period);
    rows.emplace_back("Mentor", c.mentor.empty() ? "none named" : c.mentor);
    rows.emplace_back("Sign-off", signoff_text(c.signoff));
    rows.emplace_back("Checked", c.status + " as of " + c.as_of);
    return rows;
}

} // namespace

std::string cover_sheet_markdown(const CoverSheet& c)
{
    // Pipe tables: pandoc sizes the columns by the dashes of the separator line.
    std::string s = "# Cover sheet\n\n| | |\n|:------------|:------------------------------------------|\n";
    for (const auto& [k, v] : identity_rows(c)) s += "| " + cell(k) + " | " + cell(v) + " |\n";
    s += "\n## Requirements\n\n| Requirement | | Status |\n|:-------|:----------------------------------------------|:--------|\n";
    for (const auto& r : c.requirements) s += "| " + cell(r.id) + " | " + cell(r.title) + " | " + (r.met ? "met" : "**unmet**") + " |\n";
    if (!c.documents.empty()) {
        s += "\n## Word counts\n\n| Document | File | Words | Limit | |\n|:---------------|:----------------------------|-------:|:------------|:-------|\n";
        for (const auto& d : c.documents)
            s += "| " + cell(d.title) + " | " + cell(d.file) + " | " + with_commas(d.words) + " | " + limit_text(d) + " | " +
                 (d.within ? "within" : "**outside**") + " |\n";
    }
    s += "\nFingerprint: " + cell(c.fingerprint) + "\\\nChecked by lilo " + cell(c.lilo_version) + "\n";
    if (!c.criteria.empty()) {
        s += "\n## Criteria map\n\n| Criterion | Essay section | Words | Evidence linked |\n|:---------------------|:------------------|------:|:-----------------------|\n";
        for (const auto& k : c.criteria) {
            std::string ev;
            for (const auto& e : k.evidence) ev += (ev.empty() ? "" : ", ") + cell(e);
            s += "| " + cell(k.id) + " " + cell(k.title) + " | " + (k.section.empty() ? "*" + cell(k.status) + "*" : cell(k.section)) + " | " +
                 with_commas(k.words) + " | " + (ev.empty() ? "none" : ev) + " |\n";
        }
    }
    return s;
}

std::string cover_sheet_html(const CoverSheet& c, const std::string& prefix, const std::vector<std::pair<std::string, std::string>>& extra)
{
    std::string s = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
                    html(c.candidate_name) + ": " + html(c.programme_title) + "</title>\n" +
                    "<style>\nbody{font-family:\"Noto Sans\",\"DejaVu Sans\",\"Noto Sans CJK TC\",\"Noto Sans CJK SC\",sans-serif;max-width:60rem;margin:2rem auto;"
                    "padding:0 1rem;line-height:1.45;color:#222}\ntable{border-collapse:collapse;margin:.5rem 0 1.5rem;width:100%}\n"
                    "th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}\n"
                    "th{background:#f0f0f0}\n.unmet,.outside{color:#a00;font-weight:bold}\n.num{text-align:right}\n"
                    "code{font-size:.9em}\n</style>\n</head>\n<body>\n<h1>Cover sheet</h1>\n<table>\n";
    for (const auto& [k, v] : identity_rows(c)) s += "<tr><th scope=\"row\">" + html(k) + "</th><td>" + html(v) + "</td></tr>\n";
    s += "</table>\n<h2>Requirements</h2>\n<table>\n<tr><th>Requirement</th><th></th><th>Status</th></tr>\n";
    for (const auto& r : c.requirements)
        s += "<tr><td>" + html(r.id) + "</td><td>" + html(r.title) + "</td><td" + (r.met ? ">met" : " class=\"unmet\">unmet") + "</td></tr>\n";
    s += "</table>\n";
    if (!c.documents.empty()) {
        s += "<h2>Word counts</h2>\n<table>\n<tr><th>Document</th><th>File</th><th>Words</th><th>Limit</th><th></th></tr>\n";
        for (const auto& d : c.documents)
            s += "<tr><td>" + html(d.title) + "</td><td><a href=\"" + html(href(prefix + d.file)) + "\">" + html(d.file) +
                 "</a></td><td class=\"num\">" + with_commas(d.words) + "</td><td>" + html(limit_text(d)) + "</td><td" +
                 (d.within ? ">within" : " class=\"outside\">outside") + "</td></tr>\n";
        s += "</table>\n";
    }
    s += "<p>Fingerprint: <code>" + html(c.fingerprint) + "</code><br>Checked by lilo " + html(c.lilo_version) + "</p>\n";
    if (!c.criteria.empty()) {
        s += "<h2>Criteria map</h2>\n<table>\n<tr><th>Criterion</th><th>Essay section</th><th>Words</th><th>Evidence linked</th></tr>\n";
        for (const auto& k : c.criteria) {
            std::string ev;
            for (const auto& e : k.evidence) ev += (ev.empty() ? "" : "<br>") + ("<a href=\"" + html(href(prefix + e)) + "\">" + html(e) + "</a>");
            s += "<tr><td>" + html(k.id) + " " + html(k.title) + "</td><td>" + (k.section.empty() ? "<em>" + html(k.status) + "</em>" : html(k.section)) +
                 "</td><td class=\"num\">" + with_commas(k.words) + "</td><td>" + (ev.empty() ? "none" : ev) + "</td></tr>\n";
        }
        s += "</table>\n";
    }
    if (!extra.empty()) {
        s += "<h2>In this bundle</h2>\n<ul>\n";
        for (const auto& [label, link] : extra) s += "<li><a href=\"" + html(href(link)) + "\">" + html(label) + "</a></li>\n";
        s += "</ul>\n";
    }
    s += "</body>\n</html>\n";
    return s;
}

} // namespace lilo
