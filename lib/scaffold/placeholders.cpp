#include "scaffold/placeholders.hpp"

#include "text/utf8.hpp"

namespace lilo {

std::vector<Diagnostic> placeholder_findings(const YamlDoc& doc, placeholder::File file, const std::string& rel)
{
    std::vector<Diagnostic> out;
    if (!doc.value.is_object()) return out;
    for (const auto& e : placeholder::table) {
        if (e.file != file) continue;
        const nlohmann::json::json_pointer jp{std::string(e.pointer)};
        if (!doc.value.contains(jp) || !doc.value.at(jp).is_string()) continue;
        if (collapse_space(doc.value.at(jp).get<std::string>()) != e.value) continue;
        std::string field(e.pointer.substr(1));
        for (auto& c : field)
            if (c == '/') c = '.';
        const SourceMark at = doc.mark_of(std::string(e.pointer));
        out.push_back({"P.placeholder", Severity::error, rel, at.line, at.column,
                       "`" + field + "` is not filled in: '" + std::string(e.value) + "' is what `lilo init` wrote; write " +
                           std::string(e.write)});
    }
    return out;
}

} // namespace lilo
