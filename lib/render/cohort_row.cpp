// A portfolio's report read into the one row that the cohort's matrix, CSV
// and HTML page show.
#include "render/cohort_row.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>

#include "core/date.hpp"

namespace lilo {

namespace {

using nlohmann::json;

const json* field(const json& j, const char* key)
{
    if (!j.is_object()) return nullptr;
    const auto it = j.find(key);
    return it == j.end() ? nullptr : &*it;
}

std::string text(const json& j, const char* key)
{
    const json* f = field(j, key);
    return f && f->is_string() ? f->get<std::string>() : std::string();
}

std::optional<long long> integer(const json& j, const char* key)
{
    const json* f = field(j, key);
    if (!f) return std::nullopt;
    if (f->is_number_integer()) return f->get<long long>();
    if (f->is_number_float() && std::isfinite(f->get<double>()) && std::fabs(f->get<double>()) < 1e15)
        return std::llround(f->get<double>());
    return std::nullopt;
}

const json* array(const json& j, const char* key)
{
    const json* f = field(j, key);
    return f && f->is_array() ? f : nullptr;
}

// The word-limited documents: the essay, named as the programme names its
// essay requirement ("Final reflective piece"), then each of the report's.
void read_documents(const json& r, CohortRow& row)
{
    if (row.essay_words) {
        std::string label = "Essay";
        if (const json* qs = array(r, "requirements"))
            for (const json& q : *qs)
                if (text(q, "kind") == "essay" && !text(q, "title").empty()) { label = text(q, "title"); break; }
        row.documents.push_back({label, *row.essay_words, row.essay_min, row.essay_max});
    }
    if (const json* ds = array(r, "documents"))
        for (const json& d : *ds) {
            const auto words = integer(d, "words");
            if (!words) continue;
            CohortRow::Document doc{text(d, "title"), *words, std::nullopt, std::nullopt};
            if (doc.label.empty()) doc.label = text(d, "file");
            if (const json* l = field(d, "limit")) {
                doc.min = integer(*l, "min");
                doc.max = integer(*l, "max");
                if (doc.min && *doc.min == 0) doc.min.reset(); // "at most", not "0–"
            }
            row.documents.push_back(std::move(doc));
        }
}

void read_journal(const json& r, CohortRow& row)
{
    const json* j = field(r, "journal");
    const json* dates = j ? array(*j, "dates") : nullptr;
    if (!dates) return;
    for (const json& d : *dates)
        if (d.is_string())
            if (auto day = Date::parse(d.get<std::string>())) row.journal.push_back(day->days());
    std::sort(row.journal.begin(), row.journal.end());
}

void read_diagnostics(const json& r, CohortRow& row, const CohortRowOptions& options)
{
    long long errors = 0, warnings = 0;
    std::set<std::string> seen;
    if (const json* ds = array(r, "diagnostics"))
        for (const json& d : *ds) {
            const std::string severity = text(d, "severity"), code = text(d, "code");
            row.gap_over = row.gap_over || code.ends_with(".gap");
            warnings += severity == "warning";
            if (severity == "error") {
                ++errors;
                const json* file = field(d, "file");
                if (options.next && row.next.empty())
                    row.next = code + " " + (file && file->is_string() ? file->get<std::string>() + ": " : "") + text(d, "message");
                if (seen.insert(code).second) row.codes.push_back(code);
            }
            if (!options.page) continue;
            CohortRow::Diagnostic diag{severity, code, text(d, "file"), text(d, "message")};
            if (auto line = integer(d, "line"); line && !diag.where.empty()) diag.where += ":" + std::to_string(*line);
            row.diagnostics.push_back(std::move(diag));
        }
    const json* summary = field(r, "summary");
    row.errors = (summary ? integer(*summary, "errors") : std::nullopt).value_or(errors);
    row.warnings = (summary ? integer(*summary, "warnings") : std::nullopt).value_or(warnings);
}

} // namespace

CohortRow cohort_row(const json& r, const CohortRowOptions& options)
{
    CohortRow row;
    row.portfolio = text(r, "portfolio");
    if (const json* c = field(r, "candidate")) {
        row.candidate_id = text(*c, "id");
        row.candidate_name = text(*c, "name");
    }
    const std::string status = text(r, "status");
    if (!r.is_object() || !(status == "complete" || status == "incomplete")) {
        row.status = status == "skipped" ? "skipped" : "error";
        row.error = !r.is_object() ? "not a report (a JSON object was expected)" : text(r, status == "skipped" ? "reason" : "error");
        if (row.error.empty() && status != "skipped") row.error = status.empty() ? "no status in the report" : "unknown status '" + status + "'";
        if (options.next) row.next = row.error;
        return row;
    }
    row.status = status;
    row.programme = text(r, "programme");
    row.as_of = text(r, "as_of");
    row.qualification = text(r, "qualification");
    if (const json* p = field(r, "progression")) {
        row.progression = text(*p, "status");
        row.arithmetic = text(*p, "arithmetic");
    }
    for (const char* list : {"requirements", "criteria"})
        if (const json* items = array(r, list))
            for (const json& item : *items)
                if (std::string id = text(item, "id"); !id.empty()) {
                    const std::string s = text(item, "status");
                    row.outcome.push_back({std::move(id), s == "met" || s == "addressed", options.page ? text(item, "title") : ""});
                }
    row.outcome.shrink_to_fit();
    if (const json* e = field(r, "essay")) {
        row.essay_words = integer(*e, "words");
        if (const json* l = field(*e, "limit"); l && options.page) {
            row.essay_min = integer(*l, "min");
            row.essay_max = integer(*l, "max");
        }
    }
    read_diagnostics(r, row, options);
    row.codes.shrink_to_fit();
    if (options.page) {
        read_documents(r, row);
        read_journal(r, row);
    }
    return row;
}

} // namespace lilo
