#!/usr/bin/env bash
# `cmake --install` puts every file in place and each works: kinject and its
# version, the kubectl plugin link and completion hook, the bash, zsh and
# fish completions (bash without the bash-completion package), the man page.
. "$(dirname "$0")/lib.sh"
: "${BUILD:?set BUILD to the build directory}"
cd "$WORK"
P="$WORK/prefix"
cmake --install "$BUILD" --prefix "$P" > install.log 2>&1 || { cat install.log; fail "cmake --install failed"; }
BASH_COMPLETION="$P/share/bash-completion/completions/kinject"
ZSH_COMPLETION="$P/share/zsh/site-functions/_kinject"
FISH_COMPLETION="$P/share/fish/vendor_completions.d/kinject.fish"
MAN="$P/share/man/man1/kinject.1"
for f in bin/kinject bin/kubectl_complete-inject; do [ -f "$P/$f" ] && [ -x "$P/$f" ] || fail "$f is not an installed executable"; done
for f in "$BASH_COMPLETION" "$ZSH_COMPLETION" "$FISH_COMPLETION" "$MAN"; do [ -f "$f" ] || fail "${f#$P/} was not installed"; done
[ -L "$P/bin/kubectl-inject" ] || fail "bin/kubectl-inject is not a symbolic link"
[ "$(readlink "$P/bin/kubectl-inject")" = kinject ] || fail "bin/kubectl-inject links to $(readlink "$P/bin/kubectl-inject"), want kinject (relative)"
export PATH="$P/bin:$PATH"
[ "$(command -v kinject)" = "$P/bin/kinject" ] || fail "the installed kinject is not first on PATH"

# The version: project(kinject VERSION ...) is the one place it is written.
version=$(sed -n 's/^project(kinject VERSION \([0-9.]*\).*/\1/p' "$SRC/CMakeLists.txt")
[ -n "$version" ] || fail "no version in CMakeLists.txt's project()"
kinject --version > version.txt
kinject version > version2.txt
cmp version.txt version2.txt || fail "kinject --version and kinject version differ"
grep -qE "^kinject $version \(commit [0-9a-zA-Z.+-]+\)$" version.txt || { cat version.txt; fail "kinject --version does not say kinject $version (commit ...)"; }
# One line per built-in profile (src/istio/profiles/istio-<minor>.yaml), each
# with its release's proxy image; the newest is the default.
newest=
for f in "$SRC"/src/istio/profiles/istio-1.*.yaml; do
  release=$(sed -n 's/^release: //p' "$f")
  [ -n "$release" ] || fail "$f names no release"
  grep -qE "^built-in profile: Istio ${release//./\\.}, proxy image [a-z0-9.]+/[a-z0-9/]+/proxyv2:${release//./\\.}( |$)" version.txt ||
    { cat version.txt; fail "kinject --version has no line for the built-in profile of Istio $release"; }
  newest=$release
done
grep -q "^built-in profile: Istio $newest, .* (default)$" version.txt || { cat version.txt; fail "the default profile is not the newest ($newest)"; }
contains version.txt "built-in profile: Istio 1.24.6, proxy image docker.io/istio/proxyv2:1.24.6"
contains version.txt "built-in profile: Istio 1.31.0, proxy image registry.istio.io/release/proxyv2:1.31.0 (default)"
# The installed scripts are what `kinject completion` prints.
kinject completion bash | cmp - "$BASH_COMPLETION" || fail "the installed bash completion differs from kinject completion bash"
kinject completion zsh | cmp - "$ZSH_COMPLETION" || fail "the installed zsh completion differs from kinject completion zsh"
kinject completion fish | cmp - "$FISH_COMPLETION" || fail "the installed fish completion differs from kinject completion fish"

# bash, with no bash-completion loaded: load the script, complete as readline would.
mkdir -p files/sub && touch files/a.yaml files/b.json files/c.txt
cat > drive.sh <<SH
declare -F _init_completion >/dev/null && { echo "bash-completion is loaded"; exit 1; }
source "$BASH_COMPLETION" || exit 1
complete -p kinject kubectl-inject
reply() { COMP_WORDS=("\$@"); COMP_CWORD=\$((\$# - 1)); COMPREPLY=(); _kinject; echo "\${COMPREPLY[*]}"; }
reply kinject ch
reply kinject ""
reply kinject --rep
reply kinject --report ""
reply kinject -o j
reply kinject --rules ""
reply kinject --report = j
reply kinject check --di
reply kinject -f files/
reply kubectl-inject completion ""
SH
env -i PATH="$PATH" HOME="$WORK" bash --norc --noprofile drive.sh > got.txt 2>&1 || { cat got.txt; fail "the bash completion does not load in a plain bash"; }
subcommands=$(kinject --help | sed -n '/^Subcommands:/,$p' | awk 'NR > 1 && NF { print $1 }' | paste -sd ' ')
cat > want.txt <<TXT
complete -F _kinject kinject
complete -F _kinject kubectl-inject
check
$subcommands
--report --report-file
text json none
json
istio
json
--diff
files/sub files/a.yaml files/b.json
bash zsh fish
TXT
diff want.txt got.txt || fail "the bash completion offered something else"

# kubectl's hook: what kubectl_complete-inject prints, and kubectl itself.
kubectl_complete-inject ch > hook.txt
[ "$(wc -l < hook.txt)" = 2 ] && head -1 hook.txt | grep -q "^check	CI gate" && [ "$(tail -1 hook.txt)" = :4 ] \
  || { cat hook.txt; fail "kubectl_complete-inject ch: want check with its description, then :4"; }
kubectl_complete-inject -f "" > hook.txt
printf 'yaml\nyml\njson\n:8\n' | cmp - hook.txt || { cat hook.txt; fail "kubectl_complete-inject -f ''"; }
if command -v kubectl >/dev/null 2>&1; then
  kubectl __complete inject --report "" > kubectl.txt 2>/dev/null || true
  contains kubectl.txt "json"
  contains kubectl.txt ":4"
  kubectl __complete inject ch > kubectl.txt 2>/dev/null || true
  contains kubectl.txt "check"
else
  echo "(no kubectl: kubectl inject <TAB> not tried)"
fi

if command -v zsh >/dev/null 2>&1; then
  zsh -n "$ZSH_COMPLETION" || fail "the zsh completion does not parse"
  # Autoloaded from $fpath as zsh does, with compsys' helpers stubbed.
  ZDRIVE=$(cat <<'ZSH'
fpath=("$1" $fpath); autoload -Uz _kinject
_describe() { print -r -- "describe: ${(j: :)${(@)${(P)4}%%:*}}"; }
_files() { print -r -- "files: $*"; }
words=(kinject ch); CURRENT=2; _kinject
words=(kinject --report ''); CURRENT=3; _kinject
words=(kinject -f ''); CURRENT=3; _kinject
ZSH
)
  zsh -f -c "$ZDRIVE" zsh "$(dirname "$ZSH_COMPLETION")" > zgot.txt 2>&1 || { cat zgot.txt; fail "the zsh completion failed"; }
  printf 'describe: check\ndescribe: text json none\nfiles: -g *.(yaml|yml|json)\n' | diff - zgot.txt || fail "the zsh completion offered something else"
else
  echo "(no zsh: its completion not tried)"
fi

if command -v fish >/dev/null 2>&1; then
  fish --no-execute "$FISH_COMPLETION" || fail "the fish completion does not parse"
  (cd files && HOME="$WORK" XDG_CONFIG_HOME="$WORK/fish-config" XDG_DATA_HOME="$WORK/fish-data" fish --no-config -c "
    source '$FISH_COMPLETION'
    complete -C'kinject ch'; complete -C'kinject --report '; complete -C'kinject -f '") > fgot.txt 2>&1 \
    || { cat fgot.txt; fail "the fish completion failed"; }
  contains fgot.txt "check	CI gate"
  contains fgot.txt "none"
  contains fgot.txt "a.yaml"
  contains fgot.txt "sub/"
  lacks fgot.txt "c.txt"
else
  echo "(no fish: its completion not tried)"
fi

# The man page: man reads it without a warning, and it describes every
# command and every long flag the commands' --help lists.
if command -v man >/dev/null 2>&1; then
  MANWIDTH=100 man --warnings -E ascii -l "$MAN" > man.txt 2> man.err || { cat man.err; fail "man could not read kinject.1"; }
  [ ! -s man.err ] || { cat man.err; fail "man warns about kinject.1"; }
  contains man.txt "kinject - offline sidecar injection for Kubernetes manifests"
  contains man.txt "kinject $version"
else
  echo "(no man: the man page's roff not checked)"
fi
for cmd in "" check uninject krm kube-inject version completion; do
  kinject $cmd --help | grep -o -- '--[A-Za-z][A-Za-z-]*' | sort -u
done | sort -u > flags.txt
[ "$(wc -l < flags.txt)" -gt 20 ] || fail "too few flags found in --help"
while read -r flag; do
  grep -qF -- "${flag//-/\\-}" "$MAN" || fail "the man page does not describe $flag"
done < flags.txt
kinject --help | sed -n '/^Subcommands:/,$p' | awk 'NR > 1 && NF { print $1 }' > commands.txt
[ -s commands.txt ] || fail "no subcommands in kinject --help"
while read -r cmd; do
  grep -qE "^\.B (kinject )?${cmd//-/\\\\-}( |$)" "$MAN" || fail "the man page does not describe kinject $cmd"
done < commands.txt
echo "install: ok"
