#pragma once
// What a submission leaves out of the candidate's files, shared by `lilo
// export` and `lilo bundle`: lilo init's README guides (not the candidate's
// work), HTML comments (init's template guidance) and, for export, YAML
// front matter. Prints nothing.
#include <string>
#include <string_view>

namespace lilo {

// Why an init guide is left out, as `lilo bundle --list` says it.
inline constexpr std::string_view init_guide_reason = "lilo init's guide to the folder, not the candidate's work";

// Whether `name` (a file's name) and its first bytes are one of lilo init's
// README guides: README.md whose first line is `# <requirement title> (R<n>)`,
// as init writes them.
bool is_init_guide(std::string_view name, std::string_view text);

// The text with every HTML comment (`<!-- … -->`) outside code removed; its
// line breaks kept, so that line numbers stay. An unclosed comment runs to the end.
std::string without_html_comments(std::string_view markdown);
// Whether the text holds an HTML comment outside code.
bool has_html_comments(std::string_view markdown);

// A file's bytes as a bundle carries them: a Markdown file (`.md`, any case)
// without its HTML comments; anything else as it is.
std::string submitted_form(std::string_view rel, std::string_view bytes);

struct FrontMatterSplit {
    std::string front;   // the YAML between the `---` lines (empty if none)
    std::string body;    // the rest
};
FrontMatterSplit split_front_matter(std::string_view markdown);

// The document's own reference list (a section headed References, Reference
// list, Bibliography, Works cited, 參考文獻 or 参考文献, up to the next heading
// of its level) emptied and marked `::: {#refs}`, so that pandoc's citeproc
// puts the list it renders from the bibliography there, once.
std::string with_rendered_references(std::string_view markdown);

// ATX headings (`#`…) outside code moved `by` levels down (at most level 6).
std::string shift_headings(std::string_view markdown, int by);

} // namespace lilo
