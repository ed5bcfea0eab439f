#pragma once
// A programme fully resolved (every `extends` merged), as YAML that lilo
// reads back, each setting followed by where it came from.
#include <string>

#include "programme/programme.hpp"

namespace lilo {

// `programme show`: the resolved programme as YAML; with `origins`, each
// value is followed by a comment naming the file (or built-in programme)
// that set it.
std::string programme_yaml(const Programme& programme, bool origins);

} // namespace lilo
