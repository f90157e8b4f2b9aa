#!/usr/bin/env bash
# `kinject uninject` undoes an injection: the example comes back byte for
# byte, in place too; a manifest that was never injected is left alone.
. "$(dirname "$0")/lib.sh"
cd "$WORK"
EX="$SRC/examples/redis-statefulset.yaml"
kinject "$EX" > injected.yaml 2>/dev/null
kinject uninject injected.yaml > back.yaml 2> err.txt || { cat err.txt; fail "uninject failed"; }
contains err.txt "statefulset/redis (ns default): uninjected [istio-init, istio-proxy]"  # native sidecars: both are init containers
cmp "$EX" back.yaml || fail "uninject(inject(example)) is not the example"
# In place, then again: the second run finds nothing to undo and touches nothing.
cp injected.yaml app.yaml
kinject uninject -i app.yaml 2>/dev/null || fail "uninject -i failed"
cmp "$EX" app.yaml || fail "uninject -i did not restore the file"
touch -d 2001-01-01 app.yaml
kinject uninject -i app.yaml 2> err2.txt || fail "a second uninject failed"
contains err2.txt "no sidecar.istio.io/status annotation"
[ "$(stat -c %Y app.yaml)" = "$(date -d 2001-01-01 +%s)" ] || fail "a file with nothing to undo was rewritten"
# A sidecar of one's own is undone with the same template.
T="$SRC/examples/log-shipper"
kinject --template "$T/log-shipper.tmpl" "$T/app.yaml" > shipped.yaml 2>/dev/null
contains shipped.yaml "kinject.io/status"
kinject uninject --template "$T/log-shipper.tmpl" shipped.yaml > unshipped.yaml 2>/dev/null || fail "uninject --template failed"
cmp "$T/app.yaml" unshipped.yaml || fail "uninject --template did not restore the manifest"
# A broken status annotation is an error with its place, and nothing is printed.
sed 's/sidecar.istio.io\/status: .*/sidecar.istio.io\/status: "{not json"/' injected.yaml > broken.yaml
if kinject uninject broken.yaml > out.yaml 2> err3.txt; then fail "a broken status passed"; fi
[ ! -s out.yaml ] || fail "output despite the error"
contains err3.txt "broken.yaml (document 2)"
echo "uninject: ok"
