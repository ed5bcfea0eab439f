#pragma once
// A cohort: many portfolios (folders, or submitted bundles read in place)
// checked side by side by worker processes, so that one that is broken,
// hostile, huge or slow costs only its own result: a crash, a time-out or
// exhausted memory becomes that portfolio's error, its worker is replaced,
// and the others go on. Results come back in input order, whatever
// the number of jobs. Prints nothing.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.hpp"

namespace lilo {

struct CohortInput {
    std::string path;     // as named, or found under a named folder
    bool bundle = false;  // a .zip bundle, checked through verify's reader
    std::string skipped;  // not empty: no portfolio, and why ("an empty folder"); reported, not checked
};

// Each PATH is a portfolio folder (it has portfolio.yaml), a bundle (.zip),
// or a folder of those (one level down). A folder found there without
// portfolio.yaml, and a PATH that is none of these (an empty folder, a
// file), is an input `skipped`, so that a candidate's folder is never lost
// without a word; other files in a folder of portfolios are ignored. Sorted
// by path within each folder; PATHs keep their order. Throws CannotCheck for
// a PATH that does not exist.
std::vector<CohortInput> cohort_inputs(const std::vector<std::string>& paths);

struct CohortOptions {
    unsigned jobs = 0;                       // 0: one per core
    std::optional<std::string> programme;    // instead of each portfolio's own
    Date as_of = Date::today();
    double time_limit_seconds = 120;         // per portfolio
    std::uint64_t memory_limit_mb = 2048;    // per portfolio (address space; not under AddressSanitizer)
};

// Receives each result in input order: the portfolio's report as JSON (as
// `lilo check --format json` gives it), or, when it could not be checked,
// {"portfolio", "status": "error", "error", "candidate": {"name": "", "id": ""}},
// or, for an input skipped, cohort_skipped's entry.
using CohortSink = std::function<void(std::size_t index, nlohmann::json report)>;
// Told how many portfolios are done, after each.
using CohortProgress = std::function<void(std::size_t done, std::size_t total)>;

void check_cohort(const std::vector<CohortInput>& inputs, const CohortOptions& options, const CohortSink& sink,
                  const CohortProgress& progress = {});

// Set from a SIGINT or SIGTERM handler: check_cohort stops its workers and
// throws CannotCheck("interrupted"), so that no output is left half written.
void request_cohort_cancel();

// The error entry for a portfolio that could not be checked.
nlohmann::json cohort_error(const std::string& portfolio, const std::string& message);
// The entry for a skipped input: {"portfolio", "status": "skipped", "reason", "candidate"}.
nlohmann::json cohort_skipped(const std::string& path, const std::string& reason);

} // namespace lilo
