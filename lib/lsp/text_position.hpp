#pragma once
// Where things are in a buffer, as the protocol says it: 0-based lines and
// columns counted in UTF-16 code units; lilo's diagnostics count lines from
// 1 and columns in bytes from 1.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace lilo::lsp {

struct Position {
    int line = 0;
    int character = 0;  // UTF-16 code units
};

class LineIndex {
public:
    explicit LineIndex(std::string_view text);

    std::size_t lines() const { return m_starts.size(); }
    // Line `l` (0-based) without its line ending; empty past the end.
    std::string_view line(std::size_t l) const;
    Position position(std::size_t byte_offset) const;
    // The byte offset of a position; clamped to the line and the text.
    std::size_t offset(Position p) const;
    Position end() const { return position(m_text.size()); }

private:
    std::string_view m_text;
    std::vector<std::size_t> m_starts;
};

// UTF-16 code units in the first `bytes` bytes of `line` (UTF-8).
int utf16_length(std::string_view line, std::size_t bytes);

nlohmann::json to_json(Position p);
nlohmann::json range_json(Position start, Position end);
// A protocol position from JSON; nullopt when it is not one.
std::optional<Position> position_from_json(const nlohmann::json& j);

} // namespace lilo::lsp
