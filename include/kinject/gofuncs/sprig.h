// Sprig, the template function library Helm and Istio use
// (Masterminds/sprig v3): the subset kinject supports.
#pragma once

#include <string>

#include "kinject/gotemplate/template.h"

namespace kinject::tmpl {

// Sprig's generic functions (GenericFuncMap), the ones Istio's templates
// can reach; the families are listed in src/gofuncs/sprig.cpp.
FuncMap sprig_funcs();

// Sprig's strval: strings as is, Stringers via String(), else fmt %v.
// Other function tables print values the same way.
std::string strval(const Value& v);

}  // namespace kinject::tmpl
