#pragma once
// The portfolio as `lilo serve` shows it: the latest check (the same
// check_portfolio and to_json as `lilo check`), re-run when files change and
// handed to every page that waits for it. Prints nothing.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "check.hpp"
#include "programme/programme.hpp"

namespace lilo {

// One check, as the page receives it.
struct LiveSnapshot {
    std::uint64_t version = 0;   // 1 for the first check, one more for each change shown
    std::string json;            // {"report": …, "targets": …, "signoff": …, "checked_at": …} or {"error": …}
    std::optional<Report> report;
    std::optional<Programme> programme;
    double check_ms = 0;         // how long the check took
};

// What the page measures against, from the programme in force: each
// criterion's minimum words (its own `min_words`, else the essay's
// `min_section_words`) and the journal's cadence settings.
nlohmann::json page_targets(const Programme& programme);

class LiveCheck {
public:
    // `options.as_of` is ignored: each check is as of the day it runs.
    explicit LiveCheck(CheckOptions options);

    // Checks again. Publishes a new snapshot when what the page shows
    // changed, or always with `publish_unchanged` (a save the page should
    // acknowledge). Returns the snapshot now current.
    std::shared_ptr<const LiveSnapshot> recheck(bool publish_unchanged);

    std::shared_ptr<const LiveSnapshot> latest() const;
    // Blocks until a snapshot newer than `seen` (returned), `timeout` (the
    // latest, not newer), or stop() (nullptr).
    std::shared_ptr<const LiveSnapshot> wait_newer(std::uint64_t seen, std::chrono::milliseconds timeout) const;
    // Wakes every waiter; wait_newer returns nullptr from now on.
    void stop();

    // `lilo explain ID` against the latest check; nullopt for an unknown id.
    std::optional<std::string> explain(const std::string& id) const;

private:
    CheckOptions m_options;
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_changed;
    std::shared_ptr<const LiveSnapshot> m_latest;
    std::string m_shown;  // the part of the JSON that decides whether the page changed
    bool m_stopped = false;
};

} // namespace lilo
