// The injector configuration a cluster runs, read from the files istioctl
// kube-inject takes (--injectConfigFile, --valuesFile, --meshConfigFile), or
// one of kinject's built-in profiles (one per Istio release, --istio-version)
// when none is given.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "kinject/base/disk.h"
#include "kinject/yaml/node.h"
#include "kinject/istio/release.h"
#include "kinject/istio/status.h"
#include "kinject/istio/prepared.h"

namespace kinject {

// Istio's injection policy (the inject config's `policy`, or --policy).
// Illegal: a config document whose policy is neither "enabled" nor
// "disabled" (compared exactly), empty, null or missing; Istio's
// injectRequired then injects nothing ("Illegal value for autoInject").
enum class InjectPolicy { Enabled, Disabled, Illegal };

struct IstioConfig {
  std::map<std::string, std::string> templates;  // name -> Go template text
  // The built-in profile's templates, which kinject's tests parse and run:
  // name -> the text as built. A template whose text is still that is
  // parsed when a pod first asks for it; any other (given in files, or
  // changed since) is parsed first, as Istio parses every template, which
  // refuses a configuration with one that does not parse. The text, not a
  // hash of it: memcmp of four templates costs a tenth of hashing them.
  std::map<std::string, std::string> builtin_templates;
  // The built-in profile those are of ("1.31"), and the templates parsed
  // when kinject was built (prepared.h), which load instead of parsing.
  std::string builtin_profile;
  PreparedTemplates prepared;
  std::vector<std::string> default_templates{"sidecar"};
  std::map<std::string, std::vector<std::string>> aliases;
  InjectPolicy policy = InjectPolicy::Enabled;
  // The policy as the config document has it ("" when missing or null) and
  // where it was read: what an Illegal policy's messages name.
  std::string policy_value;
  std::string policy_source;
  Node never_inject_selector = Node::seq();   // list of LabelSelectors
  Node always_inject_selector = Node::seq();
  Node injected_annotations = Node::map();
  Node values = Node::map();  // Istio's values (the injector ConfigMap's `values`)
  // The values --set gave (already in `values`): their pilot.env is a flag
  // of this run, over kinject's own environment (istiod_env.h).
  Node set_values = Node::map();
  Node mesh = Node::map();    // MeshConfig with Istio's defaults applied
  std::string revision;       // "" = default revision
  std::string description;    // where it came from, for messages
  // Istio's post-processing (Prometheus merge, probe rewriting, cluster env,
  // proxy ordering, annotation validation) applies to Istio's sidecar; a
  // template of one's own (--template) is merged and recorded only.
  bool istio = true;
  // Where an injection records what it added (for re-injection and uninject).
  std::string status_annotation{kIstioStatusAnnotation};
  // The Istio release whose injector kinject plays (release.h): what the
  // post-processing and the annotation checks do.
  IstioRelease release;
  // The version label of the ConfigMap the configuration was read from
  // (app.kubernetes.io/version, helm.sh/chart istiod-X.Y.Z,
  // operator.istio.io/version; configmaps.h version_label), if any.
  std::string chart_version;
  // The chart's compatibilityVersion profiles of the release whose built-in
  // profile this is (files/profile-compatibility-version-V.yaml): V -> the
  // values it sets (compatibility.h).
  Node compatibility_profiles = Node::map();
  // The compatibilityVersion the values asked for and that was applied ("" none).
  std::string compatibility_version;
  // What the report says once per run about the configuration: a release
  // kinject does not know, played as the nearest one it knows; a release
  // without a built-in profile whose files leave parts to the nearest one.
  std::vector<std::string> warnings;
};

// Each of the three Istio files holds the raw data, or Istio's ConfigMaps
// (one, a List, or a stream of any kinds: configmaps.h), of which the
// revision's is taken; one file may be given for all three.
struct ConfigSources {
  std::string inject_config_file;  // full inject config, or a bare template
  std::string values_file;         // JSON or YAML
  std::string mesh_config_file;    // MeshConfig YAML
  std::string template_file;       // --template: a sidecar of one's own (not Istio's)
  std::string operator_file;       // an IstioOperator: spec.values and spec.meshConfig
  std::string revision;            // "" = not given: the ConfigMaps' own, else the default ("default")
  std::string istio_version;       // --istio-version: the release (and built-in profile) to play
  // --set, in order: each text comma-separated assignments in Helm's
  // grammar (helm_set.h) to Istio's values paths (global.hub; a leading
  // `values.` is accepted).
  std::vector<std::string> sets;
  // The built-in profiles read and parsed at build time (prepared.h);
  // empty: they are read and parsed now.
  Prepared prepared;
};

// Reads the configuration. Files given replace the matching part of the
// built-in profile of the release: --istio-version, else the one the files
// are from (infer_istio_release), else the newest. A release without a
// profile is an error when no files are given; with files, the nearest
// profile fills in what they leave out. Throws Error naming the file on a
// read or parse error.
IstioConfig load_config(const ConfigSources& sources, const Disk& disk);

// The control plane revisions ("" = default) whose injector ConfigMaps the
// files of `sources` hold (--injectConfigFile's, else --valuesFile's), each
// once, sorted; nullopt when they hold none as ConfigMaps (raw data, or no
// files: the configuration is the same for every revision).
std::optional<std::vector<std::string>> configured_revisions(const ConfigSources& sources, const Disk& disk);

// The built-in profile of `release`'s minor (src/istio/profiles): that
// release's default injector values and mesh config and our templates of
// what its templates inject. A release given without its patch gets the
// profile's. Throws Error listing the built-in releases for a minor that has
// no profile.
IstioConfig builtin_config(const IstioRelease& release, const Prepared& prepared = {});

// The built-in profiles' YAML documents as parse_yaml reads them, by name:
// each release's ("1.24", ...) and the templates they share ("templates").
// What kinject_prepare stores (prepared.h).
std::vector<std::pair<std::string, Node>> builtin_profile_documents();

// The release played when nothing chooses one: the newest built-in profile.
IstioRelease default_istio_release();

// Parses the inject config text (the ConfigMap's `config` key); a text that
// is not a config document is taken as a bare template named `sidecar`. A
// text of Kubernetes objects gives the default revision's (or its only)
// istio-sidecar-injector ConfigMap's `config`.
void parse_inject_config(std::string_view text, const std::string& name, IstioConfig& into);

}  // namespace kinject
