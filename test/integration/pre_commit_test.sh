#!/usr/bin/env bash
# The kinject-check hook of .pre-commit-hooks.yaml, run by pre-commit itself
# (`try-repo`) on the staged files of a repository: a manifest whose
# workload lacks its sidecar fails the commit, an injected one and a YAML
# that is no Kubernetes manifest pass.
. "$(dirname "$0")/lib.sh"
need pre-commit
need git
cd "$WORK"
export PRE_COMMIT_HOME="$WORK/pre-commit-home" GIT_CONFIG_NOSYSTEM=1 HOME="$WORK"
git config --global user.name kinject-test
git config --global user.email kinject-test@example.org
git config --global init.defaultBranch main

# The hooks repository: kinject's .pre-commit-hooks.yaml, committed.
mkdir hooks && cp "$SRC/.pre-commit-hooks.yaml" hooks/
git -C hooks init -q && git -C hooks add .pre-commit-hooks.yaml && git -C hooks commit -qm hooks

mkdir app && cd app && git init -q
kinject "$SRC/examples/redis-statefulset.yaml" > injected.yaml 2>/dev/null
cat > ci.yml <<'YAML'
# not a Kubernetes manifest
on: [push]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: make
YAML
echo '{"name": "web", "private": true}' > package.json
git add injected.yaml ci.yml package.json
pre-commit try-repo ../hooks kinject-check > pass.txt 2>&1 || { cat pass.txt; fail "the hook failed on an injected manifest and non-Kubernetes files"; }
grep -q "kinject check).*Passed" pass.txt || { cat pass.txt; fail "the hook did not run and pass"; }

cp "$SRC/examples/redis-statefulset.yaml" plain.yaml
git add plain.yaml
set +e
pre-commit try-repo ../hooks kinject-check > fail.txt 2>&1; rc=$?
set -e
[ $rc -ne 0 ] || { cat fail.txt; fail "the hook passed a manifest that lacks its sidecar"; }
contains fail.txt "Failed"
contains fail.txt "statefulset/redis (ns default): would inject"
[ "$(grep -c '): would inject' fail.txt)" = 1 ] || { cat fail.txt; fail "the injected manifest was reported too"; }
contains fail.txt "--- a/plain.yaml"
contains fail.txt "+        - name: istio-proxy"
lacks fail.txt "a/injected.yaml"
# Only staged files are checked: unstage it and the commit passes again.
git rm -q --cached plain.yaml
pre-commit try-repo ../hooks kinject-check > again.txt 2>&1 || { cat again.txt; fail "the hook checked a file that is not staged"; }
echo "pre-commit: ok"
