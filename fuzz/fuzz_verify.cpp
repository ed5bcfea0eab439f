// lilo verify on arbitrary bytes: whatever a zip holds, verify answers.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <unistd.h>

#include "bundle/verify.hpp"
#include "check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const std::string path = "/dev/shm/lilo-fuzz-verify-" + std::to_string(::getpid()) + ".zip";
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return 0;
    std::fwrite(data, 1, size, f);
    std::fclose(f);
    try {
        lilo::VerifyLimits limits;
        limits.max_total_bytes = 64u << 20; // keep each run small
        (void)lilo::verify_bundle(path, limits);
    } catch (const lilo::CannotCheck&) {
        // Not a zip: exit 2 in the command.
    }
    return 0;
}
