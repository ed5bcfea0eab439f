#!/usr/bin/env bash
# check, count, bundle and verify on the examples under valgrind memcheck:
# no errors and no leaks.   run.sh LILO EXAMPLES_DIR
set -u
lilo=$1
examples=$2
# 77: skipped (ctest SKIP_RETURN_CODE); .ci/run fails on a suite it needs that was skipped.
if ! command -v valgrind >/dev/null; then echo "skipped: valgrind is not installed (apt-get install valgrind)"; exit 77; fi
work=$(mktemp -d "${TMPDIR:-/tmp}/lilo-valgrind.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp -r "$examples/certificate" "$work/p"
cp -r "$examples/certificate-incomplete" "$work/q"
status=0 n=0
run() {
  n=$((n + 1))
  if ! valgrind --quiet --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect,possible \
       --errors-for-leak-kinds=definite,indirect,possible "$lilo" "$@" >/dev/null 2>"$work/vg.txt"; then
    if grep -q "==[0-9]*==" "$work/vg.txt"; then echo "FAIL: valgrind lilo $*"; cat "$work/vg.txt"; status=1; fi
  fi
}
cd "$work" || exit 1
run check p --as-of 2026-11-20
run check q --as-of 2026-11-20 --format json
run count p/essay.md --by-section
run count p/essay.md q/essay.md --format json
run fingerprint p
run bundle p --as-of 2026-11-20 -o p.zip
run verify p.zip
run bundle q --as-of 2026-11-20 -o q.zip --allow-incomplete
run verify q.zip
[ $status = 0 ] && echo "valgrind: $n runs of check, count, fingerprint, bundle and verify, no errors and no leaks"
exit $status
