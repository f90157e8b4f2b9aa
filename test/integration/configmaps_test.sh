#!/usr/bin/env bash
# The cluster's ConfigMaps as kubectl prints them (a List, or helm template's
# stream of every kind) given as one file to --injectConfigFile, --valuesFile
# and --meshConfigFile: the sidecar comes from that file's config, values and
# mesh config, of the revision -r names.
. "$(dirname "$0")/lib.sh"
cd "$WORK"

cat > app.yaml <<'EOF'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: app
        image: web:1
EOF

# One revision's ConfigMaps as List items (kubectl get cm -o yaml): $1 the
# revision ("" = default), $2 the hub.
configmaps() {
  local rev="$1" hub="$2" suffix="" label=default dot=""
  if [ -n "$rev" ]; then suffix="-$rev" label="$rev" dot="$rev."; fi
  cat <<EOF
- apiVersion: v1
  kind: ConfigMap
  metadata:
    name: istio-sidecar-injector$suffix
    namespace: istio-system
    labels:
      istio.io/rev: "$label"
      app.kubernetes.io/version: "1.28.3"
      helm.sh/chart: istiod-1.28.3
  data:
    config: |-
      policy: enabled
      defaultTemplates: [sidecar]
      templates:
        sidecar: |
          spec:
            containers:
            - name: istio-proxy
              image: "{{ .Values.global.hub }}/proxyv2:{{ .Values.global.tag }}"
              env:
              - name: TRUST_DOMAIN
                value: "{{ .MeshConfig.TrustDomain }}"
    values: |-
      {"global": {"hub": "$hub", "tag": "1.28.3"}, "revision": "$rev"}
- apiVersion: v1
  kind: ConfigMap
  metadata:
    name: istio$suffix
    namespace: istio-system
    labels:
      istio.io/rev: "$label"
  data:
    mesh: |-
      defaultConfig:
        discoveryAddress: istiod$suffix.istio-system.svc:15012
      trustDomain: ${dot}cluster.local
- apiVersion: v1
  kind: ConfigMap
  metadata:
    name: istio-ca-root-cert
    namespace: istio-system
  data:
    root-cert.pem: "-----BEGIN CERTIFICATE-----"
EOF
}
{ echo "apiVersion: v1"; echo "items:"; configmaps "" registry.example.com/default
  configmaps canary registry.example.com/canary; echo "kind: List"; } > cluster.yaml
ALL=(--injectConfigFile cluster.yaml --valuesFile cluster.yaml --meshConfigFile cluster.yaml)

# No -r: the default revision's.
kinject "${ALL[@]}" -f app.yaml > out.yaml 2> err.txt || { cat err.txt; fail "the List's default revision failed"; }
contains out.yaml "image: registry.example.com/default/proxyv2:1.28.3"
contains out.yaml "value: cluster.local"
contains out.yaml '"revision":"default"'

# -r canary: the canary revision's, in kube-inject's spelling too.
kinject "${ALL[@]}" -r canary -f app.yaml > canary.yaml 2> err.txt || { cat err.txt; fail "-r canary failed"; }
contains canary.yaml "image: registry.example.com/canary/proxyv2:1.28.3"
contains canary.yaml "value: canary.cluster.local"
contains canary.yaml '"revision":"canary"'
kinject kube-inject "${ALL[@]}" --revision canary -f app.yaml > kube-inject.yaml 2> err.txt || { cat err.txt; fail "kube-inject failed"; }
contains kube-inject.yaml "image: registry.example.com/canary/proxyv2:1.28.3"

# A helm template stream: other kinds are passed over.
{ printf -- '---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: istiod\n'
  printf -- '---\napiVersion: admissionregistration.k8s.io/v1\nkind: MutatingWebhookConfiguration\nmetadata:\n  name: istio-sidecar-injector\nwebhooks: []\n'
  configmaps canary registry.example.com/canary | sed -e 's/^- /---\n/' -e 's/^  //'; } > helm.yaml
kinject --injectConfigFile helm.yaml --valuesFile helm.yaml --meshConfigFile helm.yaml -f app.yaml > helm-out.yaml 2> err.txt \
  || { cat err.txt; fail "the helm template stream failed"; }
# Only revision canary is there: without -r, it is taken.
contains helm-out.yaml "image: registry.example.com/canary/proxyv2:1.28.3"
contains helm-out.yaml '"revision":"canary"'

# A revision the file lacks: the error lists what it holds, nothing is printed.
if kinject "${ALL[@]}" -r stable -f app.yaml > none.yaml 2> err.txt; then fail "-r stable passed"; fi
[ ! -s none.yaml ] || fail "output despite the error"
contains err.txt "cluster.yaml: holds no istio-sidecar-injector[-REV] ConfigMap of revision stable"
contains err.txt "istio-system/istio-sidecar-injector-canary (injector, revision canary, 1.28.3"
contains err.txt "-r canary selects istio-system/istio-sidecar-injector-canary"
echo "configmaps: ok"
