#!/usr/bin/env python3
"""The layers of docs/design.md, checked: every #include of a kinject header in
src/<layer>/ and include/kinject/<layer>/ names a header of its own layer or of
one below it, CLI11 is used only by src/cli/, and no library code reads the
process environment (it is passed in; see pipeline.h's EnvLookup).

    test/layering.py SOURCE_DIR

The link enforces the same for calls (one static library per layer, each
linking only those below); this catches what the link cannot: a header-only
dependency, or an upward #include whose symbols happen to be inline.
"""
import os
import re
import sys

# Each layer and what it may include, besides itself.
BELOW = {
    "base": set(),
    "yaml": {"base"},
    "k8s": {"base", "yaml"},
    "gotemplate": {"base"},
    "gofuncs": {"base", "gotemplate"},
    "istio": {"base", "yaml", "k8s", "gotemplate", "gofuncs"},
    "pipeline": {"base", "yaml", "k8s", "gotemplate", "gofuncs", "istio"},
    "cli": {"base", "yaml", "k8s", "gotemplate", "gofuncs", "istio", "pipeline"},
}

INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]')


def main(root):
    problems = []
    seen = 0
    for top in ("src", os.path.join("include", "kinject")):
        base = os.path.join(root, top)
        for dirpath, _, names in os.walk(base):
            rel = os.path.relpath(dirpath, base)
            layer = rel.split(os.sep)[0]
            if rel == ".":
                for n in names:
                    if n.endswith((".cpp", ".h")):
                        problems.append(f"{top}/{n}: outside every layer; put it in a layer's folder")
                continue
            if layer not in BELOW:
                problems.append(f"{top}/{rel}: not a layer of docs/design.md (add it to test/layering.py and the design)")
                continue
            allowed = BELOW[layer] | {layer}
            for n in sorted(names):
                if not n.endswith((".cpp", ".h")):
                    continue
                path = os.path.join(dirpath, n)
                shown = os.path.relpath(path, root)
                seen += 1
                with open(path, encoding="utf-8") as f:
                    for lineno, line in enumerate(f, 1):
                        m = INCLUDE.match(line)
                        if m:
                            target = m.group(1)
                            if target.startswith("kinject/"):
                                parts = target.split("/")
                                to = parts[1] if len(parts) > 2 else "(top)"
                                if to not in allowed:
                                    problems.append(f"{shown}:{lineno}: {layer}/ includes {target}, "
                                                    f"which is not below it (may include: {', '.join(sorted(allowed))})")
                            elif target.startswith("CLI/") and layer != "cli":
                                problems.append(f"{shown}:{lineno}: CLI11 outside src/cli/")
                        if layer != "cli" and re.search(r"\b(getenv|environ)\b", line.split("//")[0]):
                            problems.append(f"{shown}:{lineno}: reads the environment; take an EnvLookup instead")
    for p in problems:
        print(p)
    if seen == 0:
        print(f"no sources found under {root}")
        return 1
    print(f"{seen} files, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
