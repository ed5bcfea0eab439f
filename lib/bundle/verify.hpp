#pragma once
// lilo verify: a bundle checked in place, with nothing extracted: safe entry
// names, both manifests in both directions, every SHA-256, Payload-Oxum, and
// the check run again on the files inside and compared with the embedded report.
#include "core/archive_limits.hpp"
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/report.hpp"

namespace lilo {

struct VerifyLimits {
    std::uint64_t max_entries = archive_max_entries;
    std::uint64_t max_total_bytes = archive_max_total_bytes;  // uncompressed
    std::uint64_t max_ratio = archive_max_ratio;              // uncompressed / compressed, per entry
};

struct VerifyReport {
    std::string bundle;                 // as named on the command line
    std::string top;                    // the bag's top folder
    std::vector<Diagnostic> findings;   // codes "B.…"; file is relative to the bag's top folder (a whole entry name for B.unsafe-name, B.duplicate; empty for the bundle as a whole)
    std::optional<Report> check;        // the check run again on the files inside
    std::uint64_t payload_files = 0;
    std::uint64_t payload_bytes = 0;

    bool verified() const;              // no error finding
};

// Throws CannotCheck (exit 2) when the file cannot be read as a zip at all.
VerifyReport verify_bundle(const std::filesystem::path& bundle, const VerifyLimits& limits = {});

nlohmann::json to_json(const VerifyReport& report);

} // namespace lilo
