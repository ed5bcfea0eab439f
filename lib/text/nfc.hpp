#pragma once
// Unicode NFC (through ICU), for the names a bundle and a fingerprint carry.
#include <string>

namespace lilo {

// The NFC form of a UTF-8 string (unchanged if it is already NFC, or not UTF-8).
std::string to_nfc(const std::string& utf8);

} // namespace lilo
