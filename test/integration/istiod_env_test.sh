#!/usr/bin/env bash
# istiod's environment is in the configuration: the chart puts the values'
# `env` into istiod's Deployment (istio-discovery deployment.yaml: `range
# $key, $val := .Values.env` -> `value: "{{ $val }}"`) and records it in the
# injector ConfigMap's values as pilot.env (istiod-injector-configmap.yaml:
# `pick .Values "cni" "env"` under `pilot`). istiod's injector reads its
# switches from that environment (pilot/pkg/features EnableNativeSidecars,
# pkg/features CompliancePolicy, the templates' `env`), so kinject does too:
# --set pilot.env over kinject's own environment over values.pilot.env.
. "$(dirname "$0")/lib.sh"
cd "$WORK"
unset ENABLE_NATIVE_SIDECARS COMPLIANCE_POLICY
web_deployment > app.yaml
# The istio-proxy container's env value of $2, or "<unset>".
proxy_env() {
  python3 -c 'import json,sys
pod = json.load(open(sys.argv[1]))["spec"]["template"]["spec"]
proxy = [c for f in ("initContainers", "containers") for c in pod.get(f) or [] if c["name"] == "istio-proxy"][0]
print(next((e.get("value") for e in proxy.get("env") or [] if e["name"] == sys.argv[2]), "<unset>"))' "$1" "$2"
}
expect() {
  local want=$1; shift
  kinject "$@" -o json app.yaml > out.json 2> err.txt || { cat err.txt; fail "kinject $* failed"; }
  [ "$(proxy_in out.json)" = "$want" ] || { cat err.txt; fail "kinject $*: istio-proxy in $(proxy_in out.json), want $want"; }
}
iop() {  # an IstioOperator whose spec.values.pilot.env is $1 (YAML flow)
  printf 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  values:\n    pilot:\n      env: %s\n' "$1" > iop.yaml
}
NEW=(--istio-version 1.30)

# Regression (issue 23): --set pilot.env.ENABLE_NATIVE_SIDECARS=false was
# only a value; istiod runs with it, so the sidecar is classic where the
# default (auto, a current Kubernetes) is native.
expect initContainers "${NEW[@]}"
expect containers "${NEW[@]}" --set pilot.env.ENABLE_NATIVE_SIDECARS=false
contains err.txt "ENABLE_NATIVE_SIDECARS=false: classic"
contains err.txt "--set pilot.env.ENABLE_NATIVE_SIDECARS"

# Istio 1.24's injector ConfigMap has no pilot.env, but istiod has its
# environment all the same (the chart's `env`): --set pilot.env is taken.
expect containers --istio-version 1.24
expect initContainers --istio-version 1.24 --set pilot.env.ENABLE_NATIVE_SIDECARS=true
contains err.txt "ENABLE_NATIVE_SIDECARS=true: native"

# An IstioOperator's values.pilot.env; a YAML boolean is written by the
# chart as "false" (`value: "{{ $val }}"`).
iop '{ENABLE_NATIVE_SIDECARS: false}'
expect containers "${NEW[@]}" --operatorFileName iop.yaml
contains err.txt "values.pilot.env of iop.yaml"
# kinject's own environment is over the configuration's...
ENABLE_NATIVE_SIDECARS=true expect initContainers "${NEW[@]}" --operatorFileName iop.yaml
contains err.txt "ENABLE_NATIVE_SIDECARS=true: native"
lacks err.txt "values.pilot.env"
# ...and a --set of this run over kinject's environment.
ENABLE_NATIVE_SIDECARS=true expect containers "${NEW[@]}" --set pilot.env.ENABLE_NATIVE_SIDECARS=false
# istioctl kube-inject runs the injector in its own process: the values do
# not set its environment (auto offline is off, so force native to see it).
ENABLE_NATIVE_SIDECARS=true kinject kube-inject "${NEW[@]}" --operatorFileName iop.yaml -f app.yaml > out.yaml 2> err.txt ||
  { cat err.txt; fail "kube-inject failed"; }
contains out.yaml "restartPolicy: Always"

# COMPLIANCE_POLICY (pkg/features) goes into the proxy's env as the
# template writes it (injection-template.yaml: `if .CompliancePolicy`).
iop '{COMPLIANCE_POLICY: fips-140-3}'
expect initContainers "${NEW[@]}" --operatorFileName iop.yaml
[ "$(proxy_env out.json COMPLIANCE_POLICY)" = "fips-140-3" ] || fail "COMPLIANCE_POLICY from pilot.env: $(proxy_env out.json COMPLIANCE_POLICY)"
COMPLIANCE_POLICY=pq expect initContainers "${NEW[@]}" --operatorFileName iop.yaml
[ "$(proxy_env out.json COMPLIANCE_POLICY)" = "pq" ] || fail "kinject's COMPLIANCE_POLICY does not win over pilot.env"
# A mapping is no environment variable.
iop '{COMPLIANCE_POLICY: {a: b}}'
set +e; kinject "${NEW[@]}" --operatorFileName iop.yaml app.yaml > out.yaml 2> err.txt; rc=$?; set -e
[ $rc = 1 ] || fail "pilot.env mapping: exit $rc"
contains err.txt "values pilot.env.COMPLIANCE_POLICY is a mapping"
[ ! -s out.yaml ] || fail "output despite a mapping in pilot.env"

# compatibilityVersion: the chart merges files/profile-compatibility-version-V.yaml
# under the user's values (zzz_profile.yaml); 1.25's sets
# ENABLE_NATIVE_SIDECARS "false" (Istio 1.28 - 1.30).
for r in 1.28 1.29 1.30; do
  expect containers --istio-version $r --set compatibilityVersion=1.25
  contains err.txt "ENABLE_NATIVE_SIDECARS=false: classic"
  contains err.txt "compatibilityVersion 1.25"
  expect initContainers --istio-version $r --set compatibilityVersion=1.27
  # The user's own values are over the profile's.
  expect initContainers --istio-version $r --set compatibilityVersion=1.25 --set pilot.env.ENABLE_NATIVE_SIDECARS=true
done
iop '{}'
printf '  compatibilityVersion: "1.26"\n' >> iop.yaml
expect containers "${NEW[@]}" --operatorFileName iop.yaml
set +e; kinject "${NEW[@]}" --set compatibilityVersion=1.12 app.yaml > out.yaml 2> err.txt; rc=$?; set -e
[ $rc != 0 ] || fail "an unknown compatibilityVersion was accepted"
contains err.txt "unknown compatibility version 1.12"

# Istio's own configuration, as a cluster holds it: the injector ConfigMap of
# Istio 1.31's chart with COMPLIANCE_POLICY in its values' pilot.env gives
# Istio's golden for that environment (hello-fips-140-3, made with
# COMPLIANCE_POLICY=fips-140-3 in istioctl's environment).
if C=$(reference_part conformance/istio-1.31); then
  DIFF="$(dirname "$(dirname "$C")")/tools/manifest-diff"
  python3 - "$C" > cm.yaml <<'PY'
import json, sys, yaml
c = sys.argv[1]
values = yaml.safe_load(open(f"{c}/inputs/default.values.gen.yaml"))
values.setdefault("pilot", {}).setdefault("env", {})["COMPLIANCE_POLICY"] = "fips-140-3"
def cm(name, data):
    return {"apiVersion": "v1", "kind": "ConfigMap",
            "metadata": {"name": name, "namespace": "istio-system", "labels": {"app.kubernetes.io/version": "1.31.0"}},
            "data": data}
docs = [cm("istio-sidecar-injector", {"config": open(f"{c}/inputs/default.template.gen.yaml").read(),
                                      "values": json.dumps(values, indent=2)}),
        cm("istio", {"mesh": open(f"{c}/inputs/default.mesh.gen.yaml").read()})]
print(yaml.safe_dump_all(docs))
PY
  ENABLE_NATIVE_SIDECARS=true kinject --injectConfigFile cm.yaml --valuesFile cm.yaml --meshConfigFile cm.yaml \
    -f "$C/inject/hello.yaml" > out.yaml 2> err.txt || { cat err.txt; fail "Istio 1.31's ConfigMap failed"; }
  "$DIFF" --serialization-insensitive "$C/inject/hello-fips-140-3.yaml.injected" out.yaml > diff.txt ||
    { head -20 diff.txt; fail "COMPLIANCE_POLICY in the ConfigMap's pilot.env is not Istio's fips-140-3 output"; }
else
  [ $? = 77 ] || exit 1
fi
echo "istiod env: ok"
