// Helm's --set grammar, which kinject's --set takes for Istio's values, as
// helm.sh/helm/v3's pkg/strvals/parser.go reads it (ParseInto), and Helm's
// coalescing of the values so given over the chart's own
// (pkg/chartutil/coalesce.go), which is what Istio's ConfigMap then holds.
//
//   a=1,b.c=x        comma-separated assignments; dots nest maps
//   a=x\,y  a\.b=x   a backslash takes the next character as it is (\, \. \= \[ \{ \\)
//   a[0]=x a[1].b=x  list indices (at most 65536), lists within lists (a[0][1]=x)
//   a={x,y}          a list of values
//   true, false (any case) are booleans, null is null, 0 and decimals without a
//   leading zero are integers, anything else (1.5, 010, yes, "") a string.
//
// Pure functions of their text: nothing here knows Istio.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "kinject/yaml/node.h"

namespace kinject {

// One step of an assignment's name: a key and the list indices written
// after it (`b[0][1]` is key b, indices 0 and 1).
struct HelmSetKey {
  std::string name;
  std::vector<std::size_t> indices;
};

// One assignment of a --set text: `a.b[0]=x` of `a.b[0]=x,c=y`.
struct HelmSetAssignment {
  std::string text;               // as written, escapes and all: what messages quote
  std::vector<HelmSetKey> path;   // never empty; no name is empty
  Node value;                     // typed as Helm's typedVal; `{x,y}` a list
  // The text ends right after this assignment's `=` (`a.b=` last): Helm's
  // parser then unwinds with io.EOF, and a list item it was creating on the
  // way is not kept (apply_helm_set refuses that).
  bool empty_at_end = false;
};

// Helm's limits (strvals MaxIndex, MaxNestedNameLevel).
constexpr std::size_t kHelmSetMaxIndex = 65536;
constexpr int kHelmSetMaxNestedNameLevel = 30;

// The assignments of one --set text, in order; an empty text has none.
// Throws Error (`--set TEXT: what; what to write`) where Helm's parser
// refuses the text, and where Helm would silently set nothing: an empty name
// (`=x`, `a..b=x`, `a.=x`) or a name without a value (`a[0]`, `a.`).
std::vector<HelmSetAssignment> parse_helm_set(std::string_view text);

// Applies one assignment to the values a --set builds (Helm's user values,
// not the chart's): maps are created along the path, lists grown with nulls.
// Throws Error where Helm fails: a key that holds something other than a
// map (or a list, for an index) from an earlier assignment; and where Helm
// drops the assignment without a word: an empty value ending the text under
// a list item that does not exist yet (`a[0].b=`, which leaves a an empty
// list).
void apply_helm_set(Node& values, const HelmSetAssignment& assignment);

// strvals.ParseInto: every assignment of `text` applied to `values` in order.
void helm_set_into(Node& values, std::string_view text);

// The values a chart renders with: `user` over `defaults`, as Helm
// coalesces them (CoalesceValues): maps merge key by key, anything else
// replaces, and a user's null removes the default it names (a null that
// names no default stays null).
Node helm_coalesce(const Node& user, const Node& defaults);

// The node `path` names (list indices included), or nullptr.
const Node* helm_set_find(const Node& root, const std::vector<HelmSetKey>& path);

// The path as the user would write it without escapes or indices:
// "global.imagePullSecrets" for global.imagePullSecrets[0].
std::string helm_set_dotted(const std::vector<HelmSetKey>& path);

}  // namespace kinject
