#!/usr/bin/env bash
# Native sidecars from the command line: ENABLE_NATIVE_SIDECARS as each
# Istio release reads it, --kube-version for auto, kube-inject as istioctl
# offline, and the report saying which layout and why. The built-in profile
# is played as Istio 1.30 and as 1.24; Istio's own 1.28 configuration:
# native_sidecars_istio_test.sh.
. "$(dirname "$0")/lib.sh"
cd "$WORK"
unset ENABLE_NATIVE_SIDECARS
NEW=(--istio-version 1.30)
OLD=(--istio-version 1.24)
web_deployment > app.yaml

# One run: the layout wanted, then kinject's arguments; the report goes to err.txt.
expect() {
  local want=$1; shift
  kinject "$@" -o json > out.json 2> err.txt || { cat err.txt; fail "kinject $* failed"; }
  [ "$(proxy_in out.json)" = "$want" ] || fail "kinject $*: istio-proxy in $(proxy_in out.json), want $want"
}

# Istio 1.27+: auto by default, and with nothing said, a current Kubernetes.
expect initContainers "${NEW[@]}" app.yaml
contains err.txt "deployment/web (ns default): injected [istio-init, istio-proxy] — injection policy is enabled; ENABLE_NATIVE_SIDECARS unset (auto) and no --kube-version: native, as on a current Kubernetes (1.33+)"
expect containers "${NEW[@]}" --kube-version 1.32 app.yaml
contains err.txt "ENABLE_NATIVE_SIDECARS unset (auto) and --kube-version 1.32: classic (native sidecars need Kubernetes 1.33)"
expect initContainers "${NEW[@]}" --kube-version v1.33.2-eks-4096 app.yaml
contains err.txt "--kube-version v1.33.2-eks-4096: native (Kubernetes 1.33+)"
expect initContainers inject "${NEW[@]}" --kube-version 1.34 app.yaml
ENABLE_NATIVE_SIDECARS=auto expect containers "${NEW[@]}" --kube-version 1.28.3 app.yaml
contains err.txt "ENABLE_NATIVE_SIDECARS=auto and --kube-version 1.28.3: classic"
ENABLE_NATIVE_SIDECARS=false expect containers "${NEW[@]}" app.yaml
contains err.txt "ENABLE_NATIVE_SIDECARS=false: classic"
ENABLE_NATIVE_SIDECARS=true expect initContainers "${NEW[@]}" --kube-version 1.29 app.yaml
contains err.txt "ENABLE_NATIVE_SIDECARS=true: native"
# Not one of Istio's three words: false, and Istio's warning, once.
ENABLE_NATIVE_SIDECARS=TRUE expect containers "${NEW[@]}" app.yaml
contains err.txt 'warning: ENABLE_NATIVE_SIDECARS="TRUE": Istio 1.30.3 knows only "true", "false" and "auto" and defaults to false'

# kube-inject is istioctl offline: auto is off, --kube-version or not.
kinject kube-inject "${NEW[@]}" -f app.yaml -o out.yaml 2> err.txt || fail "kube-inject failed"
contains err.txt "ENABLE_NATIVE_SIDECARS unset (auto) and kube-inject offline: auto is off, as istioctl: classic"
lacks out.yaml "restartPolicy: Always"
# istioctl kube-inject has no --kube-version, and kinject's would change
# nothing: neither advertised nor accepted (issue 22).
kinject kube-inject --help > help.txt
lacks help.txt "--kube-version"
set +e; kinject kube-inject "${NEW[@]}" -f app.yaml --kube-version 1.34 > out.yaml 2> err.txt; rc=$?; set -e
[ $rc = 2 ] || fail "kube-inject --kube-version: exit $rc"
contains err.txt "--kube-version"
ENABLE_NATIVE_SIDECARS=true kinject kube-inject "${NEW[@]}" -f app.yaml > out.yaml 2>/dev/null || fail "kube-inject failed"
contains out.yaml "restartPolicy: Always"

# Istio 1.24: a bool, false by default, no detection; strconv.ParseBool
# for the injector, exactly "true" for the template.
expect containers "${OLD[@]}" --kube-version 1.34 app.yaml
contains err.txt "ENABLE_NATIVE_SIDECARS unset (Istio 1.24.6's default: false): classic"
ENABLE_NATIVE_SIDECARS=true expect initContainers "${OLD[@]}" app.yaml
ENABLE_NATIVE_SIDECARS=1 expect containers "${OLD[@]}" app.yaml
contains err.txt 'template wants exactly "true"'

# The pod's annotation overrides.
sed 's|      labels: {app: web}|      labels: {app: web}\n      annotations: {sidecar.istio.io/nativeSidecar: "false"}|' app.yaml > opt-out.yaml
expect containers "${NEW[@]}" opt-out.yaml
contains err.txt "pod annotation sidecar.istio.io/nativeSidecar=false: classic"

# The JSON report: the layout and its reason, after the fields it had.
kinject "${NEW[@]}" --report json --kube-version 1.32 app.yaml 2> report.json > /dev/null
python3 -c 'import json,sys
w = json.load(open(sys.argv[1]))["workloads"][0]
assert w["action"] == "injected" and w["containers"] == ["istio-proxy", "istio-init"], w
assert w["sidecar"] == "classic", w
assert w["sidecar_reason"].endswith("classic (native sidecars need Kubernetes 1.33)"), w' report.json || fail "JSON report: $(cat report.json)"

# check takes the flag too; a malformed version is an error naming it.
set +e
kinject check "${NEW[@]}" --kube-version 1.33 app.yaml > /dev/null 2> err.txt; rc=$?
set -e
[ $rc = 1 ] || fail "check --kube-version: exit $rc"
contains err.txt "would inject"
contains err.txt "--kube-version 1.33: native"
set +e
kinject --kube-version one.33 app.yaml > out.yaml 2> err.txt; rc=$?
set -e
[ $rc = 2 ] || fail "--kube-version one.33: exit $rc, want 2 (a usage error)"
contains err.txt "--kube-version one.33: not a Kubernetes version"
contains err.txt "Run with --help for more information."
[ ! -s out.yaml ] || fail "output despite a bad --kube-version"

# KRM: --kube-version on the command, or kubeVersion in the functionConfig.
python3 - > rl.yaml <<'PY'
import json
item = {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"},
        "spec": {"template": {"metadata": {"labels": {"app": "web"}}, "spec": {"containers": [{"name": "app", "image": "web:1"}]}}}}
print(json.dumps({"apiVersion": "config.kubernetes.io/v1", "kind": "ResourceList", "items": [item],
                  "functionConfig": {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"}, "data": {"kubeVersion": "1.32"}}}))
PY
kinject krm "${NEW[@]}" < rl.yaml > rl-out.yaml 2>/dev/null || fail "krm failed"
contains rl-out.yaml "--kube-version 1.32: classic"
lacks rl-out.yaml "restartPolicy: Always"
python3 -c 'import json,sys; rl = json.load(open(sys.argv[1])); del rl["functionConfig"]; print(json.dumps(rl))' rl.yaml > rl-bare.yaml
kinject krm "${NEW[@]}" --kube-version 1.32 < rl-bare.yaml > rl-out.yaml 2>/dev/null || fail "krm --kube-version failed"
contains rl-out.yaml "--kube-version 1.32: classic"
echo "native sidecars: ok"
