#pragma once
// The portfolio folder as lilo may see it: every path confined to the folder
// (spec §7 "Files and paths"), files read with limits, and the UTF-8 rule.
// Nothing here writes.
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/document_names.hpp"

namespace lilo {

struct FsProblem {
    std::string code;     // "path-outside", "not-found", "not-a-file", "unreadable", "too-large", "encoding", "path-invalid"
    std::string message;
    int line = 0;         // for "encoding": the line of the first bad byte
};

// The largest Markdown or YAML file lilo reads unless a programme says otherwise.
inline constexpr std::uintmax_t default_max_text_bytes = 16u * 1024 * 1024;

// The largest Word or OpenDocument file lilo opens (pictures make them large;
// only their text parts are read, each within the text limit).
inline constexpr std::uintmax_t max_document_bytes = 128u * 1024 * 1024;

// is_document_name(), is_office_name(): the one list of readable extensions.

struct FsLimits {
    std::uintmax_t max_text_bytes = default_max_text_bytes; // Markdown and YAML
};

struct TextFile {
    std::string data;
    std::optional<FsProblem> problem;
};

// Reads a text file: a regular file (never a FIFO or device), at most
// `max_bytes`, UTF-8 with no NUL byte. Follows links: confine first.
TextFile read_text_file(const std::filesystem::path& path, std::uintmax_t max_bytes);
// The same without the UTF-8 rule (a .docx or .odt).
TextFile read_binary_file(const std::filesystem::path& path, std::uintmax_t max_bytes);

// A text file mapped copy-on-write: read without copying or zero-filling,
// writable in place (the analyser blanks footnote definitions). For large
// inputs such as `lilo count` on a thesis.
class MappedText {
public:
    MappedText() = default;
    ~MappedText();
    MappedText(MappedText&& o) noexcept;
    MappedText& operator=(MappedText&& o) noexcept;
    MappedText(const MappedText&) = delete;
    MappedText& operator=(const MappedText&) = delete;

    char* data() { return m_data; }
    std::size_t size() const { return m_size; }
    std::optional<FsProblem> problem;

    static MappedText open(const std::filesystem::path& path, std::uintmax_t max_bytes);

private:
    char* m_data = nullptr;
    std::size_t m_size = 0;
    bool m_mapped = false;
};

// A portfolio's files as the rules see them: a folder on disk
// (DiskPortfolio) or a bundle read in place (ZipPortfolio, lib/bundle/).
// Paths are portfolio-relative with '/' separators; nothing here writes.
class PortfolioFs {
public:
    virtual ~PortfolioFs() = default;

    // Resolves `path` as written in the file `from` (a portfolio-relative
    // path; "" for the portfolio itself): relative to that file's folder.
    // Returns the normalised portfolio-relative path, or a problem.
    struct Resolved { std::string rel; std::optional<FsProblem> problem; };
    Resolved resolve(std::string_view path, std::string_view from_dir) const;

    virtual bool is_file(std::string_view rel) const = 0;
    virtual bool is_dir(std::string_view rel) const = 0;
    virtual bool exists(std::string_view rel) const = 0;

    // Reads a YAML or Markdown file: regular, within the size limit, UTF-8.
    using Text = struct TextFile;
    virtual TextFile read_text(std::string_view rel) const = 0;
    // Reads a file's bytes as they are (a .docx or .odt), at most
    // max_document_bytes; no UTF-8 rule.
    virtual TextFile read_binary(std::string_view rel) const = 0;
    // A file's size in bytes without reading it where that is possible;
    // nullopt when it cannot be read. By default from read_binary (a file
    // over max_document_bytes counts as one byte over).
    virtual std::optional<std::uintmax_t> file_size(std::string_view rel) const;
    // Where the file lies on disk, for a program lilo runs on it (qpdf):
    // only a folder on disk has one; a bundle or a commit gives nullopt and
    // the caller writes read_binary's bytes to a temporary file instead.
    virtual std::optional<std::filesystem::path> local_path(std::string_view) const { return std::nullopt; }

    // The entries of a record folder: files directly inside whose extension
    // lilo reads (is_record_file), not starting with '.', README.md left out;
    // sorted by name. Entries that cannot be used (a link out, a folder named
    // x.md) come back with their problem.
    struct Entry { std::string rel; std::optional<FsProblem> problem; };
    std::vector<Entry> markdown_entries(std::string_view rel_dir) const;
    // Every name directly inside a folder (files and folders), names
    // starting with '.' left out; sorted. For "did you mean Journal/?" and
    // the documents a record folder holds that lilo does not read.
    std::vector<std::string> child_names(std::string_view rel_dir) const;
    // Every file directly inside a folder, of any kind (evidence items): names
    // starting with '.' and README.md left out, subfolders skipped; sorted.
    std::vector<Entry> file_entries(std::string_view rel_dir) const;

    // Every entry below `rel_dir`, folders before what they hold, names in
    // directory order; `.git` and symbolic links to folders are not entered.
    // `visit` returns false to stop the walk. Tree-wide checks (the number of
    // files, names, path lengths) and history look-ups walk with this.
    struct TreeEntry { std::string rel; bool is_dir = false; };
    void walk(const std::function<bool(const TreeEntry&)>& visit, std::string_view rel_dir = "") const;

    // How messages name a file of the portfolio: the path as the user would
    // find it (a folder's files under the folder as it was named).
    virtual std::string label(std::string_view rel) const { return std::string(rel); }

    // Whether `rel` (already lexically inside) resolves, through any links, inside the portfolio.
    virtual std::optional<FsProblem> check_links(std::string_view) const { return std::nullopt; }

    // The portfolio's fingerprint (spec §7).
    virtual std::string fingerprint() const = 0;
    // The lines it is the SHA-256 of, `<sha256>  <path>\n` sorted by path:
    // what a stale sign-off is compared with, file by file.
    virtual std::string fingerprint_lines() const = 0;

    // The largest Markdown or YAML file read (the programme's limit, once known).
    void set_max_text_bytes(std::uintmax_t bytes) const { m_max_text_bytes = bytes; }

protected:
    mutable std::uintmax_t m_max_text_bytes = FsLimits{}.max_text_bytes;

    // Names directly inside a folder (empty if it is none).
    virtual std::vector<std::string> list_names(std::string_view rel_dir) const = 0;
    // Whether `rel` is a symbolic link (only a folder on disk has them).
    virtual bool is_link(std::string_view) const { return false; }
    // Why `rel` cannot be read as a file, if it cannot.
    virtual std::optional<FsProblem> file_problem(std::string_view rel) const = 0;
};

class DiskPortfolio : public PortfolioFs {
public:
    // Throws std::runtime_error when `root` is not a readable folder.
    explicit DiskPortfolio(const std::filesystem::path& root, FsLimits limits = {});

    // The folder as it was named, then the path: "examples/certificate/essay.md".
    std::string label(std::string_view rel) const override;

    const std::filesystem::path& root() const { return m_root; }
    std::filesystem::path absolute(std::string_view rel) const { return m_root / std::filesystem::path(std::string(rel)); }

    bool is_file(std::string_view rel) const override;
    bool is_dir(std::string_view rel) const override;
    bool exists(std::string_view rel) const override;
    TextFile read_text(std::string_view rel) const override;
    TextFile read_binary(std::string_view rel) const override;
    std::optional<std::uintmax_t> file_size(std::string_view rel) const override;
    std::optional<std::filesystem::path> local_path(std::string_view rel) const override { return absolute(rel); }
    std::optional<FsProblem> check_links(std::string_view rel) const override;
    std::string fingerprint() const override;
    std::string fingerprint_lines() const override;

protected:
    std::vector<std::string> list_names(std::string_view rel_dir) const override;
    std::optional<FsProblem> file_problem(std::string_view rel) const override;
    bool is_link(std::string_view rel) const override;

private:
    std::filesystem::path m_root; // canonical
    std::filesystem::path m_named; // as given
};

// The wording every PortfolioFs uses, so that a report reads the same from a
// folder, a bundle or a commit: "16 MB" or "16.4 MB"; a file over the text
// limit; the UTF-8 rule's first bad byte and its line (nothing when valid).
std::string megabytes(std::uintmax_t bytes);
FsProblem too_large(std::uintmax_t size, std::uintmax_t max);
std::optional<FsProblem> encoding_problem(std::string_view text);

// Whether `p` is `root` or lies below it, comparing path components.
bool path_inside(const std::filesystem::path& root, const std::filesystem::path& p);

// The extensions lilo reads a record (a journal entry, a meeting record, an
// interview) from, in any case: ".md", ".docx", ".odt", as is_document_name
// (core/document_names.hpp) has them. A document in a
// record folder with another extension (record_document_kind) is not read,
// and the check says so.
std::span<const std::string_view> record_extensions();
bool is_record_file(std::string_view name);
// What a file is when people write records in it but lilo does not read it
// ("a Word document" for x.docx); "" for a file lilo reads, or one that is no
// document (a photo, a PDF of evidence).
std::string record_document_kind(std::string_view name);

// The folder part of a portfolio-relative path ("journal/a.md" → "journal").
std::string parent_of(std::string_view rel);

} // namespace lilo
