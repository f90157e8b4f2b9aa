// Uninjection: removes from a pod template exactly what an injection added,
// as recorded in the pod itself, so that uninject(inject(x)) means x and
// inject(uninject(inject(x))) is inject(x).
//
// The record is the status annotation (`sidecar.istio.io/status`, or
// `kinject.io/status` for --template sidecars) plus, under Istio's key,
// what Istio's post-processing leaves behind: `proxy.istio.io/overrides`, and
// the istio-proxy env variables ISTIO_KUBE_APP_PROBERS,
// ISTIO_PROMETHEUS_ANNOTATIONS, ISTIO_META_APP_CONTAINERS,
// ISTIO_META_WORKLOAD_NAME and ISTIO_META_ENABLE_HBONE.
//
// Rules where the pod alone cannot say what the user wrote:
// - Containers named in the status are removed, except the user's own:
//   * one the injector merged into (recorded in proxy.istio.io/overrides)
//     comes back as that record, with `image: auto` where the record has no
//     image (the injector drops "auto", and the API server rejects a
//     container without one), without the `resources: {}` Go always writes,
//     and with the manifest's spelling of quantities Go made canonical. A
//     user's istio-proxy goes back to the end of the containers, where
//     Istio's documentation has it written: the injection moved it first (to
//     hold the app) or last, or under native sidecars into the init
//     containers (one that has a restartPolicy is left there: an init
//     container is what the user meant). Other restored containers keep
//     their place.
//   * one the proxy lists in ISTIO_META_APP_CONTAINERS stays (grpc-agent
//     renders the app containers, and Istio lists them in the status), and
//     so do all of them when the status names every container (grpc-simple,
//     which has no proxy to say so): a pod had containers before.
// - Volumes and imagePullSecrets named in the status are removed; a user's
//   own item with an injected name went into the merge and goes with it.
//   Mounts of removed volumes in the remaining containers go too: they can
//   only be the template's edits of the app containers.
// - Labels (Istio's key only) go when they hold the value the injection
//   derives: security.istio.io/tlsMode "istio"; service.istio.io/canonical-
//   name the first non-empty of app.kubernetes.io/name, app, the workload
//   name (ISTIO_META_WORKLOAD_NAME), cut to 63 characters or not;
//   canonical-revision the first non-empty of app.kubernetes.io/version,
//   version, "latest"; networking.istio.io/tunnel "http" when the proxy has
//   ISTIO_META_ENABLE_HBONE=true. A user who had written exactly that value
//   loses the label, which changes nothing: injection derives it again.
//   topology.istio.io/network stays: injection reads it from the pod as often
//   as it writes it, and keeping it never changes a later injection.
// - Annotations (Istio's key only). The template appends the keys it adds
//   after istio.io/rev, which it always writes; a key the user wrote comes
//   before it. So an annotation whose value injection could have derived is
//   removed only if it comes after istio.io/rev. (Go's encoders, as in
//   istioctl kube-inject or kubectl get output, sort the keys, which puts
//   all of those below after istio.io/rev: then the values alone decide.)
//   * istio.io/rev when it is the status's revision;
//   * kubectl.kubernetes.io/default-container and default-logs-container
//     naming the first app container (the template adds them when absent);
//   * prometheus.io/{scrape,path,port} are restored from
//     ISTIO_PROMETHEUS_ANNOTATIONS ("" = was absent) when the proxy has it,
//     written `prometheus.io/<name>` even if the user spelled the key in
//     another form Prometheus sanitises alike. Without it they go only as the
//     exact injected triple (port a status port: 15020,
//     status.sidecar.istio.io/port or proxy.istio.io/config's statusPort;
//     path /stats/prometheus; scrape "true").
//   * CNI (the status lists istio-validation, or interception is NONE and
//     the excludeInboundPorts the CNI block always writes was appended):
//     interceptionMode REDIRECT, includeOutboundIPRanges and
//     includeInboundPorts "*" go; the status port excludeInboundPorts
//     appends is taken off (a user's list that was only the status port
//     comes back ""), and so is multus' default/istio-cni. The others are
//     copies of the user's and stay.
//   * the grpc templates' sidecar.istio.io/rewriteAppHTTPProbers "false"
//     when inject.istio.io/templates names grpc-agent or grpc-simple, and the
//     gateway template's unprivileged-port sysctl when the proxy is a router.
// - Probes rewritten to /app-health/<container>/{readyz,livez,startupz} get
//   their handler back from ISTIO_KUBE_APP_PROBERS, in the rewritten
//   httpGet's place, their other fields untouched. A named port was resolved
//   to its number and comes back as the number. A probe the record lacks
//   (already on the status port, or naming a port the container does not
//   declare) cannot be restored and is reported in `warnings`.
// - A map or list left empty (metadata, labels, annotations, initContainers,
//   volumes, imagePullSecrets, securityContext, a container's volumeMounts)
//   is removed only if this uninjection emptied it; one the user wrote empty
//   (or null) before injection comes back absent.
// - Under another key (a template of one's own) only what the status
//   records goes, with the status annotation and the mounts rule above: such
//   a template's other edits (annotations, env) are recorded nowhere.
// - Where the record is: the pod template's metadata, as the webhook (and
//   kinject) write it; for a CronJob whose pod template has none, also
//   spec.jobTemplate.metadata, where `istioctl kube-inject` puts it (its
//   IntoObject injects a pod made of the job template's metadata and the pod
//   template's spec). The rules above then apply to that pod: the labels and
//   annotations go from the job template, the containers and volumes from
//   the pod template.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kinject/istio/status.h"
#include "kinject/k8s/workloads.h"
#include "kinject/yaml/node.h"

namespace kinject {

struct UninjectOutcome {
  bool changed = false;
  std::vector<std::string> removed;   // container names removed (containers, then init containers)
  std::vector<std::string> restored;  // user containers restored from proxy.istio.io/overrides
  std::string reason;                 // when nothing was removed: why
  // What the record did not allow to undo exactly (e.g. a rewritten probe
  // with no recorded original), for the report.
  std::vector<std::string> warnings;
};

// Removes from the pod template `pod` (a map with metadata and spec, modified
// in place) what the injection recorded under `status_key` added. Throws Error
// when the status annotation, the overrides annotation or a recorded env
// value (probers, Prometheus annotations) is not a valid JSON object: undoing
// without them would leave a pod that only works with the sidecar.
UninjectOutcome uninject_pod(Node& pod, std::string_view status_key = kIstioStatusAnnotation);

// Where the injection of the workload `w` of `root` is recorded: on its pod
// template's metadata, and (a CronJob istioctl kube-inject injected) on
// spec.jobTemplate.metadata.
struct InjectionRecords {
  bool pod_template = false;
  bool job_template = false;
};
InjectionRecords injection_records(const Node& root, const Workload& w, std::string_view status_key = kIstioStatusAnnotation);

// Uninjects the workload `w` of the document `root` (modified in place),
// wherever its injection was recorded (see above): the pod template's record
// first, then the job template's (a CronJob injected by istioctl and then
// by kinject has both).
UninjectOutcome uninject_workload(Node& root, const Workload& w, std::string_view status_key = kIstioStatusAnnotation);

}  // namespace kinject
