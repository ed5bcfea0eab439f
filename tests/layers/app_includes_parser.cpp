// Wrong way: apps/ sees the public API only, never a parser's insides.
#include "yaml/schema.hpp"
int lilo_layer_probe() { return 0; }
