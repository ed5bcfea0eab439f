#include "bundle/zip_portfolio.hpp"

#include "portfolio/fingerprint.hpp"
#include "text/utf8.hpp"

namespace lilo {

bool read_entry(zip_t* zip, zip_uint64_t index, std::uint64_t max_bytes, std::string& out, std::string& error)
{
    zip_stat_t st;
    if (zip_stat_index(zip, index, 0, &st) != 0) { error = zip_strerror(zip); return false; }
    if ((st.valid & ZIP_STAT_SIZE) && st.size > max_bytes) { error = "too large"; return false; }
    zip_file_t* f = zip_fopen_index(zip, index, 0);
    if (!f) { error = zip_strerror(zip); return false; }
    out.clear();
    char buf[65536];
    for (;;) {
        const zip_int64_t n = zip_fread(f, buf, sizeof buf);
        if (n < 0) { error = zip_file_strerror(f); zip_fclose(f); return false; }
        if (n == 0) break;
        out.append(buf, static_cast<std::size_t>(n));
        if (out.size() > max_bytes) { error = "too large"; zip_fclose(f); return false; }
    }
    zip_fclose(f);
    return true;
}

bool ZipPortfolio::is_file(std::string_view rel) const { return m_files.find(rel) != m_files.end(); }

bool ZipPortfolio::is_dir(std::string_view rel) const
{
    if (rel.empty()) return true;
    const std::string prefix = std::string(rel) + "/";
    auto it = m_files.lower_bound(prefix);
    return it != m_files.end() && it->first.starts_with(prefix);
}

TextFile ZipPortfolio::read_text(std::string_view rel) const
{
    TextFile out = read_bytes_up_to(rel, m_max_text_bytes);
    if (out.problem) return out;
    if (auto bad = find_invalid_utf8(out.data)) {
        out.problem = FsProblem{"encoding", "is not UTF-8 text", line_of_offset(out.data, *bad)};
        out.data.clear();
    }
    return out;
}

TextFile ZipPortfolio::read_binary(std::string_view rel) const { return read_bytes_up_to(rel, max_document_bytes); }

TextFile ZipPortfolio::read_bytes_up_to(std::string_view rel, std::uint64_t max_bytes) const
{
    TextFile out;
    auto it = m_files.find(rel);
    if (it == m_files.end()) {
        out.problem = is_dir(rel) ? FsProblem{"not-a-file", "is a folder, not a file"} : FsProblem{"not-found", "no such file"};
        return out;
    }
    std::string error;
    if (!read_entry(m_zip, it->second, max_bytes, out.data, error)) {
        out.problem = FsProblem{error == "too large" ? "too-large" : "unreadable",
                                error == "too large" ? "is larger than lilo reads (" + std::to_string(max_bytes / (1024 * 1024)) + " MB)"
                                                     : "cannot read from the bundle: " + error};
        out.data.clear();
    }
    return out;
}

std::vector<std::string> ZipPortfolio::list_names(std::string_view rel_dir) const
{
    std::vector<std::string> out;
    const std::string prefix = rel_dir.empty() ? "" : std::string(rel_dir) + "/";
    for (auto it = m_files.lower_bound(prefix); it != m_files.end() && it->first.starts_with(prefix); ++it) {
        const std::string rest = it->first.substr(prefix.size());
        const std::string name = rest.substr(0, rest.find('/'));
        if (out.empty() || out.back() != name) out.push_back(name);
    }
    return out;
}

std::optional<FsProblem> ZipPortfolio::file_problem(std::string_view rel) const
{
    if (is_file(rel)) return std::nullopt;
    if (is_dir(rel)) return FsProblem{"not-a-file", "is a folder, not a file"};
    return FsProblem{"not-found", "no such file"};
}

std::string ZipPortfolio::fingerprint_lines() const
{
    std::vector<std::pair<std::string, std::string>> lines;
    for (const auto& [rel, sum] : m_hashes)
        if (rel != "signoff.yaml") lines.emplace_back(rel, sum);
    return fingerprint_listing(std::move(lines));
}

std::string ZipPortfolio::fingerprint() const { return sha256_hex(fingerprint_lines()); }

} // namespace lilo
