#!/usr/bin/env bash
# The Argo CD config management plugin's generate command, run as the
# cmp-server runs it: in the app's directory, with ARGOCD_ENV_* options;
# stdout must be only manifests, errors must fail with nothing on stdout.
. "$(dirname "$0")/lib.sh"
cd "$WORK"
# Extract spec.generate.args[0] from the plugin.
python3 - "$SRC/examples/argocd/plugin.yaml" > generate.sh <<'PY'
import sys, yaml
p = yaml.safe_load(open(sys.argv[1]))
assert p["kind"] == "ConfigManagementPlugin"
assert p["spec"]["generate"]["command"] == ["bash", "-c"]
print(p["spec"]["generate"]["args"][0])
PY
mkdir app && cp "$SRC/examples/redis-statefulset.yaml" app/
# A second file whose first line is not `---`: a naive `cat *.yaml` would glue
# it onto the last document of the first file.
printf 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: zz-settings\ndata:\n  a: "1"\n' > app/zz.yaml
(cd app && ARGOCD_ENV_KINJECT_RULES=istio bash ../generate.sh > ../out.yaml 2> ../err.txt) || { cat err.txt; fail "generate failed"; }
contains err.txt "statefulset/redis (ns default): skipped"
contains out.yaml "name: zz-settings"
lacks out.yaml "istio-proxy"
(cd app && ARGOCD_APP_NAMESPACE=shop bash ../generate.sh > ../out2.yaml 2> ../err2.txt) || { cat err2.txt; fail "generate failed"; }
contains out2.yaml "name: istio-proxy"
contains err2.txt "statefulset/redis (ns shop): injected"
python3 - out2.yaml <<'PY' || fail "the documents of the two files were not kept apart"
import sys, yaml
docs = [d for d in yaml.safe_load_all(open(sys.argv[1])) if d]
kinds = sorted(d["kind"] for d in docs)
assert kinds == ["ConfigMap", "Service", "StatefulSet"], kinds
PY
# Issue 23, item 5: every setting the flags take, by the same table: a
# cluster snapshot and a --set among them; a misspelt one fails the sync.
cat > app/cluster.yaml <<'SNAP'
apiVersion: v1
kind: List
items:
- {apiVersion: v1, kind: Namespace, metadata: {name: shop, labels: {istio-injection: enabled}}}
- apiVersion: admissionregistration.k8s.io/v1
  kind: MutatingWebhookConfiguration
  metadata: {name: istio-sidecar-injector, labels: {istio.io/rev: default}}
  webhooks:
  - name: namespace.sidecar-injector.istio.io
    clientConfig: {service: {name: istiod, namespace: istio-system}}
    rules: [{operations: [CREATE], apiGroups: [''], apiVersions: [v1], resources: [pods]}]
    namespaceSelector: {matchLabels: {istio-injection: enabled}}
SNAP
(cd app && ARGOCD_APP_NAMESPACE=shop ARGOCD_ENV_KINJECT_CLUSTER=cluster.yaml ARGOCD_ENV_KINJECT_ISTIO_VERSION=1.28 \
  ARGOCD_ENV_KINJECT_SET="global.hub=registry.example.com/istio" bash ../generate.sh > ../out4.yaml 2> ../err4.txt) ||
  { cat err4.txt; fail "generate with a snapshot failed"; }
contains err4.txt "statefulset/redis (ns shop): injected"
contains err4.txt "webhook namespace.sidecar-injector.istio.io"
contains out4.yaml "image: registry.example.com/istio/proxyv2:1.28"
rm app/cluster.yaml
if (cd app && ARGOCD_ENV_KINJECT_RULSE=istio bash ../generate.sh > ../out5.yaml 2> ../err5.txt); then fail "a misspelt setting passed"; fi
contains err5.txt "ARGOCD_ENV_KINJECT_RULSE: no such setting"
[ ! -s out5.yaml ] || fail "output with a misspelt setting"
printf 'kind: Pod\nmetadata: {name: [broken\n' > app/broken.yaml
if (cd app && bash ../generate.sh > ../out3.yaml 2>/dev/null); then fail "a broken manifest passed"; fi
[ ! -s out3.yaml ] || fail "output on failure"
# --namespace-from-env, for the image's plugin, which has no shell to write
# --namespace "$ARGOCD_APP_NAMESPACE" with: below the settings variable and -n.
mkdir ns && web_deployment > ns/web.yaml
nsrun() { kinject -f ns --settings-from-env ARGOCD_ENV_ --namespace-from-env ARGOCD_APP_NAMESPACE "$@"; }
ARGOCD_APP_NAMESPACE=shop nsrun > /dev/null 2> ns1.txt || { cat ns1.txt; fail "--namespace-from-env failed"; }
contains ns1.txt "deployment/web (ns shop)"
ARGOCD_APP_NAMESPACE=shop ARGOCD_ENV_KINJECT_NAMESPACE=tools nsrun > /dev/null 2> ns2.txt || fail "--namespace-from-env failed"
contains ns2.txt "deployment/web (ns tools)"
ARGOCD_APP_NAMESPACE=shop ARGOCD_ENV_KINJECT_NAMESPACE=tools nsrun -n web > /dev/null 2> ns3.txt || fail "--namespace-from-env failed"
contains ns3.txt "deployment/web (ns web)"
ARGOCD_APP_NAMESPACE= nsrun > /dev/null 2> ns4.txt || fail "--namespace-from-env with an empty variable failed"
contains ns4.txt "deployment/web (ns default)"
if ARGOCD_APP_NAMESPACE=Not_A_Namespace nsrun > ns5.out 2> ns5.txt; then fail "an invalid namespace passed"; fi
contains ns5.txt "ARGOCD_APP_NAMESPACE (--namespace-from-env)"
[ ! -s ns5.out ] || fail "output with an invalid namespace"
echo "argocd plugin: ok"
