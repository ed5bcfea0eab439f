#pragma once
// Fields, as Word keeps them: an instruction (`ADDIN ZOTERO_ITEM CSL_CITATION
// {…}`, `TOC \o`, `HYPERLINK …`) and a result, the text shown. lilo reads the
// result, never the instruction; a citation field's result counts as its
// citation, and its keys are taken from the instruction when it carries them.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "office/office.hpp"

namespace lilo::office {

class FieldStack {
public:
    void begin();
    void instruction(std::string_view text);
    void separate();
    // Closes the innermost field; a citation field comes back.
    std::optional<FieldCitation> end();
    // Whether text met now is shown: not an instruction, not a table of contents.
    bool shows_text() const;
    // Text shown inside the open fields.
    void rendered(std::string_view text);

private:
    enum class Kind { other, citation, contents };
    struct Field { std::string instruction; bool result = false; Kind kind = Kind::other; FieldCitation citation; };
    std::vector<Field> m_open;
};

// The keys a citation field's instruction carries: CSL JSON's `citation-key`
// (Zotero with Better BibTeX, Zotero 7) or an `id` that reads as a key.
std::vector<std::string> citation_keys(std::string_view instruction);

// A document property as a line of YAML front matter (paragraph 0).
void property_front_matter(std::vector<std::pair<std::string, int>>& front, const std::string& name, const std::string& value);

} // namespace lilo::office
