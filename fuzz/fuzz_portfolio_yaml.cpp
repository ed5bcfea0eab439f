// portfolio.yaml: YAML to JSON with marks, schema validation, the manifest.
#include <cstddef>
#include <cstdint>
#include <string>

#include "portfolio/manifest.hpp"
#include "yaml/schema.hpp"
#include "yaml/yaml_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    lilo::YamlParse parsed = lilo::parse_yaml(text);
    if (!parsed.doc) return 0;
    if (parsed.doc->value.is_object()) (void)lilo::embedded_validator("portfolio.schema.json").validate(*parsed.doc);
    const lilo::Manifest m = lilo::read_manifest(std::move(*parsed.doc));
    (void)m.line_of("/mentor/since");
    return 0;
}
