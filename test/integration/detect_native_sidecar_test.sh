#!/usr/bin/env bash
# Istio's TestDetectNativeSidecar (pkg/kube/inject/webhook_test.go, tag
# 1.30.3), case by case through kinject's command line. Istio's test gives
# DetectNativeSidecar (webhook.go) a fake cluster of nodes node-1, node-2, ...
# with the kubelet versions below and sets features.EnableNativeSidecars; here
# the nodes are Node objects of a --cluster snapshot, and the setting is
# istiod's environment, given the two ways a cluster's istiod has it: kinject's
# own environment, and the pilot.env of the snapshot's injector ConfigMap
# values (the chart's istiod environment, istiod_env.h). The pod names no node
# (DetectNativeSidecar(nodes, "") in Istio's test). Every case of Istio's table
# is expressible offline; none is left out.
. "$(dirname "$0")/lib.sh"
cd "$WORK"
unset ENABLE_NATIVE_SIDECARS

# name | features.EnableNativeSidecars | the nodes' kubelet versions (a
# node whose version is "-" has none: corev1.Node{}) | want
CASES=(
  "env disabled should be always disabled|false|1.33.0 1.34.0|false"
  "kube versions greater than 1.33 with env auto should enable native sidecar|auto|1.33.0 1.34.0|true"
  "kube versions less than 1.33 with env auto should disable native sidecar|auto|1.28.0 1.29.0|false"
  "clusters with at least one node on unsupported version should disable native sidecar|auto|1.33.0 1.28.0|false"
  "no nodes should disable native sidecar|auto|-|false"
  "clusters with at least one node on unsupported version should enable native sidecar if explicitly enabled|true|1.33.0 1.28.0|true"
)

cat > app.yaml <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: apps}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: app, image: web:1}]
YAML

# The snapshot: the namespace, Istio's default webhook, the nodes ($1), the
# injector ConfigMap of Istio 1.30.3 whose values' pilot.env is $2 (JSON),
# whose template places the proxy by .NativeSidecars (InjectionParameters
# .nativeSidecar, DetectNativeSidecar's answer), and the mesh ConfigMap.
snapshot() {
  local nodes=$1 env=$2 i=0
  cat <<YAML
apiVersion: v1
kind: List
items:
- {apiVersion: v1, kind: Namespace, metadata: {name: apps, labels: {istio-injection: enabled}}}
YAML
  istio_webhook_item
  for v in $nodes; do
    i=$((i + 1))
    if [ "$v" = - ]; then
      echo "- {apiVersion: v1, kind: Node, metadata: {name: node-$i}}"
    else
      echo "- {apiVersion: v1, kind: Node, metadata: {name: node-$i}, status: {nodeInfo: {kubeletVersion: \"$v\"}}}"
    fi
  done
  cat <<YAML
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: istio-sidecar-injector, namespace: istio-system, labels: {app.kubernetes.io/version: 1.30.3}}
  data:
    config: |
      policy: enabled
      templates:
        sidecar: |
          spec:
            {{- if .NativeSidecars }}
            initContainers:
            - name: istio-proxy
              image: proxyv2
              restartPolicy: Always
            {{- else }}
            containers:
            - name: istio-proxy
              image: proxyv2
            {{- end }}
    values: '{"global": {"hub": "registry.istio.io/release", "tag": "1.30.3"}, "pilot": {"env": $env}}'
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: istio, namespace: istio-system}
  data:
    mesh: |
      trustDomain: cluster.local
YAML
}

# true (native) when the proxy is a restartable init container.
native_in() {
  python3 -c 'import json,sys
pod = json.load(open(sys.argv[1]))["spec"]["template"]["spec"]
init = [c for c in pod.get("initContainers") or [] if c["name"] == "istio-proxy"]
main = [c for c in pod.get("containers") or [] if c["name"] == "istio-proxy"]
assert len(init) + len(main) == 1, pod
print("true" if init and init[0].get("restartPolicy") == "Always" else "false")' "$1"
}

for row in "${CASES[@]}"; do
  IFS='|' read -r name mode nodes want <<< "$row"
  # As kinject's environment...
  snapshot "$nodes" '{}' > cluster.yaml
  ENABLE_NATIVE_SIDECARS=$mode kinject --cluster cluster.yaml -o json app.yaml > out.json 2> err.txt ||
    { cat err.txt; fail "$name (environment): kinject failed"; }
  got=$(native_in out.json)
  [ "$got" = "$want" ] || { cat err.txt; fail "$name (ENABLE_NATIVE_SIDECARS=$mode in kinject's environment): native $got, want $want"; }
  # ...and as the cluster's istiod has it: the ConfigMap's pilot.env.
  snapshot "$nodes" "{\"ENABLE_NATIVE_SIDECARS\": \"$mode\"}" > cluster.yaml
  kinject --cluster cluster.yaml -o json app.yaml > out.json 2> err.txt ||
    { cat err.txt; fail "$name (pilot.env): kinject failed"; }
  got=$(native_in out.json)
  [ "$got" = "$want" ] || { cat err.txt; fail "$name (ENABLE_NATIVE_SIDECARS=$mode in pilot.env): native $got, want $want"; }
  contains err.txt "ENABLE_NATIVE_SIDECARS=$mode"
  contains err.txt "values.pilot.env of cluster.yaml"
done
# A node without a kubelet version: Istio logs "could not read node version"
# (checkNodeVersion); kinject's report warns.
snapshot "-" '{}' > cluster.yaml
kinject --cluster cluster.yaml app.yaml > /dev/null 2> err.txt || fail "kinject failed"
contains err.txt 'node node-1: kubelet version "" does not parse'
echo "TestDetectNativeSidecar: ${#CASES[@]} cases ok"
