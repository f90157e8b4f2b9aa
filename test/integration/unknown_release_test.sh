#!/usr/bin/env bash
# Configuration from a release kinject does not know (its ConfigMaps labelled
# 1.23 or 1.32) is played as the nearest release kinject knows, and the
# report says so once per run, naming both; files of a release without a
# built-in profile (1.25 - 1.27) that leave parts out get them from the
# nearest profile, and the report says that too (issue 23, item 3).
. "$(dirname "$0")/lib.sh"
cd "$WORK"
unset ENABLE_NATIVE_SIDECARS
cat > app.yaml <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      containers: [{name: app, image: web:1}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  template:
    spec:
      containers: [{name: app, image: api:1}]
YAML
# Istio's injector ConfigMap of release $1 and revision $2 ("" default), as
# the chart labels it (app.kubernetes.io/version); the template is the
# ConfigMap's own.
configmaps() {
  local version=$1 rev=$2 suffix="" label=default
  [ -n "$rev" ] && { suffix="-$rev"; label=$rev; }
  cat <<YAML
- apiVersion: v1
  kind: ConfigMap
  metadata:
    name: istio-sidecar-injector$suffix
    namespace: istio-system
    labels: {istio.io/rev: $label, app.kubernetes.io/version: "$version"}
  data:
    config: |
      policy: enabled
      templates:
        sidecar: |
          spec:
            containers:
            - name: istio-proxy
              image: "{{ .Values.global.hub }}/proxyv2"
    values: '{"global": {"hub": "registry.example"}, "revision": "$rev"}'
- apiVersion: v1
  kind: ConfigMap
  metadata:
    name: istio$suffix
    namespace: istio-system
    labels: {istio.io/rev: $label, app.kubernetes.io/version: "$version"}
  data:
    mesh: |
      trustDomain: cluster.local
YAML
}
list() { printf 'apiVersion: v1\nkind: List\nitems:\n'; "$@"; }
count() { grep -cF -- "$2" "$1" || true; }

# Newer than kinject: played as 1.31, one warning for the run (two workloads).
list configmaps 1.32.0 "" > cm.yaml
kinject --injectConfigFile cm.yaml --valuesFile cm.yaml --meshConfigFile cm.yaml app.yaml > out.yaml 2> err.txt ||
  { cat err.txt; fail "a 1.32 configuration failed"; }
contains err.txt "the configuration is from Istio 1.32 (the ConfigMap's version label 1.32.0), a release kinject does not know: it is played as Istio 1.31, the nearest release kinject knows"
[ "$(count err.txt "a release kinject does not know")" = 1 ] || { cat err.txt; fail "the warning is not said exactly once"; }
contains out.yaml "registry.example/proxyv2"
# The JSON report carries it too.
kinject --injectConfigFile cm.yaml --valuesFile cm.yaml --meshConfigFile cm.yaml --report json app.yaml > /dev/null 2> report.json
python3 -c 'import json,sys
r = json.load(open(sys.argv[1]))
w = [x for x in r["warnings"] if "a release kinject does not know" in x]
assert len(w) == 1 and "Istio 1.32" in w[0] and "Istio 1.31" in w[0], r["warnings"]' report.json || fail "JSON report: $(cat report.json)"

# Older than kinject: played as 1.24.0, the oldest release's first patch
# (its injector reads ENABLE_NATIVE_SIDECARS as a bool).
list configmaps 1.23.4 "" > cm.yaml
kinject --injectConfigFile cm.yaml --valuesFile cm.yaml --meshConfigFile cm.yaml app.yaml > out.yaml 2> err.txt ||
  { cat err.txt; fail "a 1.23 configuration failed"; }
contains err.txt "the configuration is from Istio 1.23 (the ConfigMap's version label 1.23.4), a release kinject does not know: it is played as Istio 1.24.0, the nearest release kinject knows"
contains err.txt "Istio 1.24.0's default: false"

# A cluster snapshot with two revisions of 1.32: still one warning.
{ printf 'apiVersion: v1\nkind: List\nitems:\n'; configmaps 1.32.1 ""; configmaps 1.32.1 canary; istio_webhook_item; } > cluster.yaml
kinject --cluster cluster.yaml app.yaml > out.yaml 2> err.txt || { cat err.txt; fail "a 1.32 snapshot failed"; }
[ "$(count err.txt "a release kinject does not know")" = 1 ] || { cat err.txt; fail "the snapshot's warning is not said exactly once"; }

# A development chart (1.0.0) is no release: no warning.
list configmaps 1.0.0 "" > cm.yaml
kinject --injectConfigFile cm.yaml --valuesFile cm.yaml --meshConfigFile cm.yaml app.yaml > /dev/null 2> err.txt || fail "1.0.0 failed"
lacks err.txt "does not know"

# 1.27, whose injector kinject plays but has no built-in profile of: the
# injector ConfigMap alone leaves the values and the mesh config to 1.28's.
list configmaps 1.27.2 "" > cm.yaml
kinject --injectConfigFile cm.yaml app.yaml > /dev/null 2> err.txt || { cat err.txt; fail "a 1.27 injector config failed"; }
contains err.txt "the configuration is from Istio 1.27.2 (the ConfigMap's version label 1.27.2), for which kinject has no built-in profile: the values, the mesh config come from the built-in profile of Istio 1.28"
# All three given: nothing is filled in, nothing to say.
kinject --injectConfigFile cm.yaml --valuesFile cm.yaml --meshConfigFile cm.yaml app.yaml > /dev/null 2> err.txt || fail "1.27 failed"
lacks err.txt "no built-in profile"
echo "unknown releases: ok"
