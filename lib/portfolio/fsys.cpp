#include "portfolio/fsys.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "portfolio/fingerprint.hpp"
#include "text/utf8.hpp"

namespace fs = std::filesystem;

namespace lilo {
namespace {

std::string errno_text(int e) { return std::strerror(e); }

} // namespace

std::string megabytes(std::uintmax_t bytes)
{
    // "16 MB" for whole megabytes, "16.4 MB" otherwise (never rounded down to the limit).
    constexpr std::uintmax_t mb = 1024 * 1024;
    char buf[32];
    if (bytes % mb == 0) std::snprintf(buf, sizeof buf, "%ju MB", bytes / mb);
    else std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / static_cast<double>(mb));
    return buf;
}

FsProblem too_large(std::uintmax_t size, std::uintmax_t max)
{
    return {"too-large", "is " + megabytes(size) + "; lilo reads Markdown and YAML files up to " + megabytes(max), 0};
}

// The UTF-8 rule (spec §1): the first bad byte and its line, or nothing.
std::optional<FsProblem> encoding_problem(std::string_view text)
{
    const auto bad = find_invalid_utf8(text);
    if (!bad) return std::nullopt;
    const auto b = static_cast<unsigned char>(text[*bad]);
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", b);
    return FsProblem{"encoding",
                     b == 0 ? std::string("contains a NUL byte: not a text file") : std::string("is not UTF-8 text (byte ") + hex + "); save it as UTF-8",
                     line_of_offset(text, *bad)};
}

bool path_inside(const fs::path& root, const fs::path& p)
{
    auto r = root.begin();
    auto q = p.begin();
    for (; r != root.end(); ++r, ++q)
        if (q == p.end() || *r != *q) return false;
    return true;
}

std::string parent_of(std::string_view rel)
{
    const auto slash = rel.rfind('/');
    return slash == std::string_view::npos ? std::string() : std::string(rel.substr(0, slash));
}

DiskPortfolio::DiskPortfolio(const fs::path& root, FsLimits limits)
{
    m_max_text_bytes = limits.max_text_bytes;
    std::error_code ec;
    m_named = root;
    m_root = fs::canonical(root, ec);
    if (ec) throw std::runtime_error(root.string() + ": " + ec.message());
    if (!fs::is_directory(m_root, ec)) throw std::runtime_error(root.string() + ": not a folder");
}

PortfolioFs::Resolved PortfolioFs::resolve(std::string_view path, std::string_view from_dir) const
{
    if (path.empty()) return {"", FsProblem{"path-invalid", "empty path"}};
    if (path.find('\\') != std::string_view::npos)
        return {"", FsProblem{"path-invalid", "'" + std::string(path) + "' uses backslashes; write paths with '/'"}};
    if (path.front() == '/' || (path.size() > 1 && path[1] == ':'))
        return {"", FsProblem{"path-outside", "'" + std::string(path) + "' is an absolute path; paths are relative to the portfolio"}};
    std::vector<std::string> parts;
    auto push = [&](std::string_view s) -> bool {
        std::size_t i = 0;
        while (i <= s.size()) {
            std::size_t j = s.find('/', i);
            if (j == std::string_view::npos) j = s.size();
            const std::string_view part = s.substr(i, j - i);
            if (part == "..") {
                if (parts.empty()) return false;
                parts.pop_back();
            } else if (!part.empty() && part != ".") {
                parts.emplace_back(part);
            }
            i = j + 1;
        }
        return true;
    };
    if (!push(from_dir) || !push(path))
        return {"", FsProblem{"path-outside", "'" + std::string(path) + "' leads outside the portfolio"}};
    std::string rel;
    for (const auto& p : parts) {
        if (!rel.empty()) rel += '/';
        rel += p;
    }
    if (auto problem = check_links(rel)) return {rel, problem};
    return {rel, std::nullopt};
}

std::optional<FsProblem> DiskPortfolio::check_links(std::string_view rel) const
{
    if (rel.empty()) return std::nullopt;
    // Walk the path one component at a time so that a link is judged by
    // where it leads, without ever reading what lies outside.
    fs::path cur = m_root;
    std::string_view rest = rel;
    int hops = 0;
    std::vector<std::string> todo;
    while (!rest.empty()) {
        const auto slash = rest.find('/');
        todo.emplace_back(rest.substr(0, slash));
        rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    }
    std::reverse(todo.begin(), todo.end());
    while (!todo.empty()) {
        std::string part = std::move(todo.back());
        todo.pop_back();
        if (part.empty() || part == ".") continue;
        if (part == "..") {
            if (cur == m_root) return FsProblem{"path-outside", "'" + std::string(rel) + "' leads outside the portfolio"};
            cur = cur.parent_path();
            continue;
        }
        fs::path next = cur / part;
        struct stat st {};
        if (::lstat(next.c_str(), &st) != 0) return std::nullopt; // missing: the caller says so
        if (S_ISLNK(st.st_mode)) {
            if (++hops > 40) return FsProblem{"unreadable", "symbolic link loop (too many levels of links)"};
            std::error_code ec;
            const fs::path target = fs::read_symlink(next, ec);
            if (ec) return FsProblem{"unreadable", "'" + std::string(rel) + "': " + ec.message()};
            if (target.is_absolute()) {
                const fs::path t = target.lexically_normal();
                if (!path_inside(m_root, t))
                    return FsProblem{"path-outside", "is a symbolic link that leads outside the portfolio; it is not followed"};
                cur = m_root;
                std::vector<std::string> more;
                for (const auto& c : t.lexically_relative(m_root)) more.push_back(c.string());
                for (auto it = more.rbegin(); it != more.rend(); ++it) todo.push_back(*it);
            } else {
                std::vector<std::string> more;
                for (const auto& c : target) more.push_back(c.string());
                for (auto it = more.rbegin(); it != more.rend(); ++it) todo.push_back(*it);
            }
            // Leaving the root through '..' inside the link is caught above.
            continue;
        }
        cur = next;
    }
    return std::nullopt;
}

bool DiskPortfolio::exists(std::string_view rel) const
{
    std::error_code ec;
    return fs::exists(absolute(rel), ec);
}

bool DiskPortfolio::is_file(std::string_view rel) const
{
    std::error_code ec;
    return fs::is_regular_file(absolute(rel), ec);
}

bool DiskPortfolio::is_dir(std::string_view rel) const
{
    std::error_code ec;
    return fs::is_directory(absolute(rel), ec);
}

namespace {

// Why a path cannot be read as a text file of at most max_bytes (stat
// follows links; the caller confines them first), or nothing; fills `st`.
std::optional<FsProblem> text_file_problem(const fs::path& abs, std::uintmax_t max_bytes, struct stat& st)
{
    if (::stat(abs.c_str(), &st) != 0) {
        const int e = errno;
        if (e == ELOOP) return FsProblem{"unreadable", "symbolic link loop"};
        return FsProblem{e == ENOENT ? "not-found" : "unreadable", e == ENOENT ? "no such file" : "cannot read: " + errno_text(e)};
    }
    if (!S_ISREG(st.st_mode)) return FsProblem{"not-a-file", S_ISDIR(st.st_mode) ? "is a folder, not a file" : "is not a regular file"};
    if (static_cast<std::uintmax_t>(st.st_size) > max_bytes) return too_large(static_cast<std::uintmax_t>(st.st_size), max_bytes);
    return std::nullopt;
}

} // namespace

TextFile read_text_file(const fs::path& abs, std::uintmax_t max_bytes)
{
    TextFile out = read_binary_file(abs, max_bytes);
    if (!out.problem && (out.problem = encoding_problem(out.data))) out.data.clear();
    return out;
}

TextFile read_binary_file(const fs::path& abs, std::uintmax_t max_bytes)
{
    TextFile out;
    struct stat st {};
    if ((out.problem = text_file_problem(abs, max_bytes, st))) return out;
    const int fd = ::open(abs.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) {
        out.problem = FsProblem{"unreadable", "cannot read: " + errno_text(errno)};
        return out;
    }
    out.data.resize(static_cast<std::size_t>(st.st_size));
    std::size_t got = 0;
    while (got < out.data.size()) {
        const ssize_t n = ::read(fd, out.data.data() + got, out.data.size() - got);
        if (n < 0) {
            if (errno == EINTR) continue;
            out.problem = FsProblem{"unreadable", "cannot read: " + errno_text(errno)};
            ::close(fd);
            return out;
        }
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    out.data.resize(got);
    return out;
}

MappedText::~MappedText()
{
    if (m_mapped) ::munmap(m_data, m_size);
    else delete[] m_data;
}

MappedText::MappedText(MappedText&& o) noexcept
    : problem(std::move(o.problem)), m_data(o.m_data), m_size(o.m_size), m_mapped(o.m_mapped)
{
    o.m_data = nullptr;
    o.m_size = 0;
    o.m_mapped = false;
}

MappedText& MappedText::operator=(MappedText&& o) noexcept
{
    if (this != &o) {
        this->~MappedText();
        new (this) MappedText(std::move(o));
    }
    return *this;
}

MappedText MappedText::open(const fs::path& path, std::uintmax_t max_bytes)
{
    MappedText out;
    struct stat st {};
    if (text_file_problem(path, max_bytes, st) || st.st_size == 0) {
        // Problems and empty files take the ordinary path, which says why.
        TextFile t = read_text_file(path, max_bytes);
        out.problem = t.problem;
        out.m_size = t.data.size();
        out.m_data = new char[out.m_size + 1];
        std::memcpy(out.m_data, t.data.data(), out.m_size);
        return out;
    }
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) {
        out.problem = FsProblem{"unreadable", "cannot read: " + errno_text(errno)};
        return out;
    }
    void* p = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    ::close(fd);
    if (p == MAP_FAILED) {
        out.problem = FsProblem{"unreadable", "cannot read: " + errno_text(errno)};
        return out;
    }
    out.m_data = static_cast<char*>(p);
    out.m_size = static_cast<std::size_t>(st.st_size);
    out.m_mapped = true;
    out.problem = encoding_problem(std::string_view(out.m_data, out.m_size));
    return out;
}

TextFile DiskPortfolio::read_text(std::string_view rel) const
{
    if (auto p = check_links(rel)) return {{}, p};
    return read_text_file(absolute(rel), m_max_text_bytes);
}

TextFile DiskPortfolio::read_binary(std::string_view rel) const
{
    if (auto p = check_links(rel)) return {{}, p};
    return read_binary_file(absolute(rel), max_document_bytes);
}

std::vector<PortfolioFs::Entry> PortfolioFs::file_entries(std::string_view rel_dir) const
{
    std::vector<Entry> out;
    for (const auto& name : list_names(rel_dir)) {
        if (name.empty() || name[0] == '.' || iequals(name, "README.md")) continue;
        const std::string rel = rel_dir.empty() ? name : std::string(rel_dir) + "/" + name;
        // A link out is refused before asking what it is: a link to a folder
        // outside would otherwise pass as a folder, unnoticed.
        if (auto p = check_links(rel)) {
            out.push_back({rel, p});
            continue;
        }
        if (is_dir(rel)) continue;
        out.push_back({rel, file_problem(rel)});
    }
    std::sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) { return a.rel < b.rel; });
    return out;
}

std::vector<PortfolioFs::Entry> PortfolioFs::markdown_entries(std::string_view rel_dir) const
{
    std::vector<Entry> out;
    for (const auto& name : list_names(rel_dir)) {
        if (name.empty() || name[0] == '.') continue;
        if (!is_record_file(name) || iequals(name, "README.md")) continue;
        const std::string rel = rel_dir.empty() ? name : std::string(rel_dir) + "/" + name;
        out.push_back({rel, file_problem(rel)});
    }
    std::sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) { return a.rel < b.rel; });
    return out;
}

std::vector<std::string> PortfolioFs::child_names(std::string_view rel_dir) const
{
    std::vector<std::string> out;
    for (const auto& name : list_names(rel_dir))
        if (!name.empty() && name[0] != '.') out.push_back(name);
    std::sort(out.begin(), out.end());
    return out;
}

namespace {
bool has_extension(std::string_view name, std::string_view ext)
{
    return name.size() > ext.size() && iequals(name.substr(name.size() - ext.size()), ext);
}
} // namespace

std::span<const std::string_view> record_extensions()
{
    static constexpr std::string_view list[] = {".md", ".docx", ".odt"};
    return list;
}

bool is_record_file(std::string_view name) { return is_document_name(name); }

std::string record_document_kind(std::string_view name)
{
    static constexpr std::pair<std::string_view, std::string_view> documents[] = {
        {".docx", "a Word document"}, {".doc", "a Word document"},  {".odt", "an OpenDocument text"}, {".pages", "a Pages document"},
        {".rtf", "a rich-text document"}, {".txt", "a plain-text file"}, {".markdown", "a Markdown file named .markdown"},
    };
    if (is_record_file(name)) return "";
    for (const auto& [ext, kind] : documents)
        if (has_extension(name, ext)) return std::string(kind);
    return "";
}

std::vector<std::string> DiskPortfolio::list_names(std::string_view rel_dir) const
{
    std::vector<std::string> out;
    std::error_code ec;
    for (fs::directory_iterator it(absolute(rel_dir), ec), end; !ec && it != end; it.increment(ec))
        out.push_back(it->path().filename().string());
    return out;
}

std::optional<FsProblem> DiskPortfolio::file_problem(std::string_view rel) const
{
    if (auto p = check_links(rel)) return p;
    struct stat st {};
    if (::stat(absolute(rel).c_str(), &st) != 0)
        return FsProblem{"unreadable", errno == ELOOP ? "symbolic link loop" : "cannot read: " + errno_text(errno)};
    if (!S_ISREG(st.st_mode)) return FsProblem{"not-a-file", S_ISDIR(st.st_mode) ? "is a folder, not a file" : "is not a regular file"};
    return std::nullopt;
}

std::string DiskPortfolio::label(std::string_view rel) const
{
    return (m_named / fs::path(std::string(rel))).lexically_normal().string();
}

bool DiskPortfolio::is_link(std::string_view rel) const
{
    struct stat st {};
    return ::lstat(absolute(rel).c_str(), &st) == 0 && S_ISLNK(st.st_mode);
}

std::optional<std::uintmax_t> PortfolioFs::file_size(std::string_view rel) const
{
    const TextFile f = read_binary(rel);
    if (!f.problem) return f.data.size();
    if (f.problem->code == "too-large") return max_document_bytes + 1;
    return std::nullopt;
}

std::optional<std::uintmax_t> DiskPortfolio::file_size(std::string_view rel) const
{
    if (file_problem(rel)) return std::nullopt;
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(absolute(rel), ec);
    if (ec) return std::nullopt;
    return size;
}

void PortfolioFs::walk(const std::function<bool(const TreeEntry&)>& visit, std::string_view rel_dir) const
{
    // Depth-first with an explicit stack, so that no depth of folders can
    // exhaust the call stack.
    std::vector<std::string> folders{std::string(rel_dir)};
    while (!folders.empty()) {
        const std::string dir = std::move(folders.back());
        folders.pop_back();
        std::vector<std::string> below;
        for (const auto& name : list_names(dir)) {
            const std::string rel = dir.empty() ? name : dir + "/" + name;
            const bool folder = is_dir(rel);
            if (folder && name == ".git") continue;
            if (!visit({rel, folder})) return;
            if (folder && !is_link(rel)) below.push_back(rel);
        }
        folders.insert(folders.end(), below.rbegin(), below.rend());
    }
}

std::string DiskPortfolio::fingerprint() const { return portfolio_fingerprint(m_root).sha256; }
std::string DiskPortfolio::fingerprint_lines() const { return portfolio_fingerprint(m_root).listing; }

} // namespace lilo
