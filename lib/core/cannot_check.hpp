#pragma once
// The one error that means "could not check at all" (exit 2, spec §5): a
// folder that does not exist or has no portfolio.yaml, an unknown or invalid
// programme, an argument that names nothing. Every layer may throw it; apps
// catch it in one place.
#include <stdexcept>

namespace lilo {

struct CannotCheck : std::runtime_error {
    using std::runtime_error::runtime_error;
};

} // namespace lilo
