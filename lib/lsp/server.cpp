#include "lsp/server.hpp"

#include <algorithm>

#include "check.hpp"
#include "lsp/assist.hpp"
#include "lsp/diagnostics.hpp"
#include "lsp/portfolio_view.hpp"
#include "lsp/text_position.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace lilo::lsp {

namespace {

json error_response(const json& id, int code, std::string message)
{
    return {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", std::move(message)}}}};
}

json notification_message(std::string method, json params)
{
    return {{"jsonrpc", "2.0"}, {"method", std::move(method)}, {"params", std::move(params)}};
}

// A string member, or nullopt when `j` is no object or the member no string.
std::optional<std::string> string_at(const json& j, const char* key)
{
    if (!j.is_object() || !j.contains(key) || !j[key].is_string()) return std::nullopt;
    return j[key].get<std::string>();
}

std::optional<long long> document_version(const json& params)
{
    if (!params.is_object() || !params.contains("textDocument") || !params["textDocument"].is_object()) return std::nullopt;
    const auto& d = params["textDocument"];
    if (!d.contains("version") || !d["version"].is_number_integer()) return std::nullopt;
    return d["version"].get<long long>();
}

std::string document_uri(const json& params)
{
    if (!params.is_object() || !params.contains("textDocument")) return {};
    return string_at(params["textDocument"], "uri").value_or("");
}

int hex(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

struct InvalidParams : std::runtime_error {
    using std::runtime_error::runtime_error;
};
struct MethodNotFound : std::runtime_error {
    using std::runtime_error::runtime_error;
};

} // namespace

std::optional<fs::path> path_of_uri(std::string_view uri)
{
    if (!uri.starts_with("file://")) return std::nullopt;
    uri.remove_prefix(7);
    if (!uri.starts_with("/")) {
        // file://localhost/path; another host is not ours.
        if (!uri.starts_with("localhost/")) return std::nullopt;
        uri.remove_prefix(9);
    }
    std::string path;
    for (std::size_t i = 0; i < uri.size(); ++i) {
        if (uri[i] == '?' || uri[i] == '#') break;
        if (uri[i] == '%' && i + 2 < uri.size() + 0 && hex(uri[i + 1]) >= 0 && hex(uri[i + 2]) >= 0) {
            path += static_cast<char>(hex(uri[i + 1]) * 16 + hex(uri[i + 2]));
            i += 2;
        } else {
            path += uri[i];
        }
    }
    if (path.find('\0') != std::string::npos) return std::nullopt;
    return fs::path(path).lexically_normal();
}

std::string uri_of_path(const fs::path& path)
{
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string out = "file://";
    for (const char ch : path.generic_string()) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) != 0 || std::string_view("/-._~").find(ch) != std::string_view::npos) {
            out += ch;
        } else {
            out += '%';
            out += digits[c >> 4];
            out += digits[c & 15];
        }
    }
    return out;
}

std::optional<fs::path> portfolio_root_of(const fs::path& file)
{
    std::error_code ec;
    fs::path dir = fs::weakly_canonical(file, ec);
    if (ec) dir = file;
    dir = dir.parent_path();
    for (int depth = 0; depth < 256 && !dir.empty(); ++depth) {
        if (fs::is_regular_file(dir / "portfolio.yaml", ec)) return dir;
        if (dir == dir.root_path()) break;
        dir = dir.parent_path();
    }
    return std::nullopt;
}

Messages Server::handle_frame(const Frame& frame, Clock::time_point now)
{
    if (frame.problem) return {error_response(nullptr, invalid_request, *frame.problem)};
    // No exceptions: a body that is not JSON is answered, not thrown. Values
    // nested deeper than any message of the protocol are dropped as they are
    // read, so that nothing later recurses through them.
    bool too_deep = false;
    const json::parser_callback_t depth_limit = [&too_deep](int depth, json::parse_event_t, json&) {
        if (depth <= max_json_depth) return true;
        too_deep = true;
        return false;
    };
    const json message = json::parse(frame.body, depth_limit, false);
    if (message.is_discarded()) return {error_response(nullptr, parse_error, "the message is not JSON")};
    if (too_deep) return {error_response(nullptr, invalid_request, "the message nests values more than " + std::to_string(max_json_depth) + " deep")};
    return handle(message, now);
}

Messages Server::handle(const json& message, Clock::time_point now)
{
    if (!message.is_object()) return {error_response(nullptr, invalid_request, "a message must be a JSON object")};
    const bool has_id = message.contains("id");
    json id = has_id ? message["id"] : json(nullptr);
    if (has_id && !id.is_string() && !id.is_number_integer()) return {error_response(nullptr, invalid_request, "an id must be a number or a string")};
    const auto method = string_at(message, "method");
    if (!method) {
        if (has_id) return {};  // a response to something we asked: lilo asks nothing, so nothing to do
        return {error_response(nullptr, invalid_request, "a message without a method")};
    }
    static const json no_params = json::object();
    const json& params = message.contains("params") ? message["params"] : no_params;
    try {
        if (!has_id) return notification(*method, params, now);
        if (!m_initialized && *method != "initialize") return {error_response(id, server_not_initialized, "initialize first")};
        if (m_shutdown) return {error_response(id, invalid_request, "the server is shutting down")};
        json result = answer(*method, params);
        return {{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}}};
    } catch (const MethodNotFound& e) {
        return {error_response(id, method_not_found, "lilo lsp does not answer " + std::string(e.what()))};
    } catch (const InvalidParams& e) {
        if (!has_id) return {};
        return {error_response(id, invalid_params, e.what())};
    } catch (const json::exception& e) {
        if (!has_id) return {};
        return {error_response(id, invalid_params, std::string("invalid params: ") + e.what())};
    } catch (const std::bad_alloc&) {
        if (!has_id) return {};
        return {error_response(id, internal_error, "out of memory")};
    } catch (const std::exception& e) {
        if (!has_id) return {};
        return {error_response(id, internal_error, e.what())};
    }
}

json Server::answer(const std::string& method, const json& params)
{
    static const json no_params = json::object();
    if (method == "initialize") {
        m_initialized = true;
        return {{"capabilities",
                 {{"positionEncoding", "utf-16"},
                  {"textDocumentSync", {{"openClose", true}, {"change", 1}, {"save", {{"includeText", false}}}}},
                  {"hoverProvider", true},
                  {"codeLensProvider", {{"resolveProvider", false}}},
                  {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}}}},
                {"serverInfo", {{"name", "lilo"}, {"version", std::string(lilo_version)}}}};
    }
    if (method == "shutdown") {
        m_shutdown = true;
        return nullptr;
    }
    const std::string uri = document_uri(params);
    std::string rel;
    OpenPortfolio* p = portfolio_of(uri, &rel);
    if (method == "textDocument/hover") {
        const auto pos = params.contains("position") ? position_from_json(params["position"]) : std::nullopt;
        if (!pos) throw InvalidParams("textDocument/hover needs a position");
        return p ? hover(*p, rel, *pos) : json(nullptr);
    }
    if (method == "textDocument/codeLens") return p ? code_lenses(*p, rel) : json::array();
    if (method == "textDocument/codeAction") {
        const json& range = params.contains("range") ? params["range"] : no_params;
        const auto start = range.is_object() && range.contains("start") ? position_from_json(range["start"]) : std::nullopt;
        const auto end = range.is_object() && range.contains("end") ? position_from_json(range["end"]) : std::nullopt;
        if (!start || !end) throw InvalidParams("textDocument/codeAction needs a range");
        return p ? code_actions(*p, rel, uri, *start, *end) : json::array();
    }
    throw MethodNotFound(method);
}

Messages Server::notification(const std::string& method, const json& params, Clock::time_point now)
{
    if (method == "exit") {
        m_exit_code = m_shutdown ? 0 : 1;
        return {};
    }
    if (!m_initialized || m_shutdown) return {};  // notifications before initialize are dropped, as the protocol says
    const std::string uri = document_uri(params);
    if (method == "textDocument/didOpen") {
        const auto text = params.contains("textDocument") ? string_at(params["textDocument"], "text") : std::nullopt;
        if (uri.empty() || !text) return {};
        open(uri, *text, document_version(params));
        if (OpenPortfolio* p = portfolio_of(uri)) return check_and_publish(*p);
        return {};
    }
    if (method == "textDocument/didChange") {
        OpenPortfolio* p = portfolio_of(uri);
        if (!p || !params.contains("contentChanges")) return {};
        change(uri, params["contentChanges"], document_version(params));
        p->changed = now;
        return {};
    }
    if (method == "textDocument/didSave") {
        if (OpenPortfolio* p = portfolio_of(uri)) return check_and_publish(*p);
        return {};
    }
    if (method == "textDocument/didClose") return close(uri);
    return {};  // $/cancelRequest, workspace notifications and any other: nothing to do
}

void Server::open(const std::string& uri, std::string text, std::optional<long long> version)
{
    const auto path = path_of_uri(uri);
    const auto root = path ? portfolio_root_of(*path) : std::nullopt;
    if (!root) {
        m_root_of_uri[uri] = "";
        return;
    }
    std::error_code ec;
    fs::path file = fs::weakly_canonical(*path, ec);
    if (ec) file = *path;
    const std::string rel = file.lexically_relative(*root).generic_string();
    if (rel.empty() || rel.starts_with("..")) {
        m_root_of_uri[uri] = "";  // a link to a file outside: not the portfolio's
        return;
    }
    auto& p = m_portfolios[root->string()];
    p.root = *root;
    p.buffers[rel] = std::move(text);
    p.uris[rel] = uri;
    if (version) p.versions[rel] = *version;
    m_root_of_uri[uri] = root->string();
}

OpenPortfolio* Server::portfolio_of(const std::string& uri, std::string* rel)
{
    const auto it = m_root_of_uri.find(uri);
    if (it == m_root_of_uri.end() || it->second.empty()) return nullptr;
    auto pit = m_portfolios.find(it->second);
    if (pit == m_portfolios.end()) return nullptr;
    if (rel)
        for (const auto& [r, u] : pit->second.uris)
            if (u == uri) *rel = r;
    return &pit->second;
}

void Server::change(const std::string& uri, const json& changes, std::optional<long long> version)
{
    std::string rel;
    OpenPortfolio* p = portfolio_of(uri, &rel);
    if (!p || !changes.is_array()) return;
    if (version) p->versions[rel] = *version;
    std::string& text = p->buffers[rel];
    for (const auto& c : changes) {
        const auto new_text = string_at(c, "text");
        if (!new_text) continue;
        if (!c.contains("range")) {
            text = *new_text;
            continue;
        }
        // An incremental change (lilo asks for whole texts, but a client may send ranges).
        const auto& r = c["range"];
        const auto start = r.is_object() && r.contains("start") ? position_from_json(r["start"]) : std::nullopt;
        const auto end = r.is_object() && r.contains("end") ? position_from_json(r["end"]) : std::nullopt;
        if (!start || !end) continue;
        const LineIndex index(text);
        const std::size_t b = index.offset(*start), e = std::max(b, index.offset(*end));
        text.replace(b, e - b, *new_text);
    }
}

Messages Server::close(const std::string& uri)
{
    std::string rel;
    OpenPortfolio* p = portfolio_of(uri, &rel);
    m_root_of_uri.erase(uri);
    if (!p) return {};
    p->buffers.erase(rel);
    p->uris.erase(rel);
    p->versions.erase(rel);
    Messages out;
    // The file is read from the disk again: check again; its own list is cleared.
    if (rel != manifest_file) {
        p->published.erase(uri);
        out.push_back(notification_message("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", json::array()}}));
    }
    if (p->buffers.empty()) {
        // The portfolio's last file closed: what is still shown elsewhere (portfolio.yaml) is cleared too.
        for (const auto& u : p->published)
            out.push_back(notification_message("textDocument/publishDiagnostics", {{"uri", u}, {"diagnostics", json::array()}}));
        m_portfolios.erase(p->root.string());
        return out;
    }
    for (auto& m : check_and_publish(*p)) out.push_back(std::move(m));
    return out;
}

Messages Server::due(Clock::time_point now)
{
    Messages out;
    for (auto& [root, p] : m_portfolios)
        if (p.changed && now - *p.changed >= debounce)
            for (auto& m : check_and_publish(p)) out.push_back(std::move(m));
    return out;
}

std::optional<Clock::time_point> Server::next_due() const
{
    std::optional<Clock::time_point> out;
    for (const auto& [root, p] : m_portfolios)
        if (p.changed && (!out || *p.changed + debounce < *out)) out = *p.changed + debounce;
    return out;
}

Messages Server::check_and_publish(OpenPortfolio& p)
{
    p.changed.reset();
    std::optional<OverlayPortfolio> overlay;
    try {
        overlay.emplace(p.root, p.buffers);
    } catch (const std::exception&) {
        return {};  // the folder went away; nothing to show
    }
    CheckOptions opt;
    opt.folder = p.root;
    opt.display_name = p.root.filename().string();
    opt.git = CheckOptions::Git::off;
    try {
        p.report = check_portfolio(*overlay, opt);
    } catch (const CannotCheck& e) {
        // No check at all (an unknown programme): said on portfolio.yaml.
        Report r;
        r.diagnostics.push_back({"P.cannot-check", Severity::error, std::string(manifest_file), 1, 0, e.what()});
        p.report = std::move(r);
    }
    p.programme = portfolio_programme(*overlay, p.root);

    std::map<std::string, json> lists;  // URI → diagnostics
    std::map<std::string, std::string> uri_of;
    for (const auto& [rel, uri] : p.uris) uri_of[rel] = uri;
    if (!uri_of.count(std::string(manifest_file))) uri_of[std::string(manifest_file)] = uri_of_path(p.root / manifest_file);
    for (const auto& [rel, uri] : uri_of) lists[uri] = json::array();
    std::map<std::string, std::string> texts;
    for (const auto& d : p.report->diagnostics) {
        const std::string on = shown_on(d, *overlay);
        const auto u = uri_of.find(on);
        if (u == uri_of.end()) continue;  // a file not open: shown when it is opened
        if (!texts.count(on)) texts[on] = file_text(*overlay, on);
        lists[u->second].push_back(lsp_diagnostic(d, on, texts[on], !d.file.empty() && overlay->is_dir(d.file)));
    }
    for (const auto& uri : p.published) lists.try_emplace(uri, json::array());  // cleared
    Messages out;
    p.published.clear();
    std::map<std::string, long long> version_of;
    for (const auto& [rel, uri] : p.uris)
        if (p.versions.count(rel)) version_of[uri] = p.versions.at(rel);
    for (auto& [uri, list] : lists) {
        if (!list.empty()) p.published.insert(uri);
        json params = {{"uri", uri}, {"diagnostics", std::move(list)}};
        if (version_of.count(uri)) params["version"] = version_of[uri];
        out.push_back(notification_message("textDocument/publishDiagnostics", std::move(params)));
    }
    return out;
}

} // namespace lilo::lsp
