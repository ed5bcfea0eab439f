#pragma once
// The key in `lilo serve`'s address: 128 random bits from the kernel, so that
// another user's process on the same computer cannot guess its way in.
#include <string>
#include <string_view>

namespace lilo {

// 32 hexadecimal digits from getrandom(2). Throws CannotCheck if the kernel has none.
std::string random_token();

// Whether `given` is `token`, in time that does not depend on where they differ.
bool token_matches(std::string_view given, std::string_view token);

} // namespace lilo
