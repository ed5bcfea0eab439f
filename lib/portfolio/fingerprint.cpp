#include "portfolio/fingerprint.hpp"

#include <algorithm>
#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include "portfolio/fsys.hpp"
#include "portfolio/ignore.hpp"
#include "portfolio/submitted.hpp"
#include "text/nfc.hpp"
#include "text/utf8.hpp"

namespace fs = std::filesystem;

namespace lilo {
namespace {

std::string hex(const unsigned char* d, unsigned n)
{
    static const char* digits = "0123456789abcdef";
    std::string out;
    out.reserve(n * 2);
    for (unsigned i = 0; i < n; ++i) {
        out += digits[d[i] >> 4];
        out += digits[d[i] & 15];
    }
    return out;
}

// The first `n` bytes of a regular file ("" when it cannot be read).
std::string first_bytes(const fs::path& file, std::size_t n)
{
    std::string out(n, '\0');
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return {};
    const ssize_t got = ::read(fd, out.data(), n);
    ::close(fd);
    out.resize(got > 0 ? static_cast<std::size_t>(got) : 0);
    return out;
}

void walk(const fs::path& root, const std::string& rel_dir, const IgnoreRules& rules, BundleFileSet& out)
{
    std::error_code ec;
    std::vector<std::string> names;
    for (fs::directory_iterator it(root / rel_dir, ec), end; !ec && it != end; it.increment(ec))
        names.push_back(it->path().filename().string());
    if (ec) {
        out.refused.push_back({rel_dir, "cannot read the folder: " + ec.message()});
        return;
    }
    std::sort(names.begin(), names.end());
    for (const auto& name : names) {
        const std::string rel = rel_dir.empty() ? name : rel_dir + "/" + name;
        if (name == ".git") {
            std::error_code dir_ec;
            out.left_out.push_back({fs::is_directory(root / rel, dir_ec) ? rel + "/" : rel, "git metadata"});
            continue;
        }
        struct stat st {};
        if (::lstat((root / rel).c_str(), &st) != 0) { out.refused.push_back({rel, "cannot read"}); continue; }
        const bool dir = S_ISDIR(st.st_mode);
        if (find_invalid_utf8(name)) { out.refused.push_back({rel, "its name is not UTF-8"}); continue; }
        if (!dir && is_editor_debris(name)) { out.left_out.push_back({rel, "editor or system debris"}); continue; }
        const auto m = rules.match(rel, dir);
        if (m.ignored) {
            out.left_out.push_back({dir ? rel + "/" : rel, ".liloignore line " + std::to_string(m.line) + ": " + m.pattern});
            continue;
        }
        if (dir) { walk(root, rel, rules, out); continue; }
        if (S_ISLNK(st.st_mode)) { out.refused.push_back({rel, "a symbolic link (a bundle carries files only)"}); continue; }
        if (!S_ISREG(st.st_mode)) { out.refused.push_back({rel, "not a regular file (a device, FIFO or socket)"}); continue; }
        if (name == "README.md" && is_init_guide(name, first_bytes(root / rel, 512))) {
            out.left_out.push_back({rel, std::string(init_guide_reason)});
            continue;
        }
        out.files.push_back(rel);
    }
}

} // namespace

struct Sha256::Ctx {
    EVP_MD_CTX* md;
};

Sha256::Sha256() : m_ctx(new Ctx{EVP_MD_CTX_new()}) { EVP_DigestInit_ex(m_ctx->md, EVP_sha256(), nullptr); }

Sha256::~Sha256()
{
    EVP_MD_CTX_free(m_ctx->md);
    delete m_ctx;
}

void Sha256::update(const void* p, std::size_t n) { EVP_DigestUpdate(m_ctx->md, p, n); }

std::string Sha256::hex_digest()
{
    unsigned char d[EVP_MAX_MD_SIZE];
    unsigned n = 0;
    EVP_DigestFinal_ex(m_ctx->md, d, &n);
    return hex(d, n);
}

std::string fingerprint_listing(std::vector<std::pair<std::string, std::string>> lines)
{
    std::sort(lines.begin(), lines.end());
    std::string out;
    for (const auto& [name, sum] : lines) out += sum + "  " + name + "\n";
    return out;
}

std::string sha256_hex(std::string_view data)
{
    Sha256 h;
    h.update(data.data(), data.size());
    return h.hex_digest();
}

std::string sha256_file(const fs::path& file)
{
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return {};
    Sha256 h;
    std::vector<char> buf(1 << 20);
    for (;;) {
        const ssize_t n = ::read(fd, buf.data(), buf.size());
        if (n < 0) { ::close(fd); return {}; }
        if (n == 0) break;
        h.update(buf.data(), static_cast<std::size_t>(n));
    }
    ::close(fd);
    return h.hex_digest();
}

std::optional<std::string> submitted_text(const fs::path& root, const std::string& rel)
{
    if (rel.size() < 3 || fold_case(rel.substr(rel.size() - 3)) != ".md") return std::nullopt;
    std::error_code ec;
    const auto size = fs::file_size(root / rel, ec);
    if (ec || size > default_max_text_bytes) return std::nullopt;
    const TextFile t = read_text_file(root / rel, default_max_text_bytes);
    if (t.problem || !has_html_comments(t.data)) return std::nullopt;
    return submitted_form(rel, t.data);
}

std::string submitted_sha256(const fs::path& root, const std::string& rel)
{
    if (const auto text = submitted_text(root, rel)) return sha256_hex(*text);
    return sha256_file(root / rel);
}

BundleFileSet bundle_files(const fs::path& root)
{
    BundleFileSet out;
    IgnoreRules rules;
    const fs::path ignore_file = root / ".liloignore";
    std::error_code ec;
    if (fs::is_regular_file(ignore_file, ec)) {
        std::string text;
        const int fd = ::open(ignore_file.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd >= 0) {
            char buf[65536];
            ssize_t n;
            while ((n = ::read(fd, buf, sizeof buf)) > 0 && text.size() < (1u << 20)) text.append(buf, static_cast<std::size_t>(n));
            ::close(fd);
        }
        rules.add_lines(text);
    }
    walk(root, "", rules, out);
    std::sort(out.files.begin(), out.files.end());
    return out;
}

Fingerprint portfolio_fingerprint(const fs::path& root)
{
    Fingerprint fp;
    const BundleFileSet set = bundle_files(root);
    fp.refused = set.refused;
    std::vector<std::pair<std::string, std::string>> lines; // (NFC name, sum)
    for (const auto& rel : set.files) {
        if (rel == "signoff.yaml") continue;
        const std::string sum = submitted_sha256(root, rel);
        if (sum.empty()) { fp.refused.push_back({rel, "cannot read"}); continue; }
        // Names as a bundle carries them (NFC), so a bundle's fingerprint is the folder's.
        lines.emplace_back(to_nfc(rel), sum);
    }
    fp.listing = fingerprint_listing(lines);
    fp.sha256 = sha256_hex(fp.listing);
    return fp;
}

} // namespace lilo
