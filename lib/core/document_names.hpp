#pragma once
// The names of the documents lilo reads: the one list of readable extensions.
#include <string_view>

#include "text/utf8.hpp"

namespace lilo {

// Whether `name` is a Word or OpenDocument file, whose diagnostics count
// paragraphs (`essay.docx:¶14`) where a Markdown file's count lines.
inline bool is_office_name(std::string_view name)
{
    for (const std::string_view ext : {".docx", ".odt"})
        if (name.size() > ext.size() && iequals(name.substr(name.size() - ext.size()), ext)) return true;
    return false;
}

// Whether a file name is one of the documents lilo reads: `.md`, `.docx` or
// `.odt`, the extension in any case.
inline bool is_document_name(std::string_view name)
{
    return (name.size() > 3 && iequals(name.substr(name.size() - 3), ".md")) || is_office_name(name);
}

} // namespace lilo
