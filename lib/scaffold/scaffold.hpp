#pragma once
// lilo init: the files of a new portfolio that a candidate can start writing in.
// The programme drives the content: its folders and paths, its courses, its
// reflective models, its project sections and its essay criteria.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"

namespace lilo {

struct ScaffoldFile {
    std::string path;     // portfolio-relative
    std::string content;
};

struct ScaffoldOptions {
    std::string programme = "lilo-certificate"; // a built-in id, or the path of a programme file (relative to the current folder)
    std::string schema_url;   // for the yaml-language-server modeline in portfolio.yaml (empty: the schema's public $id)
    std::optional<Date> today; // the period starts here (default: Date::today())
};

// The files of a new portfolio for a programme (throws ProgrammeError for an
// unknown or invalid one). A programme file is copied in as `programme.yaml`.
std::vector<ScaffoldFile> scaffold_files(const ScaffoldOptions& options);

struct ScaffoldResult {
    std::vector<std::string> written;
    std::vector<std::string> kept;    // existed already: never overwritten
};

// Writes the files that do not exist yet under `folder` (created if needed);
// an existing file is never overwritten. A programme file that already lies
// inside `folder` is named where it is, not copied. Throws ProgrammeError for
// an unknown or invalid programme, std::runtime_error (naming the path) when
// a folder or file cannot be written.
ScaffoldResult write_scaffold(const std::filesystem::path& folder, const ScaffoldOptions& options);

} // namespace lilo
