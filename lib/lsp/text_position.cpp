#include "lsp/text_position.hpp"

#include <algorithm>

namespace lilo::lsp {

LineIndex::LineIndex(std::string_view text) : m_text(text)
{
    m_starts.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') m_starts.push_back(i + 1);
}

std::string_view LineIndex::line(std::size_t l) const
{
    if (l >= m_starts.size()) return {};
    const std::size_t b = m_starts[l];
    std::size_t e = l + 1 < m_starts.size() ? m_starts[l + 1] - 1 : m_text.size();
    if (e > b && m_text[e - 1] == '\r') --e;
    return m_text.substr(b, e - b);
}

int utf16_length(std::string_view line, std::size_t bytes)
{
    int units = 0;
    bytes = std::min(bytes, line.size());
    for (std::size_t i = 0; i < bytes; ++i) {
        const auto c = static_cast<unsigned char>(line[i]);
        if ((c & 0xC0) == 0x80) continue;  // a continuation byte
        units += c >= 0xF0 ? 2 : 1;        // four-byte sequences are surrogate pairs
    }
    return units;
}

Position LineIndex::position(std::size_t byte_offset) const
{
    byte_offset = std::min(byte_offset, m_text.size());
    const auto it = std::upper_bound(m_starts.begin(), m_starts.end(), byte_offset);
    const auto l = static_cast<std::size_t>(it - m_starts.begin()) - 1;
    return {static_cast<int>(l), utf16_length(m_text.substr(m_starts[l]), byte_offset - m_starts[l])};
}

std::size_t LineIndex::offset(Position p) const
{
    if (p.line < 0) return 0;
    const auto l = static_cast<std::size_t>(p.line);
    if (l >= m_starts.size()) return m_text.size();
    const std::string_view text = line(l);
    int units = 0;
    std::size_t i = 0;
    while (i < text.size() && units < p.character) {
        const auto c = static_cast<unsigned char>(text[i]);
        const std::size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        units += c >= 0xF0 ? 2 : 1;
        i = std::min(text.size(), i + len);
    }
    return m_starts[l] + i;
}

nlohmann::json to_json(Position p) { return {{"line", p.line}, {"character", p.character}}; }

nlohmann::json range_json(Position start, Position end) { return {{"start", to_json(start)}, {"end", to_json(end)}}; }

std::optional<Position> position_from_json(const nlohmann::json& j)
{
    if (!j.is_object() || !j.contains("line") || !j.contains("character")) return std::nullopt;
    const auto& l = j["line"];
    const auto& c = j["character"];
    if (!l.is_number_integer() || !c.is_number_integer()) return std::nullopt;
    const auto line = l.get<long long>(), ch = c.get<long long>();
    if (line < 0 || ch < 0 || line > 100000000 || ch > 100000000) return std::nullopt;
    return Position{static_cast<int>(line), static_cast<int>(ch)};
}

} // namespace lilo::lsp
