#include "text/nfc.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace lilo {

std::string to_nfc(const std::string& utf8)
{
    UErrorCode err = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
    if (U_FAILURE(err)) return utf8;
    const icu::UnicodeString in = icu::UnicodeString::fromUTF8(utf8);
    if (nfc->isNormalized(in, err) && U_SUCCESS(err)) return utf8;
    err = U_ZERO_ERROR;
    const icu::UnicodeString out = nfc->normalize(in, err);
    if (U_FAILURE(err)) return utf8;
    std::string s;
    out.toUTF8String(s);
    return s;
}

} // namespace lilo
