#!/usr/bin/env bash
# kinject check follows kubectl diff: 0 nothing would change, 1 something
# would, >1 error; --diff prints a unified diff that patch applies.
. "$(dirname "$0")/lib.sh"
cd "$WORK"
cp "$SRC/examples/redis-statefulset.yaml" app.yaml
set +e
kinject check app.yaml > out.txt 2> err.txt; rc=$?
set -e
[ $rc = 1 ] || fail "check on an uninjected file: exit $rc, want 1"
contains err.txt "statefulset/redis (ns default): would inject"
[ ! -s out.txt ] || fail "check without --diff printed to stdout"
set +e
kinject check --diff app.yaml > app.diff 2>/dev/null; rc=$?
set -e
[ $rc = 1 ] || fail "check --diff: exit $rc"
contains app.diff "--- a/app.yaml"
contains app.diff "+        - name: istio-proxy"
# `kinject --diff` is the same gate.
set +e
kinject --diff app.yaml > app2.diff 2>/dev/null; rc=$?
set -e
[ $rc = 1 ] || fail "kinject --diff: exit $rc"
cmp app.diff app2.diff || fail "kinject --diff and kinject check --diff differ"
patch -s -p1 < app.diff || fail "patch could not apply the diff"
kinject "$SRC/examples/redis-statefulset.yaml" 2>/dev/null > expected.yaml
cmp app.yaml expected.yaml || fail "the patched file differs from the injected one"
set +e
kinject check app.yaml > /dev/null 2> err.txt; rc=$?
set -e
[ $rc = 0 ] || fail "check on an injected file: exit $rc, want 0"
contains err.txt "unchanged"
set +e
kinject check missing.yaml 2>/dev/null; rc=$?
set -e
[ $rc -gt 1 ] || fail "check on a missing file: exit $rc, want >1"
echo "check: ok"
