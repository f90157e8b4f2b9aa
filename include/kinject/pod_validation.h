// What the API server refuses in a pod spec, as far as names go: the
// checks of Kubernetes' ValidatePodSpec that an injection can break by
// adding containers, volumes, mounts and ports to a pod.
#pragma once

#include <string>
#include <vector>

#include "kinject/node.h"

namespace kinject {

// Every problem of `spec` (a PodSpec map), each a sentence naming the field
// and the name, e.g. `spec.volumes[3] "istio-envoy": more than one volume
// source (emptyDir, persistentVolumeClaim)`:
// - container names unique across containers, initContainers and
//   ephemeralContainers;
// - volume names unique, and at most one source per volume;
// - within a container, port names unique, mount paths unique, and every
//   mount naming a volume of the pod.
std::vector<std::string> pod_name_problems(const Node& spec);

// The volume source fields a volume sets (emptyDir, secret, ...), in order.
std::vector<std::string> volume_sources(const Node& volume);

}  // namespace kinject
