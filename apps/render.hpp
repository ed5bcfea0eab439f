#pragma once
// Renderers of the findings model.
#include <string>
#include <vector>

#include "core/report.hpp"

namespace lilo::app {

struct TextStyle {
    bool colour = false;
    bool quiet = false;    // errors and the result line only
    bool strict = false;   // warnings fail too
};

// Compiler-style diagnostics grouped by requirement, a summary table, and
// one line saying what to do next.
std::string render_text(const Report& report, const TextStyle& style);

} // namespace lilo::app
