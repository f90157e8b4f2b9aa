#!/usr/bin/env bash
# Helm's post-renderer contract: manifests in on stdin, manifests out on
# stdout, `# Source:` comments and every annotation kept, a failure exits
# non-zero and never prints nothing for a non-empty input. The real helm is
# used when the machine has it.
. "$(dirname "$0")/lib.sh"
cd "$WORK"
R="$SRC/examples/helm/kinject-post-renderer"
"$R" < "$SRC/examples/helm/rendered.yaml" > out.yaml 2> err.txt || { cat err.txt; fail "post-renderer failed"; }
[ -s out.yaml ] || fail "empty output"
contains out.yaml "# Source: web/templates/service.yaml"
contains out.yaml "# Source: web/templates/deployment.yaml"
contains out.yaml "postrenderer.helm.sh/postrender-filename: templates/deployment.yaml"
contains out.yaml "name: istio-proxy"
contains out.yaml '"helm.sh/hook": test'
# The Service went through byte for byte.
sed -n '1,/^---$/p' "$SRC/examples/helm/rendered.yaml" > a.txt
sed -n '1,/^---$/p' out.yaml > b.txt
cmp a.txt b.txt || fail "the first document changed"
# Extra arguments pass through (helm --post-renderer-args).
"$R" --policy disabled < "$SRC/examples/helm/rendered.yaml" > same.yaml 2>/dev/null
cmp same.yaml "$SRC/examples/helm/rendered.yaml" || fail "--post-renderer-args not honoured"
# The report can be kept despite Helm discarding stderr.
KINJECT_REPORT="$WORK/report.txt" "$R" < "$SRC/examples/helm/rendered.yaml" > kept.yaml 2> err.txt
contains report.txt "deployment/web (ns default): injected"
[ ! -s err.txt ] || fail "the report still went to stderr"
cmp out.yaml kept.yaml || fail "keeping the report changed the output"
# Failure: non-zero exit, nothing on stdout.
printf 'apiVersion: v1\nkind: Pod\nmetadata: {name: [broken\n' > bad.yaml
if "$R" < bad.yaml > badout.yaml 2>/dev/null; then fail "broken input passed"; fi
[ ! -s badout.yaml ] || fail "output on failure"
# The Helm 4 plugin's manifest declares the postrenderer/v1 type and runs the script.
P="$SRC/examples/helm/kinject-postrenderer"
contains "$P/plugin.yaml" "type: postrenderer/v1"
contains "$P/plugin.yaml" 'command: ${HELM_PLUGIN_DIR}/post-render'
HELM_PLUGIN_DIR="$P" "$P/post-render" < "$SRC/examples/helm/rendered.yaml" > p4.yaml 2>/dev/null
cmp out.yaml p4.yaml || fail "the Helm 4 plugin differs from the Helm 3 post-renderer"

if command -v helm >/dev/null 2>&1; then
  helm create web > /dev/null
  helm template web ./web --post-renderer "$R" > helm.yaml || fail "helm template --post-renderer failed"
  contains helm.yaml "name: istio-proxy"
fi
echo "helm post-renderer: ok"
