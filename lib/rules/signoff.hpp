#pragma once
// signoff.yaml: what makes a mentor's sign-off valid (name, date,
// fingerprint), and what changed since it was signed. Shared by R1's check
// and by `lilo signoff`, which refuses to write what the check would refuse.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"

namespace lilo {

class CheckContext;

// R1's part for signoff.yaml, when the portfolio has one.
void check_signoff(CheckContext& ctx);

// Why `date` cannot date a sign-off: not before the period starts, not after
// the as-of date (after the period's end is fine: the mentor signs at the end).
std::optional<std::string> signoff_date_problem(const Date& date, const std::optional<Date>& start, const Date& as_of);

// Why `text` is not a fingerprint (64 lowercase hex digits), in words a mentor
// can act on: "a 12-character hash", "in capitals", …
std::optional<std::string> fingerprint_problem(std::string_view text);

// The first 12 hex digits, as people quote a fingerprint.
std::string short_fingerprint(std::string_view sha256);

// Path → SHA-256, from the fingerprint's lines (`<sha256>  <path>\n`).
using FileSums = std::map<std::string, std::string>;
FileSums parse_fingerprint_lines(std::string_view lines);

struct FileChanges {
    std::vector<std::string> added, removed, changed;
    bool empty() const { return added.empty() && removed.empty() && changed.empty(); }
};
FileChanges compare_files(const FileSums& signed_files, const FileSums& now);
// "changed: essay.md; added: journal/x.md; removed: a.md" (at most a few names of each).
std::string describe_changes(const FileChanges& changes);

} // namespace lilo
