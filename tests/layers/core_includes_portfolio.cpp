// Wrong way: the core (text, parsers, report model) reaching up into the portfolio layer.
#include "portfolio/fsys.hpp"
int lilo_layer_probe() { return 0; }
