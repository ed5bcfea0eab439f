// lilo lsp on arbitrary bytes: whatever arrives on stdin, split at any
// point, the framing and the server answer without crashing.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "lsp/framing.hpp"
#include "lsp/server.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    lilo::lsp::Server server;
    // A small body limit, so that "too large" is reached too.
    lilo::lsp::FrameReader reader(4096);
    const auto now = lilo::lsp::Clock::now();
    // The first byte chooses where the stream is cut: frames split across reads.
    const std::size_t step = size > 0 ? 1 + data[0] % 64 : 1;
    for (std::size_t at = 0; at < bytes.size() && !server.exited(); at += step) {
        reader.feed(bytes.substr(at, step));
        while (auto frame = reader.next()) {
            for (const auto& m : server.handle_frame(*frame, now)) (void)m.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
            if (server.exited()) break;
        }
    }
    (void)server.due(now + lilo::lsp::debounce);
    return 0;
}
