#!/usr/bin/env bash
# `kinject uninject` undoes what `istioctl kube-inject` injected, wherever
# istioctl recorded it: for a CronJob, on spec.jobTemplate.metadata (its
# IntoObject injects a pod made of the job template's metadata and the pod
# template's spec). Istio's own golden cases, native and classic sidecars;
# the repository's own case is in uninject_test.cpp ("istioctl's CronJob").
. "$(dirname "$0")/lib.sh"
C=$(reference_part conformance/istio-1.30) || exit $?
DIFF="$(dirname "$(dirname "$C")")/tools/manifest-diff"
cd "$WORK"
OLD="$(dirname "$C")/istio-1.24/inject"
for injected in "$C/inject/cronjob.yaml.injected" "$C/inject/cronjob-old-version.yaml.injected" "$OLD/cronjob.yaml.injected"; do
  [ -f "$injected" ] || fail "$injected is missing from the reference data"
  kinject uninject "$injected" > back.yaml 2> err.txt || { cat err.txt; fail "uninject $injected failed"; }
  contains err.txt "cronjob/hellocron (ns default): uninjected [istio-"
  lacks back.yaml "istio"
  # Istio's golden output went through Go's types: what only that changed
  # (`resources: {}`, `status: {}`, key order) is not uninject's to undo.
  "$DIFF" --serialization-insensitive "$(dirname "$injected")/cronjob.yaml" back.yaml \
    || fail "uninject($injected) is not Istio's input"
done
echo "uninject of istioctl's output: ok"
