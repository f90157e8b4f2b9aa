#!/usr/bin/env bash
# --set is Helm's --set grammar (pkg/strvals): a Helm command line's --set
# gives kinject the values Helm would give the chart. End to end, through the
# binary, as a shell passes the text.
. "$(dirname "$0")/lib.sh"
cd "$WORK"
EX="$SRC/examples/redis-statefulset.yaml"

# Regression (issue 22): `\,` is Helm's escaped comma. kinject kept the
# backslash and istio-init got `10.0.0.0/8\,192.168.0.0/16`, which
# istio-iptables refuses in the cluster; kinject exited 0.
kinject --set 'global.proxy.excludeIPRanges=10.0.0.0/8\,192.168.0.0/16' "$EX" > out.yaml 2> err.txt \
  || { cat err.txt; fail "--set with an escaped comma failed"; }
grep -qE '^ *- "?10\.0\.0\.0/8,192\.168\.0\.0/16"?$' out.yaml || { grep -n -A1 -- '-x' out.yaml; fail "istio-init's -x is not 10.0.0.0/8,192.168.0.0/16"; }
lacks out.yaml '\,'

# Regression (issue 22): `a=1,b=2` is two assignments, not the value "1,b=2".
kinject --set global.hub=registry.example.com/istio,global.tag=1.30.0 "$EX" > two.yaml 2> err.txt \
  || { cat err.txt; fail "--set a=1,b=2 failed"; }
contains two.yaml "image: registry.example.com/istio/proxyv2:1.30.0"

# Several --set, the later winning; a list in braces (quoted: a shell expands
# {a,b} into two words, as it does for Helm); an index.
kinject --set global.tag=1.0.0 --set 'global.tag=1.30.1,global.imagePullSecrets={pull-a,pull-b}' \
  --set 'global.imagePullSecrets[1]=pull-c' "$EX" > many.yaml 2> err.txt || { cat err.txt; fail "several --set failed"; }
contains many.yaml "proxyv2:1.30.1"
contains many.yaml "name: pull-a"
contains many.yaml "name: pull-c"
lacks many.yaml "pull-b"

# A comma Helm would split on is a usage error (exit 2) naming the text, with what to write.
set +e; kinject --set global.proxy.excludeIPRanges=10.0.0.0/8,192.168.0.0/16 "$EX" > out.txt 2> err.txt; rc=$?; set -e
[ "$rc" = 2 ] || { cat err.txt; fail "an unescaped comma: exit $rc, want 2"; }
[ ! -s out.txt ] || fail "an unescaped comma printed to stdout"
contains err.txt 'key "192.168.0.0/16" has no value'
contains err.txt 'write a comma inside a value as \,'

# The KRM function's `set`, a string in Helm's grammar as on the command line.
cat > rl.yaml <<'YAML'
apiVersion: config.kubernetes.io/v1
kind: ResourceList
functionConfig:
  apiVersion: v1
  kind: ConfigMap
  metadata: {name: conf}
  data:
    set: 'global.proxy.excludeIPRanges=10.0.0.0/8\,192.168.0.0/16,global.tag=1.30.2'
items:
- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web}
  spec:
    template:
      metadata: {labels: {app: web}}
      spec:
        containers:
        - name: web
          image: web:1
YAML
kinject krm < rl.yaml > rl.out 2> err.txt || { cat err.txt; fail "krm with set failed"; }
contains rl.out "proxyv2:1.30.2"
grep -qE '^ *- "?10\.0\.0\.0/8,192\.168\.0\.0/16"?$' rl.out || fail "krm: istio-init's -x is not 10.0.0.0/8,192.168.0.0/16"
echo "set grammar: ok"
