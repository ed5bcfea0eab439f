# The engine's layers as targets (ARCHITECTURE.md draws them).
#
# Each layer compiles against a "view": a folder in the build tree holding
# symbolic links to the source areas it may include (its own and those of the
# layers it names in DEPENDS), and nothing else. lib/ itself is on no layer's
# include path, so `#include "rules/kinds.hpp"` in lib/render/ fails to
# compile: a wrong-way include is a build error, not a review comment
# (tests/layers/ proves it). Dependencies are PRIVATE: a layer passes on
# neither its includes nor its third-party headers.

# lilo_layer(<name> AREAS <folder or file under lib/>... SOURCES ... DEPENDS <layer>... LIBS <library>...)
function(lilo_layer name)
  cmake_parse_arguments(L "" "" "AREAS;SOURCES;DEPENDS;LIBS" ${ARGN})
  add_library(${name} STATIC ${L_SOURCES})
  set(view "${CMAKE_BINARY_DIR}/layers/${name}")
  file(REMOVE_RECURSE "${view}")
  file(MAKE_DIRECTORY "${view}")
  foreach(area IN LISTS L_AREAS)
    file(CREATE_LINK "${PROJECT_SOURCE_DIR}/lib/${area}" "${view}/${area}" SYMBOLIC)
  endforeach()
  set_property(GLOBAL PROPERTY LILO_AREAS_${name} "${L_AREAS}")
  target_include_directories(${name} PRIVATE "${view}")
  foreach(dep IN LISTS L_DEPENDS)
    target_include_directories(${name} PRIVATE "${CMAKE_BINARY_DIR}/layers/${dep}")
    target_link_libraries(${name} PRIVATE ${dep})
  endforeach()
  target_link_libraries(${name} PRIVATE lilo_warnings ${L_LIBS})
endfunction()

# lilo_public_headers(<target> <header under lib/>...): an INTERFACE target
# whose consumers see exactly these headers (and link every layer).
function(lilo_public_headers name)
  cmake_parse_arguments(P "" "" "HEADERS;LINKS" ${ARGN})
  add_library(${name} INTERFACE)
  set(view "${CMAKE_BINARY_DIR}/layers/${name}")
  file(REMOVE_RECURSE "${view}")
  foreach(h IN LISTS P_HEADERS)
    get_filename_component(dir "${view}/${h}" DIRECTORY)
    file(MAKE_DIRECTORY "${dir}")
    file(CREATE_LINK "${PROJECT_SOURCE_DIR}/lib/${h}" "${view}/${h}" SYMBOLIC)
  endforeach()
  target_include_directories(${name} INTERFACE "${view}")
  target_link_libraries(${name} INTERFACE ${P_LINKS})
endfunction()
