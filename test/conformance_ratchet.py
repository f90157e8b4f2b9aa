#!/usr/bin/env python3
"""Runs Istio's kube-inject golden cases (tools/istio-conformance of the
reference data: KINJECT_REFERENCE_DATA, else ../shared beside the source
tree; not part of the repository) against kinject, with Istio's configuration files, with the built-in
profile of each release that has goldens (1.24, 1.28, 1.30, 1.31; --istio-version chooses it), and through
`kinject kube-inject` (istioctl's flags), and fails if any score is below the figure in test/ratchets.txt.

usage: conformance_ratchet.py KINJECT SOURCE_DIR RATCHETS [RUN...]
With RUN names (the ratchet names below) only those runs are scored: ctest
runs each as a test of its own, so that `ctest -j2` scores two at a time.
`--list` prints the run names."""
import os, re, subprocess, sys

RUNS = (("istio-conformance", [], []),
        ("istio-conformance-builtin", ["--builtin"], ["--istio-version", "1.24"]),
        ("istio-conformance-builtin-1.28", ["--version", "1.28", "--builtin"], ["--istio-version", "1.28"]),
        ("istio-conformance-builtin-1.30", ["--version", "1.30", "--builtin"], ["--istio-version", "1.30"]),
        ("istio-conformance-kube-inject", [], ["kube-inject"]),
        ("istio-conformance-1.28", ["--version", "1.28"], []),
        ("istio-conformance-1.30", ["--version", "1.30"], []),
        ("istio-conformance-kube-inject-1.30", ["--version", "1.30"], ["kube-inject"]),
        ("istio-conformance-1.31", ["--version", "1.31"], []),
        ("istio-conformance-builtin-1.31", ["--version", "1.31", "--builtin"], ["--istio-version", "1.31"]),
        ("istio-conformance-kube-inject-1.31", ["--version", "1.31"], ["kube-inject"]))

def main():
    if sys.argv[1:] == ["--list"]:
        print("\n".join(name for name, _, _ in RUNS))
        return 0
    binary, source, ratchets = sys.argv[1:4]
    chosen = sys.argv[4:]
    unknown = [c for c in chosen if c not in [name for name, _, _ in RUNS]]
    if unknown:
        print(f"FAIL: no such run: {', '.join(unknown)} (see --list)")
        return 1
    shared = os.environ.get("KINJECT_REFERENCE_DATA") or os.path.join(source, "..", "shared")
    if not os.path.isdir(os.path.join(shared, "tools")):
        why = ("needs tools/ and conformance/ of the reference data: "
               + (f"{shared} has no tools/" if os.environ.get("KINJECT_REFERENCE_DATA")
                  else "set KINJECT_REFERENCE_DATA (no ../shared beside the source tree)"))
        if os.environ.get("KINJECT_REFERENCE_DATA") or os.environ.get("KINJECT_REQUIRE_REFERENCE_DATA") == "1":
            print(f"FAIL: {why}")
            return 1
        print(f"kinject-skip: {why}")
        return 77
    want = {}
    for line in open(ratchets):
        line = line.split("#")[0].split()
        if len(line) == 2:
            want[line[0]] = int(line[1])
    tool = os.path.join(shared, "tools", "istio-conformance")
    ok = True
    for name, tool_flags, binary_args in RUNS:
        if chosen and name not in chosen:
            continue
        r = subprocess.run([tool, *tool_flags, binary, *binary_args], capture_output=True, text=True)
        m = re.search(r"(\d+) passed, (\d+) failed, (\d+) skipped", r.stdout)
        if not m:
            print(f"{name}: no totals line in the tool's output:\n{r.stdout}\n{r.stderr}")
            ok = False
            continue
        passed = int(m.group(1))
        print(f"{name}: {m.group(0)} (ratchet {want.get(name)})")
        if passed < want.get(name, 0):
            print("\n".join(l for l in r.stdout.splitlines() if l.startswith("FAIL")))
            print(f"{name}: score dropped below {want[name]}")
            ok = False
    return 0 if ok else 1

if __name__ == "__main__":
    sys.exit(main())
