// Wrong way: apps/ do not parse YAML (portfolio.yaml and programmes are read by the engine).
#include "yaml/yaml_json.hpp"
int lilo_layer_probe() { return 0; }
