#pragma once
// Which files a bundle carries (spec §6), and the portfolio's fingerprint
// (spec §7): SHA-256 over `<sha256>  <path>\n` lines of those files, sorted
// by path, signoff.yaml left out.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace lilo {

struct LeftOut {
    std::string rel;
    std::string reason;   // "editor debris", ".liloignore line 3: drafts/", "git metadata"
};

struct Unbundlable {
    std::string rel;
    std::string reason;   // "symbolic link", "FIFO", "name is not UTF-8", "unreadable"
};

struct BundleFileSet {
    std::vector<std::string> files;       // sorted bytewise, '/'-separated
    std::vector<LeftOut> left_out;
    std::vector<Unbundlable> refused;     // what a bundle cannot carry
};

BundleFileSet bundle_files(const std::filesystem::path& root);

// A Markdown file as a submission carries it: without its HTML comments
// (init's template guidance), when it has any; nullopt when the file is
// carried as it is (no comments, not Markdown, or larger than lilo reads).
std::optional<std::string> submitted_text(const std::filesystem::path& root, const std::string& rel);
// The SHA-256 of the file as submitted: what the bag's manifest and the fingerprint hold.
std::string submitted_sha256(const std::filesystem::path& root, const std::string& rel);

struct Fingerprint {
    std::string sha256;                   // lowercase hex
    std::string listing;                  // the hashed lines
    std::vector<Unbundlable> refused;
};

Fingerprint portfolio_fingerprint(const std::filesystem::path& root);

// SHA-256 over data that arrives in pieces (libcrypto).
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    void update(const void* data, std::size_t size);
    std::string hex_digest(); // lowercase hex; once
private:
    struct Ctx;
    Ctx* m_ctx;
};

// The fingerprint's lines, `<sha256>  <name>\n`, sorted by name bytewise,
// from (name, sha256) pairs; signoff.yaml already left out.
std::string fingerprint_listing(std::vector<std::pair<std::string, std::string>> lines);

// Lowercase hex SHA-256 of a file's bytes, or empty when it cannot be read.
std::string sha256_file(const std::filesystem::path& file);
std::string sha256_hex(std::string_view data);

} // namespace lilo
