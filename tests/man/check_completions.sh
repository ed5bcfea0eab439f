#!/usr/bin/env bash
# The shell completions keep up with the commands: the bash completion, run
# for real, offers every subcommand and, after "-", every option that the
# command's --help lists; the zsh completion names every option in its
# command's arm and is valid zsh (when zsh is installed).
#   check_completions.sh LILO COMPLETIONS_DIR
set -u
lilo=$1
dir=$2
. "$(dirname "$0")/help.sh"

# bash: the completion function itself, as bash would call it.
bash -n "$dir/lilo.bash" || fail "lilo.bash is not valid bash"
. "$dir/lilo.bash"
offered() { # WORDS...: what _lilo offers for the last word
  COMP_WORDS=("$@")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  _lilo
  printf '%s\n' "${COMPREPLY[@]}"
}
top=$(offered lilo "")
for cmd in $commands; do
  grep -qx -- "$cmd" <<<"$top" || fail "bash: 'lilo <TAB>' does not offer $cmd"
done
# Each command's options; the commands with subcommands, each subcommand's.
targets=""
for cmd in $commands; do
  case $cmd in
    programme) targets="$targets programme:validate programme:show programme:list" ;;
    report) targets="$targets report:merge" ;;
    *) targets="$targets $cmd" ;;
  esac
done
for t in $targets; do
  words=${t//:/ }
  got=$(offered lilo $words -)
  for opt in $(options_of $words); do
    grep -qx -- "$opt" <<<"$got" || fail "bash: 'lilo $words -<TAB>' does not offer $opt"
  done
done

# zsh: each command's arm (from "    cmd)" to its ";;", or the whole nested
# block for the commands with subcommands) names every option.
if command -v zsh >/dev/null; then
  zsh -n "$dir/_lilo" || fail "_lilo is not valid zsh"
else
  echo "zsh is not installed; _lilo's syntax not checked"
fi
for t in $targets; do
  cmd=${t%%:*}
  words=${t//:/ }
  arm=$(awk -v c="    $cmd)" 'index($0, c) == 1 { on = 1 } on { print } on && /;;$/ && !/esac/ && c !~ /programme|report/ { exit } on && /^      esac ;;$/ { exit }' "$dir/_lilo")
  [ -n "$arm" ] || { fail "zsh: no arm for $cmd"; continue; }
  for opt in $(options_of $words); do
    grep -qE -- "(^|[^-a-z])$opt([^-a-z]|$)" <<<"$arm" || fail "zsh: 'lilo $words' does not complete $opt"
  done
done
[ $status = 0 ] && echo "completions: $(echo "$commands" | wc -w) commands, every option offered"
exit $status
