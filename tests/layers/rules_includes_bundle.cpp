// Wrong way: the rules reaching up into bundles.
#include "bundle/bag.hpp"
int lilo_layer_probe() { return 0; }
