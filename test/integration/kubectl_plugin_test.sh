#!/usr/bin/env bash
# `cmake --install` makes kinject a kubectl plugin: kubectl finds it and runs it.
. "$(dirname "$0")/lib.sh"
need kubectl
: "${BUILD:?set BUILD to the build directory}"
cd "$WORK"
cmake --install "$BUILD" --prefix "$WORK/prefix" > install.log 2>&1 || { cat install.log; fail "cmake --install failed"; }
[ -x "$WORK/prefix/bin/kubectl-inject" ] || fail "kubectl-inject was not installed"
export PATH="$WORK/prefix/bin:$PATH"
kubectl plugin list > "$WORK/plugins.txt" 2>&1 || true
contains "$WORK/plugins.txt" "kubectl-inject"
kubectl inject -f "$SRC/examples/redis-statefulset.yaml" > "$WORK/out.yaml" 2> "$WORK/err.txt" || { cat "$WORK/err.txt"; fail "kubectl inject failed"; }
contains "$WORK/out.yaml" "name: istio-proxy"
contains "$WORK/err.txt" "statefulset/redis (ns default): injected"
echo "kubectl plugin: ok"
