#pragma once
// The Language Server Protocol's base layer: messages framed by a
// `Content-Length` header, read from a byte stream that may be malformed.
// Bytes go in as they arrive; whole messages (or what was wrong) come out.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace lilo::lsp {

// The largest message body read (a buffer's whole text travels in one); a
// longer body is skipped, never held, and reported as an error.
inline constexpr std::size_t max_message_bytes = 32u * 1024 * 1024;
// The largest header block; a longer one is not a header.
inline constexpr std::size_t max_header_bytes = 8 * 1024;

struct Frame {
    std::string body;                    // the message's bytes (JSON text), when no problem
    std::optional<std::string> problem;  // the frame could not be read: why
};

class FrameReader {
public:
    explicit FrameReader(std::size_t max_body = max_message_bytes) : m_max_body(max_body) {}

    void feed(std::string_view bytes);
    // The next whole frame, or nullopt until more bytes arrive.
    std::optional<Frame> next();
    // Whether bytes of an unfinished frame are held (at the end of input).
    bool partial() const { return !m_buffer.empty() || m_skip > 0 || m_body_length; }

private:
    std::size_t m_max_body;
    std::string m_buffer;
    std::size_t m_start = 0;                   // consumed prefix of m_buffer
    std::optional<std::size_t> m_body_length;  // headers read, body awaited
    std::size_t m_skip = 0;                    // bytes of an oversized body still to drop
    void compact();
};

// A message with its header, ready to write.
std::string frame(std::string_view body);

} // namespace lilo::lsp
