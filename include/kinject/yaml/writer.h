// Writer: documents back to text, changing only what changed (write.h). One
// header per job; this one gathers them.
#pragma once

#include "kinject/base/text.h"
#include "kinject/yaml/emit.h"    // emit_yaml, emit_json
#include "kinject/yaml/node.h"
#include "kinject/yaml/reader.h"
#include "kinject/yaml/scalar.h"  // yaml_scalar
#include "kinject/yaml/style.h"   // DocStyle, detect_style
#include "kinject/yaml/write.h"   // WriteResult, write_document
