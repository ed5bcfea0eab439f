#pragma once
// The submission bundle (spec §6): a zipped BagIt bag (RFC 8493), byte for
// byte reproducible, written to a temporary file and renamed into place.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "check.hpp"
#include "portfolio/fingerprint.hpp"

namespace lilo {

struct BundleOptions {
    CheckOptions check;                          // folder, programme, as-of
    std::optional<std::filesystem::path> output; // -o; default: <id>-<programme>.zip (see bundle_target)
    std::optional<long long> source_date_epoch;  // SOURCE_DATE_EPOCH; else the as-of date
    bool allow_incomplete = false;
    std::optional<std::string> commit;           // the commit bundled (--rev): LILO-Commit in bag-info.txt
};

// What a bundle would carry, and what it leaves out and why.
struct BundlePlan {
    Report report;
    BundleFileSet files;
    std::vector<std::string> collisions;  // names equal ignoring case or Unicode normalisation
    std::vector<std::string> not_nfc;     // names whose NFC form differs (carried as NFC)
    std::string top;                      // the bag's top folder: the candidate id
    std::string commit;                   // --rev: the commit bundled
};

BundlePlan plan_bundle(const BundleOptions& options);
// init's placeholders still in the portfolio (P.placeholder, "file:line: message"):
// a bundle is refused while any is left, even with --allow-incomplete.
std::vector<std::string> unfilled_placeholders(const Report& report);

// Refused: an incomplete portfolio (without --allow-incomplete), or files a
// bundle cannot carry. Exit 1; nothing written.
struct BundleRefused : std::runtime_error {
    BundleRefused(const std::string& msg, std::vector<std::string> details_)
        : std::runtime_error(msg), details(std::move(details_)) {}
    std::vector<std::string> details;
};

struct BundleResult {
    std::filesystem::path path;
    BundlePlan plan;
    std::uint64_t payload_bytes = 0;
    std::string fingerprint;
};

// Writes the bundle. Throws BundleRefused (exit 1), CannotCheck or
// std::runtime_error for a write failure (exit 2); leaves nothing behind then.
BundleResult write_bundle(const BundleOptions& options);

// Where the bundle goes by default: <id>-<programme>.zip in the current
// folder, or beside the portfolio when the current folder is inside it.
std::filesystem::path bundle_target(const BundleOptions& options, const BundlePlan& plan);

// The DOS date and time of a bundle's entries: SOURCE_DATE_EPOCH, else the
// as-of date at midnight UTC; never before 1980 (zip's epoch).
std::pair<std::uint16_t, std::uint16_t> dos_time(const BundleOptions& options);

// The tracked files of the commit `rev` names, read from the repository's
// object database (not the work tree) that holds options.check.folder, as a
// bundle: byte-identical however the work tree differs. The commit's id goes
// into bag-info.txt. Throws CannotCheck when there is no repository or `rev`
// names no commit; BundleRefused as write_bundle does.
BundleResult write_bundle_at(const BundleOptions& options, const std::string& rev);

// Set by a SIGINT/SIGTERM handler: the bundle being written is abandoned.
void request_bundle_cancel();

} // namespace lilo
