// Bibliographies: CSL-YAML, CSL-JSON and BibTeX.
#include <cstddef>
#include <cstdint>
#include <string>

#include "bib/bibliography.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    for (const char* name : {"references.yaml", "references.bib", "references.json"}) (void)lilo::read_bibliography(text, name);
    return 0;
}
