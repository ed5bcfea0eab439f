#include "render/cohort_table.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <set>

#include "core/report.hpp"
#include "text/utf8.hpp"
#include "text/word_limit.hpp"

namespace lilo {

namespace {

std::string str(const nlohmann::json& j, const char* key)
{
    return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

// Cut to `width` terminal columns, with an ellipsis when cut.
std::string fit(const std::string& s, std::size_t width)
{
    if (terminal_width(s) <= width) return s + std::string(width - terminal_width(s), ' ');
    std::string out;
    std::size_t w = 0;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t start = i;
        decode_utf8(s, i);
        const std::string ch = s.substr(start, i - start);
        const std::size_t cw = terminal_width(ch);
        if (w + cw + 1 > width) break;
        out += ch;
        w += cw;
    }
    out += "…";
    return out + std::string(width - w - 1, ' ');
}

std::string csv_field(const std::string& s)
{
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

// The matrix of one programme's portfolios.
std::vector<std::string> columns_of(const std::vector<const CohortRow*>& rows)
{
    std::set<std::string> ids;
    for (const auto* r : rows)
        for (const auto& [id, ok] : r->outcome) ids.insert(id);
    std::vector<std::string> out(ids.begin(), ids.end());
    std::sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) {
        if (a[0] != b[0]) return a[0] == 'R';  // requirements before criteria
        return id_less(a, b);
    });
    return out;
}

std::string matrix(const std::vector<const CohortRow*>& group, const std::string& programme)
{
    const auto columns = columns_of(group);
    const auto& rows = group;
    std::string out;
    constexpr std::size_t who_width = 34;
    std::string head = fit(programme + " (" + std::to_string(rows.size()) + ")", who_width);
    for (const auto& c : columns) head += fmt::format(" {:<3}", c);
    head += "  errors  status";
    out += head + "\n";
    std::map<std::string, std::size_t> met, seen;
    for (const auto* row : rows) {
        const CohortRow& r = *row;
        std::string who = r.candidate_id.empty() ? r.portfolio : r.candidate_id + (r.candidate_name.empty() ? "" : " " + r.candidate_name);
        std::string line = fit(escape_invalid_utf8(who), who_width);
        for (const auto& c : columns) {
            const bool* it = r.outcome_of(c);
            if (!it) { line += "  · "; continue; }
            ++seen[c];
            met[c] += *it;
            line += *it ? "  ✓ " : "  ✗ ";
        }
        line += fmt::format("  {:>6}  {}", r.errors, r.status + (r.qualification.empty() ? "" : " (" + r.qualification + ")"));
        out += line + "\n";
    }
    std::string totals = fit("met or addressed", who_width);
    for (const auto& c : columns) totals += fmt::format("{:>3} ", met[c]);
    totals.erase(totals.find_last_not_of(' ') + 1);
    out += totals + "\n";
    std::string of = fit("of", who_width);
    for (const auto& c : columns) of += fmt::format("{:>3} ", seen[c]);
    of.erase(of.find_last_not_of(' ') + 1);
    out += of + "\n";

    return out + "\n";
}

} // namespace

CohortRow cohort_row(const nlohmann::json& r)
{
    CohortRow row;
    row.portfolio = str(r, "portfolio");
    row.programme = str(r, "programme");
    row.status = str(r, "status");
    row.error = str(r, "error");
    if (r.contains("candidate")) {
        row.candidate_id = str(r["candidate"], "id");
        row.candidate_name = str(r["candidate"], "name");
    }
    for (const char* list : {"requirements", "criteria"})
        if (r.contains(list) && r[list].is_array())
            for (const auto& x : r[list]) {
                const std::string s = str(x, "status");
                row.outcome.emplace_back(str(x, "id"), s == "met" || s == "addressed");
            }
    if (r.contains("summary") && r["summary"].is_object()) {
        row.errors = r["summary"].value("errors", 0u);
        row.warnings = r["summary"].value("warnings", 0u);
    }
    if (r.contains("essay") && r["essay"].is_object() && r["essay"].contains("words") && r["essay"]["words"].is_number_unsigned())
        row.essay_words = r["essay"]["words"].get<std::uint64_t>();
    row.qualification = str(r, "qualification");
    if (r.contains("progression")) row.progression = str(r["progression"], "status");
    std::set<std::string> seen;
    if (r.contains("diagnostics") && r["diagnostics"].is_array())
        for (const auto& d : r["diagnostics"]) {
            if (str(d, "severity") != "error") continue;
            const std::string code = str(d, "code");
            if (row.next.empty()) row.next = code + " " + (d.contains("file") && d["file"].is_string() ? d["file"].get<std::string>() + ": " : "") + str(d, "message");
            if (seen.insert(code).second) row.codes.push_back(code);
        }
    if (row.status == "error") row.next = row.error;
    return row;
}

std::vector<std::string> cohort_columns(const std::vector<CohortRow>& rows)
{
    std::vector<const CohortRow*> all;
    for (const auto& r : rows) all.push_back(&r);
    return columns_of(all);
}


std::string render_cohort_matrix(const std::vector<CohortRow>& rows, const std::string& as_of)
{
    std::size_t complete = 0, failed = 0;
    for (const auto& r : rows) {
        complete += r.status == "complete";
        failed += r.status == "error";
    }
    std::string out = fmt::format("Cohort{}: {} portfolio{}, {} complete, {} incomplete", as_of.empty() ? "" : ", as of " + as_of, rows.size(),
                                  rows.size() == 1 ? "" : "s", complete, rows.size() - complete - failed);
    if (failed) out += fmt::format(", {} could not be checked", failed);
    out += "\n\n";

    // One matrix per programme: R1 is the mentor in one and the essays in another.
    std::vector<std::string> programmes;
    for (const auto& r : rows)
        if (r.status != "error" && std::find(programmes.begin(), programmes.end(), r.programme) == programmes.end()) programmes.push_back(r.programme);
    for (const auto& programme : programmes) {
        std::vector<const CohortRow*> group;
        for (const auto& r : rows)
            if (r.status != "error" && r.programme == programme) group.push_back(&r);
        out += matrix(group, programme);
    }
    bool any_failed = false;
    for (const auto& r : rows) {
        if (r.status != "error") continue;
        if (!any_failed) out += "Could not be checked:\n";
        any_failed = true;
        // Errors usually begin with the portfolio's path already.
        const bool named = r.error.starts_with(r.portfolio + ":");
        out += "  " + escape_invalid_utf8(named ? r.error : r.portfolio + ": " + r.error) + "\n";
    }
    if (any_failed) out += "\n";

    // What the cohort struggles with: the errors most portfolios share.
    std::map<std::string, std::size_t> freq;
    for (const auto& r : rows)
        for (const auto& code : r.codes) ++freq[code];
    std::vector<std::pair<std::string, std::size_t>> top(freq.begin(), freq.end());
    std::stable_sort(top.begin(), top.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    if (!top.empty()) {
        out += "Most common errors:";
        for (std::size_t i = 0; i < std::min<std::size_t>(top.size(), 5); ++i)
            out += fmt::format("{} {} ({})", i ? "," : "", top[i].first, top[i].second);
        out += "\n";
    }
    return out;
}

std::string render_cohort_csv(const std::vector<CohortRow>& rows)
{
    const auto columns = cohort_columns(rows);
    std::string out = "\xEF\xBB\xBF";
    std::vector<std::string> head = {"candidate_id", "candidate_name", "portfolio", "programme", "status"};
    head.insert(head.end(), columns.begin(), columns.end());
    for (const char* h : {"errors", "warnings", "essay_words", "qualification", "progression", "next"}) head.emplace_back(h);
    const auto line = [&](const std::vector<std::string>& fields) {
        for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + csv_field(escape_invalid_utf8(fields[i]));
        out += "\r\n";
    };
    line(head);
    for (const auto& r : rows) {
        std::vector<std::string> f = {r.candidate_id, r.candidate_name, r.portfolio, r.programme, r.status};
        for (const auto& c : columns) {
            const bool* it = r.outcome_of(c);
            f.push_back(!it || r.status == "error" ? "" : c[0] == 'R' ? (*it ? "met" : "unmet") : (*it ? "addressed" : "missing"));
        }
        f.push_back(r.status == "error" ? "" : std::to_string(r.errors));
        f.push_back(r.status == "error" ? "" : std::to_string(r.warnings));
        f.push_back(r.essay_words ? std::to_string(*r.essay_words) : "");
        f.push_back(r.qualification);
        f.push_back(r.progression);
        f.push_back(r.next);
        line(f);
    }
    return out;
}

} // namespace lilo
