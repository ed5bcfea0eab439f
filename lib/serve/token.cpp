#include "serve/token.hpp"

#include <cerrno>
#include <cstring>
#include <sys/random.h>

#include "check.hpp"

namespace lilo {

std::string random_token()
{
    unsigned char bytes[16];
    std::size_t got = 0;
    while (got < sizeof bytes) {
        const ssize_t n = getrandom(bytes + got, sizeof bytes - got, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) throw CannotCheck(std::string("cannot make a random key for the address (getrandom): ") + std::strerror(errno));
        got += static_cast<std::size_t>(n);
    }
    static const char digits[] = "0123456789abcdef";
    std::string out;
    for (unsigned char b : bytes) {
        out += digits[b >> 4];
        out += digits[b & 15];
    }
    return out;
}

bool token_matches(std::string_view given, std::string_view token)
{
    if (given.size() != token.size()) return false;
    unsigned char diff = 0;
    for (std::size_t i = 0; i < token.size(); ++i) diff = static_cast<unsigned char>(diff | (given[i] ^ token[i]));
    return diff == 0;
}

} // namespace lilo
