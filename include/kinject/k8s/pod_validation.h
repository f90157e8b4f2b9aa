// What the API server refuses in a pod spec, as far as names go (and what a
// StatefulSet's controller would silently replace): the
// checks of Kubernetes' ValidatePodSpec that an injection can break by
// adding containers, volumes, mounts and ports to a pod.
#pragma once

#include <string>
#include <vector>

#include "kinject/yaml/node.h"

namespace kinject {

struct PodProblem {
  std::string what;   // a sentence naming the field and the name, e.g. `spec.volumes[3] "istio-envoy": more than one
                      // volume source (emptyDir, persistentVolumeClaim)`
  std::string which;  // the same without list positions, which an injection shifts (to compare before and after)
};

// Every problem of `spec` (a PodSpec map):
// - container names unique across containers, initContainers and
//   ephemeralContainers;
// - volume names unique, and at most one source per volume; none named
//   like one of `claims` (the StatefulSet controller would replace it);
// - within a container, port names unique, mount paths unique, and every
//   mount naming a volume of the pod or one of `claims` (a StatefulSet's
//   volumeClaimTemplates).
std::vector<PodProblem> pod_name_problems(const Node& spec, const std::vector<std::string>& claims = {});

// The volume source fields a volume sets (emptyDir, secret, ...), in order.
std::vector<std::string> volume_sources(const Node& volume);

}  // namespace kinject
