// The template function layer in one include: Sprig (sprig.h) and the Go
// encodings its functions and Istio's rely on: encoding/json (json.h),
// sigs.k8s.io/yaml (yaml.h) and time.Duration (duration.h). Istio's own
// functions are in kinject/istio/funcs.h.
#pragma once

#include "kinject/gofuncs/duration.h"
#include "kinject/gofuncs/json.h"
#include "kinject/gofuncs/sprig.h"
#include "kinject/gofuncs/yaml.h"
