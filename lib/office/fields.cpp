#include "office/fields.hpp"

#include <nlohmann/json.hpp>

#include "text/utf8.hpp"

namespace lilo::office {
namespace {

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool looks_like_key(const std::string& s)
{
    if (s.empty() || s.size() > 100 || s.starts_with("ITEM-") || s.find('/') != std::string::npos) return false;
    if (!((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z'))) return false;
    for (const char c : s)
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == ':' || c == '.')) return false;
    return true;
}

} // namespace

void FieldStack::begin() { m_open.emplace_back(); }

void FieldStack::instruction(std::string_view text)
{
    if (!m_open.empty() && !m_open.back().result) m_open.back().instruction += text;
}

void FieldStack::separate()
{
    if (m_open.empty() || m_open.back().result) return;
    Field& f = m_open.back();
    f.result = true;
    const std::string head = fold_case(trim(f.instruction).substr(0, 40));
    if (head.starts_with("addin zotero_item") || head.starts_with("addin csl_citation") || head.starts_with("addin mendeley citation") ||
        head.starts_with("addin en.cite")) {
        f.kind = Kind::citation;
        f.citation.keys = citation_keys(f.instruction);
    } else if (head.starts_with("toc")) {
        f.kind = Kind::contents;
    }
}

std::optional<FieldCitation> FieldStack::end()
{
    if (m_open.empty()) return std::nullopt;
    Field f = std::move(m_open.back());
    m_open.pop_back();
    if (f.kind != Kind::citation) return std::nullopt;
    // A citation inside another one (EndNote's EN.CITE.DATA) is the outer one's.
    for (const auto& o : m_open)
        if (o.kind == Kind::citation) return std::nullopt;
    return std::move(f.citation);
}

bool FieldStack::shows_text() const
{
    for (const auto& f : m_open)
        if (!f.result || f.kind == Kind::contents) return false;
    return true;
}

void FieldStack::rendered(std::string_view text)
{
    for (auto& f : m_open)
        if (f.kind == Kind::citation) { f.citation.rendered += text; return; }
}

std::vector<std::string> citation_keys(std::string_view instruction)
{
    std::vector<std::string> keys;
    const auto open = instruction.find('{');
    const auto close = instruction.rfind('}');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open) return keys;
    const auto j = nlohmann::json::parse(instruction.substr(open, close - open + 1), nullptr, false);
    if (!j.is_object() || !j.contains("citationItems") || !j["citationItems"].is_array()) return keys;
    for (const auto& item : j["citationItems"]) {
        if (!item.is_object()) continue;
        const auto& data = item.contains("itemData") && item["itemData"].is_object() ? item["itemData"] : item;
        std::string key;
        for (const char* field : {"citation-key", "citationKey"})
            if (data.contains(field) && data[field].is_string()) { key = data[field].get<std::string>(); break; }
        if (key.empty() && data.contains("id") && data["id"].is_string() && looks_like_key(data["id"].get<std::string>())) key = data["id"].get<std::string>();
        if (!key.empty()) keys.push_back(key);
    }
    return keys;
}

void property_front_matter(std::vector<std::pair<std::string, int>>& front, const std::string& name, const std::string& value)
{
    bool plain_name = !name.empty();
    for (const char c : name)
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) plain_name = false;
    const std::string key = plain_name ? name : nlohmann::json(name).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    const std::string_view v = trim(value);
    if (v.find('\n') != std::string_view::npos) {
        // Several lines: a YAML block under the name.
        front.emplace_back(key + ":", 0);
        std::size_t i = 0;
        while (i <= v.size()) {
            std::size_t e = v.find('\n', i);
            if (e == std::string_view::npos) e = v.size();
            std::string l(v.substr(i, e - i));
            if (!l.empty() && l.back() == '\r') l.pop_back();
            front.emplace_back("  " + l, 0);
            i = e + 1;
        }
        return;
    }
    // A number, a YAML list or mapping as written; anything else a string.
    bool number = !v.empty() && v.find_first_not_of("0123456789,.-") == std::string_view::npos;
    const bool structured = (!v.empty() && (v.front() == '[' || v.front() == '{')) || v == "true" || v == "false" || v == "null";
    front.emplace_back(key + ": " + (number || structured ? std::string(v) : nlohmann::json(std::string(v)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)), 0);
}

} // namespace lilo::office
