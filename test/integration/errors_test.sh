#!/usr/bin/env bash
# Error paths as a shell sees them: exit status, the message, nothing on
# stdout. (The pipeline's own table of error cases is in pipeline_test.cpp.)
. "$(dirname "$0")/lib.sh"
cd "$WORK"
EX="$SRC/examples/redis-statefulset.yaml"
expect_error() {  # STATUS SUBSTRING -- COMMAND...
  local want=$1 says=$2; shift 3
  set +e; "$@" > out.txt 2> err.txt; local rc=$?; set -e
  [ "$rc" = "$want" ] || { cat err.txt; fail "$*: exit $rc, want $want"; }
  [ ! -s out.txt ] || fail "$*: printed to stdout despite the error"
  contains err.txt "$says"
}
# Output that cannot be written: a closed stdout, a full disk.
set +e; kinject "$EX" >&- 2> err.txt; rc=$?; set -e
[ $rc = 1 ] || fail "closed stdout: exit $rc"
contains err.txt "cannot write the output"
set +e; kinject "$EX" > /dev/full 2> err.txt; rc=$?; set -e
[ $rc = 1 ] || fail "/dev/full: exit $rc"
contains err.txt "cannot write the output"
# An unreadable file (as root, mode bits do not stop reading: use a file the
# kernel refuses to anyone).
if [ "$(id -u)" != 0 ]; then
  cp "$EX" secret.yaml && chmod 000 secret.yaml
  expect_error 1 "secret.yaml: cannot open file: Permission denied" -- kinject secret.yaml
elif [ -e /proc/1/mem ] && ! head -c1 /proc/1/mem >/dev/null 2>&1; then
  expect_error 1 "/proc/1/mem: cannot open file" -- kinject /proc/1/mem
fi
# Usage errors exit 2.
expect_error 2 "--no-such-flag" -- kinject --no-such-flag "$EX"
expect_error 2 "policy" -- kinject --policy sometimes "$EX"
# A repeatable option takes one value: the file after it stays a file.
set +e; kinject --set global.hub=registry.example.com/istio "$EX" > out.txt 2>/dev/null; rc=$?; set -e
[ $rc = 0 ] || fail "--set swallowed the file name"
contains out.txt "image: registry.example.com/istio/proxyv2:"
# Issue 22: every usage error exits 2 with a hint line, and a flag's value
# is checked as the API server would check it, before anything runs.
expect_usage() {  # SUBSTRING -- COMMAND...
  local says=$1; shift
  expect_error 2 "$says" "$@"
  contains err.txt "Run with --help for more information."
  # CLI11's refusals read as kinject's own errors do (they had no prefix).
  contains err.txt "kinject: error: "
}
# A value that is really the next flag: `-n -f app.yaml` took "-f" for the
# namespace (and app.yaml for a file), and injected into namespace -f.
expect_usage '--namespace: "-f" is a flag, not a value' -- kinject -n -f "$EX"
expect_usage '--namespace: "--recursive" is a flag, not a value' -- kinject check --namespace --recursive "$EX"
expect_usage "./--diff" -- kinject -f --diff "$EX"
expect_usage '--output: "-f" is a flag' -- kinject kube-inject -o -f "$EX"
expect_usage '--template: "-f" is a flag' -- kinject uninject --template -f "$EX"
expect_usage '--selector: "--policy" is a flag' -- kinject krm --selector --policy enabled
# A namespace the API server would refuse: a DNS-1123 label, at most 63 characters.
expect_usage '--namespace "Bad_NS": not a valid namespace name' -- kinject -n Bad_NS "$EX"
contains err.txt "e.g. my-namespace"
expect_usage "no more than 63 characters" -- kinject -n "$(printf 'a%.0s' $(seq 64))" "$EX"
expect_usage '--namespace: "-shop" is a flag' -- kinject check -n -shop "$EX"
# Combinations and values known wrong before any input is read.
expect_usage "--in-place needs files to rewrite" -- kinject -i < "$EX"
expect_usage "--kube-version one.thirty: not a Kubernetes version" -- kinject --kube-version one.thirty "$EX"
expect_usage "--selector" -- kinject -l 'app in (a' "$EX"
expect_usage "The following argument was not expected: --no-such-flag" -- kinject --no-such-flag "$EX"
expect_usage "would mix the report into the manifests on stdout" -- kinject --report-file - "$EX"
expect_error 1 "--workload StatefulSet=spec.tmplate: no spec.tmplate" -- kinject --workload StatefulSet=spec.tmplate "$EX"
expect_error 1 "did you mean global?" -- kinject --set globl.hub=x "$EX"
# Hostile input.
python3 -c "print('a: ' + '['*100000 + ']'*100000)" > deep.yaml
expect_error 1 "deep.yaml (document 1):1:" -- kinject deep.yaml
printf 'a: &a [x,x,x,x,x,x,x,x,x,x]\n' > laughs.yaml
for c in b c d e f g h i; do p=$(printf '%s' "$c" | tr 'b-i' 'a-h'); printf '%s: &%s [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n' $c $c $p $p $p $p $p $p $p $p $p $p >> laughs.yaml; done
expect_error 1 "--max-alias-nodes" -- kinject laughs.yaml
printf 'apiVersion: v1\nkind: ConfigMap\ndata:\n  a: "caf\xe9"\n' > latin1.yaml
expect_error 1 "latin1.yaml (document 1):4:10: the document contains a byte (0xE9) that is not valid UTF-8" -- kinject latin1.yaml
echo "errors: ok"
