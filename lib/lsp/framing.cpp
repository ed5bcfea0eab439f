#include "lsp/framing.hpp"

#include <charconv>

#include "text/utf8.hpp"

namespace lilo::lsp {

namespace {

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// The end of the header block (the index just past its blank line), if it is all there.
// Lines end in CRLF as the protocol says; a bare LF is accepted too.
std::optional<std::size_t> header_end(std::string_view s)
{
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '\n') continue;
        std::string_view line = s.substr(line_start, i - line_start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() && line_start > 0) return i + 1;
        if (line.empty()) { line_start = i + 1; continue; } // blank lines before a header are noise
        line_start = i + 1;
    }
    return std::nullopt;
}

} // namespace

void FrameReader::feed(std::string_view bytes)
{
    if (m_skip > 0) {
        const std::size_t n = std::min(m_skip, bytes.size());
        m_skip -= n;
        bytes.remove_prefix(n);
    }
    m_buffer.append(bytes);
}

void FrameReader::compact()
{
    if (m_start > 0 && (m_start > 65536 || m_start * 2 > m_buffer.size())) {
        m_buffer.erase(0, m_start);
        m_start = 0;
    }
}

std::optional<Frame> FrameReader::next()
{
    if (m_skip > 0) return std::nullopt;
    const std::string_view rest = std::string_view(m_buffer).substr(m_start);
    if (m_body_length) {
        if (rest.size() < *m_body_length) return std::nullopt;
        Frame f{std::string(rest.substr(0, *m_body_length)), std::nullopt};
        m_start += *m_body_length;
        m_body_length.reset();
        compact();
        return f;
    }
    const auto end = header_end(rest.substr(0, std::min(rest.size(), max_header_bytes + 2)));
    if (!end) {
        if (rest.size() <= max_header_bytes) return std::nullopt;
        // No blank line within the limit: not a header. Drop it up to the next blank line.
        m_buffer.clear();
        m_start = 0;
        return Frame{{}, "a header block longer than " + std::to_string(max_header_bytes) + " bytes, or no blank line after it"};
    }
    const std::string_view headers = rest.substr(0, *end);
    m_start += *end;
    std::optional<std::size_t> length;
    std::optional<std::string> problem;
    std::size_t pos = 0;
    while (pos < headers.size()) {
        std::size_t nl = headers.find('\n', pos);
        if (nl == std::string_view::npos) nl = headers.size();
        const std::string_view line = trim(headers.substr(pos, nl - pos));
        pos = nl + 1;
        if (line.empty()) continue;
        const auto colon = line.find(':');
        if (colon == std::string_view::npos) { problem = "a header line without ':'"; continue; }
        if (!iequals(trim(line.substr(0, colon)), "Content-Length")) continue; // Content-Type and others
        const std::string_view value = trim(line.substr(colon + 1));
        std::size_t n = 0;
        const auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
        if (ec != std::errc{} || p != value.data() + value.size() || value.empty()) problem = "Content-Length is not a number";
        else length = n;
    }
    compact();
    if (!length) return Frame{{}, problem.value_or("no Content-Length header")};
    if (*length > m_max_body) {
        // Skip the body without holding it.
        const std::size_t have = std::min(*length, m_buffer.size() - m_start);
        m_start += have;
        m_skip = *length - have;
        compact();
        if (m_skip == 0) compact();
        return Frame{{}, "a message of " + std::to_string(*length) + " bytes; lilo lsp reads messages up to " + std::to_string(m_max_body)};
    }
    m_body_length = length;
    return next();
}

std::string frame(std::string_view body)
{
    std::string out = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
    out.append(body);
    return out;
}

} // namespace lilo::lsp
