#pragma once
// lilo lsp's protocol engine: JSON-RPC messages in, messages out (responses
// and notifications). Prints nothing and reads nothing from stdin; the
// command (apps/cmd_lsp.cpp) moves bytes and keeps time. Every check is
// check_portfolio over the portfolio folder with the open buffers laid over
// it (OverlayPortfolio).
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/report.hpp"
#include "lsp/framing.hpp"
#include "lsp/overlay_portfolio.hpp"
#include "programme/programme.hpp"

namespace lilo::lsp {

using Clock = std::chrono::steady_clock;
using Messages = std::vector<nlohmann::json>;

// The deepest nesting of values read in a message (the protocol's go a few levels deep).
inline constexpr int max_json_depth = 64;

// How long after the last change a portfolio is checked again.
inline constexpr std::chrono::milliseconds debounce{200};

// JSON-RPC and LSP error codes.
enum ErrorCode : int {
    parse_error = -32700,
    invalid_request = -32600,
    method_not_found = -32601,
    invalid_params = -32602,
    internal_error = -32603,
    server_not_initialized = -32002,
};

// One portfolio with open buffers: what was last found in it.
struct OpenPortfolio {
    std::filesystem::path root;
    OpenBuffers buffers;                        // portfolio-relative path → text
    std::map<std::string, std::string> uris;    // portfolio-relative path → the client's URI
    std::map<std::string, long long> versions;  // portfolio-relative path → the buffer's version
    std::optional<Report> report;               // the last check
    std::shared_ptr<const Programme> programme; // the programme it was checked against
    std::set<std::string> published;            // URIs last given a non-empty list
    std::optional<Clock::time_point> changed;   // a change not yet checked
};

class Server {
public:
    // One message (already parsed); `now` times the debounce.
    Messages handle(const nlohmann::json& message, Clock::time_point now);
    // One frame from the stream: its JSON parsed, or an error answered.
    Messages handle_frame(const Frame& frame, Clock::time_point now);
    // Checks that have waited long enough since the last change.
    Messages due(Clock::time_point now);
    std::optional<Clock::time_point> next_due() const;

    bool exited() const { return m_exit_code.has_value(); }
    // After `exit`: 0 if `shutdown` came first, else 1. At the end of input: the same.
    int exit_code() const { return m_exit_code.value_or(m_shutdown ? 0 : 1); }

private:
    bool m_initialized = false;
    bool m_shutdown = false;
    std::optional<int> m_exit_code;
    std::map<std::string, OpenPortfolio> m_portfolios;  // by root
    std::map<std::string, std::string> m_root_of_uri;  // open URI → root ("" outside any portfolio)

    Messages notification(const std::string& method, const nlohmann::json& params, Clock::time_point now);
    nlohmann::json answer(const std::string& method, const nlohmann::json& params);

    void open(const std::string& uri, std::string text, std::optional<long long> version);
    void change(const std::string& uri, const nlohmann::json& changes, std::optional<long long> version);
    Messages close(const std::string& uri);
    Messages check_and_publish(OpenPortfolio& p);

    // The portfolio and relative path of an open URI (null when outside any).
    OpenPortfolio* portfolio_of(const std::string& uri, std::string* rel = nullptr);
};

// file:// URIs and paths ("%20" and the like decoded and encoded).
std::optional<std::filesystem::path> path_of_uri(std::string_view uri);
std::string uri_of_path(const std::filesystem::path& path);
// The folder holding portfolio.yaml at or above `file`'s folder, if any.
std::optional<std::filesystem::path> portfolio_root_of(const std::filesystem::path& file);

} // namespace lilo::lsp
