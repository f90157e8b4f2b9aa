#!/usr/bin/env bash
# `kinject kube-inject` takes istioctl kube-inject's flags: a CI script
# switches by changing one word. (All of Istio's golden cases also run
# through it in the conformance ratchet.)
. "$(dirname "$0")/lib.sh"
C=$(reference_part conformance/istio-1.24) || exit $?
DIFF="$(dirname "$(dirname "$C")")/tools/manifest-diff"
cd "$WORK"
# Istio 1.24's goldens, with its built-in profile and the hub they were made with.
TEST_VALUES=(--istio-version 1.24 --set global.hub=gcr.io/istio-testing --set global.tag=latest)

# istioctl's cluster flags are accepted and ignored; -o writes the file.
kinject kube-inject -f "$C/inject/hello.yaml" -o out.yaml "${TEST_VALUES[@]}" \
  --kubeconfig /nonexistent --context prod -i istio-system --meshConfigMapName istio \
  --injectConfigMapName istio-sidecar-injector 2> err.txt || { cat err.txt; fail "kube-inject failed"; }
"$DIFF" --serialization-insensitive "$C/inject/hello.yaml.injected" out.yaml || fail "-o output differs from Istio's"

# --operatorFileName: an IstioOperator's spec.values apply (Istio's case "hello-image-secrets-in-values").
kinject kube-inject --operatorFileName "$C/inject/hello-image-secrets-in-values.iop.yaml" \
  -f "$C/inject/hello.yaml" "${TEST_VALUES[@]}" > iop.yaml 2>/dev/null || fail "--operatorFileName failed"
"$DIFF" --serialization-insensitive "$C/inject/hello-image-secrets-in-values.yaml.injected" iop.yaml \
  || fail "--operatorFileName output differs from Istio's"

# As with istioctl, the last -f wins, and -o may name the input file.
cp "$C/inject/hello.yaml" app.yaml && chmod u+w app.yaml
kinject kube-inject -f /nonexistent.yaml -f app.yaml -o app.yaml "${TEST_VALUES[@]}" 2>/dev/null || fail "in-place -o failed"
"$DIFF" --serialization-insensitive "$C/inject/hello.yaml.injected" app.yaml || fail "-o onto the input differs"

# -r: the revision is recorded as istio.io/rev.
kinject kube-inject -f "$C/inject/hello.yaml" -r canary > rev.yaml 2>/dev/null || fail "-r failed"
contains rev.yaml "istio.io/rev: canary"

# Without --istio-version, the newest built-in profile: Istio 1.30's golden
# (made with native sidecars on, and its own test hub).
C30="$(dirname "$C")/istio-1.30"
ENABLE_NATIVE_SIDECARS=true kinject kube-inject -f "$C30/inject/hello.yaml" -o new.yaml \
  --set global.hub=registry.istio.io/testing --set global.tag=latest 2> err.txt || { cat err.txt; fail "kube-inject (1.30) failed"; }
"$DIFF" --serialization-insensitive "$C30/inject/hello.yaml.injected" new.yaml || fail "the default profile's output differs from Istio 1.30's"

# A failure writes nothing to -o.
printf 'kind: Pod\nmetadata: {name: [x\n' > bad.yaml
if kinject kube-inject -f bad.yaml -o never.yaml 2> err.txt; then fail "broken input passed"; fi
[ ! -e never.yaml ] || fail "-o written despite the error"
contains err.txt "bad.yaml"
echo "kube-inject: ok"
