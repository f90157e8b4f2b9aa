#include "kinject/k8s/pod_validation.h"

#include <algorithm>
#include <array>
#include <set>
#include <string_view>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace kinject {

namespace {

// corev1.VolumeSource's fields (k8s.io/api v0.34).
constexpr std::array<std::string_view, 30> kVolumeSources = {
    "hostPath",  "emptyDir",   "gcePersistentDisk", "awsElasticBlockStore", "gitRepo",       "secret",
    "nfs",       "iscsi",      "glusterfs",         "persistentVolumeClaim", "rbd",          "flexVolume",
    "cinder",    "cephfs",     "flocker",           "downwardAPI",           "fc",           "azureFile",
    "configMap", "vsphereVolume", "quobyte",        "azureDisk",             "photonPersistentDisk", "projected",
    "portworxVolume", "scaleIO", "storageos",       "csi",                   "ephemeral",    "image",
};

std::string name_of(const Node& n) {
  const Node* v = n.is_map() ? n.get("name") : nullptr;
  return v && v->is_scalar() ? v->scalar_text() : std::string();
}

const Node* list_at(const Node& map, std::string_view key) {
  const Node* l = map.is_map() ? map.get(key) : nullptr;
  return l && l->is_seq() ? l : nullptr;
}

}  // namespace

std::vector<std::string> volume_sources(const Node& volume) {
  std::vector<std::string> out;
  if (!volume.is_map()) return out;
  for (std::string_view s : kVolumeSources)
    if (const Node* v = volume.get(s); v && !v->is_null()) out.emplace_back(s);
  return out;
}

std::vector<PodProblem> pod_name_problems(const Node& spec, const std::vector<std::string>& claims) {
  std::vector<PodProblem> out;
  if (!spec.is_map()) return out;
  auto add = [&](std::string what, std::string which) { out.push_back({std::move(what), std::move(which)}); };

  std::set<std::string> volumes(claims.begin(), claims.end());
  if (const Node* vs = list_at(spec, "volumes"))
    for (std::size_t i = 0; i < vs->items.size(); ++i) {
      const Node& v = vs->items[i];
      std::string name = name_of(v);
      if (std::find(claims.begin(), claims.end(), name) != claims.end())
        // The StatefulSet controller puts the claim's volume in its place
        // (updateStorage): the API server takes it, the pod loses it.
        add(fmt::format("spec.volumes[{}] \"{}\": named like a volumeClaimTemplate, whose volume takes its place", i, name),
            fmt::format("volume {} replaced by a claim", name));
      else if (!volumes.insert(name).second)
        add(fmt::format("spec.volumes[{}]: a second volume named \"{}\"", i, name), fmt::format("volume {} twice", name));
      auto sources = volume_sources(v);
      if (sources.size() > 1)
        add(fmt::format("spec.volumes[{}] \"{}\": more than one volume source ({})", i, name, fmt::join(sources, ", ")),
            fmt::format("volume {} sources {}", name, fmt::join(sources, ",")));
    }

  std::set<std::string> containers;
  for (const char* field : {"initContainers", "containers", "ephemeralContainers"}) {
    const Node* cs = list_at(spec, field);
    if (!cs) continue;
    for (std::size_t i = 0; i < cs->items.size(); ++i) {
      const Node& c = cs->items[i];
      std::string name = name_of(c);
      std::string where = fmt::format("spec.{}[{}] \"{}\"", field, i, name);
      if (!containers.insert(name).second)
        add(fmt::format("spec.{}[{}]: a second container named \"{}\"", field, i, name), fmt::format("container {} twice", name));
      std::set<std::string> ports;
      if (const Node* ps = list_at(c, "ports"))
        for (std::size_t k = 0; k < ps->items.size(); ++k) {
          std::string port = name_of(ps->items[k]);
          if (!port.empty() && !ports.insert(port).second)
            add(fmt::format("{}: ports[{}]: a second port named \"{}\"", where, k, port),
                fmt::format("container {} port {} twice", name, port));
        }
      std::set<std::string> paths;
      if (const Node* ms = list_at(c, "volumeMounts"))
        for (std::size_t k = 0; k < ms->items.size(); ++k) {
          const Node& m = ms->items[k];
          const Node* path = m.is_map() ? m.get("mountPath") : nullptr;
          std::string p = path && path->is_scalar() ? path->scalar_text() : std::string();
          if (!paths.insert(p).second)
            add(fmt::format("{}: volumeMounts[{}]: a second mount at \"{}\"", where, k, p),
                fmt::format("container {} mount {} twice", name, p));
          std::string vol = name_of(m);
          if (!volumes.count(vol))
            add(fmt::format("{}: volumeMounts[{}] mounts \"{}\", which is no volume of the pod", where, k, vol),
                fmt::format("container {} mounts no volume {}", name, vol));
        }
    }
  }
  return out;
}

}  // namespace kinject
