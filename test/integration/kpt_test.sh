#!/usr/bin/env bash
# The KRM function under the real kpt: injection, results, failure.
. "$(dirname "$0")/lib.sh"
need kpt
cd "$WORK"

# kpt re-serialises every file a function returns (kyaml normalises the
# spacing before inline comments), so "unchanged" is measured against kpt
# running an identity function over the same package.
cp -r "$SRC/examples/kpt" baseline
kpt fn eval baseline --exec cat --fn-config baseline/injection.yaml > /dev/null 2>&1 || fail "kpt cannot run an identity function"

# kpt fn eval with the typed function config: the namespace labelled
# istio-injection=enabled gets the Deployment injected by the webhook rules.
cp -r "$SRC/examples/kpt" pkg
kpt fn eval pkg --exec "kinject krm" --fn-config pkg/injection.yaml > eval.log 2>&1 || { cat eval.log; fail "kpt fn eval failed"; }
contains eval.log "[PASS]"
contains eval.log "webhook namespace.sidecar-injector.istio.io matched namespace shop label istio-injection=enabled"
contains pkg/deployment.yaml "name: istio-proxy"
contains pkg/deployment.yaml "cpu: 50m"
# Comments and other files survive.
contains pkg/namespace.yaml "# the webhooks inject every pod of this namespace"
cmp baseline/injection.yaml pkg/injection.yaml || fail "the function config changed"
cmp baseline/namespace.yaml pkg/namespace.yaml || fail "the Namespace changed"
cmp baseline/Kptfile pkg/Kptfile || fail "the Kptfile changed"

# kpt fn render runs the Kptfile pipeline (exec resolved from PATH).
rm -rf pkg && cp -r "$SRC/examples/kpt" pkg
kpt fn render pkg --allow-exec > render.log 2>&1 || { cat render.log; fail "kpt fn render failed"; }
contains pkg/deployment.yaml "name: istio-proxy"

# Injecting again changes nothing.
cp pkg/deployment.yaml before.yaml
kpt fn eval pkg --exec "kinject krm" --fn-config pkg/injection.yaml > again.log 2>&1 || { cat again.log; fail "second eval failed"; }
cmp before.yaml pkg/deployment.yaml || fail "a second injection changed the package"

# A bad config fails the function: kpt reports it and leaves every file as it was.
rm -rf pkg && cp -r "$SRC/examples/kpt" pkg
if kpt fn eval pkg --exec "kinject krm" -- policy=sometimes > bad.log 2>&1; then fail "a bad config passed"; fi
contains bad.log "[FAIL]"
contains bad.log 'policy \"sometimes\": must be enabled or disabled'
diff -r "$SRC/examples/kpt" pkg > /dev/null || fail "a failed function changed the package"
echo "kpt: ok"
