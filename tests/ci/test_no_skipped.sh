#!/usr/bin/env bash
# .ci/no-skipped on the output of a real ctest: a run where a test exits 77
# (SKIP_RETURN_CODE) fails CI and names the test; a run where all pass does not.
#   test_no_skipped.sh SOURCE_DIR
set -u
src=$1
. "$(dirname "$0")/../e2e/checks.sh" ci
project() { # DIR SECOND_TEST_EXIT_CODE
  mkdir -p "$1"
  cat > "$1/CMakeLists.txt" <<CMAKE
cmake_minimum_required(VERSION 3.16)
project(skips NONE)
enable_testing()
add_test(NAME runs COMMAND sh -c "exit 0")
add_test(NAME needs-a-tool COMMAND sh -c "exit $2")
set_tests_properties(needs-a-tool PROPERTIES SKIP_RETURN_CODE 77)
CMAKE
  cmake -S "$1" -B "$1/build" >/dev/null 2>&1 || fail "cmake in $1"
  ctest --test-dir "$1/build" >"$1/ctest.log" 2>&1
}
project "$work/skipping" 77
if "$src/.ci/no-skipped" "$work/skipping/ctest.log" >"$work/out.txt" 2>&1; then fail "a skipped suite passes CI: $(cat "$work/out.txt")"
else grep -q 'needs-a-tool' "$work/out.txt" && ok || fail "the skipped suite is not named: $(cat "$work/out.txt")"; fi
project "$work/running" 0
"$src/.ci/no-skipped" "$work/running/ctest.log" >"$work/out.txt" 2>&1 && ok || fail "no suite skipped, yet CI fails: $(cat "$work/out.txt")"
"$src/.ci/no-skipped" "$work/nothing.log" >/dev/null 2>&1 && fail "no ctest output at all passes" || ok
finish
