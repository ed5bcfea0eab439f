#include "core/dump_json.hpp"
#include "bib/bibliography.hpp"

#include <cctype>
#include <nlohmann/json.hpp>

#include "yaml/yaml_json.hpp"

namespace lilo {

BibliographyKeys bibtex_keys(std::string_view text)
{
    BibliographyKeys out;
    std::size_t i = 0;
    while ((i = text.find('@', i)) != std::string_view::npos) {
        std::size_t k = i + 1;
        while (k < text.size() && std::isalpha(static_cast<unsigned char>(text[k])) != 0) ++k;
        std::string type(text.substr(i + 1, k - i - 1));
        for (auto& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        while (k < text.size() && std::isspace(static_cast<unsigned char>(text[k])) != 0) ++k;
        if (type.empty() || k >= text.size() || (text[k] != '{' && text[k] != '(')) { i = k; continue; }
        if (type == "comment" || type == "string" || type == "preamble") { i = k; continue; }
        ++k;
        while (k < text.size() && std::isspace(static_cast<unsigned char>(text[k])) != 0) ++k;
        const std::size_t start = k;
        while (k < text.size() && text[k] != ',' && text[k] != '}' && text[k] != ')' && std::isspace(static_cast<unsigned char>(text[k])) == 0) ++k;
        if (k > start) out.keys.emplace(text.substr(start, k - start));
        i = k;
    }
    return out;
}

BibliographyKeys read_bibliography(std::string_view text, std::string_view name)
{
    if (name.ends_with(".bib") || name.ends_with(".bibtex")) return bibtex_keys(text);
    BibliographyKeys out;
    nlohmann::json items;
    if (name.ends_with(".json")) {
        try {
            items = nlohmann::json::parse(text);
        } catch (const nlohmann::json::exception& e) {
            out.error = std::string("not valid CSL-JSON: ") + e.what();
            return out;
        }
    } else {
        if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
        // A pandoc Markdown file with front matter, or plain YAML.
        std::string_view yaml = text;
        int first_line = 1;
        if (yaml.starts_with("---")) {
            const auto nl = yaml.find('\n');
            const auto end = yaml.find("\n---", nl);
            if (nl != std::string_view::npos && end != std::string_view::npos) {
                yaml = yaml.substr(nl + 1, end - nl);
                first_line = 2;
            }
        }
        auto parsed = parse_yaml(yaml, first_line);
        if (!parsed.doc) {
            out.error = parsed.problems.front().message;
            out.error_line = parsed.problems.front().mark.line;
            out.error_code = parsed.problems.front().code;
            return out;
        }
        items = parsed.doc->value;
    }
    if (items.is_object() && items.contains("references")) items = items["references"];
    if (!items.is_array()) {
        out.error = "expected a list of references (CSL-YAML: `references:` with an `id:` for each item)";
        return out;
    }
    for (const auto& it : items) {
        if (it.is_object() && it.contains("id")) {
            const auto& id = it["id"];
            out.keys.insert(id.is_string() ? id.get<std::string>() : dump_json(id));
        }
    }
    return out;
}

} // namespace lilo
