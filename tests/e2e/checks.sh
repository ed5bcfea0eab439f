# Sourced by the shell test suites (tests/batch, tests/git, tests/ci): a scratch
# folder removed on exit, and counted checks.
#   . checks.sh NAME      then   check "what" 'shell condition'   …   finish
# NAME names the scratch folder and the summary line.
checks_name=$1
work=$(mktemp -d "${TMPDIR:-/tmp}/lilo-$checks_name.XXXXXX")
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); }
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }
check() { if eval "$2"; then ok; else fail "$1"; fi; }
finish() {
  echo "$checks_name: $passed passed, $failed failed"
  [ "$failed" = 0 ]
}
