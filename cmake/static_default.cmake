# Sets KINJECT_STATIC_DEFAULT (ON or OFF) and KINJECT_STATIC_REASON: kinject
# is linked as one static-pie executable by default where that can be done,
# which this finds out by linking a program that uses yaml-cpp and libyaml
# from their archives, as kinject does, with -static-pie (it needs glibc's
# and libstdc++'s archives, and a compiler that makes position-independent
# code by default, as Debian's does). Never under the sanitizers.
include(CheckCXXSourceCompiles)
if(DEFINED CACHE{KINJECT_STATIC})
  set(KINJECT_STATIC_DEFAULT ${KINJECT_STATIC})
  set(KINJECT_STATIC_REASON "KINJECT_STATIC=${KINJECT_STATIC} (set in the cache)")
  return()
endif()
set(KINJECT_STATIC_DEFAULT OFF)
if(KINJECT_SANITIZE OR KINJECT_FUZZ)
  set(KINJECT_STATIC_REASON "dynamic executable: the sanitizers do not link statically")
  return()
endif()
find_library(KINJECT_YAML_CPP_ARCHIVE NAMES libyaml-cpp.a)
find_library(KINJECT_LIBYAML_ARCHIVE NAMES libyaml.a)
find_path(KINJECT_LIBYAML_INCLUDE NAMES yaml.h)
if(NOT KINJECT_YAML_CPP_ARCHIVE OR NOT KINJECT_LIBYAML_ARCHIVE OR NOT KINJECT_LIBYAML_INCLUDE)
  set(KINJECT_STATIC_REASON "dynamic executable: libyaml-cpp.a or libyaml.a not found")
  return()
endif()
set(CMAKE_REQUIRED_LINK_OPTIONS -static-pie)
set(CMAKE_REQUIRED_LIBRARIES ${KINJECT_YAML_CPP_ARCHIVE} ${KINJECT_LIBYAML_ARCHIVE})
set(CMAKE_REQUIRED_INCLUDES ${KINJECT_LIBYAML_INCLUDE})
set(CMAKE_REQUIRED_QUIET ON)
check_cxx_source_compiles([[
#include <yaml-cpp/yaml.h>
#include <yaml.h>
int main() {
  yaml_parser_t p;
  if (!yaml_parser_initialize(&p)) return 1;
  yaml_parser_delete(&p);
  return YAML::Load("a: 1")["a"].as<int>() == 1 ? 0 : 1;
}
]] KINJECT_CAN_LINK_STATIC_PIE)
unset(CMAKE_REQUIRED_LINK_OPTIONS)
unset(CMAKE_REQUIRED_LIBRARIES)
unset(CMAKE_REQUIRED_INCLUDES)
unset(CMAKE_REQUIRED_QUIET)
if(KINJECT_CAN_LINK_STATIC_PIE)
  set(KINJECT_STATIC_DEFAULT ON)
  set(KINJECT_STATIC_REASON "static-pie executable (the archives are there)")
else()
  set(KINJECT_STATIC_REASON "dynamic executable: a -static-pie link with libyaml-cpp.a and libyaml.a failed")
endif()
