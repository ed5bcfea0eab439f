#pragma once
// A bundle's payload read in place: the portfolio's files inside a zip,
// seen through PortfolioFs, so that the same rules check it without
// extracting anything to disk.
#include <map>
#include <string>
#include <zip.h>

#include "portfolio/fsys.hpp"

namespace lilo {

class ZipPortfolio : public PortfolioFs {
public:
    // `files`: portfolio-relative path → zip index; `hashes`: path → SHA-256
    // of its bytes (for the fingerprint).
    ZipPortfolio(zip_t* zip, std::map<std::string, zip_uint64_t> files, std::map<std::string, std::string> hashes, FsLimits limits = {})
        : m_zip(zip), m_files(files.begin(), files.end()), m_hashes(std::move(hashes))
    {
        m_max_text_bytes = limits.max_text_bytes;
    }

    bool is_file(std::string_view rel) const override;
    bool is_dir(std::string_view rel) const override;
    bool exists(std::string_view rel) const override { return is_file(rel) || is_dir(rel); }
    TextFile read_text(std::string_view rel) const override;
    TextFile read_binary(std::string_view rel) const override;
    std::string fingerprint() const override;
    std::string fingerprint_lines() const override;

protected:
    std::vector<std::string> list_names(std::string_view rel_dir) const override;
    std::optional<FsProblem> file_problem(std::string_view rel) const override;

private:
    TextFile read_bytes_up_to(std::string_view rel, std::uint64_t max_bytes) const;
    zip_t* m_zip;
    std::map<std::string, zip_uint64_t, std::less<>> m_files;
    std::map<std::string, std::string> m_hashes;
};

// Reads a whole entry, at most `max_bytes` (more is an error).
bool read_entry(zip_t* zip, zip_uint64_t index, std::uint64_t max_bytes, std::string& out, std::string& error);

} // namespace lilo
