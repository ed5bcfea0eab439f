#include "core/partial.hpp"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <unistd.h>

namespace fs = std::filesystem;

namespace lilo {

namespace {
std::string prefix_of(const fs::path& target) { return "." + target.filename().string() + ".partial-"; }
} // namespace

fs::path partial_path(const fs::path& target) { return target.parent_path() / (prefix_of(target) + std::to_string(::getpid())); }

void remove_stale_partials(const fs::path& target)
{
    const std::string prefix = prefix_of(target);
    const fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string f = it->path().filename().string();
        if (!f.starts_with(prefix)) continue;
        const long pid = std::strtol(f.c_str() + prefix.size(), nullptr, 10);
        if (pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH)) continue; // still running
        std::error_code rm;
        fs::remove_all(it->path(), rm);
    }
}

} // namespace lilo
