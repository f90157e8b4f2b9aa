#!/usr/bin/env bash
# Issue 25: kinject's OCI image, built by image/build and run as its hosts
# run it. The image's root file system is unpacked from the OCI layout
# (umoci unpack) and its programs run there in a chroot, as the user, with
# the environment, the working directory and the arguments a runtime would
# give them: the entrypoint (kpt's function contract) on a ResourceList, and
# the Argo CD plugin's generate command, read from the plugin.yaml inside the
# image, on an app directory as the cmp-server runs it. Prints the image's
# size and checks that it is the static binary plus a few KB.
. "$(dirname "$0")/lib.sh"
for tool in umoci skopeo readelf strip python3; do need "$tool"; done
[ "$(id -u)" -eq 0 ] || skip "running the image's entrypoint in a chroot needs root"
cd "$WORK"

# The static binary: KINJECT_IMAGE_BINARY, or $KINJECT where it is static,
# else image/build builds one (in $BUILD/image/static, kept between runs).
out=${BUILD:-$WORK}/image
binary_args=()
if [ -n "${KINJECT_IMAGE_BINARY:-}" ]; then
  binary_args=(--binary "$KINJECT_IMAGE_BINARY")
elif ! readelf -l "$KINJECT" | grep -q 'program interpreter'; then
  binary_args=(--binary "$KINJECT")
fi
start=$(date +%s)
"$SRC/image/build" --out "$out" "${binary_args[@]}" > build.txt 2>&1 || { cat build.txt; fail "image/build failed"; }
echo "image/build: $(($(date +%s) - start)) s"
version=$(sed -n 's/^project(kinject VERSION \([^ )]*\).*/\1/p' "$SRC/CMakeLists.txt")
umoci unpack --image "$out/oci:$version" bundle > /dev/null || fail "umoci could not unpack the image"
rootfs=$WORK/bundle/rootfs

# The image's configuration: what kpt runs, as whom, and its labels.
python3 - "$out/oci" "$version" "$(git -C "$SRC" rev-parse HEAD 2>/dev/null || echo unknown)" <<'PY' || fail "image config"
import json, sys, os
layout, version, head = sys.argv[1:]
def blob(d): return os.path.join(layout, "blobs", *d.split(":"))
index = json.load(open(os.path.join(layout, "index.json")))
[m] = [m for m in index["manifests"] if m["annotations"]["org.opencontainers.image.ref.name"] == version]
manifest = json.load(open(blob(m["digest"])))
config = json.load(open(blob(manifest["config"]["digest"])))["config"]
assert config["Entrypoint"] == ["/usr/bin/kinject", "krm"], config
assert "Cmd" not in config or not config["Cmd"], config
assert config["User"] == "65534:65534", config
labels = config["Labels"]
assert labels["org.opencontainers.image.version"] == version, labels
assert labels["org.opencontainers.image.revision"].split("-")[0] == head, labels
assert labels["org.opencontainers.image.licenses"] == "Apache-2.0", labels
assert labels["org.opencontainers.image.source"], labels
assert len(manifest["layers"]) == 1, manifest["layers"]
PY

# Every file of the image, and nothing else: no shell, no certificates.
(cd "$rootfs" && find . -printf '%M %u %p\n' | sort -k3) > files.txt
cat > files.want <<'LIST'
drwxr-xr-x root .
drwxr-xr-x root ./etc
-rw-r--r-- root ./etc/group
-rw-r--r-- root ./etc/passwd
drwxr-xr-x root ./home
drwxr-xr-x root ./home/argocd
drwxr-xr-x root ./home/argocd/cmp-server
drwxr-xr-x root ./home/argocd/cmp-server/config
-rw-r--r-- root ./home/argocd/cmp-server/config/plugin.yaml
drwxrwxrwt root ./tmp
drwxr-xr-x root ./usr
drwxr-xr-x root ./usr/bin
-rwxr-xr-x root ./usr/bin/kinject
drwxr-xr-x root ./usr/share
drwxr-xr-x root ./usr/share/doc
drwxr-xr-x root ./usr/share/doc/kinject
-rw-r--r-- root ./usr/share/doc/kinject/LICENSE
LIST
diff files.want files.txt || fail "the image's files are not the expected ones"
contains "$rootfs/etc/passwd" "nobody:x:65534:65534:"   # kpt runs functions as --user nobody
contains "$rootfs/etc/passwd" "argocd:x:999:999:"       # Argo CD runs plugin sidecars as 999
cmp "$SRC/image/plugin.yaml" "$rootfs/home/argocd/cmp-server/config/plugin.yaml" || fail "plugin.yaml differs"

# Runs a program in the image as a container runtime would: chroot into the
# root file system, change to CWD, become UID:GID, exec ARGV with exactly
# ENV (NAME=VALUE ...). Usage: in_image UID:GID CWD ENV... -- ARGV...
# (The launcher is a file: a here-document would take the program's stdin.)
cat > "$WORK/in_image.py" <<'PY'
import os, sys
root, user, cwd, *rest = sys.argv[1:]
sep = rest.index("--")
env = dict(e.split("=", 1) for e in rest[:sep])
argv = rest[sep + 1:]
uid, gid = (int(x) for x in user.split(":"))
os.chroot(root)
os.chdir(cwd)
os.setgroups([])
os.setgid(gid)
os.setuid(uid)
os.execve(argv[0], argv, env)
PY
in_image() { python3 "$WORK/in_image.py" "$rootfs" "$@"; }
# The process the runtime starts: user, working directory, environment and
# arguments from the runtime configuration umoci derived from the image.
mapfile -t process < <(python3 -c 'import json,sys
p = json.load(open(sys.argv[1]))["process"]
print("\n".join(["%d:%d" % (p["user"]["uid"], p["user"]["gid"]), p["cwd"], *p["env"], "--", *p["args"]]))' bundle/config.json)

# 1. kpt: `kpt fn eval --image kinject:VERSION -- policy=enabled` sends a
# ResourceList with a ConfigMap functionConfig on stdin.
cat > rl.yaml <<'YAML'
apiVersion: config.kubernetes.io/v1
kind: ResourceList
items:
- apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
    annotations:
      config.kubernetes.io/index: '0'
      internal.config.kubernetes.io/path: 'web.yaml'
  spec:
    selector:
      matchLabels: {app: web}
    template:
      metadata:
        labels: {app: web}
      spec:
        containers:
        - name: app
          image: web:1
- apiVersion: v1
  kind: Service
  metadata:
    name: web
    annotations:
      config.kubernetes.io/index: '1'
      internal.config.kubernetes.io/path: 'web.yaml'
  spec:
    ports: [{port: 80}]
functionConfig:
  apiVersion: v1
  kind: ConfigMap
  metadata: {name: function-input}
  data: {policy: enabled}
YAML
in_image "${process[@]}" < rl.yaml > rl.out 2> rl.err || { cat rl.err; fail "the entrypoint failed on a ResourceList"; }
python3 - rl.out <<'PY' || fail "the entrypoint's ResourceList"
import sys, yaml
rl = yaml.safe_load(open(sys.argv[1]))
assert rl["kind"] == "ResourceList", rl["kind"]
items = {(i["kind"], i["metadata"]["name"]): i for i in rl["items"]}
assert sorted(items) == [("Deployment", "web"), ("Service", "web")], sorted(items)
pod = items["Deployment", "web"]["spec"]["template"]["spec"]
names = [c["name"] for c in pod.get("initContainers", []) + pod["containers"]]
assert "istio-proxy" in names and "app" in names, names
assert items["Deployment", "web"]["metadata"]["annotations"]["internal.config.kubernetes.io/path"] == "web.yaml"
assert "initContainers" not in items["Service", "web"]["spec"]
[r] = [r for r in rl["results"] if r.get("resourceRef", {}).get("name") == "web"]
assert r["severity"] == "info" and "injected" in r["message"], r
assert r["file"]["path"] == "web.yaml", r
PY
echo "image: kpt ResourceList through the entrypoint: web injected, the Service unchanged, an info result"
# A functionConfig kinject refuses: exit 1, the items unchanged, an error result.
sed 's/policy: enabled/policy: sometimes/' rl.yaml > rl-bad.yaml
if in_image "${process[@]}" < rl-bad.yaml > rl-bad.out 2>/dev/null; then fail "a bad functionConfig passed"; fi
contains rl-bad.out "severity: error"
contains rl-bad.out "name: web"
lacks rl-bad.out "istio-proxy"

# 2. Argo CD: the cmp-server (as user 999, with the sidecar's environment)
# runs the generate command of the image's plugin.yaml in the app's
# directory, which it has extracted under /tmp. The cluster snapshot is a
# ConfigMap mounted at /etc/kinject (docs/integrations.md), named by the
# sidecar's ARGOCD_ENV_KINJECT_CLUSTER.
mapfile -t generate < <(python3 -c 'import sys, yaml
p = yaml.safe_load(open(sys.argv[1]))
assert p["kind"] == "ConfigManagementPlugin" and p["metadata"]["name"] == "kinject" and p["spec"]["version"] == "v1"
assert "init" not in p["spec"] and "discover" not in p["spec"]
g = p["spec"]["generate"]
print("\n".join(g["command"] + g.get("args", [])))' "$rootfs/home/argocd/cmp-server/config/plugin.yaml")
mkdir -p "$rootfs/tmp/app" "$rootfs/etc/kinject"
cp "$SRC/examples/redis-statefulset.yaml" "$rootfs/tmp/app/"
web_deployment > "$rootfs/tmp/app/web.yaml"
chown -R 999:999 "$rootfs/tmp/app"
{ echo 'apiVersion: v1'; echo 'kind: List'; echo 'items:'
  echo '- {apiVersion: v1, kind: Namespace, metadata: {name: shop, labels: {istio-injection: enabled}}}'
  echo '- {apiVersion: v1, kind: Namespace, metadata: {name: tools}}'
  istio_webhook_item; } > "$rootfs/etc/kinject/cluster.yaml"
# The snapshot here holds no Istio ConfigMaps, so the sidecar also names the release.
sidecar_env=(PATH=/usr/bin HOME=/home/argocd ARGOCD_ENV_KINJECT_CLUSTER=/etc/kinject/cluster.yaml
  ARGOCD_ENV_KINJECT_ISTIO_VERSION=1.28)
cmp_run() {  # cmp_run OUT ERR ENV...: the generate command as the cmp-server runs it
  local o=$1 e=$2; shift 2
  in_image 999:999 /tmp/app "${sidecar_env[@]}" ARGOCD_APP_NAME=shop-web "$@" -- "${generate[@]}" > "$o" 2> "$e"
}
cmp_run cmp.out cmp.err ARGOCD_APP_NAMESPACE=shop ARGOCD_ENV_KINJECT_SET=global.hub=registry.example.com/istio ||
  { cat cmp.err; fail "the plugin's generate command failed"; }
contains cmp.err "deployment/web (ns shop): injected"
contains cmp.err "statefulset/redis (ns shop): injected"
contains cmp.err "webhook namespace.sidecar-injector.istio.io"
python3 - cmp.out <<'PY' || fail "the plugin's manifests"
import sys, yaml
docs = [d for d in yaml.safe_load_all(open(sys.argv[1])) if d]
kinds = sorted((d["kind"], d["metadata"]["name"]) for d in docs)
assert kinds == [("Deployment", "web"), ("Service", "redis"), ("StatefulSet", "redis")], kinds
for d in docs:
    if d["kind"] == "Service": continue
    pod = d["spec"]["template"]["spec"]
    proxies = [c for c in pod.get("initContainers", []) + pod["containers"] if c["name"] == "istio-proxy"]
    assert len(proxies) == 1 and proxies[0]["image"].startswith("registry.example.com/istio/proxyv2:1.28."), proxies
PY
echo "image: Argo CD generate command on an app directory: web and redis injected (namespace shop, from the snapshot)"
# The destination namespace decides: `tools` has no injection label.
cmp_run cmp2.out cmp2.err ARGOCD_APP_NAMESPACE=tools || { cat cmp2.err; fail "generate (tools) failed"; }
contains cmp2.err "deployment/web (ns tools): skipped"
lacks cmp2.out "istio-proxy"
# The Application's plugin parameters (ARGOCD_APP_PARAMETERS, as the
# cmp-server sends them): over the sidecar's environment.
cmp_run cmp5.out cmp5.err ARGOCD_APP_NAMESPACE=shop \
  'ARGOCD_APP_PARAMETERS=[{"name":"set","array":["global.hub=mirror.example.com/istio"]},{"name":"istioVersion","string":"1.30"}]' ||
  { cat cmp5.err; fail "generate with parameters failed"; }
contains cmp5.err "deployment/web (ns shop): injected"
contains cmp5.out "image: mirror.example.com/istio/proxyv2:1.30."
lacks cmp5.out "proxyv2:1.28."
if cmp_run cmp6.out cmp6.err ARGOCD_APP_NAMESPACE=shop 'ARGOCD_APP_PARAMETERS=[{"name":"rulse","string":"istio"}]'; then
  fail "a misspelt parameter passed"
fi
contains cmp6.err 'ARGOCD_APP_PARAMETERS: unknown setting "rulse"'
[ ! -s cmp6.out ] || fail "output with a misspelt parameter"
echo "image: Argo CD generate command with the Application's parameters: hub and release from them"
# A misspelt setting and a broken manifest fail the sync with nothing on stdout.
if cmp_run cmp3.out cmp3.err ARGOCD_APP_NAMESPACE=shop ARGOCD_ENV_KINJECT_RULSE=istio; then fail "a misspelt setting passed"; fi
contains cmp3.err "ARGOCD_ENV_KINJECT_RULSE: no such setting"
[ ! -s cmp3.out ] || fail "output with a misspelt setting"
printf 'kind: Pod\nmetadata: {name: [broken\n' > "$rootfs/tmp/app/broken.yaml"
if cmp_run cmp4.out cmp4.err ARGOCD_APP_NAMESPACE=shop; then fail "a broken manifest passed"; fi
[ ! -s cmp4.out ] || fail "output on failure"

# 3. The docker-archive names the image and holds the same single layer.
python3 - "$out/kinject-image.tar" "$version" <<'PY' || fail "docker-archive"
import json, sys, tarfile
t = tarfile.open(sys.argv[1])
[m] = json.load(t.extractfile("manifest.json"))
# skopeo writes the name in full; docker load and podman load list it as kinject:VERSION.
assert m["RepoTags"] == ["docker.io/library/kinject:" + sys.argv[2]], m["RepoTags"]
assert len(m["Layers"]) == 1, m["Layers"]
PY

# 4. Size: the stripped static binary plus a few KB.
read -r bin_size layer_gz layer_tar total_oci archive < <(python3 - "$out/oci" "$version" "$rootfs/usr/bin/kinject" "$out/kinject-image.tar" <<'PY'
import gzip, json, os, sys
layout, version, binary, archive = sys.argv[1:]
def blob(d): return os.path.join(layout, "blobs", *d.split(":"))
index = json.load(open(os.path.join(layout, "index.json")))
[m] = [m for m in index["manifests"] if m["annotations"]["org.opencontainers.image.ref.name"] == version]
manifest = json.load(open(blob(m["digest"])))
[layer] = manifest["layers"]
with gzip.open(blob(layer["digest"])) as f:
    tar_size = sum(len(chunk) for chunk in iter(lambda: f.read(1 << 20), b""))
total = m["size"] + manifest["config"]["size"] + layer["size"]
print(os.path.getsize(binary), layer["size"], tar_size, total, os.path.getsize(archive))
PY
)
echo "image size: binary $bin_size B (stripped, static); layer $layer_gz B gzip, $layer_tar B as tar; image $total_oci B (manifest + config + layer); docker-archive $archive B"
[ $((layer_tar - bin_size)) -le 65536 ] || fail "the layer is $((layer_tar - bin_size)) B more than the binary (at most 64 KiB)"
echo "image: ok"
