#pragma once
// The keys a bibliography defines: CSL-YAML (as pandoc reads it, a
// `references:` list or a bare list), CSL-JSON, or BibTeX.
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace lilo {

struct BibliographyKeys {
    std::set<std::string> keys;
    std::optional<std::string> error;  // could not be read as a bibliography
    int error_line = 0;
    // The P code: "bibliography" (not one), or a YAML file's own problem
    // ("yaml-syntax", "yaml-too-deep", …) as every other YAML file has it.
    std::string error_code = "bibliography";
};

// The format is chosen by the file's extension (.bib, .json, else YAML).
BibliographyKeys read_bibliography(std::string_view text, std::string_view file_name);

BibliographyKeys bibtex_keys(std::string_view text);

} // namespace lilo
