#pragma once
// A scratch copy of an example portfolio for one test: edit a file, check
// it, and look for a diagnostic. Real files in a real temporary folder.
#include <filesystem>
#include <string>

#include "check.hpp"

namespace lilo::test {

class PortfolioCopy {
public:
    explicit PortfolioCopy(const std::string& example = "certificate");
    ~PortfolioCopy();
    PortfolioCopy(const PortfolioCopy&) = delete;
    PortfolioCopy& operator=(const PortfolioCopy&) = delete;

    const std::filesystem::path& dir() const { return m_dir; }
    std::string read(const std::string& rel) const;
    void write(const std::string& rel, const std::string& text) const;
    // Replaces the one occurrence of `from` in the file; fails the test if it is not there once.
    void edit(const std::string& rel, const std::string& from, const std::string& to) const;
    void remove(const std::string& rel) const;
    // The line (1-based) where `needle` first occurs in the file.
    int line_of(const std::string& rel, const std::string& needle) const;

    // `programme`: a programme file inside the copy, in place of the portfolio's own.
    Report check(const std::string& as_of = "2026-11-20", const std::string& programme = "") const;

private:
    std::filesystem::path m_dir;
};

// The diagnostic with this code (and file, when given), or null.
const Diagnostic* find(const Report& r, const std::string& code, const std::string& file = "");
bool met(const Report& r, const std::string& id);
bool addressed(const Report& r, const std::string& id);
// A one-line listing of a report's diagnostics, for failure messages.
std::string codes(const Report& r);

} // namespace lilo::test
