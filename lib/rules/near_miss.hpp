#pragma once
// Near misses, said kindly: the heading that was probably meant
// ("## Implementaton" for Implementation), the folder ("Journal/" for
// journal/), and the documents in a record folder that lilo does not read
// (entry.docx beside the Markdown entries).
#include <optional>
#include <string>
#include <vector>
#include <string_view>

#include "rules/context.hpp"

namespace lilo {

struct HeadingHint {
    int line = 0;        // the near heading's line, else the line given
    std::string text;    // "; did you mean the heading '## Implementaton' (line 26)?", or ""
};
// For a heading `wanted` that `doc` lacks.
HeadingHint heading_hint(const MarkdownDoc& doc, std::string_view wanted, int line_if_none);

// A heading the programme asks for, with the alternatives that will do
// (`sections: [Aims, [Notes, Transcript]]`): the first heading of `doc` that
// is one of them (its index in doc.headings, and the name it matched), or nullopt.
struct SectionFound {
    std::size_t heading;
    std::string name;
};
std::optional<SectionFound> find_section(const MarkdownDoc& doc, const std::vector<std::string>& names);
// For such a heading `doc` lacks: "no section headed 'Notes' or 'Transcript'"
// and the near miss, at the near heading's line (else line_if_none).
HeadingHint missing_section(const MarkdownDoc& doc, const std::vector<std::string>& names, int line_if_none);

// For a folder `rel` that does not exist: " (did you mean 'Journal/'?)" when
// a folder beside it has nearly that name; else "".
std::string folder_hint(const PortfolioFs& fs, const std::string& rel);

// A warning (P.unread-file) for each document in record folder `folder`
// that lilo does not read (record_document_kind), saying why and what to do.
void report_unread_documents(CheckContext& ctx, const std::string& folder);

} // namespace lilo
