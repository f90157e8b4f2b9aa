#!/usr/bin/env bash
# The KRM function contract, driven as kustomize drives exec transformers
# (kubectl kustomize cannot run them, so the wire format is replayed here;
# a real standalone kustomize is used when the machine has one).
. "$(dirname "$0")/lib.sh"
cd "$WORK"
cat > in.yaml <<'YAML'
apiVersion: config.kubernetes.io/v1
kind: ResourceList
items:
- apiVersion: apps/v1
  kind: StatefulSet
  metadata:
    name: redis
    annotations:
      config.kubernetes.io/index: '0'
      internal.config.kubernetes.io/index: '0'
      internal.config.kubernetes.io/path: 'statefulset.yaml'
      config.k8s.io/id: '1'
      kustomize.config.k8s.io/id: |
        group: apps
        kind: StatefulSet
        name: redis
        version: v1
  spec:
    serviceName: redis
    template:
      metadata:
        labels: {app: redis}   # flow style stays flow style
      spec:
        containers:
        - name: redis
          image: redis:alpine
YAML
# The functionConfig is the example transformer itself, as kustomize sends it.
{ echo "functionConfig:"; sed 's/^/  /' "$SRC/examples/kustomize/injection.yaml"; } >> in.yaml
kinject krm < in.yaml > out.yaml 2> err.txt || { cat err.txt; fail "krm failed"; }
contains out.yaml "kind: ResourceList"
contains out.yaml "name: istio-proxy"
contains out.yaml "internal.config.kubernetes.io/path: 'statefulset.yaml'"
contains out.yaml "kustomize.config.k8s.io/id: |"
contains out.yaml "config.k8s.io/id: '1'"
contains out.yaml "# flow style stays flow style"
contains out.yaml "results:"
contains out.yaml "severity: info"
contains out.yaml "path: statefulset.yaml"
# The same with the ResourceList on plain stdin (detected without `krm`).
kinject < in.yaml > out2.yaml 2>/dev/null || fail "plain stdin ResourceList failed"
cmp out.yaml out2.yaml || fail "krm and detected KRM differ"
# A failure answers with the items and an error result, never an empty list.
sed 's/policy: enabled/policy: sometimes/' in.yaml > bad.yaml
if kinject krm < bad.yaml > badout.yaml 2>/dev/null; then fail "bad config passed"; fi
contains badout.yaml "severity: error"
contains badout.yaml "name: redis"
lacks badout.yaml "istio-proxy"

# A KRM function must be given a ResourceList: empty stdin (or only blanks
# and comments) is an error that says so, never an empty answer with exit 0
# (issue 22).
for empty in '' $'\n\n' '---' $'# nothing\n---\n'; do
  set +e; printf '%s' "$empty" | kinject krm > none.yaml 2> none.err; rc=$?; set -e
  [ $rc = 1 ] || fail "krm on empty stdin: exit $rc"
  [ ! -s none.yaml ] || fail "krm on empty stdin printed something"
  contains none.err "KRM ResourceList on stdin"
done

if command -v kustomize >/dev/null 2>&1; then
  cp -r "$SRC/examples/kustomize" k && ln -s "$KINJECT" k/kinject
  kustomize build --enable-alpha-plugins --enable-exec k > k.out || fail "kustomize build failed"
  contains k.out "name: istio-proxy"
fi
echo "krm contract: ok"
