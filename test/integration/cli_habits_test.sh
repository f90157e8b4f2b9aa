#!/usr/bin/env bash
# The habits people bring from kubectl and istioctl: -n, `kinject inject`,
# a hint instead of a silent wait on a terminal, errors as JSON with
# --report json, the summary line. (The pipeline's side is in
# pipeline_test.cpp: "report: ...".)
. "$(dirname "$0")/lib.sh"
cd "$WORK"
EX="$SRC/examples/redis-statefulset.yaml"

# `kinject inject` is the default command; `kubectl inject inject` works too.
kinject -f "$EX" > plain.yaml 2> plain.err
kinject inject -f "$EX" > alias.yaml 2> alias.err || fail "kinject inject -f failed"
cmp -s plain.yaml alias.yaml || fail "kinject inject differs from kinject"
cmp -s plain.err alias.err || fail "kinject inject reports differently"
kinject inject "$EX" --diff > alias.diff 2>/dev/null && fail "kinject inject --diff: exit 0 with changes"
grep -q "^+.*istio-proxy" alias.diff || fail "kinject inject --diff lacks the proxy"

# -n is --namespace, as in kubectl.
kinject -n shop -f "$EX" > /dev/null 2> n.err
contains n.err "statefulset/redis (ns shop): injected"

# The text report ends with the summary line.
tail -1 plain.err > summary.txt
contains summary.txt "summary: 1 injected, 0 skipped, 0 unchanged in 1 input; written to stdout"

# --report json: an error is one JSON object on stderr.
printf 'a: [b\n' > bad.yaml
set +e; kinject --report json bad.yaml > out.txt 2> err.json; rc=$?; set -e
[ $rc = 1 ] || fail "bad YAML with --report json: exit $rc"
[ ! -s out.txt ] || fail "bad YAML with --report json: printed to stdout"
python3 -c 'import json,sys; e=json.load(open(sys.argv[1]))["error"]; assert e["file"]=="bad.yaml" and e["line"]>0, e' err.json \
  || fail "the error is not JSON with its place: $(cat err.json)"

# -i -o json is refused, a usage error (exit 2 and a hint), and the file stays.
cp "$EX" app.yaml
set +e; kinject -i -o json app.yaml 2> err.txt; rc=$?; set -e
[ $rc = 2 ] || fail "-i -o json: exit $rc"
contains err.txt "-o json cannot be combined with -i"
contains err.txt "Run with --help for more information."
cmp -s "$EX" app.yaml || fail "-i -o json changed the file"

# No input and a terminal for stdin: a hint and exit 2, not a silent wait.
# `script` (util-linux) gives kinject a terminal.
if command -v script >/dev/null 2>&1 && command -v timeout >/dev/null 2>&1; then
  set +e; timeout 10 script -qec "kinject" /dev/null < /dev/null > tty.txt 2>&1; rc=$?; set -e
  [ $rc = 2 ] || { cat tty.txt; fail "no input on a terminal: exit $rc (124 = it waited)"; }
  contains tty.txt "no input: name manifests with -f FILE"
else
  echo "note: script or timeout missing; the terminal case is not checked"
fi
# Not a terminal: stdin is read as always.
kinject < "$EX" > piped.yaml 2>/dev/null
cmp -s plain.yaml piped.yaml || fail "stdin from a file differs"
