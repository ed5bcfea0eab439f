#!/usr/bin/env bash
# The man pages, the --help text and the commands stay together: every
# subcommand has a page, every option in a --help appears in that page, and
# every page is mandoc -Tlint clean.
#   check_pages.sh LILO MAN_DIR
set -u
lilo=$1
man=$2
. "$(dirname "$0")/help.sh"
# In roff, "-" is often written "\-".
mentions() { sed 's/\\-/-/g' "$1" | grep -qF -- "$2"; }

for opt in $(options_of); do mentions "$man/lilo.1" "$opt" || fail "lilo.1 does not mention $opt"; done
for cmd in $commands; do
  page="$man/lilo-$cmd.1"
  [ -f "$page" ] || { fail "no man page $page for 'lilo $cmd'"; continue; }
  mentions "$man/lilo.1" "$cmd" || fail "lilo.1 does not mention the command $cmd"
  for opt in $(options_of "$cmd"); do mentions "$page" "$opt" || fail "$(basename "$page") does not mention $opt"; done
  # The SYNOPSIS shows every option, by one of its names ("-o" for "-o,--output").
  synopsis=$(sed -n '/^\.SH SYNOPSIS/,/^\.SH [A-Z]/p' "$page" | sed 's/\\-/-/g')
  for names in $(option_lines "$cmd"); do
    shown=0
    for opt in ${names//,/ }; do grep -qF -- "$opt" <<<"$synopsis" && shown=1; done
    [ $shown = 1 ] || fail "the SYNOPSIS of $(basename "$page") lacks $names"
  done
done
if command -v mandoc >/dev/null; then
  for page in "$man"/*.[1-9]; do
    out=$(mandoc -Tlint -W style "$page" 2>&1) || true
    [ -z "$out" ] || fail "mandoc -Tlint $(basename "$page"): $out"
  done
else
  fail "mandoc is not installed (apt-get install mandoc): the pages cannot be linted"
fi
[ $status = 0 ] && echo "man pages: $(echo "$commands" | wc -w) commands, every option documented, lint clean"
exit $status
