#include "export/identity.hpp"

#include <algorithm>

#include "rules/kinds.hpp"

namespace lilo {

namespace {

std::optional<std::string> text_at(const nlohmann::json& v, std::initializer_list<const char*> path)
{
    const nlohmann::json* cur = &v;
    for (const char* key : path) {
        if (!cur->is_object() || !cur->contains(key)) return std::nullopt;
        cur = &(*cur)[key];
    }
    if (cur->is_string()) return cur->get<std::string>();
    if (cur->is_number_integer()) return std::to_string(cur->get<long long>());
    return std::nullopt;
}

Diagnostic problem(std::string file, int line, std::string message)
{
    return Diagnostic{"P.export-identity", Severity::error, std::move(file), line, 0, std::move(message)};
}

} // namespace

bool valid_code(const std::string& code)
{
    if (code.empty() || code.size() > 32) return false;
    return std::all_of(code.begin(), code.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-';
    });
}

std::string SubmissionIdentity::stem(const std::string& component_code) const
{
    return centre + "_" + candidate + "_" + syllabus + "_" + component_code;
}

SubmissionIdentity submission_identity(const YamlDoc& manifest, const Programme& programme, const nlohmann::json& report)
{
    SubmissionIdentity id;
    const std::string yaml = "portfolio.yaml";
    const auto& v = manifest.value;
    // A number written without quotes loses its leading zeros (0117 reads as 117): ask for quotes.
    auto portfolio_code = [&](std::initializer_list<const char*> path, const std::string& pointer, const std::string& what,
                              const std::string& hint) -> std::string {
        const auto t = text_at(v, path);
        const int line = manifest.line_of(pointer);
        if (!t) {
            id.problems.push_back(problem(yaml, line > 0 ? line : 1, what + " is missing; " + hint));
            return {};
        }
        const nlohmann::json* node = &v;
        for (const char* key : path) node = &(*node)[key];
        if (!node->is_string()) {
            id.problems.push_back(problem(yaml, line, what + " must be written in quotes (\"" + *t +
                                                          "\" as a number would lose any leading zero)"));
            return {};
        }
        if (!valid_code(*t)) {
            id.problems.push_back(problem(yaml, line, what + " '" + *t + "' is not a code a file can be named by (letters and digits only)"));
            return {};
        }
        return *t;
    };
    id.centre = portfolio_code({"centre", "number"}, "/centre/number", "centre.number (the Cambridge centre number)",
                               "add `centre:` with `number: \"…\"` to portfolio.yaml (your programme officer knows it)");
    if (text_at(v, {"candidate", "number"}))
        id.candidate = portfolio_code({"candidate", "number"}, "/candidate/number", "candidate.number", "");
    else if (text_at(v, {"candidate", "uci"}))
        id.candidate = portfolio_code({"candidate", "uci"}, "/candidate/uci", "candidate.uci", "");
    else
        id.problems.push_back(problem(yaml, std::max(1, manifest.line_of("/candidate")),
                                      "candidate.number (the Cambridge candidate number) or candidate.uci is missing; add "
                                      "`number: \"…\"` under `candidate:` (the centre gives it when it enters you)"));

    const std::string prog_file = programme.source == "built-in" ? "" : programme.source;
    const nlohmann::json sub = programme.resolved.value("submission", nlohmann::json::object());
    auto programme_code = [&](const nlohmann::json& obj, const char* key, const std::string& what) -> std::string {
        const auto t = text_at(obj, {key});
        if (!t) {
            id.problems.push_back(problem(prog_file, 0, "the programme " + programme.id + " gives no " + what +
                                                           "; a centre gives it in its own programme file (`extends: " +
                                                           programme.id + "`)"));
            return {};
        }
        if (!valid_code(*t)) {
            id.problems.push_back(problem(prog_file, 0, "the programme's " + what + " '" + *t + "' is not a code a file can be named by"));
            return {};
        }
        return *t;
    };
    id.syllabus = programme_code(sub, "syllabus", "syllabus code (`submission: syllabus:`)");
    id.component = programme_code(sub, "component", "component code for the portfolio (`submission: component:`)");

    // The documents, in the report's order: the essay first, then the others.
    std::vector<std::pair<std::string, std::string>> docs; // (requirement, file)
    std::vector<std::string> titles;
    const std::string essay_file = report.contains("essay") && report["essay"].is_object() && report["essay"].contains("file") &&
                                           report["essay"]["file"].is_string()
                                       ? report["essay"]["file"].get<std::string>()
                                       : "";
    for (const auto& r : programme.requirements) {
        if (!kind_of(r).addresses_criteria || essay_file.empty()) continue;
        docs.emplace_back(r.id, essay_file);
        titles.push_back(r.title);
    }
    for (const auto& d : report.value("documents", nlohmann::json::array())) {
        docs.emplace_back(d.value("requirement", ""), d.value("file", ""));
        titles.push_back(d.value("title", ""));
    }
    for (std::size_t i = 0; i < docs.size(); ++i) {
        const auto& [req_id, file] = docs[i];
        SubmittedDocument sd{req_id, titles[i], file, {}};
        const RequirementSpec* req = nullptr;
        for (const auto& r : programme.requirements)
            if (r.id == req_id) req = &r;
        if (!req) continue;
        const RequirementKind& kind = kind_of(*req);
        if (kind.takes("components") && param_given(*req, "components") && !param_texts(*req, "components").empty()) {
            const auto paths = param_texts(*req, "paths"), components = param_texts(*req, "components");
            for (std::size_t k = 0; k < paths.size() && k < components.size(); ++k)
                if (paths[k] == file) sd.component = components[k];
        } else if (kind.takes("component") && param_given(*req, "component")) {
            sd.component = param_text(*req, "component");
        } else if (kind.portfolio_component) {
            sd.component = id.component;   // the certificate's essay belongs to the portfolio's component
        }
        if (sd.component.empty()) {
            if (!kind_of(*req).portfolio_component)
                id.problems.push_back(problem(prog_file, 0, "the programme gives no component code for " + req_id + " " + req->title +
                                                               " (" + file + "): `component:` (or `components:`, one per path)"));
            continue;
        }
        if (!valid_code(sd.component)) {
            id.problems.push_back(problem(prog_file, 0, req_id + "'s component code '" + sd.component + "' is not a code a file can be named by"));
            continue;
        }
        id.documents.push_back(std::move(sd));
    }
    return id;
}

} // namespace lilo
