// Control: a renderer may include the report model (a layer below it).
#include "core/report.hpp"
int lilo_layer_probe() { return static_cast<int>(lilo::Severity::info); }
