# Sourced by check_pages.sh and check_completions.sh, with $lilo set: what
# `lilo --help` and each command's --help list, and a failure counter.
status=0
fail() { echo "FAIL: $*"; status=1; }

# Options as `--help` lists them: "-q,--quiet", "--format TEXT".
options_of() {
  "$lilo" "$@" --help | sed -n '/^Options:/,/^[A-Z][a-z]*:$/p' | grep -oE '^  +-[-a-zA-Z,]+' | tr ',' '\n' | sed 's/^ *//' | grep -v -- '^-h$\|^--help$'
}

# The same, one option a line with its names together: "-q,--quiet".
option_lines() {
  "$lilo" "$@" --help | sed -n '/^Options:/,/^[A-Z][a-z]*:$/p' | grep -oE '^  +-[-a-zA-Z,]+' | sed 's/^ *//' | grep -v -- '^-h,--help$\|^--help$'
}

commands=$("$lilo" --help | sed -n '/^Subcommands:/,$p' | awk 'NR > 1 && /^  [a-z]/ { print $1 }')
[ -n "$commands" ] || fail "lilo --help lists no subcommands"
