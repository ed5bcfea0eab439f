// A .docx (or, with a first byte that is odd, an .odt) read the way lilo
// reads a portfolio document: the zip with verify's limits, the XML parts,
// the Markdown it becomes, the analysis and its paragraph numbers.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "office/office.hpp"
#include "yaml/yaml_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const bool odt = size > 0 && (data[size - 1] & 1);
    const lilo::OfficeText text = lilo::read_office(bytes, odt ? "fuzz.odt" : "fuzz.docx");
    if (!text.error.empty()) return 0;
    const lilo::MarkdownDoc doc = lilo::analyze_office(text);
    (void)doc.totals.words(lilo::CountRules::defaults());
    (void)lilo::word_style_count(text.word_text);
    for (std::size_t h = 0; h < doc.headings.size(); ++h) (void)doc.section(h);
    if (doc.front.present) (void)lilo::parse_yaml(doc.front.yaml, doc.front.first_line);
    return 0;
}
