// Programme files: YAML, the programme schema, extends and merging.
#include <cstddef>
#include <cstdint>
#include <string>

#include "programme/programme.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        (void)lilo::programme_from_text(text, "fuzz.yaml");
    } catch (const lilo::ProgrammeError&) {
        // Rejected with a file and line: the expected outcome for most inputs.
    }
    return 0;
}
