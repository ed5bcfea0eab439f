#include "bib/entry.hpp"

#include <cctype>
#include <nlohmann/json.hpp>

#include "yaml/yaml_json.hpp"

namespace lilo {

namespace {

std::optional<std::string> bibtex_entry(std::string_view text, std::string_view key)
{
    std::size_t i = 0;
    while ((i = text.find('@', i)) != std::string_view::npos) {
        const std::size_t open = text.find_first_of("{(", i);
        if (open == std::string_view::npos) return std::nullopt;
        std::size_t k = open + 1;
        while (k < text.size() && std::isspace(static_cast<unsigned char>(text[k])) != 0) ++k;
        if (text.substr(k, key.size()) == key && k + key.size() < text.size() &&
            (text[k + key.size()] == ',' || std::isspace(static_cast<unsigned char>(text[k + key.size()])) != 0)) {
            // To the brace that closes the entry.
            int depth = 0;
            std::size_t e = open;
            for (; e < text.size(); ++e) {
                if (text[e] == '{' || text[e] == '(') ++depth;
                if ((text[e] == '}' || text[e] == ')') && --depth == 0) break;
            }
            std::string entry(text.substr(i, std::min<std::size_t>(e + 1 - i, 2000)));
            return "```bibtex\n" + entry + "\n```";
        }
        i = open + 1;
    }
    return std::nullopt;
}

std::string text_of(const nlohmann::json& j, const char* key)
{
    if (!j.contains(key)) return {};
    const auto& v = j[key];
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number()) return v.dump();
    return {};
}

std::string csl_entry(const nlohmann::json& item)
{
    std::string authors;
    if (item.contains("author") && item["author"].is_array()) {
        const auto& list = item["author"];
        for (std::size_t n = 0; n < list.size(); ++n) {
            const auto& a = list[n];
            if (!a.is_object()) continue;
            std::string name = text_of(a, "family");
            if (name.empty()) name = text_of(a, "literal");
            const std::string given = text_of(a, "given");
            if (!given.empty()) name += ", " + given.substr(0, 1) + ".";
            authors += (authors.empty() ? "" : n + 1 == list.size() ? " & " : ", ") + name;
        }
    }
    std::string year;
    if (item.contains("issued") && item["issued"].is_object()) {
        const auto& issued = item["issued"];
        if (issued.contains("date-parts") && issued["date-parts"].is_array() && !issued["date-parts"].empty() &&
            issued["date-parts"][0].is_array() && !issued["date-parts"][0].empty())
            year = issued["date-parts"][0][0].is_number() ? issued["date-parts"][0][0].dump()
                   : issued["date-parts"][0][0].is_string() ? issued["date-parts"][0][0].get<std::string>() : "";
        if (year.empty()) year = text_of(issued, "literal");
    }
    std::string out = authors.empty() ? "" : authors + " ";
    out += "(" + (year.empty() ? std::string("n.d.") : year) + "). ";
    if (const auto title = text_of(item, "title"); !title.empty()) out += "*" + title + "*. ";
    if (const auto c = text_of(item, "container-title"); !c.empty()) out += c + ". ";
    else if (const auto p = text_of(item, "publisher"); !p.empty()) out += p + ". ";
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

} // namespace

std::optional<std::string> bibliography_entry(std::string_view text, std::string_view name, std::string_view key)
{
    if (name.ends_with(".bib") || name.ends_with(".bibtex")) return bibtex_entry(text, key);
    nlohmann::json items;
    if (name.ends_with(".json")) {
        items = nlohmann::json::parse(text, nullptr, false);
        if (items.is_discarded()) return std::nullopt;
    } else {
        if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
        auto parsed = parse_yaml(text);
        if (!parsed.doc) return std::nullopt;
        items = std::move(parsed.doc->value);
    }
    if (items.is_object() && items.contains("references")) items = nlohmann::json(items["references"]);
    if (!items.is_array()) return std::nullopt;
    for (const auto& it : items)
        if (it.is_object() && it.contains("id") && it["id"].is_string() && it["id"].get<std::string>() == key) return csl_entry(it);
    return std::nullopt;
}

} // namespace lilo
