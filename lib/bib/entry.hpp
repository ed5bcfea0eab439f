#pragma once
// One bibliography entry, worded for a reader (an editor's hover on `@key`).
#include <optional>
#include <string>
#include <string_view>

namespace lilo {

// The entry `key` of a bibliography (CSL-YAML, CSL-JSON or BibTeX, by the
// file's extension, as read_bibliography reads them) as one line of
// Markdown: "Bush, T. & Glover, D. (2014). *School leadership models…*.
// School Leadership & Management." A BibTeX entry comes back as written.
// nullopt when the bibliography does not read or has no such entry.
std::optional<std::string> bibliography_entry(std::string_view text, std::string_view file_name, std::string_view key);

} // namespace lilo
