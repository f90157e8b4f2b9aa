#!/usr/bin/env bash
# hello-existing-cncf-networks-json, Istio's kube-inject golden case of a
# k8s.v1.cni.cncf.io/networks annotation given as JSON, run with the
# injector ConfigMap of each release: the network Istio's template adds
# (appendMultusNetwork ... `default/istio-cni`) is written as that release's
# injector writes it (issue 24, item 4). Before 1.24.4 (and in 1.22, which is
# played as 1.24.0), the whole "default/istio-cni" is the entry's name; from
# 1.24.4 / 1.25.1 / 1.26 it is split into name and namespace
# (pkg/kube/inject/template.go appendMultusNetwork, istio/istio#55000).
. "$(dirname "$0")/lib.sh"
cd "$WORK"
unset ENABLE_NATIVE_SIDECARS
# The golden case's input (1.22.8's testdata/inject/hello-existing-cncf-networks-json.yaml,
# its pod template's annotation and container), and 1.24.6's, which adds a
# namespaced entry.
app() {
  cat <<YAML
apiVersion: apps/v1
kind: Deployment
metadata: {name: hello}
spec:
  selector: {matchLabels: {app: hello}}
  template:
    metadata:
      annotations:
        k8s.v1.cni.cncf.io/networks: '$1'
      labels: {app: hello}
    spec:
      containers:
      - name: hello
        image: fake.docker.io/google-samples/hello-go-gke:1.0
YAML
}
# An injector ConfigMap labelled with release $1 whose template writes the
# annotation as Istio's chart does (files/injection-template.yaml, 1.22 to
# 1.31: the same line).
configmap() {
  cat <<YAML
apiVersion: v1
kind: ConfigMap
metadata:
  name: istio-sidecar-injector
  namespace: istio-system
  labels: {istio.io/rev: default, app.kubernetes.io/version: "$1"}
data:
  config: |
    policy: enabled
    templates:
      sidecar: |
        metadata:
          annotations: {
            k8s.v1.cni.cncf.io/networks: '{{ appendMultusNetwork (index .ObjectMeta.Annotations \`k8s.v1.cni.cncf.io/networks\`) \`default/istio-cni\` }}',
          }
        spec:
          containers:
          - name: istio-proxy
            image: "{{ .Values.global.hub }}/proxyv2"
  values: '{"global": {"hub": "registry.example"}}'
YAML
}
# The injected pod template's networks annotation, exactly.
networks() {
  python3 -c 'import json,sys
print(json.load(open(sys.argv[1]))["spec"]["template"]["metadata"]["annotations"]["k8s.v1.cni.cncf.io/networks"])' "$1"
}
# run VERSION INPUT-NETWORKS WANT [EXTRA-ARGS...]
run() {
  local version=$1 given=$2 want=$3
  shift 3
  configmap "$version" > cm.yaml
  app "$given" > app.yaml
  kinject --injectConfigFile cm.yaml --valuesFile cm.yaml "$@" -o json app.yaml > out.json 2> err.txt ||
    { cat err.txt; fail "Istio $version's configuration failed"; }
  local got
  got=$(networks out.json)
  [ "$got" = "$want" ] || fail "Istio $version: networks annotation '$got', want '$want'"
}

# 1.22.8's golden (.injected): the network is an entry named "default/istio-cni".
run 1.22.8 '[{"name": "alt_cni"}]' '[{"name": "alt_cni"}, {"name": "default/istio-cni"}]'
contains err.txt "played as Istio 1.24.0"
# 1.24.3's golden is 1.22's; the same holds asked for by --istio-version.
run 1.24.3 '[{"name": "alt_cni"}]' '[{"name": "alt_cni"}, {"name": "default/istio-cni"}]'
run "" '[{"name": "alt_cni"}]' '[{"name": "alt_cni"}, {"name": "default/istio-cni"}]' --istio-version 1.24.3
# ... and an entry of that name, whatever its namespace, is Istio's already.
run 1.24.3 '[{"name": "default/istio-cni", "namespace": "x"}]' '[{"name": "default/istio-cni", "namespace": "x"}]'
# 1.24.6's golden: name and namespace; a namespaced entry of another name
# is not it.
run 1.24.6 '[{"name": "alt_cni"}, {"name": "more_cni", "namespace": "kube-system"}]' \
  '[{"name": "alt_cni"}, {"name": "more_cni", "namespace": "kube-system"}, {"name": "istio-cni", "namespace": "default"}]'
run 1.25.0 '[{"name": "alt_cni"}]' '[{"name": "alt_cni"}, {"name": "default/istio-cni"}]'
run 1.25.1 '[{"name": "alt_cni"}]' '[{"name": "alt_cni"}, {"name": "istio-cni", "namespace": "default"}]'
run 1.30.3 '[{"name": "istio-cni", "namespace": "default"}]' '[{"name": "istio-cni", "namespace": "default"}]'
# The comma-separated form is the same in every release.
run 1.22.8 'macvlan' 'macvlan, default/istio-cni'
run 1.30.3 'macvlan' 'macvlan, default/istio-cni'
