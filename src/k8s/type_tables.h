// The generated tables of the Go types (k8s_type_tables.cpp, written by
// test/oracle/k8sdecode), as k8s_types.cpp looks them up.
#pragma once

#include <string_view>
#include <vector>

#include "kinject/k8s/k8s_types.h"

namespace kinject::k8s::tables {

// A workload kind at one API version and its Go type.
struct Root {
  const char* api_version;
  const char* kind;
  const Type* type;
};

// A type by its Go package path and name ("k8s.io/api/core/v1.Container");
// null if the tables do not hold it.
const Type* find(std::string_view qualified_name);

// Every workload kind at every version the tables hold.
const std::vector<Root>& roots();

}  // namespace kinject::k8s::tables
