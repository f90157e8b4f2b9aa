#include "kinject/istio/configmaps.h"

#include <algorithm>

#include <fmt/format.h>

#include "kinject/k8s/workloads.h"
#include "kinject/yaml/source_text.h"

namespace kinject {

namespace {

constexpr std::string_view kInjectorName = "istio-sidecar-injector";
constexpr std::string_view kMeshName = "istio";
constexpr std::string_view kRevLabel = "istio.io/rev";

std::string_view base_name(ConfigMapRole role) { return role == ConfigMapRole::Injector ? kInjectorName : kMeshName; }

std::string scalar_or_empty(const Node* v) { return v && v->is_scalar() && !v->is_null() ? v->scalar_text() : std::string(); }

std::string string_at(const Node& n, std::string_view path) { return scalar_or_empty(n.at_path(path)); }

// Where a node of a document stands.
Location place(const Document& doc, const std::string& file, const Node& n) {
  if (!n.has_span) return Location{file, doc.raw.index, doc.raw.first_line, 1};
  auto [line, col] = line_col(doc.raw.text, n.span.begin);
  return Location{file, doc.raw.index, doc.raw.first_line + line - 1, col};
}

// The layout of a literal block scalar (`config: |-`): the file line of its
// first content line and the indentation its lines lose. {0, 0} when it is
// not one, or its indentation is given by an indicator (`|2`).
std::pair<int, int> literal_layout(const Document& doc, const Node& n) {
  if (n.style != Style::Literal || !n.has_span) return {0, 0};
  std::string_view text = doc.raw.text;
  std::size_t bar = text.find('|', n.span.begin);
  std::size_t eol = text.find('\n', n.span.begin);
  if (bar == std::string_view::npos || eol == std::string_view::npos || bar > eol) return {0, 0};
  for (std::size_t p = bar + 1; p < eol && text[p] != ' ' && text[p] != '#'; ++p)
    if (text[p] >= '1' && text[p] <= '9') return {0, 0};
  int header_line = line_col(text, bar).first;
  // The first line holding more than spaces sets the indentation.
  int indent = 0;
  for (std::size_t p = eol + 1; p < text.size();) {
    std::size_t e = text.find('\n', p);
    if (e == std::string_view::npos) e = text.size();
    std::size_t q = p;
    while (q < e && text[q] == ' ') ++q;
    if (q < e && text[q] != '\r') {
      indent = static_cast<int>(q - p);
      break;
    }
    p = e + 1;
  }
  return {doc.raw.first_line + header_line, indent};
}

// Which of Istio's ConfigMaps an object is, if any.
std::optional<ConfigMapRole> role_of(const std::string& name, const Node& data, bool labelled) {
  bool injector_keys = data.get("config") || data.get("values");
  bool mesh_keys = data.get("mesh") != nullptr;
  auto named = [&](std::string_view base) {
    return name == base || (name.size() > base.size() + 1 && name.compare(0, base.size(), base) == 0 && name[base.size()] == '-');
  };
  if (named(kInjectorName)) return injector_keys ? std::optional(ConfigMapRole::Injector) : std::nullopt;
  if (named(kMeshName) && mesh_keys) return ConfigMapRole::Mesh;
  if (labelled && injector_keys) return ConfigMapRole::Injector;
  if (labelled && mesh_keys) return ConfigMapRole::Mesh;
  return std::nullopt;
}

IstioConfigMap read_configmap(const Document& doc, const std::string& file, const Node& object, ConfigMapRole role) {
  IstioConfigMap cm;
  cm.role = role;
  cm.name = string_at(object, "metadata.name");
  cm.namespace_ = string_at(object, "metadata.namespace");
  cm.where = place(doc, file, object);
  // The revision the name carries (istio-sidecar-injector-canary), unless
  // the istio.io/rev label says otherwise.
  std::string_view base = base_name(role);
  if (cm.name.size() > base.size() + 1 && cm.name.compare(0, base.size(), base) == 0 && cm.name[base.size()] == '-')
    cm.revision = cm.name.substr(base.size() + 1);
  if (const Node* labels = object.at_path("metadata.labels"); labels && labels->is_map()) {
    cm.version = version_label(*labels);
    if (const Node* rev = labels->get(kRevLabel); rev && rev->is_scalar()) cm.revision = normal_revision(rev->scalar_text());
  }
  if (const Node* data = object.get("data"); data && data->is_map()) {
    for (const auto& e : data->entries) {
      ConfigMapText t;
      t.key = e.key.scalar_text();
      t.is_string = e.value.is_string();
      t.text = t.is_string ? e.value.text : e.value.scalar_text();
      t.where = place(doc, file, e.value);
      auto [first_line, indent] = literal_layout(doc, e.value);
      t.first_line = first_line;
      t.indent = indent;
      cm.data.push_back(std::move(t));
    }
  }
  return cm;
}

std::string revision_phrase(const std::string& revision) {
  return revision.empty() ? "the default revision" : fmt::format("revision {}", revision);
}

std::string revision_flag(const std::string& revision) { return revision.empty() ? "-r default" : "-r " + revision; }

std::string join(const std::vector<std::string>& parts, std::string_view last = " and ") {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += i + 1 == parts.size() ? std::string(last) : std::string(", ");
    out += parts[i];
  }
  return out;
}

std::string one(const IstioConfigMap& cm) {
  std::string out = fmt::format("{} ({}, {}", cm.display(), cm.role == ConfigMapRole::Injector ? "injector" : "mesh config",
                                revision_phrase(cm.revision));
  if (!cm.version.empty()) out += ", " + cm.version;
  if (cm.where.line > 0) out += fmt::format(", line {}", cm.where.line);
  return out + ")";
}

// "12 other objects (Deployment, Service, ...)".
std::string others(const ConfigMapScan& scan) {
  std::size_t n = scan.objects >= scan.configmaps.size() ? scan.objects - scan.configmaps.size() : 0;
  if (n == 0) return "";
  std::vector<std::string> kinds;
  for (const auto& k : scan.other_kinds)
    if (kinds.size() < 8) kinds.push_back(k);
  std::string list = join(kinds, ", ");
  if (scan.other_kinds.size() > kinds.size()) list += ", ...";
  return fmt::format("{} other object{} ({})", n, n == 1 ? "" : "s", list);
}

}  // namespace

Location ConfigMapText::locate(int line, int column) const {
  if (first_line <= 0 || line <= 0) return where;
  Location at = where;
  at.line = first_line + line - 1;
  at.column = column + indent;
  return at;
}

const ConfigMapText* IstioConfigMap::text(std::string_view key) const {
  for (const auto& t : data)
    if (t.key == key) return &t;
  return nullptr;
}

std::string IstioConfigMap::display() const {
  std::string n = name.empty() ? std::string("(no name)") : name;
  return namespace_.empty() ? n : namespace_ + "/" + n;
}

std::string ConfigMapChoice::source() const {
  return fmt::format("{} (ConfigMap {} data.{})", configmap->where.file, configmap->display(), text ? text->key : "");
}

std::string normal_revision(std::string_view revision) {
  return revision == "default" ? std::string() : std::string(revision);
}

std::string version_label(const Node& labels) {
  // Label keys hold dots: looked up whole, not as paths.
  if (std::string v = scalar_or_empty(labels.get("app.kubernetes.io/version")); !v.empty()) return v;
  // helm.sh/chart: NAME-VERSION, `+` written as `_`.
  if (const Node* chart = labels.get("helm.sh/chart"); chart && chart->is_scalar()) {
    std::string c = chart->scalar_text();
    for (std::size_t p = c.find('-'); p != std::string::npos; p = c.find('-', p + 1))
      if (p + 1 < c.size() && c[p + 1] >= '0' && c[p + 1] <= '9') {
        std::string v = c.substr(p + 1);
        std::replace(v.begin(), v.end(), '_', '+');
        return v;
      }
  }
  return scalar_or_empty(labels.get("operator.istio.io/version"));
}

bool holds_objects(const std::vector<Document>& docs) {
  for (const auto& d : docs) {
    if (d.empty || !d.root.is_map()) continue;
    const Node* api = d.root.get("apiVersion");
    const Node* kind = d.root.get("kind");
    if (api && api->is_string() && kind && kind->is_string()) return true;
  }
  return false;
}

ConfigMapScan scan_configmaps(const std::vector<Document>& docs, const std::string& file) {
  ConfigMapScan scan;
  scan.file = file;
  const Node* last = nullptr;
  const Document* last_doc = nullptr;
  auto visit = [&](const Document& doc, const Node& object) {
    if (!object.is_map()) return;
    ++scan.objects;
    last = &object;
    last_doc = &doc;
    const Node* kind = object.get("kind");
    std::string k = kind && kind->is_string() ? kind->text : std::string("(no kind)");
    if (const Node* data = object.get("data"); k == "ConfigMap" && data && data->is_map()) {
      const Node* labels = object.at_path("metadata.labels");
      bool labelled = labels && labels->is_map() && labels->get(kRevLabel);
      if (auto role = role_of(string_at(object, "metadata.name"), *data, labelled)) {
        scan.configmaps.push_back(read_configmap(doc, file, object, *role));
        return;
      }
    }
    if (std::find(scan.other_kinds.begin(), scan.other_kinds.end(), k) == scan.other_kinds.end()) scan.other_kinds.push_back(k);
  };
  for (const auto& doc : docs) {
    if (doc.empty) continue;
    if (is_list(doc.root)) {
      for (const auto& item : doc.root.get("items")->items) visit(doc, item);
    } else {
      visit(doc, doc.root);
    }
  }
  if (scan.objects == 1 && scan.configmaps.empty() && last) {
    const Node* kind = last->get("kind");
    const Node* data = last->get("data");
    if (kind && kind->str() == "ConfigMap" && data && data->is_map()) {
      ConfigMapRole role = data->get("mesh") && !data->get("config") && !data->get("values") ? ConfigMapRole::Mesh
                                                                                             : ConfigMapRole::Injector;
      scan.single = read_configmap(*last_doc, file, *last, role);
    }
  }
  return scan;
}

std::vector<std::string> configmap_revisions(const ConfigMapScan& scan, std::optional<ConfigMapRole> role) {
  std::vector<std::string> out;
  for (const auto& cm : scan.configmaps)
    if (!role || cm.role == *role) out.push_back(cm.revision);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string describe_configmaps(const ConfigMapScan& scan) {
  std::vector<std::string> parts;
  for (const auto& cm : scan.configmaps) parts.push_back(one(cm));
  if (std::string o = others(scan); !o.empty()) parts.push_back(o);
  if (parts.empty()) return "nothing";
  return join(parts);
}

ConfigMapChoice select_configmap(const ConfigMapScan& scan, const ConfigMapQuery& q) {
  const std::string wanted = fmt::format("{}[-REV] ConfigMap", base_name(q.role));
  const std::string flag = q.flag.empty() ? std::string() : fmt::format(" (for {})", q.flag);
  const std::string in_ns = q.namespace_.empty() ? std::string() : fmt::format(" in namespace {}", q.namespace_);
  std::vector<const IstioConfigMap*> cands;
  for (const auto& cm : scan.configmaps)
    if (cm.role == q.role && (q.namespace_.empty() || cm.namespace_ == q.namespace_)) cands.push_back(&cm);

  ConfigMapChoice choice;
  auto take = [&](const IstioConfigMap& cm) {
    choice.configmap = &cm;
    choice.text = cm.text(q.key);
    if (!choice.text) {
      std::vector<std::string> keys;
      for (const auto& t : cm.data) keys.push_back(t.key);
      throw Error(cm.where, fmt::format("ConfigMap {} has no data.{}{} (its data: {})", cm.display(), q.key, flag,
                                        keys.empty() ? "none" : join(keys, ", ")));
    }
    if (!choice.text->is_string)
      throw Error(choice.text->where, fmt::format("ConfigMap {} data.{} is not a string", cm.display(), q.key));
    return choice;
  };
  auto several = [&](const std::vector<const IstioConfigMap*>& found, const std::string& revision) {
    std::vector<std::string> names;
    for (const auto* cm : found) names.push_back(one(*cm));
    return Error(Location{scan.file},
                 fmt::format("holds {} {}s of {}{}{}: {}; keep one of them in the file (e.g. kubectl get cm -n "
                             "NAMESPACE -o yaml)",
                             found.size(), base_name(q.role), revision_phrase(revision), in_ns, flag, join(names)));
  };

  if (cands.empty()) {
    if (scan.single && scan.single->text(q.key) && (q.namespace_.empty() || scan.single->namespace_ == q.namespace_)) {
      // One ConfigMap under a name of one's own: taken, unless its label
      // names another revision than the one asked for.
      const IstioConfigMap& cm = *scan.single;
      if (q.revision && !cm.revision.empty() && cm.revision != normal_revision(*q.revision))
        throw Error(cm.where, fmt::format("ConfigMap {} is labelled istio.io/rev: {}, not {}{}", cm.display(),
                                          cm.revision, revision_phrase(normal_revision(*q.revision)), flag));
      take(cm);
      choice.single = true;
      choice.revision_inferred = !q.revision && !cm.revision.empty();
      return choice;
    }
    bool iop = std::find(scan.other_kinds.begin(), scan.other_kinds.end(), "IstioOperator") != scan.other_kinds.end();
    throw Error(Location{scan.file},
                fmt::format("holds no {}{}{}; it holds {}. Give the file kubectl get cm -n istio-system -o yaml "
                            "prints, or the ConfigMap's data.{} alone{}",
                            wanted, in_ns, flag, describe_configmaps(scan), q.key,
                            iop ? " (an IstioOperator goes to --operatorFileName)" : ""));
  }

  auto of = [&](const std::string& revision) {
    std::vector<const IstioConfigMap*> out;
    for (const auto* cm : cands)
      if (cm->revision == revision) out.push_back(cm);
    return out;
  };
  auto selectors = [&]() {
    std::vector<std::string> out;
    for (const auto& r : configmap_revisions(scan, q.role))
      if (!of(r).empty()) out.push_back(fmt::format("{} selects {}", revision_flag(r), of(r).front()->display()));
    return join(out, "; ");
  };

  if (q.revision) {
    std::string r = normal_revision(*q.revision);
    auto found = of(r);
    if (found.size() > 1) throw several(found, r);
    if (found.empty())
      throw Error(Location{scan.file}, fmt::format("holds no {} of {}{}{}; it holds {}. {}", wanted, revision_phrase(r),
                                                   in_ns, flag, describe_configmaps(scan), selectors()));
    return take(*found.front());
  }
  // No revision asked: the default revision's, else the only one there is.
  if (auto found = of(""); !found.empty()) {
    if (found.size() > 1) throw several(found, "");
    return take(*found.front());
  }
  std::vector<std::string> revisions;
  for (const auto* cm : cands) revisions.push_back(cm->revision);
  std::sort(revisions.begin(), revisions.end());
  revisions.erase(std::unique(revisions.begin(), revisions.end()), revisions.end());
  if (revisions.size() == 1) {
    auto found = of(revisions.front());
    if (found.size() > 1) throw several(found, revisions.front());
    take(*found.front());
    choice.revision_inferred = true;
    return choice;
  }
  throw Error(Location{scan.file},
              fmt::format("holds {}s of revisions {}{} but none of the default revision{}: {}; choose one with -r ({})",
                          base_name(q.role), join(revisions), in_ns, flag, describe_configmaps(scan), selectors()));
}

}  // namespace kinject
