#!/usr/bin/env bash
# bench/gen wrote `value: 2` (GOMAXPROCS) plain in a Deployment's env: a number
# where Kubernetes wants a string, which kubectl, the API server and kinject's
# typed decode refuse, so bench/run timed kinject failing on every deployments
# and crd-heavy stream (issue 26). The class: a benchmark stream kinject
# refuses measures nothing. So every kind bench/gen makes must be injected
# whole: exit 0 and one istio-proxy per workload.
. "$(dirname "$0")/lib.sh"
need python3
cd "$WORK"
for kind in statefulsets deployments crd-heavy; do
  python3 "$SRC/bench/gen" "$kind" 60 -o "$kind.yaml" 2> "$kind.gen" || { cat "$kind.gen"; fail "bench/gen $kind failed"; }
  workloads=$(sed -n 's/.*, \([0-9]*\) workloads,.*/\1/p' "$kind.gen")
  [ "${workloads:-0}" -gt 0 ] || { cat "$kind.gen"; fail "bench/gen $kind did not say how many workloads it wrote"; }
  kinject --report none -f "$kind.yaml" > "$kind.out" 2> "$kind.err" \
    || { cat "$kind.err"; fail "kinject refuses the $kind stream bench/gen makes"; }
  proxies=$(grep -cE '^[[:space:]]*(-[[:space:]]+)?name:[[:space:]]*istio-proxy[[:space:]]*$' "$kind.out" || true)
  [ "$proxies" = "$workloads" ] || fail "$kind: $proxies istio-proxy containers for $workloads workloads"
done
echo "bench/gen: every kind of stream is injected whole"
