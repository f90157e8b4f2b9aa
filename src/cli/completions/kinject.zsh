#compdef kinject kubectl-inject
# zsh completion for kinject (and kubectl-inject, its kubectl plugin name).
# It asks `kinject __complete ARG... CURRENT` what may come next, so it knows
# every flag of the kinject it runs. Install it as _kinject in a directory of
# $fpath, or load it with: source <(kinject completion zsh)
_kinject() {
  local prog=${words[1]} out line directive=0
  local -a lines comps
  (( $+commands[$prog] )) || [[ -x $prog ]] || prog=kinject
  out=$("$prog" __complete "${(@)words[2,CURRENT]}" 2>/dev/null) || return 1
  lines=("${(@f)out}")
  if [[ ${lines[-1]} == :* ]]; then
    directive=${lines[-1]#:}
    lines[-1]=()
  fi
  (( directive & 1 )) && return 1
  if (( directive & 8 )); then
    # The lines are file extensions.
    _files -g "*.(${(j:|:)lines})"
    return
  fi
  for line in $lines; do
    [[ -z $line ]] && continue
    if [[ $line == *$'\t'* ]]; then
      comps+=("${${line%%$'\t'*}//:/\\:}:${line#*$'\t'}")
    else
      comps+=("${line//:/\\:}")
    fi
  done
  if (( $#comps )); then
    _describe -t kinject 'kinject' comps
  elif (( !(directive & 4) )); then
    _files
  fi
}
if [[ $funcstack[1] == _kinject ]]; then
  _kinject "$@"   # autoloaded from $fpath
else
  compdef _kinject kinject kubectl-inject
fi
