#pragma once
// lilo's version, as reports, bundles and --version print it.
#include <string_view>

namespace lilo {

inline constexpr std::string_view lilo_version = "0.1.0";

} // namespace lilo
