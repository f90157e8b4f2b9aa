// Istio's configuration as a cluster holds it: the ConfigMaps
// istio-sidecar-injector[-REV] (data `config` and `values`) and istio[-REV]
// (data `mesh`), found among the objects kubectl, `helm template` or
// `istioctl manifest generate` print: one ConfigMap, a `kind: List`
// (`kubectl get cm -o yaml|json`), or a stream of any kinds.
//
// Istio names a revision's ConfigMaps with its suffix and labels them
// `istio.io/rev: REV` ("default" for the default revision); the label decides
// where the two disagree or the name is not Istio's.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kinject/base/error.h"
#include "kinject/yaml/node.h"
#include "kinject/yaml/parse.h"

namespace kinject {

enum class ConfigMapRole {
  Injector,  // istio-sidecar-injector[-REV]: data.config, data.values
  Mesh,      // istio[-REV]: data.mesh
};

// One string of a ConfigMap's data, with where it stands.
struct ConfigMapText {
  std::string key;   // "config", "values", "mesh"
  std::string text;
  bool is_string = true;  // false: a value that is not a string (kubectl refuses such a ConfigMap)
  Location where;    // the value in the file (file, document, line:column)
  // A literal block scalar (`config: |`) keeps its lines: line N of `text` is
  // line `first_line + N - 1` of the file, its column `indent` further right.
  // 0 when the text is not laid out that way (a quoted or JSON string).
  int first_line = 0;
  int indent = 0;

  // A place inside `text` (1-based line and column, as a parser of the text
  // reports it) as a place in the file, when the layout allows; else the
  // value's own place.
  Location locate(int line, int column) const;
};

// An Istio ConfigMap found in a file.
struct IstioConfigMap {
  ConfigMapRole role = ConfigMapRole::Injector;
  std::string namespace_;  // metadata.namespace, "" if none
  std::string name;        // metadata.name
  std::string revision;    // "" = the default revision
  std::string version;     // the release its labels name (version_label), "" if none
  Location where;          // the object (file, document, line:column)
  std::vector<ConfigMapText> data;  // its string data, in order

  const ConfigMapText* text(std::string_view key) const;
  // "istio-system/istio-sidecar-injector-canary" (the name alone without a namespace).
  std::string display() const;
};

// What a file of Kubernetes objects holds, for finding Istio's ConfigMaps
// and for saying what else it holds when they are not there.
struct ConfigMapScan {
  std::string file;
  std::vector<IstioConfigMap> configmaps;  // Istio's, in document order
  // A file that is one ConfigMap object, under whatever name (`kubectl get
  // cm my-injector -o yaml`): taken when no ConfigMap is named as Istio's.
  std::optional<IstioConfigMap> single;
  std::size_t objects = 0;         // every object, List items counted one by one
  std::vector<std::string> other_kinds;  // the kinds of those not in `configmaps`, once each, in order
};

// The objects of parsed documents (List items one by one), and among them
// Istio's ConfigMaps: a ConfigMap named istio-sidecar-injector[-REV] or
// labelled istio.io/rev with data `config` or `values`; one named istio[-REV]
// or labelled istio.io/rev with data `mesh`. Other ConfigMaps Istio installs
// (istio-ca-root-cert, istio-<rev>-gatewayclass-*, values) have none of those
// keys and are not taken.
ConfigMapScan scan_configmaps(const std::vector<Document>& docs, const std::string& file);

// Whether parsed documents are Kubernetes objects (some document has string
// apiVersion and kind) rather than raw configuration data.
bool holds_objects(const std::vector<Document>& docs);

// The revisions a scan holds ConfigMaps of ("" = the default revision),
// sorted, each once; `role` restricts to one kind of ConfigMap.
std::vector<std::string> configmap_revisions(const ConfigMapScan& scan, std::optional<ConfigMapRole> role = std::nullopt);

// The release a ConfigMap's labels name: app.kubernetes.io/version, else
// helm.sh/chart's version (`istiod-1.28.3` -> 1.28.3), else
// operator.istio.io/version. "" if none.
std::string version_label(const Node& labels);

// "" or "default" -> "" (the default revision).
std::string normal_revision(std::string_view revision);

// Which data string is wanted.
struct ConfigMapQuery {
  ConfigMapRole role = ConfigMapRole::Injector;
  std::string key;                      // "config", "values" or "mesh"
  // The revision asked for ("" = the default). Not asked (nullopt): the
  // default revision's, or, when the file holds none, the only revision's.
  std::optional<std::string> revision;
  std::string namespace_;               // "" = any namespace
  std::string flag;                     // the flag the file came with, for messages ("--valuesFile")
};

// The ConfigMap a query selects, and its data string.
struct ConfigMapChoice {
  const IstioConfigMap* configmap = nullptr;
  const ConfigMapText* text = nullptr;
  bool revision_inferred = false;  // the revision was not asked and the file's only one was taken
  bool single = false;             // the file's one object, a ConfigMap under a name not Istio's
  // "all.yaml (ConfigMap istio-system/istio-sidecar-injector data.values)"
  std::string source() const;
};

// Selects a ConfigMap's data string. Throws Error (at the file; at the
// ConfigMap when it lacks the key) saying what the file holds when none or
// several match: the ConfigMaps found, by namespace/name and revision, and
// the -r that would select one.
ConfigMapChoice select_configmap(const ConfigMapScan& scan, const ConfigMapQuery& query);

// What the file holds, for messages: "istio-system/istio-sidecar-injector
// (injector, default revision, 1.28.3, line 3), ...".
std::string describe_configmaps(const ConfigMapScan& scan);

}  // namespace kinject
