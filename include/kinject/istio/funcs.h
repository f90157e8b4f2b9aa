// Istio's template functions (istio/istio pkg/kube/inject/template.go,
// release-1.24) and the FuncMap Istio's injector parses its templates with.
//
// They are Istio's semantics, so they live in the istio layer; they share
// the kinject::tmpl namespace with Sprig's, as the template engine's
// functions all do.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "kinject/gotemplate/template.h"
#include "kinject/istio/release.h"

namespace kinject::tmpl {

// Looks up an environment variable (Istio's `env KEY DEFAULT`). Library code
// never reads the process environment itself; the caller decides.
using EnvLookup = std::function<std::optional<std::string>(std::string_view)>;

// Istio's injection functions (InjectionFuncmap without Sprig's), as
// `release`'s injector has them (appendMultusNetwork changed in a patch).
// The default is the newest behaviour.
FuncMap istio_funcs(EnvLookup env, const IstioRelease& release = {});

// What Istio's injector parses templates with: Sprig, then Istio's map on
// top, so Istio's `indent`, `contains` and `omit` replace Sprig's.
FuncMap injection_funcs(EnvLookup env, const IstioRelease& release = {});

}  // namespace kinject::tmpl
