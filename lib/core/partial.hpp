#pragma once
// What lilo writes whole or not at all (a bundle, an export folder) is
// written beside its target as ".<name>.partial-<pid>" and renamed into
// place when complete. A run that is killed (Ctrl-C, SIGKILL, a power cut)
// leaves that partial behind; the next run for the same target removes it.
#include <filesystem>
#include <string>

namespace lilo {

// ".<name>.partial-<pid>" beside `target`, for this process.
std::filesystem::path partial_path(const std::filesystem::path& target);

// Removes, from `target`'s folder, the partials of `target` whose process is
// gone (a file or a whole folder); those of a run still going are kept.
void remove_stale_partials(const std::filesystem::path& target);

} // namespace lilo
