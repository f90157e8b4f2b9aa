#!/usr/bin/env bash
# Native sidecars with Istio 1.28's own configuration (its default profile,
# rendered from its charts): Istio's goldens are native (made on Kubernetes
# 1.33/1.34 nodes) and, with ENABLE_NATIVE_SIDECARS=false, classic
# (hello-old-version). kinject gets each by what it is told of the cluster.
. "$(dirname "$0")/lib.sh"
C=$(reference_part conformance/istio-1.28) || exit $?
DIFF="$(dirname "$(dirname "$C")")/tools/manifest-diff"
cd "$WORK"
unset ENABLE_NATIVE_SIDECARS
CONFIG=(--injectConfigFile "$C/inputs/default.template.gen.yaml" --valuesFile "$C/inputs/default.values.gen.yaml"
        --meshConfigFile "$C/inputs/default.mesh.gen.yaml")
NATIVE="$C/inject/hello.yaml.injected"
CLASSIC="$C/inject/hello-old-version.yaml.injected"
same() { "$DIFF" --serialization-insensitive "$1" "$2" > diff.txt || { head -20 diff.txt; fail "$3"; }; }

# auto, nothing said of the cluster: a current Kubernetes, native.
kinject "${CONFIG[@]}" -f "$C/inject/hello.yaml" > out.yaml 2> err.txt || { cat err.txt; fail "inject failed"; }
same "$NATIVE" out.yaml "auto without --kube-version is not Istio's native output"
contains err.txt "and no --kube-version: native"
# --kube-version below 1.33: classic, as Istio's ENABLE_NATIVE_SIDECARS=false golden.
kinject "${CONFIG[@]}" --kube-version 1.32 -f "$C/inject/hello.yaml" > out.yaml 2>/dev/null || fail "--kube-version 1.32 failed"
same "$CLASSIC" out.yaml "--kube-version 1.32 is not Istio's classic output"
kinject "${CONFIG[@]}" --kube-version 1.33 -f "$C/inject/hello.yaml" > out.yaml 2>/dev/null || fail "--kube-version 1.33 failed"
same "$NATIVE" out.yaml "--kube-version 1.33 is not Istio's native output"
# kube-inject: istioctl offline, classic unless ENABLE_NATIVE_SIDECARS=true.
kinject kube-inject "${CONFIG[@]}" -f "$C/inject/hello.yaml" > out.yaml 2> err.txt || fail "kube-inject failed"
same "$CLASSIC" out.yaml "kube-inject (auto, offline) is not classic"
contains err.txt "kube-inject offline: auto is off, as istioctl: classic"
ENABLE_NATIVE_SIDECARS=true kinject kube-inject "${CONFIG[@]}" -f "$C/inject/hello.yaml" > out.yaml 2>/dev/null || fail "kube-inject failed"
same "$NATIVE" out.yaml "kube-inject with ENABLE_NATIVE_SIDECARS=true is not native"
# The annotation wins over auto: Istio's opt-out case.
kinject "${CONFIG[@]}" -f "$C/inject/native-sidecar-opt-out.yaml" > out.yaml 2> err.txt || fail "opt-out failed"
same "$C/inject/native-sidecar-opt-out.yaml.injected" out.yaml "the opt-out annotation under auto"
contains err.txt "pod annotation sidecar.istio.io/nativeSidecar=false: classic"
echo "native sidecars (Istio 1.28): ok"
