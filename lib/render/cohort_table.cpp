#include "render/cohort_table.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <set>

#include "core/report.hpp"
#include "text/utf8.hpp"
#include "text/word_limit.hpp"

namespace lilo {

namespace {

// Cut to `width` terminal columns (with an ellipsis when cut) and padded to them.
std::string fit(const std::string& s, std::size_t width) { return pad_to_width(cut_to_width(s, width), width); }

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

// The ids of one programme's portfolios, requirements before criteria.
std::vector<std::string> columns_of(const std::vector<const CohortRow*>& rows)
{
    std::set<std::string> ids;
    for (const auto* r : rows)
        for (const auto& o : r->outcome) ids.insert(o.id);
    std::vector<std::string> out(ids.begin(), ids.end());
    std::sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) {
        if (a[0] != b[0]) return a[0] == 'R';  // requirements before criteria
        return id_less(a, b);
    });
    return out;
}

// The programmes of the checked rows, first seen first.
std::vector<std::string> programmes_of(const std::vector<CohortRow>& rows)
{
    std::vector<std::string> out;
    for (const auto& r : rows)
        if (r.checked() && std::find(out.begin(), out.end(), r.programme) == out.end()) out.push_back(r.programme);
    return out;
}

std::vector<const CohortRow*> group_of(const std::vector<CohortRow>& rows, const std::string& programme)
{
    std::vector<const CohortRow*> group;
    for (const auto& r : rows)
        if (r.checked() && r.programme == programme) group.push_back(&r);
    return group;
}

std::string matrix(const std::vector<const CohortRow*>& rows, const std::string& programme, const std::set<std::string>& twice, bool colour)
{
    const auto paint = [colour](const char* code, const char* text) { return colour ? fmt::format("\033[{}m{}\033[0m", code, text) : std::string(text); };
    const auto columns = columns_of(rows);
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
            line += *it ? "  " + paint("32", "✓") + " " : "  " + paint("31", "✗") + " ";
        }
        line += fmt::format("  {:>6}  {}", r.errors, r.status + (r.qualification.empty() ? "" : " (" + r.qualification + ")"));
        if (twice.count(r.portfolio)) line += "  " + paint("1;31", "DUPLICATE ID");
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

// What one programme's candidates struggle with: the errors most of them share.
std::string common_errors(const std::vector<const CohortRow*>& rows)
{
    std::map<std::string, std::size_t> freq;
    for (const auto* r : rows)
        for (const auto& code : r->codes) ++freq[code];
    std::vector<std::pair<std::string, std::size_t>> top(freq.begin(), freq.end());
    std::stable_sort(top.begin(), top.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::string out;
    for (std::size_t i = 0; i < std::min<std::size_t>(top.size(), 5); ++i) out += fmt::format("{} {} ({})", i ? "," : "", top[i].first, top[i].second);
    return out;
}

} // namespace

std::vector<CohortColumn> cohort_columns(const std::vector<CohortRow>& rows)
{
    std::vector<CohortColumn> out;
    std::map<std::string, int> programmes_with;  // id → how many programmes have it
    const auto programmes = programmes_of(rows);
    for (const auto& programme : programmes)
        for (const auto& id : columns_of(group_of(rows, programme))) {
            out.push_back({programme, id, id});
            ++programmes_with[id];
        }
    for (auto& c : out)
        if (programmes_with[c.id] > 1) c.label = c.id + " (" + c.programme + ")";
    return out;
}

std::map<std::string, std::vector<std::string>> duplicate_candidate_ids(const std::vector<CohortRow>& rows)
{
    // Within a programme: one candidate may have a Certificate and a Diploma portfolio.
    std::map<std::pair<std::string, std::string>, std::vector<std::string>> by_id;
    for (const auto& r : rows)
        if (!r.candidate_id.empty()) by_id[{r.programme, r.candidate_id}].push_back(r.portfolio);
    std::map<std::string, std::vector<std::string>> out;
    for (auto& [key, where] : by_id)
        if (where.size() > 1) {
            auto& list = out[key.second];
            list.insert(list.end(), where.begin(), where.end());
        }
    return out;
}

std::map<std::string, std::size_t> cohort_dates(const std::vector<CohortRow>& rows)
{
    std::map<std::string, std::size_t> dates;
    for (const auto& r : rows)
        if (r.checked() && !r.as_of.empty()) ++dates[r.as_of];
    return dates;
}

std::string different_dates_note(const std::map<std::string, std::size_t>& dates)
{
    if (dates.size() < 2) return "";
    std::string out = "checked as of different dates:";
    for (const auto& [date, n] : dates) out += fmt::format("{} {} ({})", date == dates.begin()->first ? "" : ",", date, n);
    return out;
}

std::string render_cohort_matrix(const std::vector<CohortRow>& rows, const CohortMatrixStyle& style)
{
    std::size_t complete = 0, failed = 0, skipped = 0;
    for (const auto& r : rows) {
        complete += r.status == "complete";
        failed += r.status == "error";
        skipped += r.status == "skipped";
    }
    const std::size_t portfolios = rows.size() - skipped;
    std::string out = fmt::format("Cohort{}: {} portfolio{}, {} complete, {} incomplete", style.as_of.empty() ? "" : ", as of " + style.as_of,
                                  portfolios, portfolios == 1 ? "" : "s", complete, portfolios - complete - failed);
    if (failed) out += fmt::format(", {} could not be checked", failed);
    if (skipped) out += fmt::format(", {} skipped (not portfolios)", skipped);
    out += "\n";
    if (const std::string note = different_dates_note(cohort_dates(rows)); !note.empty())
        out += "Note: " + note + "; what depends on the date (journal gaps, the period, sign-offs) is as of each one's own.\n";
    out += "\n";

    const auto twice = duplicate_candidate_ids(rows);
    std::set<std::string> twice_ids;  // the portfolios flagged
    for (const auto& [id, where] : twice) twice_ids.insert(where.begin(), where.end());
    // One matrix per programme: R1 is the mentor in one and the essays in another.
    const auto programmes = programmes_of(rows);
    for (const auto& programme : programmes) out += matrix(group_of(rows, programme), programme, twice_ids, style.colour);
    for (const char* status : {"error", "skipped"}) {
        bool any = false;
        for (const auto& r : rows) {
            if (r.status != status) continue;
            if (!any) out += *status == 'e' ? "Could not be checked:\n" : "Skipped, not checked (no portfolio in them):\n";
            any = true;
            // Errors usually begin with the portfolio's path already.
            const bool named = r.error.starts_with(r.portfolio + ":");
            out += "  " + escape_invalid_utf8(named ? r.error : r.portfolio + ": " + r.error) + "\n";
        }
        if (any) out += "\n";
    }
    if (!twice.empty()) {
        out += "The same candidate id in several portfolios:\n";
        for (const auto& [id, where] : twice) {
            std::string list;
            for (const auto& w : where) list += (list.empty() ? "" : ", ") + w;
            out += "  " + escape_invalid_utf8(id + ": " + list) + "\n";
        }
        out += "\n";
    }

    // What each programme's candidates struggle with (codes mean different things in different programmes).
    for (const auto& programme : programmes)
        if (const std::string top = common_errors(group_of(rows, programme)); !top.empty())
            out += (programmes.size() == 1 ? "Most common errors:" : "Most common errors, " + programme + ":") + top + "\n";
    return out;
}

std::string render_cohort_csv(const std::vector<CohortRow>& rows)
{
    const auto columns = cohort_columns(rows);
    const auto twice = duplicate_candidate_ids(rows);
    std::string out = "\xEF\xBB\xBF";
    std::vector<std::string> head = {"candidate_id", "candidate_name", "portfolio", "programme", "status"};
    for (const auto& c : columns) head.push_back(c.label);
    for (const char* h : {"errors", "warnings", "essay_words", "qualification", "progression", "next", "as_of", "same_id_as"}) head.emplace_back(h);
    const auto line = [&](const std::vector<std::string>& fields) {
        for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + csv_field(escape_invalid_utf8(fields[i]));
        out += "\r\n";
    };
    line(head);
    for (const auto& r : rows) {
        std::vector<std::string> f = {r.candidate_id, r.candidate_name, r.portfolio, r.programme, r.status};
        for (const auto& c : columns) {
            const bool* it = c.programme == r.programme ? r.outcome_of(c.id) : nullptr;
            f.push_back(!it || !r.checked() ? "" : c.id[0] == 'R' ? (*it ? "met" : "unmet") : (*it ? "addressed" : "missing"));
        }
        f.push_back(!r.checked() ? "" : std::to_string(r.errors));
        f.push_back(!r.checked() ? "" : std::to_string(r.warnings));
        f.push_back(r.essay_words ? std::to_string(*r.essay_words) : "");
        f.push_back(r.qualification);
        f.push_back(r.progression);
        f.push_back(r.next);
        f.push_back(r.as_of);
        std::string others;
        if (const auto it = twice.find(r.candidate_id); it != twice.end() && std::count(it->second.begin(), it->second.end(), r.portfolio))
            for (const auto& p : it->second)
                if (p != r.portfolio) others += (others.empty() ? "" : "; ") + p;
        f.push_back(others);
        line(f);
    }
    return out;
}

} // namespace lilo
