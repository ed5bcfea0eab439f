#pragma once
// The values `lilo init` writes as placeholders, and what the candidate
// writes instead. One table: the scaffold writes these strings, and the
// check reports each one still there (P.placeholder), so the two cannot
// drift apart.
#include <string_view>

namespace lilo::placeholder {

inline constexpr std::string_view candidate_name = "Your Name";
inline constexpr std::string_view candidate_id = "LILO-YYYY-0000";
inline constexpr std::string_view school = "Your School";
inline constexpr std::string_view mentor_name = "Your Mentor's Name";
inline constexpr std::string_view mentor_role = "Their role, e.g. Vice Principal";
inline constexpr std::string_view title = "Your title";

// Where a placeholder stands: portfolio.yaml, or the front matter of a
// document init writes (the essay, an assignment, a thesis).
enum class File { manifest, front_matter };

struct Entry {
    File file;
    std::string_view pointer;   // JSON Pointer of the field: "/candidate/name"
    std::string_view value;     // init's placeholder
    std::string_view write;     // what to write instead
};

inline constexpr Entry table[] = {
    {File::manifest, "/candidate/name", candidate_name, "your full name"},
    {File::manifest, "/candidate/id", candidate_id, "your candidate number (it names the bundle)"},
    {File::manifest, "/candidate/school", school, "your school's name"},
    {File::manifest, "/mentor/name", mentor_name, "your mentor's full name"},
    {File::manifest, "/mentor/role", mentor_role, "your mentor's role, e.g. Vice Principal"},
    {File::manifest, "/mentor/organisation", school, "your mentor's school or organisation"},
    {File::front_matter, "/title", title, "the document's title"},
};

} // namespace lilo::placeholder

#include <string>
#include <vector>

#include "core/report.hpp"
#include "yaml/yaml_json.hpp"

namespace lilo {

// P.placeholder errors for each of init's placeholders still in `doc` (the
// file `rel`, of the kind given), at the value's line and column.
std::vector<Diagnostic> placeholder_findings(const YamlDoc& doc, placeholder::File file, const std::string& rel);

} // namespace lilo
