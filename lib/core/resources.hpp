#pragma once
// Data files compiled into the binary: JSON Schemas and built-in programmes.
#include <optional>
#include <span>
#include <string_view>

namespace lilo {

struct Resource {
    std::string_view name;  // e.g. "portfolio.schema.json", "programmes/lilo-certificate.yaml"
    std::string_view data;
};

std::span<const Resource> embedded_resources();

inline std::optional<std::string_view> embedded_resource(std::string_view name)
{
    for (const auto& r : embedded_resources())
        if (r.name == name) return r.data;
    return std::nullopt;
}

} // namespace lilo
