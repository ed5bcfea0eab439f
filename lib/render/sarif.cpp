// SARIF 2.1.0 for code-scanning tools.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>

#include "core/version.hpp"
#include "render/render.hpp"

namespace lilo {

namespace fs = std::filesystem;

namespace {
// A relative URI reference (RFC 3986): unreserved characters and '/' as they
// are, every other byte percent-encoded.
std::string uri_reference(std::string_view path)
{
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (const char ch : path) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
            out += ch;
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

// An absolute folder as a file: URI ending in '/', as originalUriBaseIds wants.
std::string file_uri(const fs::path& folder)
{
    std::string p = folder.generic_string();
    if (p.empty() || p.back() != '/') p += '/';
    return "file://" + uri_reference(p);
}
} // namespace

nlohmann::json render_sarif(const std::vector<Report>& reports, const std::filesystem::path& root)
{
    using nlohmann::json;
    std::map<std::string, std::string> titles; // rule id → short description
    for (const auto& r : reports) {
        for (const auto& q : r.requirements) titles[q.id] = q.title;
        for (const auto& c : r.criteria) titles[c.id] = c.title;
    }
    titles["P"] = "Portfolio files: readable, valid and inside the portfolio";
    std::map<std::string, std::string> codes; // diagnostic code → its requirement's title
    // Each location is relative to a base: SRCROOT (the repository), or,
    // for a portfolio outside it, the portfolio's own folder (PORTFOLIO,
    // PORTFOLIO2 …). Never an absolute path (SARIF1004).
    const fs::path srcroot = root.empty() ? fs::path() : fs::absolute(root).lexically_normal();
    json bases = json::object();
    if (!srcroot.empty()) bases["SRCROOT"] = {{"uri", file_uri(srcroot)}};
    json results = json::array();
    std::size_t outside = 0;
    for (const auto& r : reports) {
        const fs::path folder = fs::absolute(r.portfolio).lexically_normal();
        std::string base = "SRCROOT", prefix;
        const std::string inside = srcroot.empty() ? std::string("..") : folder.lexically_relative(srcroot).generic_string();
        if (inside.empty() || inside == ".." || inside.starts_with("../")) {
            base = ++outside == 1 ? std::string("PORTFOLIO") : "PORTFOLIO" + std::to_string(outside);
            bases[base] = {{"uri", file_uri(folder)}};
        } else if (inside != ".") {
            prefix = inside + "/";
        }
        for (const auto& d : r.diagnostics) {
            codes[d.code] = titles.count(d.owner()) ? titles[d.owner()] : d.owner();
            json res{{"ruleId", d.code},
                     {"level", d.severity == Severity::error ? "error" : d.severity == Severity::warning ? "warning" : "note"},
                     {"message", {{"text", d.message}}}};
            // A finding about the whole portfolio is placed at its folder.
            const std::string path = d.file.empty() ? (prefix.empty() ? "./" : prefix) : prefix + d.file;
            json loc{{"physicalLocation", {{"artifactLocation", {{"uri", uri_reference(path)}, {"uriBaseId", base}}}}}};
            if (d.line > 0) {
                loc["physicalLocation"]["region"] = {{"startLine", d.line}};
                if (d.column > 0) loc["physicalLocation"]["region"]["startColumn"] = d.column;
            }
            res["locations"] = json::array({loc});
            results.push_back(std::move(res));
        }
    }
    json rules = json::array();
    auto rule = [&](const std::string& id, const std::string& text, const std::string& help) {
        rules.push_back({{"id", id}, {"shortDescription", {{"text", text}}}, {"help", {{"text", help}}}});
    };
    // In id order (P, R1 … R10, C1 … C10), each requirement's codes by name.
    const auto by_id = [](const std::string& a, const std::string& b) {
        const std::string_view oa = std::string_view(a).substr(0, a.find('.')), ob = std::string_view(b).substr(0, b.find('.'));
        if (id_less(oa, ob) || id_less(ob, oa)) return id_less(oa, ob);
        return a < b;
    };
    std::vector<std::pair<std::string, std::string>> ordered(titles.begin(), titles.end());
    std::stable_sort(ordered.begin(), ordered.end(), [&](const auto& a, const auto& b) { return by_id(a.first, b.first); });
    for (const auto& [id, title] : ordered)
        if (id.find('.') == std::string::npos)
            rule(id, title, id + ": " + title + ". `lilo check` and `man lilo-check` say what it needs; `lilo explain " + id + "` explains it.");
    ordered.assign(codes.begin(), codes.end());
    std::stable_sort(ordered.begin(), ordered.end(), [&](const auto& a, const auto& b) { return by_id(a.first, b.first); });
    for (const auto& [code, title] : ordered)
        rule(code, code + " (" + title + ")", "A finding of " + code.substr(0, code.find('.')) + " (" + title + "); see `man lilo-check` for " + code + ".");
    return json{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                {"version", "2.1.0"},
                {"runs", json::array({json{{"tool", {{"driver", {{"name", "lilo"},
                                                                 {"version", std::string(lilo_version)},
                                                                 {"rules", rules}}}}},
                                           {"originalUriBaseIds", bases},
                                           {"results", results}}})}};
}

} // namespace lilo
