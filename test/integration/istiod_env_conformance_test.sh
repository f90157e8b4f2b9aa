#!/usr/bin/env bash
# The invariant behind istiod_env.h, over Istio's own cases: istiod's
# environment is one thing however it is given. Every kube-inject golden case
# of Istio 1.30 and 1.31 that runs with an environment (ENABLE_NATIVE_SIDECARS,
# COMPLIANCE_POLICY, PLATFORM) is run twice: with the environment as kinject's
# own, and with it only in the values file's pilot.env (as istiod's chart
# records it in the injector ConfigMap). The two outputs and reports must be
# the same, byte for byte, but for where the report says the setting came
# from. A reader of the environment that bypasses the one lookup (as
# ENABLE_NATIVE_SIDECARS and COMPLIANCE_POLICY did before issue 23) fails it.
. "$(dirname "$0")/lib.sh"
for v in 1.30 1.31; do
  C=$(reference_part "conformance/istio-$v") || exit $?
  python3 - "$C" "$WORK" <<'PY' || fail "Istio $v: the environment given as pilot.env is not the same as kinject's own"
import json, os, re, subprocess, sys, yaml
root, work = sys.argv[1], sys.argv[2]
cases = json.load(open(os.path.join(root, "cases.json")))["cases"]
base = {k: v for k, v in os.environ.items() if k not in ("ENABLE_NATIVE_SIDECARS", "COMPLIANCE_POLICY", "PLATFORM")}
ran = differ = 0
for c in cases:
    if not c.get("env") or c.get("inputs_missing") or c.get("webhook_only"):
        continue
    mesh = os.path.join(root, c["mesh"])
    if c.get("mesh_overlay"):
        m = yaml.safe_load(open(mesh)) or {}
        m.update(yaml.safe_load(c["mesh_overlay"]))  # both runs read the same mesh: a shallow merge will do
        mesh = os.path.join(work, "mesh.yaml")
        yaml.safe_dump(m, open(mesh, "w"))
    values = yaml.safe_load(open(os.path.join(root, c["values"])))
    values.setdefault("pilot", {})["env"] = dict(values["pilot"].get("env") or {}, **c["env"])
    with_env = os.path.join(work, "values-env.json")
    json.dump(values, open(with_env, "w"))
    def run(values_file, env):
        cmd = ["kinject", "--injectConfigFile", os.path.join(root, c["template"]), "--valuesFile", values_file,
               "--meshConfigFile", mesh, "-f", os.path.join(root, c["in"])]
        r = subprocess.run(cmd, env=env, capture_output=True)
        # The report names the origin of a value that came from the values.
        err = re.sub(rb" \(ENABLE_NATIVE_SIDECARS from values\.pilot\.env of [^)]*\)", b"", r.stderr)
        return r.returncode, r.stdout, err
    a = run(os.path.join(root, c["values"]), dict(base, **c["env"]))
    b = run(with_env, base)
    ran += 1
    if a != b:
        differ += 1
        print(f"case {c['index']} ({c['in']}, env {c['env']}): kinject's environment and pilot.env differ")
        print("  env:      ", a[0], a[2].decode(errors="replace")[:300])
        print("  pilot.env:", b[0], b[2].decode(errors="replace")[:300])
print(f"Istio {os.path.basename(root)}: {ran} cases with an environment, {differ} differ when it is given as pilot.env")
sys.exit(1 if differ or not ran else 0)
PY
done
echo "istiod env over Istio's cases: ok"
