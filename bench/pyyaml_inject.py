#!/usr/bin/env python3
"""What many CI scripts do to inject a sidecar: PyYAML in, edit, PyYAML out.

    python3 bench/pyyaml_inject.py [FILE]     (no FILE or "-": stdin)

Loads every document with safe_load_all, adds an `istio-proxy` container and an
`istio-init` init container (and the volumes they mount) to the pod template of
every StatefulSet, Deployment, DaemonSet, Job and Pod, and writes the stream with
safe_dump_all to stdout. Comments, key order and quoting are lost, as they are in
such scripts. Uses libyaml's CSafeLoader/CSafeDumper when PyYAML was built with
them; prints which ran, and the number of pod templates injected, on stderr.
"""
import copy
import sys

IMAGE = "docker.io/istio/proxyv2:1.24.6"

PROXY = {
    "name": "istio-proxy",
    "image": IMAGE,
    "args": ["proxy", "sidecar", "--domain", "$(POD_NAMESPACE).svc.cluster.local",
             "--proxyLogLevel=warning", "--proxyComponentLogLevel=misc:error", "--log_output_level=default:info"],
    "env": [
        {"name": "PILOT_CERT_PROVIDER", "value": "istiod"},
        {"name": "CA_ADDR", "value": "istiod.istio-system.svc:15012"},
        {"name": "POD_NAME", "valueFrom": {"fieldRef": {"fieldPath": "metadata.name"}}},
        {"name": "POD_NAMESPACE", "valueFrom": {"fieldRef": {"fieldPath": "metadata.namespace"}}},
        {"name": "INSTANCE_IP", "valueFrom": {"fieldRef": {"fieldPath": "status.podIP"}}},
        {"name": "SERVICE_ACCOUNT", "valueFrom": {"fieldRef": {"fieldPath": "spec.serviceAccountName"}}},
        {"name": "HOST_IP", "valueFrom": {"fieldRef": {"fieldPath": "status.hostIP"}}},
        {"name": "ISTIO_CPU_LIMIT", "valueFrom": {"resourceFieldRef": {"resource": "limits.cpu"}}},
        {"name": "PROXY_CONFIG", "value": "{}\n"},
        {"name": "ISTIO_META_POD_PORTS", "value": "[\n]"},
        {"name": "ISTIO_META_APP_CONTAINERS", "value": ""},
        {"name": "GOMEMLIMIT", "valueFrom": {"resourceFieldRef": {"resource": "limits.memory"}}},
        {"name": "GOMAXPROCS", "valueFrom": {"resourceFieldRef": {"resource": "limits.cpu"}}},
        {"name": "ISTIO_META_CLUSTER_ID", "value": "Kubernetes"},
        {"name": "ISTIO_META_NODE_NAME", "valueFrom": {"fieldRef": {"fieldPath": "spec.nodeName"}}},
        {"name": "ISTIO_META_INTERCEPTION_MODE", "value": "REDIRECT"},
        {"name": "ISTIO_META_MESH_ID", "value": "cluster.local"},
        {"name": "TRUST_DOMAIN", "value": "cluster.local"},
    ],
    "ports": [
        {"containerPort": 15090, "name": "http-envoy-prom", "protocol": "TCP"},
    ],
    "readinessProbe": {
        "failureThreshold": 4, "httpGet": {"path": "/healthz/ready", "port": 15021},
        "periodSeconds": 15, "timeoutSeconds": 3,
    },
    "resources": {"limits": {"cpu": "2", "memory": "1Gi"}, "requests": {"cpu": "100m", "memory": "128Mi"}},
    "securityContext": {
        "allowPrivilegeEscalation": False, "capabilities": {"drop": ["ALL"]}, "privileged": False,
        "readOnlyRootFilesystem": True, "runAsGroup": 1337, "runAsNonRoot": True, "runAsUser": 1337,
    },
    "volumeMounts": [
        {"mountPath": "/var/run/secrets/workload-spiffe-uds", "name": "workload-socket"},
        {"mountPath": "/var/run/secrets/credential-uds", "name": "credential-socket"},
        {"mountPath": "/var/run/secrets/workload-spiffe-credentials", "name": "workload-certs"},
        {"mountPath": "/var/run/secrets/istio", "name": "istiod-ca-cert"},
        {"mountPath": "/var/lib/istio/data", "name": "istio-data"},
        {"mountPath": "/etc/istio/proxy", "name": "istio-envoy"},
        {"mountPath": "/var/run/secrets/tokens", "name": "istio-token"},
        {"mountPath": "/etc/istio/pod", "name": "istio-podinfo"},
    ],
}

INIT = {
    "name": "istio-init",
    "image": IMAGE,
    "args": ["istio-iptables", "-p", "15001", "-z", "15006", "-u", "1337", "-m", "REDIRECT",
             "-i", "*", "-x", "", "-b", "*", "-d", "15090,15021,15020", "--log_output_level=default:info"],
    "resources": {"limits": {"cpu": "2", "memory": "1Gi"}, "requests": {"cpu": "100m", "memory": "128Mi"}},
    "securityContext": {
        "allowPrivilegeEscalation": False, "capabilities": {"add": ["NET_ADMIN", "NET_RAW"], "drop": ["ALL"]},
        "privileged": False, "readOnlyRootFilesystem": False, "runAsGroup": 0, "runAsNonRoot": False,
        "runAsUser": 0,
    },
}

VOLUMES = [
    {"name": "workload-socket", "emptyDir": {}},
    {"name": "credential-socket", "emptyDir": {}},
    {"name": "workload-certs", "emptyDir": {}},
    {"name": "istio-envoy", "emptyDir": {"medium": "Memory"}},
    {"name": "istio-data", "emptyDir": {}},
    {"name": "istio-podinfo", "downwardAPI": {"items": [
        {"path": "labels", "fieldRef": {"fieldPath": "metadata.labels"}},
        {"path": "annotations", "fieldRef": {"fieldPath": "metadata.annotations"}}]}},
    {"name": "istio-token", "projected": {"sources": [{"serviceAccountToken": {
        "audience": "istio-ca", "expirationSeconds": 43200, "path": "istio-token"}}]}},
    {"name": "istiod-ca-cert", "configMap": {"name": "istio-ca-root-cert"}},
]

WORKLOADS = {"StatefulSet", "Deployment", "DaemonSet", "Job"}


def pod_spec(doc):
    kind = doc.get("kind")
    if kind == "Pod":
        return doc.setdefault("spec", {}), doc.setdefault("metadata", {})
    if kind in WORKLOADS:
        tmpl = doc.setdefault("spec", {}).setdefault("template", {})
        return tmpl.setdefault("spec", {}), tmpl.setdefault("metadata", {})
    return None, None


def inject(doc):
    spec, meta = pod_spec(doc)
    if spec is None:
        return False
    containers = spec.setdefault("containers", [])
    if any(c.get("name") == "istio-proxy" for c in containers):
        return False
    containers.append(copy.deepcopy(PROXY))
    spec.setdefault("initContainers", []).append(copy.deepcopy(INIT))
    spec.setdefault("volumes", []).extend(copy.deepcopy(VOLUMES))
    labels = meta.setdefault("labels", None) or {}
    labels["security.istio.io/tlsMode"] = "istio"
    labels["service.istio.io/canonical-name"] = labels.get("app", "unknown")
    meta["labels"] = labels
    ann = meta.get("annotations") or {}
    ann["sidecar.istio.io/status"] = ('{"initContainers":["istio-init"],"containers":["istio-proxy"],'
                                      '"volumes":["workload-socket","credential-socket","workload-certs",'
                                      '"istio-envoy","istio-data","istio-podinfo","istio-token",'
                                      '"istiod-ca-cert"],"imagePullSecrets":null}')
    meta["annotations"] = ann
    return True


def main():
    import yaml  # here, so that bench/run can import the sidecar above without PyYAML
    try:
        Loader, Dumper, impl = yaml.CSafeLoader, yaml.CSafeDumper, "CSafeLoader/CSafeDumper (libyaml)"
    except AttributeError:  # PyYAML without libyaml
        Loader, Dumper, impl = yaml.SafeLoader, yaml.SafeDumper, "SafeLoader/SafeDumper (pure Python)"
    path = sys.argv[1] if len(sys.argv) > 1 else "-"
    src = sys.stdin if path == "-" else open(path, encoding="utf-8")
    docs, injected = [], 0
    for doc in yaml.load_all(src, Loader=Loader):
        if isinstance(doc, dict) and inject(doc):
            injected += 1
        docs.append(doc)
    yaml.dump_all(docs, sys.stdout, Dumper=Dumper, default_flow_style=False, sort_keys=False)
    print("pyyaml_inject: PyYAML %s, %s, %d documents, %d pod templates injected" % (yaml.__version__, impl, len(docs), injected),
          file=sys.stderr)


if __name__ == "__main__":
    main()
