#!/usr/bin/env python3
"""Lists the tests of the last ctest run in a build directory that were
skipped, each with its reason: the "kinject-skip: ..." line a test prints
when what it needs (the reference data, a tool such as kpt or patch) is
missing. ctest itself prints only "Skipped"; ctest runs this after the tests
(CTestCustom.cmake, configured from test/CTestCustom.cmake.in). It never
changes the run's result: it always exits 0, and prints nothing when no test
was skipped.

usage: test/skipped_tests.py BUILD_DIR"""
import os
import re
import sys


def main():
    if len(sys.argv) != 2:
        print(__doc__.split("usage: ")[1])
        return 0
    # While ctest runs its post-test step the log is still LastTest.log.tmp.
    path = os.path.join(sys.argv[1], "Testing", "Temporary", "LastTest.log")
    if os.path.exists(path + ".tmp"):
        path += ".tmp"
    try:
        log = open(path, encoding="utf-8", errors="replace").read()
    except OSError as e:
        print(f"{path}: {e.strerror}: run ctest in {sys.argv[1]} first")
        return 0
    skipped = []
    # LastTest.log holds one block per test: its name, its output, its result.
    for block in re.split(r"\n(?=\d+/\d+ Testing: )", log):
        name = re.match(r"\d+/\d+ Testing: (.*)", block)
        reason = re.search(r"^kinject-skip: (.*)$", block, re.M)
        if name and reason:
            skipped.append((name.group(1).strip(), reason.group(1).strip()))
    if skipped:
        print(f"{len(skipped)} tests skipped:")
    for name, reason in skipped:
        print(f"  {name}: {reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
