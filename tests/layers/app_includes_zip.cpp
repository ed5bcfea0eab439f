// Wrong way: libzip's header stays inside the bundle layer (its reader is private).
#include "bundle/zip_portfolio.hpp"
int lilo_layer_probe() { return 0; }
