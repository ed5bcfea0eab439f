#include "core/report.hpp"

#include <algorithm>
#include <charconv>
#include <tuple>

namespace lilo {

std::string_view name_of(Severity s)
{
    switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "info";
    }
    return "error";
}

bool Report::complete() const
{
    const bool all_met = std::all_of(requirements.begin(), requirements.end(), [](const auto& r) { return r.met; });
    const bool form_ok = std::none_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) {
        return d.severity == Severity::error && d.owner() == "P";
    });
    return all_met && form_ok;
}

const DocumentResult* Report::document_in(std::string_view section) const
{
    for (const auto& d : documents)
        if (d.section == section) return &d;
    return nullptr;
}

std::vector<const DocumentResult*> Report::documents_of(std::string_view requirement) const
{
    std::vector<const DocumentResult*> out;
    for (const auto& d : documents)
        if (d.requirement == requirement) out.push_back(&d);
    return out;
}

std::vector<const DatedEntry*> Report::entries_of(std::string_view requirement) const
{
    std::vector<const DatedEntry*> out;
    for (const auto& e : entries)
        if (e.requirement == requirement) out.push_back(&e);
    return out;
}

std::size_t Report::count(Severity s) const
{
    return static_cast<std::size_t>(std::count_if(diagnostics.begin(), diagnostics.end(), [&](const auto& d) { return d.severity == s; }));
}

std::optional<std::uint64_t> essay_words(const Report& r)
{
    const auto* e = r.document_in("essay");
    return e && e->counted ? std::optional<std::uint64_t>(e->words) : std::nullopt;
}

bool id_less(std::string_view a, std::string_view b)
{
    auto split = [](std::string_view id) {
        std::size_t i = 0;
        while (i < id.size() && !(id[i] >= '0' && id[i] <= '9')) ++i;
        long n = -1;
        std::from_chars(id.data() + i, id.data() + id.size(), n);
        return std::make_pair(id.substr(0, i), n);
    };
    auto [pa, na] = split(a);
    auto [pb, nb] = split(b);
    auto rank = [](std::string_view p) { return p == "P" ? 0 : p == "R" ? 1 : p == "C" ? 2 : 3; };
    if (rank(pa) != rank(pb)) return rank(pa) < rank(pb);
    if (pa != pb) return pa < pb;
    if (na != nb) return na < nb;
    return a < b;
}

void sort_diagnostics(std::vector<Diagnostic>& diagnostics)
{
    // Requirements' findings stay in the order found (it follows the files);
    // the portfolio's form findings go by file and line.
    std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
        const auto oa = a.owner(), ob = b.owner();
        if (oa != ob) return id_less(oa, ob);
        if (oa == "P") return std::tie(a.file, a.line) < std::tie(b.file, b.line);
        return false;
    });
}

nlohmann::json to_json(const Report& r, std::string_view lilo_version)
{
    using nlohmann::json;
    json j;
    j["portfolio"] = r.portfolio;
    j["programme"] = r.programme;
    j["as_of"] = r.as_of;
    j["status"] = r.complete() ? "complete" : "incomplete";
    j["candidate"] = {{"name", r.candidate_name}, {"id", r.candidate_id}};
    json reqs = json::array();
    for (const auto& q : r.requirements)
        reqs.push_back({{"id", q.id}, {"title", q.title}, {"kind", q.kind}, {"status", q.met ? "met" : "unmet"}});
    j["requirements"] = reqs;
    json crit = json::array();
    for (const auto& c : r.criteria)
        crit.push_back({{"id", c.id}, {"title", c.title}, {"status", c.addressed ? "addressed" : "missing"},
                        {"required", c.required}, {"words", c.words}});
    j["criteria"] = crit;
    const DocumentResult* essay = r.document_in("essay");
    const bool counted = essay && essay->counted;
    j["essay"] = {{"file", essay ? json(essay->file) : json(nullptr)}, {"words", counted ? json(essay->words) : json(nullptr)}};
    if (counted) j["essay"]["limit"] = {{"min", essay->min}, {"max", essay->max ? json(*essay->max) : json(nullptr)}};
    json dates = json::array();
    for (const auto& e : r.entries)
        if (e.section == "journal") dates.push_back(e.date);
    if (!dates.empty()) j["journal"] = {{"dates", dates}};
    json docs = json::array();
    for (const auto& d : r.documents)
        if (d.section == "documents")
            docs.push_back({{"requirement", d.requirement}, {"title", d.title}, {"file", d.file}, {"words", d.words},
                            {"limit", {{"min", d.min}, {"max", d.max ? json(*d.max) : json(nullptr)}}},
                            {"within", d.words >= d.min && (!d.max || d.words <= *d.max)}});
    if (!docs.empty()) j["documents"] = docs;
    if (r.qualification) j["qualification"] = *r.qualification;
    if (r.progression) {
        j["progression"] = {{"status", r.progression->status}, {"arithmetic", r.progression->arithmetic}};
        j["progression"]["mean"] = r.progression->mean ? json(*r.progression->mean) : json(nullptr);
    }
    json diags = json::array();
    for (const auto& d : r.diagnostics) {
        json e;
        e["code"] = d.code;
        e["severity"] = name_of(d.severity);
        e["file"] = d.file.empty() ? json(nullptr) : json(d.file);
        e["line"] = d.line > 0 ? json(d.line) : json(nullptr);
        if (d.column > 0) e["column"] = d.column;
        e["message"] = d.message;
        diags.push_back(std::move(e));
    }
    j["diagnostics"] = diags;
    j["summary"] = {{"errors", r.count(Severity::error)}, {"warnings", r.count(Severity::warning)},
                    {"info", r.count(Severity::info)}};
    j["lilo_version"] = lilo_version;
    return j;
}

} // namespace lilo
