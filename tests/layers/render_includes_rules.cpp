// Wrong way: a renderer reaching up into the rules must not compile.
#include "rules/kinds.hpp"
int lilo_layer_probe() { return 0; }
