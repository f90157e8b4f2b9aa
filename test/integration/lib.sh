# Shared by the integration tests: $KINJECT is the binary, $SRC the source
# tree. A test that needs a tool the machine lacks exits 77 (ctest: skipped).
set -euo pipefail
: "${KINJECT:?set KINJECT to the kinject binary}"
: "${SRC:?set SRC to the source tree}"
WORK=$(mktemp -d)
trap 'chmod -R u+w "$WORK" 2>/dev/null; rm -rf "$WORK"' EXIT
BIN="$WORK/bin"
mkdir -p "$BIN"
ln -s "$KINJECT" "$BIN/kinject"
export PATH="$BIN:$PATH"

fail() { echo "FAIL: $*" >&2; exit 1; }
# "kinject-skip: why" is the line test/skipped_tests.py lists after the run.
skip() { echo "kinject-skip: $*"; exit 77; }
need() { command -v "$1" >/dev/null 2>&1 || skip "$1 is not installed on this machine"; }
# The path of part $1 (e.g. conformance/istio-1.24) of the reference data,
# which is not part of the repository: KINJECT_REFERENCE_DATA, else ../shared
# beside the source tree (as test/support.h). Missing: skipped, or a failure
# when KINJECT_REFERENCE_DATA names no such data or KINJECT_REQUIRE_REFERENCE_DATA=1.
# Use as: C=$(reference_part conformance/istio-1.24) || exit $?
reference_part() {
  local root="${KINJECT_REFERENCE_DATA:-}" why
  if [ -z "$root" ] && [ -d "$SRC/../shared" ]; then root="$SRC/../shared"; fi
  if [ -n "$root" ] && [ -d "$root/$1" ]; then echo "$root/$1"; return 0; fi
  if [ -z "$root" ]; then
    why="needs $1 of the reference data: set KINJECT_REFERENCE_DATA (no ../shared beside the source tree)"
  else
    why="needs $1 of the reference data: $root has no such directory"
  fi
  if [ -n "${KINJECT_REFERENCE_DATA:-}" ] || [ "${KINJECT_REQUIRE_REFERENCE_DATA:-}" = 1 ]; then fail "$why"; fi
  echo "kinject-skip: $why" >&2
  exit 77
}
contains() { grep -qF -- "$2" "$1" || fail "$1 does not contain: $2"; }
lacks() { ! grep -qF -- "$2" "$1" || fail "$1 contains: $2"; }

# A Deployment "web" of one container, the workload most tests inject.
web_deployment() {
  cat <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: app
        image: web:1
YAML
}
# Where a Deployment's injected istio-proxy went, in kinject's -o json output
# $1: "initContainers" (native) or "containers" (classic).
proxy_in() {
  python3 -c 'import json,sys
pod = json.load(open(sys.argv[1]))["spec"]["template"]["spec"]
for field in ("initContainers", "containers"):
    if any(c["name"] == "istio-proxy" for c in pod.get(field) or []):
        print(field); break' "$1"
}
# Istio's default-revision webhook as a List item of a cluster snapshot
# (selecting namespaces labelled istio-injection=enabled).
istio_webhook_item() {
  cat <<'YAML'
- apiVersion: admissionregistration.k8s.io/v1
  kind: MutatingWebhookConfiguration
  metadata: {name: istio-sidecar-injector}
  webhooks:
  - name: namespace.sidecar-injector.istio.io
    clientConfig: {service: {name: istiod, namespace: istio-system}}
    rules: [{operations: [CREATE], apiGroups: [''], apiVersions: [v1], resources: [pods]}]
    namespaceSelector: {matchExpressions: [{key: istio-injection, operator: In, values: [enabled]}]}
YAML
}
