#pragma once
// The limits lilo puts on any zip archive it opens: a bundle for `lilo
// verify` (bundle/verify.hpp) and a .docx or .odt (office/package.cpp).
#include <cstdint>

namespace lilo {

inline constexpr std::uint64_t archive_max_entries = 100000;
inline constexpr std::uint64_t archive_max_total_bytes = std::uint64_t{4} << 30; // uncompressed
inline constexpr std::uint64_t archive_max_ratio = 1000;   // uncompressed / compressed, per entry over 1 MB

} // namespace lilo
