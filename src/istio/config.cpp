#include "kinject/istio/config.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <sstream>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "kinject/base/error.h"
#include "kinject/base/text.h"
#include "kinject/k8s/k8s_types.h"
#include "kinject/yaml/node_form.h"
#include "kinject/yaml/reader.h"
#include "kinject/istio/compatibility.h"
#include "kinject/istio/configmaps.h"
#include "kinject/istio/helm_set.h"
#include "kinject/istio/injector.h"
#include "kinject/istio/template_data.h"

namespace kinject {

namespace embedded {
extern const std::string_view istio_templates_yaml;
extern const std::string_view istio_1_24_yaml;
extern const std::string_view istio_1_28_yaml;
extern const std::string_view istio_1_29_yaml;
extern const std::string_view istio_1_30_yaml;
extern const std::string_view istio_1_31_yaml;
}

namespace {

// Helm-style values merge: maps merge key by key, anything else replaces.
void merge_values(Node& base, const Node& over) {
  for (const auto& e : over.entries) {
    Node* cur = base.get(e.key.scalar_text());
    if (cur && cur->is_map() && e.value.is_map()) merge_values(*cur, e.value);
    else base.set(e.key.scalar_text(), e.value);
  }
}

std::vector<std::string> string_list(const Node* n) {
  std::vector<std::string> out;
  if (n && n->is_seq())
    for (const auto& it : n->items) out.push_back(it.scalar_text());
  return out;
}

}  // namespace

namespace {

// inject.Config's Policy as Istio's UnmarshalConfig reads it: sigs.k8s.io/yaml
// into a Go string, so a missing key or a null is "", and a bool or a number
// (go-yaml v2 reads `true`, `on`, `1` as such) fails the whole config, which
// istiod then refuses to start with. injectRequired compares the string
// exactly: anything but "enabled" and "disabled" (say "Enabled", or "") is
// its `default:` branch, which injects nothing.
void read_policy(const Node* policy, const std::string& name, IstioConfig& into) {
  into.policy_source = name;
  into.policy_value.clear();
  if (policy && !policy->is_null() && !policy->is_string()) {
    std::string what = policy->kind == Kind::Bool ? fmt::format("the boolean {}", policy->text)
                       : policy->is_scalar()      ? fmt::format("the number {}", policy->text)
                       : policy->is_map()         ? std::string("a mapping")
                                                  : std::string("a list");
    throw Error(Location{name}, fmt::format("policy must be a string, not {}: Istio cannot read this injector config "
                                            "(its UnmarshalConfig fails, and istiod does not start with it); write "
                                            "policy: enabled or policy: disabled",
                                            what));
  }
  if (policy && policy->is_string()) into.policy_value = policy->text;
  if (into.policy_value == "enabled") into.policy = InjectPolicy::Enabled;
  else if (into.policy_value == "disabled") into.policy = InjectPolicy::Disabled;
  else into.policy = InjectPolicy::Illegal;
}

// The fields of an injector config (inject.Config) that kinject uses.
void apply_inject_config(const Node& doc, const std::string& name, IstioConfig& into) {
  const Node* templates = doc.get("templates");
  into.templates.clear();
  for (const auto& e : templates->entries) {
    if (!e.value.is_string())
      throw Error(Location{name}, fmt::format("templates.{} must be a string holding a Go template", e.key.scalar_text()));
    into.templates[e.key.scalar_text()] = e.value.text;
  }
  into.default_templates = string_list(doc.get("defaultTemplates"));
  if (into.default_templates.empty()) into.default_templates = {"sidecar"};
  into.aliases.clear();
  if (const Node* aliases = doc.get("aliases"); aliases && aliases->is_map())
    for (const auto& e : aliases->entries) into.aliases[e.key.scalar_text()] = string_list(&e.value);
  read_policy(doc.get("policy"), name, into);
  if (const Node* n = doc.get("neverInjectSelector"); n && n->is_seq()) into.never_inject_selector = *n;
  if (const Node* n = doc.get("alwaysInjectSelector"); n && n->is_seq()) into.always_inject_selector = *n;
  if (const Node* n = doc.get("injectedAnnotations"); n && n->is_map()) into.injected_annotations = *n;
}

}  // namespace

namespace {

// A file given to --injectConfigFile, --valuesFile or --meshConfigFile: the
// raw data, or Kubernetes objects holding it in Istio's ConfigMaps (one
// ConfigMap, a List, helm template's or istioctl manifest generate's stream).
struct ConfigInput {
  std::string file;
  std::string text;
  std::optional<ConfigMapScan> scan;  // set when the file holds Kubernetes objects
  // Else the data's value (parse_yaml's), when the text is one YAML
  // document: the file is not read a second time for it.
  std::optional<Node> value;
};

// parse_yaml of the input's text, unless read_input has it already.
Node value_of(const ConfigInput& in, const std::string& name) {
  return in.value ? *in.value : parse_yaml(in.text, name);
}

// A text that does not parse but means to be objects (lines `apiVersion:`
// and `kind:`, or a JSON object naming them): its error is the user's to
// see, not a reason to take it for a bare template.
bool looks_like_objects(std::string_view text) {
  auto at_line_start = [&](std::string_view word) {
    for (std::size_t p = text.find(word); p != std::string_view::npos; p = text.find(word, p + 1))
      if (p == 0 || text[p - 1] == '\n') return true;
    return false;
  };
  if (at_line_start("apiVersion:") && at_line_start("kind:")) return true;
  std::size_t first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && text[first] == '{' && text.compare(first, 2, "{{") != 0 &&
         text.find("\"apiVersion\"") != std::string_view::npos && text.find("\"kind\"") != std::string_view::npos;
}

ConfigInput read_input(std::string text, const std::string& file) {
  ConfigInput in{file, std::move(text), std::nullopt, std::nullopt};
  std::vector<Document> docs;
  try {
    docs = read_all(in.text, file);
  } catch (const Error&) {
    if (looks_like_objects(in.text)) throw;
    return in;  // raw data: a bare template need not be YAML; values and mesh config report their own error
  }
  if (holds_objects(docs)) {
    in.scan = scan_configmaps(docs, file);
  } else {
    try {
      in.value = value_of_documents(docs, file);
    } catch (const Error&) {
      // more than one document: parse_yaml says so where the value is read
    }
  }
  return in;
}

// Runs `read` on a ConfigMap's data string (named by the choice's source);
// what goes wrong is reported at its place in the file, naming the ConfigMap.
template <class F>
auto from_configmap(const ConfigMapChoice& c, F&& read) -> decltype(read(std::string())) {
  const std::string source = c.source();
  try {
    return read(source);
  } catch (const Error& e) {
    const Location& w = e.where();
    if (w.file != source && !w.file.empty()) throw;
    throw Error(c.text->locate(w.line, w.column),
                fmt::format("ConfigMap {} data.{}: {}", c.configmap->display(), c.text->key, e.bare()));
  }
}

// An injector config as the ConfigMap holds it: Istio's injector reads
// nothing else there, so a text without templates is an error, not a bare
// template.
void apply_configmap_inject_config(const ConfigMapChoice& c, IstioConfig& into) {
  from_configmap(c, [&](const std::string& source) {
    Node doc = parse_yaml(c.text->text, source);
    const Node* templates = doc.is_map() ? doc.get("templates") : nullptr;
    if (!templates || !templates->is_map() || templates->entries.empty())
      throw Error(Location{source}, "not an injector config: it has no templates (Istio's has `templates: {sidecar: ...}`)");
    apply_inject_config(doc, source, into);
    return 0;
  });
  if (into.chart_version.empty()) into.chart_version = c.configmap->version;
}

// The raw text of --injectConfigFile: an injector config, or else a bare
// template, used as `sidecar` (as istioctl kube-inject does).
void parse_raw_inject_config(const ConfigInput& in, const std::string& name, IstioConfig& into) {
  std::string_view text = in.text;
  Node doc;
  bool parsed = true;
  try {
    doc = value_of(in, name);
  } catch (const Error&) {
    parsed = false;
  }
  const Node* templates = parsed && doc.is_map() ? doc.get("templates") : nullptr;
  if (!templates || !templates->is_map() || templates->entries.empty()) {
    into.templates.clear();
    into.templates["sidecar"] = std::string(text);
    into.default_templates = {"sidecar"};
    return;
  }
  apply_inject_config(doc, name, into);
}

}  // namespace

void parse_inject_config(std::string_view text, const std::string& name, IstioConfig& into) {
  ConfigInput in = read_input(std::string(text), name);
  if (!in.scan) return parse_raw_inject_config(in, name, into);
  ConfigMapQuery q;
  q.role = ConfigMapRole::Injector;
  q.key = "config";
  q.flag = "--injectConfigFile";
  apply_configmap_inject_config(select_configmap(*in.scan, q), into);
}


namespace {

// The built-in profiles (src/istio/profiles, embedded by cmake/embed.cmake):
// one file per release, each naming the profile it builds on.
std::string_view profile_text(std::string_view minor) {
  static const std::pair<std::string_view, std::string_view> kProfiles[] = {
      {"1.24", embedded::istio_1_24_yaml},
      {"1.28", embedded::istio_1_28_yaml},
      {"1.29", embedded::istio_1_29_yaml},
      {"1.30", embedded::istio_1_30_yaml},
      {"1.31", embedded::istio_1_31_yaml},
  };
  for (const auto& [name, text] : kProfiles)
    if (name == minor) return text;
  return {};
}

// Helm-style, as a profile's values go over its base's: maps merge key by
// key, a null removes the key, anything else replaces.
void overlay_values(Node& base, const Node& over) {
  for (const auto& e : over.entries) {
    const std::string key = e.key.scalar_text();
    Node* cur = base.get(key);
    if (e.value.is_null()) base.erase(key);
    else if (cur && cur->is_map() && e.value.is_map()) overlay_values(*cur, e.value);
    else base.set(key, e.value);
  }
}

// What a release's profile file and those it builds on give: the values and
// the prelude (the template text that sets the release's switches), oldest
// first.
struct ReleaseProfile {
  std::string release;  // "1.28.10"
  Node values = Node::map();
  std::string prelude;
  Node compatibility = Node::map();  // the release's own, not its base's
};

// A built-in profile's YAML document: as the build read it (prepared.h),
// else read now.
Node profile_document(std::string_view name, std::string_view text, const std::string& what, const Prepared& prepared) {
  for (const PreparedDocument& d : prepared.documents)
    if (d.name == name)
      if (std::optional<Node> n = load_node_form(d.form)) return std::move(*n);
  return parse_yaml(text, what);
}

constexpr std::string_view kTemplatesDocument = "templates";

ReleaseProfile read_release_profile(std::string_view minor, const Prepared& prepared, int depth = 0) {
  std::string_view text = profile_text(minor);
  std::string name = fmt::format("<built-in profile {}>", minor);
  if (text.empty() || depth > 8) throw Error(fmt::format("internal error: no built-in profile {}", minor));
  Node doc = profile_document(minor, text, name, prepared);
  ReleaseProfile p;
  if (const Node* base = doc.get("base"); base && base->is_scalar())
    p = read_release_profile(base->scalar_text(), prepared, depth + 1);
  const Node* release = doc.get("release");
  if (!release || !release->is_scalar()) throw Error(fmt::format("internal error: {} names no release", name));
  p.release = release->scalar_text();
  if (const Node* values = doc.get("values"); values && values->is_map()) overlay_values(p.values, *values);
  if (const Node* prelude = doc.get("prelude"); prelude && prelude->is_string()) p.prelude += prelude->text;
  if (const Node* c = doc.get("compatibility"); c && c->is_map()) p.compatibility = *c;
  return p;
}

}  // namespace

std::vector<std::pair<std::string, Node>> builtin_profile_documents() {
  std::vector<std::pair<std::string, Node>> out;
  for (const std::string& minor : builtin_releases())
    out.emplace_back(minor, parse_yaml(profile_text(minor), fmt::format("<built-in profile {}>", minor)));
  out.emplace_back(kTemplatesDocument, parse_yaml(embedded::istio_templates_yaml, "<built-in templates>"));
  return out;
}

IstioConfig builtin_config(const IstioRelease& release, const Prepared& prepared) {
  const std::string minor = fmt::format("1.{}", release.minor);
  if (profile_text(minor).empty())
    throw Error(fmt::format("{}: kinject has no built-in profile of Istio {} (built-in: {}); choose one of those, or give "
                            "that release's configuration (--injectConfigFile, --valuesFile, --meshConfigFile)",
                            release.reason.empty() ? "--istio-version" : release.reason, minor,
                            fmt::join(builtin_releases(), ", ")));
  ReleaseProfile p = read_release_profile(minor, prepared);
  Node shared = profile_document(kTemplatesDocument, embedded::istio_templates_yaml, "<built-in templates>", prepared);
  const Node* mesh = shared.get("mesh");
  const Node* common = shared.get("common");
  const Node* templates = shared.get("templates");
  if (!templates || !templates->is_map() || !mesh || !common || !common->is_string())
    throw Error("internal error: the built-in templates are incomplete");
  IstioConfig cfg;
  apply_inject_config(shared, "<built-in templates>", cfg);
  // A release's template: its prelude (the switches), the shared named
  // templates, then the shared body.
  for (auto& [name, text] : cfg.templates) {
    text = p.prelude + common->text + text;
    cfg.builtin_templates[name] = text;
  }
  cfg.values = std::move(p.values);
  // A patch asked for names the image: the cluster runs 1.31.4, not the
  // profile's own patch.
  if (release.patch >= 0 && parse_istio_release(p.release).minor == release.minor)
    cfg.values.child_map("global").set("tag", Node::string(release.name()));
  cfg.compatibility_profiles = std::move(p.compatibility);
  cfg.mesh = apply_mesh_config(default_mesh_config(), *mesh);
  cfg.description = fmt::format("built-in profile of Istio {}", p.release);
  cfg.builtin_profile = minor;
  cfg.release = release;
  if (cfg.release.patch < 0) {
    // The profile says which patch it is of.
    IstioRelease of_profile = parse_istio_release(p.release);
    cfg.release.patch = of_profile.patch;
  }
  if (cfg.release.reason.empty()) cfg.release.reason = "the built-in profile";
  return cfg;
}

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

std::string kind_name(const Node& n) {
  if (n.is_map()) return "a mapping";
  if (n.is_seq()) return "a list";
  if (n.kind == Kind::String) return "a string";
  if (n.kind == Kind::Bool) return "a boolean";
  if (n.kind == Kind::Int || n.kind == Kind::Float) return "a number";
  return "null";
}

// A values file whose shape contradicts Istio's values (`global: 3`) would
// only fail deep inside a template ("can't evaluate field proxy in type
// float64"); say so where the mistake is.
void check_values_shape(const Node& defaults, const Node& given, const std::string& path, const std::string& file) {
  if (!defaults.is_map() || !given.is_map()) return;
  for (const auto& e : given.entries) {
    const Node* d = defaults.get(e.key.scalar_text());
    if (!d) continue;
    std::string at = path.empty() ? e.key.scalar_text() : path + "." + e.key.scalar_text();
    if (d->is_map() && !d->entries.empty() && !e.value.is_map() && !e.value.is_null()) {
      std::string keys;
      for (std::size_t i = 0; i < d->entries.size() && i < 4; ++i) keys += (i ? ", " : "") + d->entries[i].key.scalar_text();
      throw Error(Location{file}, fmt::format("values: {} must be a mapping (Istio's has {}, ...), not {}", at, keys,
                                              kind_name(e.value)));
    }
    check_values_shape(*d, e.value, at, file);
  }
}

// --set must name a value Istio's templates read: a typo (`globl.hub`) would
// otherwise be ignored silently. Known paths are those of Istio's default
// values and of the values given; under an empty mapping (podAnnotations:
// {}) any key is fine.
// The `.Values.a.b.c` paths a template reads.
std::vector<std::string> values_read_by(const std::map<std::string, std::string>& templates) {
  std::vector<std::string> out;
  constexpr std::string_view kValues = ".Values.";
  for (const auto& [name, text] : templates) {
    for (std::size_t at = text.find(kValues); at != std::string::npos; at = text.find(kValues, at + 1)) {
      std::size_t p = at + kValues.size();
      std::size_t e = p;
      while (e < text.size() && (std::isalnum(static_cast<unsigned char>(text[e])) || text[e] == '_' || text[e] == '.')) ++e;
      while (e > p && text[e - 1] == '.') --e;
      if (e > p) out.emplace_back(text.substr(p, e - p));
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void check_set_path(const HelmSetAssignment& set, const Node& defaults, const Node& values,
                    const std::vector<std::string>& read) {
  // The chart itself reads compatibilityVersion (zzz_profile.yaml), which
  // no injection template does; compatibility.h applies it. pilot.env.KEY
  // is istiod's environment in every release (istiod_env.h), though the
  // injector ConfigMap records it only from 1.26.
  auto plain = [&](std::size_t i, std::string_view name) {
    return set.path.size() > i && set.path[i].name == name && set.path[i].indices.empty();
  };
  if (set.path.size() == 1 && plain(0, kCompatibilityVersion)) return;
  if (set.path.size() == 3 && plain(0, "pilot") && plain(1, "env") && set.path[2].indices.empty()) return;
  {
    // A path the templates read, or one beneath it (`global.proxy.lifecycle`
    // is read whole and holds anything), is known even if no values file
    // sets it.
    const std::string full = helm_set_dotted(set.path);
    for (const auto& r : read)
      if (full == r || (full.size() > r.size() && full.compare(0, r.size(), r) == 0 && full[r.size()] == '.')) return;
  }
  const Node* a = &defaults;
  const Node* b = &values;
  std::string done;
  for (const HelmSetKey& step : set.path) {
    const std::string& key = step.name;
    bool a_map = a && a->is_map(), b_map = b && b->is_map();
    if (!a_map && !b_map) {
      const Node* leaf = a ? a : b;
      throw Error(fmt::format("--set {}: {} is {} in Istio's values, not a mapping", set.text, done,
                              leaf ? kind_name(*leaf) : "not set"));
    }
    const Node* na = a_map ? a->get(key) : nullptr;
    const Node* nb = b_map ? b->get(key) : nullptr;
    if (!na && !nb) {
      bool free_form = (!a_map || a->entries.empty()) && (!b_map || b->entries.empty());
      if (free_form) return;
      std::string best;
      std::size_t best_d = 3;
      for (const Node* m : {a, b})
        if (m && m->is_map())
          for (const auto& e : m->entries)
            if (std::size_t d = edit_distance(key, e.key.scalar_text()); d < best_d) {
              best_d = d;
              best = e.key.scalar_text();
            }
      std::string at = done.empty() ? key : done + "." + key;
      std::string hint = best.empty() ? "" : fmt::format(" (did you mean {}?)", done.empty() ? best : done + "." + best);
      throw Error(fmt::format("--set {}: Istio's values have no {}{}; a template of one's own (--template) may use "
                              "any path",
                              set.text, at, hint));
    }
    done = done.empty() ? key : done + "." + key;
    if (!step.indices.empty()) {
      // An index into a list: its items are whatever the templates make of
      // them, but the value must be a list.
      const Node* known = nb ? nb : na;
      if (!known->is_seq() && !known->is_null())
        throw Error(fmt::format("--set {}: {} is {} in Istio's values, not a list", set.text, done, kind_name(*known)));
      return;
    }
    a = na;
    b = nb;
  }
}

// The value a --set gave, checked as Istio's values are typed (the values
// schema's booleans and numbers) and as Kubernetes decodes what the
// templates make of them: resources must be quantities, or every injection
// fails where the API server (or Istio's typed decode) refuses the pod.
//
// Helm's --set types only whole numbers (and only those written without a
// leading zero) as numbers: 0.5, 1e3 and 015020 stay strings. Every number
// among Istio's injector values is a whole number the templates print into
// an integer field or flag (ports, uids, seconds, thresholds: statusPort,
// readinessPeriodSeconds, startupProbe.failureThreshold); a string there
// renders `15020.5` or `"015020"` into the pod, which the API server (or
// pilot-agent's flag parsing) refuses, in every pod, in the cluster. So a
// string where Istio's values hold a number is refused here, whatever it
// looks like, and so is null, which Helm turns into no value at all (the
// templates print `<no value>`).
// The values Istio's templates take as the default of a per-pod override
// annotation (`annotation $meta ANNOTATION .Values.PATH`): what the
// annotation is checked for, the value must pass too, or it reaches
// istio-iptables' arguments unchecked (issue 22: a backslash in
// excludeIPRanges).
constexpr std::pair<std::string_view, std::string_view> kAnnotationDefaults[] = {
    {"global.proxy.includeIPRanges", "traffic.sidecar.istio.io/includeOutboundIPRanges"},
    {"global.proxy.excludeIPRanges", "traffic.sidecar.istio.io/excludeOutboundIPRanges"},
    {"global.proxy.includeInboundPorts", "traffic.sidecar.istio.io/includeInboundPorts"},
    {"global.proxy.excludeInboundPorts", "traffic.sidecar.istio.io/excludeInboundPorts"},
    {"global.proxy.includeOutboundPorts", "traffic.sidecar.istio.io/includeOutboundPorts"},
    {"global.proxy.excludeOutboundPorts", "traffic.sidecar.istio.io/excludeOutboundPorts"},
    {"global.proxy.statusPort", "status.sidecar.istio.io/port"},
};

void check_set_value(const HelmSetAssignment& set, const Node& defaults, const Node& values,
                     const IstioRelease& release) {
  const std::string path = helm_set_dotted(set.path);
  const Node& now = set.value;
  bool whole_path = true;  // a path without list indices names one default
  for (const auto& step : set.path) whole_path = whole_path && step.indices.empty();
  if (const Node* was = whole_path ? helm_set_find(defaults, set.path) : nullptr; was && now.kind != was->kind) {
    bool number = was->kind == Kind::Int || was->kind == Kind::Float;
    bool now_number = now.kind == Kind::Int || now.kind == Kind::Float;
    if (was->kind == Kind::Bool || (number && !now_number)) {
      std::string why;
      if (number && now.is_string() && Node::plain_kind(now.text) != Kind::String)
        why = fmt::format(" (Helm's --set reads only whole numbers without a leading zero as numbers: {} stays a "
                          "string, which the templates would print where Kubernetes wants an integer)",
                          now.text);
      else if (now.is_null())
        why = " (a null removes the value, as Helm does, and the templates would print <no value>)";
      throw Error(fmt::format("--set {}: {} is {} in Istio's values, not {}{}", set.text, path,
                              was->kind == Kind::Bool ? "a boolean (true or false)" : "a number", kind_name(now), why));
    }
    // A mapping or a list replaced by something else (null removes it):
    // Helm keeps the user's value and the templates render it where
    // Kubernetes wants the mapping or the list. Helm's --set has no mapping
    // values: `{type: RuntimeDefault}` is a list of one string.
    if (was->is_string() && (now.is_seq() || now.is_map()))
      throw Error(fmt::format("--set {}: {} is a string in Istio's values, not {}; Helm's {{a,b}} is a list: write a "
                              "comma inside a string as \\,",
                              set.text, path, kind_name(now)));
    if ((was->is_map() || was->is_seq()) && !now.is_null())
      throw Error(fmt::format("--set {}: {} is {} in Istio's values, not {}; {}", set.text, path, kind_name(*was),
                              kind_name(now),
                              was->is_map() ? fmt::format("set its keys one by one ({}.KEY=VALUE)", path)
                                            : fmt::format("write a list as {}={{a,b}} or {}[0]=a", path, path)));
  }
  for (const auto& [values_path, annotation] : kAnnotationDefaults)
    if (path == values_path && now.is_scalar() && !now.is_null())
      if (auto why = annotation_value_error(annotation, now.scalar_text(), release))
        throw Error(fmt::format("--set {}: {} is \"{}\", which Istio refuses in {}, the annotation it is the default "
                                "of: {}",
                                set.text, path, now.scalar_text(), annotation, *why));
  // ...resources.requests.cpu, ...resources.limits.memory (a whole
  // resources mapping is checked entry by entry).
  auto check_quantity = [&](const Node& v, const std::string& where) {
    if (!v.is_scalar() || v.is_null()) return;
    std::string q = v.scalar_text();
    if (!k8s::is_quantity(q))
      throw Error(fmt::format("--set {}: {} is \"{}\", not a Kubernetes quantity: quantities must match the regular "
                              "expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$' (e.g. 100m, 128Mi)",
                              set.text, where, q));
  };
  std::size_t at = ("." + path + ".").find(".resources.");
  if (at == std::string::npos) return;
  const Node* res = values.at_path(path.substr(0, at + 9));
  if (!res || !res->is_map()) return;
  for (const char* part : {"limits", "requests"})
    if (const Node* m = res->get(part); m && m->is_map())
      for (const auto& e : m->entries) check_quantity(e.value, fmt::format("resources.{}.{}", part, e.key.scalar_text()));
}

// The assignments of one --set text (Helm's grammar, helm_set.h), with the
// leading `values.` istioctl's paths have (values.global.hub) dropped.
std::vector<HelmSetAssignment> istio_set_assignments(std::string_view text) {
  std::vector<HelmSetAssignment> out = parse_helm_set(text);
  for (auto& a : out)
    if (a.path.size() > 1 && a.path[0].name == "values" && a.path[0].indices.empty()) a.path.erase(a.path.begin());
  return out;
}

// A sidecar of one's own: the template is rendered against the same data
// (values included), then merged; Istio's post-processing is off, and it
// records itself under its own status key.
void use_own_template(IstioConfig& cfg, const std::string& file, std::string text) {
  std::string name = file;
  if (auto slash = name.rfind('/'); slash != std::string::npos) name = name.substr(slash + 1);
  if (auto dot = name.find('.'); dot != std::string::npos && dot > 0) name = name.substr(0, dot);
  cfg.templates = {{name, std::move(text)}};
  cfg.default_templates = {name};
  cfg.aliases.clear();
  cfg.istio = false;
  cfg.status_annotation = kGenericStatusAnnotation;
}

}  // namespace

namespace {

// The built-in profile nearest to a release that has none (1.25 -> 1.24,
// 1.26 and 1.27 -> 1.28): what fills in the parts of the configuration the
// files given leave out.
IstioRelease nearest_builtin(const IstioRelease& release) {
  IstioRelease best;
  int best_distance = 1000;
  for (const auto& name : builtin_releases()) {
    IstioRelease r = parse_istio_release(name);
    int distance = std::abs(r.minor - release.minor);
    if (distance <= best_distance) {  // ties go to the newer
      best = r;
      best_distance = distance;
    }
  }
  best.reason = fmt::format("the built-in profile nearest to Istio {}", release.name());
  return best;
}

bool has_builtin_profile(const IstioRelease& release) {
  const auto& all = builtin_releases();
  return std::find(all.begin(), all.end(), fmt::format("1.{}", release.minor)) != all.end();
}

// The warning for files of a release without a built-in profile (1.25 -
// 1.27) that leave a part of the configuration to the nearest profile; none
// when the files give every part.
std::optional<std::string> filled_from_nearest(const ConfigSources& src, const IstioRelease& release) {
  std::vector<std::string> left;
  if (src.inject_config_file.empty() && src.template_file.empty()) left.emplace_back("the injection templates");
  if (src.values_file.empty()) left.emplace_back(src.operator_file.empty() ? "the values" : "the values the IstioOperator does not set");
  if (src.mesh_config_file.empty()) left.emplace_back(src.operator_file.empty() ? "the mesh config" : "the mesh config the IstioOperator does not set");
  if (left.empty()) return std::nullopt;
  IstioRelease fill = nearest_builtin(release);
  return fmt::format("the configuration is from Istio {} ({}), for which kinject has no built-in profile: {} come from "
                     "the built-in profile of Istio {}, the nearest; give that release's own (--injectConfigFile, "
                     "--valuesFile, --meshConfigFile) to inject exactly as it does",
                     release.name(), release.reason, fmt::join(left, ", "), fill.name());
}

}  // namespace

IstioRelease default_istio_release() {
  IstioRelease newest = parse_istio_release(builtin_releases().back());
  newest.reason = "the newest built-in profile";
  return newest;
}

namespace {

// `fill`: the release whose profile fills in what the files leave out.
IstioConfig load_config_filled(const ConfigSources& src, const Disk& disk, const IstioRelease& fill) {
  const bool own_files = !src.inject_config_file.empty() || !src.values_file.empty() || !src.mesh_config_file.empty() ||
                         !src.operator_file.empty() || !src.template_file.empty();
  const IstioRelease& release = fill;
  IstioConfig cfg = has_builtin_profile(release) || !own_files ? builtin_config(release, src.prepared)
                                                                : builtin_config(nearest_builtin(release), src.prepared);
  cfg.prepared = src.prepared.templates;
  if (!has_builtin_profile(release)) {
    cfg.description = fmt::format("{} (nearest to Istio {})", cfg.description, release.name());
    if (auto note = filled_from_nearest(src, release)) cfg.warnings.push_back(*note);
  }
  // The profile names its release's patch (1.30.3); a patch asked for, or a
  // release played with the nearest profile, is kept as asked.
  if (release.patch >= 0 || !has_builtin_profile(release)) cfg.release = release;
  const Node defaults = cfg.values;
  std::vector<std::string> parts;
  std::optional<std::string> asked;  // -r; not given: the ConfigMaps' own revision
  if (!src.revision.empty()) asked = normal_revision(src.revision);

  // One file may serve all three flags (a cluster's ConfigMaps as kubectl
  // prints them): it is read and scanned once.
  std::map<std::string, ConfigInput> inputs;
  auto input = [&](const std::string& file) -> const ConfigInput& {
    auto it = inputs.find(file);
    if (it == inputs.end()) it = inputs.emplace(file, read_input(read_whole_file(disk, file), file)).first;
    return it->second;
  };
  struct Picked {
    std::string flag;
    ConfigMapChoice choice;
  };
  std::vector<Picked> picked;
  auto choose = [&](const ConfigInput& in, ConfigMapRole role, const char* key, const char* flag) {
    ConfigMapQuery q;
    q.role = role;
    q.key = key;
    q.revision = asked;
    q.flag = flag;
    ConfigMapChoice c = select_configmap(*in.scan, q);
    picked.push_back({flag, c});
    parts.push_back(fmt::format("{} ({})", in.file, c.configmap->display()));
    return c;
  };

  if (!src.inject_config_file.empty()) {
    const ConfigInput& in = input(src.inject_config_file);
    if (in.scan) {
      apply_configmap_inject_config(choose(in, ConfigMapRole::Injector, "config", "--injectConfigFile"), cfg);
    } else {
      parse_raw_inject_config(in, in.file, cfg);
      parts.push_back(in.file);
    }
  }
  if (!src.values_file.empty()) {
    const ConfigInput& in = input(src.values_file);
    auto read_values = [&](const Node& values, const std::string& name) {
      if (!values.is_map()) throw Error(Location{name}, "expected a mapping of Istio values (e.g. `global: {hub: ...}`)");
      check_values_shape(cfg.values, values, "", name);
      return values;
    };
    if (in.scan) {
      ConfigMapChoice c = choose(in, ConfigMapRole::Injector, "values", "--valuesFile");
      cfg.values = from_configmap(c, [&](const std::string& source) { return read_values(parse_yaml(c.text->text, source), source); });
    } else {
      cfg.values = read_values(value_of(in, in.file), in.file);
      parts.push_back(in.file);
    }
  }
  if (!src.mesh_config_file.empty()) {
    const ConfigInput& in = input(src.mesh_config_file);
    auto read_mesh = [&](const Node& mesh, const std::string& name) {
      if (!mesh.is_map() && !mesh.is_null())
        throw Error(Location{name}, "expected a MeshConfig mapping (e.g. `defaultConfig: {...}`)");
      try {
        return apply_mesh_config(default_mesh_config(), mesh);
      } catch (const Error& e) {
        throw Error(Location{name}, e.bare());
      }
    };
    if (in.scan) {
      ConfigMapChoice c = choose(in, ConfigMapRole::Mesh, "mesh", "--meshConfigFile");
      cfg.mesh = from_configmap(c, [&](const std::string& source) { return read_mesh(parse_yaml(c.text->text, source), source); });
    } else {
      cfg.mesh = read_mesh(value_of(in, in.file), in.file);
      parts.push_back(in.file);
    }
  }
  // Without -r, the ConfigMaps say which revision they are: all the same one.
  std::string adopted;
  const Picked* first = nullptr;
  for (const auto& p : picked) {
    if (p.choice.single && !p.choice.revision_inferred) continue;  // a name of one's own, no revision label
    const std::string& rev = p.choice.configmap->revision;
    if (!first) {
      first = &p;
      adopted = rev;
    } else if (rev != adopted) {
      auto phrase = [](const std::string& r) { return r.empty() ? std::string("the default revision") : "revision " + r; };
      throw Error(Location{p.choice.configmap->where.file},
                  fmt::format("{} takes ConfigMap {} ({}), but {} took {} ({}); choose the revision with -r", p.flag,
                              p.choice.configmap->display(), phrase(rev), first->flag,
                              first->choice.configmap->display(), phrase(adopted)));
    }
  }
  // The release the ConfigMaps' labels name (the injector's first).
  for (const auto& p : picked)
    if (!p.choice.configmap->version.empty()) {
      cfg.chart_version = p.choice.configmap->version;
      break;
    }
  if (!src.operator_file.empty()) {
    // istioctl's --operatorFileName: the IstioOperator's values and mesh
    // config win over the files. They merge over the built-in profile, so a
    // partial IstioOperator still renders.
    Node iop = parse_yaml(read_whole_file(disk, src.operator_file), src.operator_file);
    const Node* kind = iop.get("kind");
    if (!kind || kind->str() != "IstioOperator")
      throw Error(Location{src.operator_file}, "expected an IstioOperator (kind: IstioOperator)");
    if (const Node* v = iop.at_path("spec.values"); v && v->is_map()) merge_values(cfg.values, *v);
    // istioctl maps spec.compatibilityVersion to the values' (operator/pkg/render manifest.go).
    if (const Node* v = iop.at_path("spec.compatibilityVersion"); v && v->is_scalar() && !v->is_null())
      cfg.values.set(std::string(kCompatibilityVersion), *v);
    if (const Node* m = iop.at_path("spec.meshConfig"); m && m->is_map()) {
      try {
        cfg.mesh = apply_mesh_config(cfg.mesh, *m);
      } catch (const Error& e) {
        throw Error(Location{src.operator_file}, e.bare());
      }
    }
    parts.push_back(src.operator_file);
  }
  if (!src.template_file.empty()) {
    use_own_template(cfg, src.template_file, read_whole_file(disk, src.template_file));
    parts.push_back(src.template_file);
  }
  // --set: each text holds comma-separated assignments in Helm's grammar.
  // As in Helm, they build the user's values, which then coalesce over the
  // configuration's as over a chart's (a null removes a default); each
  // assignment is checked on its own, with its own text.
  const std::vector<std::string> read = src.sets.empty() ? std::vector<std::string>{} : values_read_by(cfg.templates);
  const Node configured = cfg.values;
  Node user = Node::map();
  for (const auto& text : src.sets)
    for (const auto& set : istio_set_assignments(text)) {
      if (cfg.istio) check_set_path(set, defaults, cfg.values, read);
      apply_helm_set(user, set);
      cfg.values = helm_coalesce(user, configured);
      if (cfg.istio) check_set_value(set, defaults, cfg.values, cfg.release);
    }
  cfg.set_values = user;
  if (cfg.istio) apply_compatibility_version(cfg);
  cfg.revision = asked ? *asked : adopted;
  // A revision's injector ConfigMap carries its revision in its values
  // (CA_ADDR points at istiod-<revision>); the built-in values need it set.
  if (!cfg.revision.empty()) {
    const Node* r = cfg.values.get("revision");
    if (!r || r->scalar_text().empty()) cfg.values.set("revision", Node::string(cfg.revision));
  }
  // With files and no --istio-version, the release they are from.
  if (src.istio_version.empty() && (!src.inject_config_file.empty() || !src.values_file.empty())) {
    std::vector<std::string_view> texts;
    for (const auto& [name, text] : cfg.templates) texts.push_back(text);
    IstioRelease newest = default_istio_release();
    newest.reason = "the newest release kinject knows (nothing in the configuration says)";
    // The values a file gave: the profile's own (global.tag 1.30.3) say
    // nothing of the files.
    const Node given = src.values_file.empty() ? Node::map() : cfg.values;
    cfg.release = infer_istio_release(cfg.chart_version, given, texts, newest);
    if (auto unknown = unknown_istio_release(cfg.chart_version, given)) {
      cfg.release = unknown->nearest;
      cfg.warnings.push_back(unknown_release_warning(*unknown));
    }
  }
  if (!parts.empty()) {
    cfg.description.clear();
    std::vector<std::string> said;  // one file for several flags is named once
    for (const auto& p : parts)
      if (std::find(said.begin(), said.end(), p) == said.end()) {
        said.push_back(p);
        cfg.description += (cfg.description.empty() ? "" : ", ") + p;
      }
  }
  return cfg;
}

}  // namespace

std::optional<std::vector<std::string>> configured_revisions(const ConfigSources& src, const Disk& disk) {
  for (const std::string* file : {&src.inject_config_file, &src.values_file}) {
    if (file->empty()) continue;
    ConfigInput in = read_input(read_whole_file(disk, *file), *file);
    if (in.scan) return configmap_revisions(*in.scan, ConfigMapRole::Injector);
  }
  return std::nullopt;
}

IstioConfig load_config(const ConfigSources& src, const Disk& disk) {
  // The profile that fills in what the files leave out: --istio-version's
  // (the nearest built-in one for a release without its own), else the
  // newest; the release the files are from is read off them.
  if (!src.istio_version.empty()) {
    IstioRelease release;
    try {
      release = parse_istio_release(src.istio_version);
    } catch (Error& e) {
      e.as_usage();  // the flag's value alone is wrong
      throw;
    }
    return load_config_filled(src, disk, release);
  }
  IstioConfig cfg = load_config_filled(src, disk, default_istio_release());
  // Files of another release that leave a part out (an injector ConfigMap
  // of 1.26 without its values) are filled from that release's nearest
  // profile, not from the newest: read again with it.
  const bool partial = src.inject_config_file.empty() || src.values_file.empty() || src.mesh_config_file.empty();
  if (!partial || cfg.release.minor == default_istio_release().minor) return cfg;
  IstioRelease files = cfg.release;
  IstioRelease fill = has_builtin_profile(files) ? files : nearest_builtin(files);
  if (fill.minor == default_istio_release().minor) return cfg;
  IstioConfig again = load_config_filled(src, disk, fill);
  again.release = files;  // as read off the files, with its reason
  if (fill.minor != files.minor)
    if (auto note = filled_from_nearest(src, files)) again.warnings.push_back(*note);
  return again;
}

}  // namespace kinject
