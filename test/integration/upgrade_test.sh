#!/usr/bin/env bash
# An upgrade converges in one run: a manifest injected with Istio 1.24's
# default (classic sidecar) and injected in place with 1.30's (native) is
# what kinject check then accepts and a second -i leaves as it is; and so
# back to classic (--kube-version 1.32). Before issue 23 the 1.24 proxy
# survived as a "user override" beside 1.30's istio-init, check failed after
# -i, and every run changed the file again.
. "$(dirname "$0")/lib.sh"
cd "$WORK"
cp "$SRC/examples/redis-statefulset.yaml" app.yaml
kinject -i --istio-version 1.24 app.yaml 2>/dev/null
contains app.yaml "image: docker.io/istio/proxyv2:1.24.6"

# Whether the pod spec's list $1 (containers, initContainers) of app.yaml
# has an item named $2.
in_list() {
  awk -v list="$1" -v name="$2" '
    /^      [A-Za-z]/ { inside = ($0 == "      " list ":") ; next }
    inside && $0 ~ "^ *- name: " name "$" { found = 1 }
    END { exit !found }' app.yaml
}

upgrade() {  # $@: the flags of the new configuration
  kinject -i "$@" app.yaml 2> err.txt || fail "kinject -i $*: $(cat err.txt)"
  contains err.txt "re-injected"
  lacks app.yaml "proxyv2:1.24"
  set +e
  kinject check "$@" app.yaml > /dev/null 2> err.txt; rc=$?
  set -e
  [ $rc = 0 ] || fail "kinject check $* after kinject -i $*: exit $rc: $(cat err.txt)"
  contains err.txt "unchanged"
  cp app.yaml before.yaml
  kinject -i "$@" app.yaml 2>/dev/null
  cmp before.yaml app.yaml || fail "a second kinject -i $* changed the file"
  [ "$(grep -c 'name: istio-proxy$' app.yaml)" = 1 ] || fail "not exactly one istio-proxy after kinject -i $*"
}
upgrade                          # 1.30, native on a current Kubernetes
in_list initContainers istio-init || fail "no istio-init after the upgrade"
in_list initContainers istio-proxy || fail "istio-proxy is not an init container"
in_list containers istio-proxy && fail "istio-proxy is still among the containers"
upgrade --kube-version 1.32      # 1.30, classic
in_list containers istio-proxy || fail "istio-proxy is not among the containers"
in_list initContainers istio-proxy && fail "istio-proxy is still an init container"
lacks app.yaml "restartPolicy: Always"
echo "upgrade: ok"
