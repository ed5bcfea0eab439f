#!/usr/bin/env bash
# Runs one end-to-end case: the built lilo on a real folder, exact output
# and exit code compared with the case's golden files.
#
#   run_case.sh LILO CASE_DIR
#
# A case folder holds:
#   cmd           the arguments, one line (word-split by the shell; quote with '')
#   setup         optional: bash run in a fresh scratch folder to build the
#                 portfolio ($EXAMPLES names the repository's examples/)
#   stdin         optional: standard input for lilo (else none)
#   as-nobody     optional: run lilo as user nobody when we are root (so that
#                 an unreadable file is unreadable)
#   expected.out, expected.err, expected.rc   the golden results
# LILO_UPDATE_GOLDEN=1 rewrites the golden files instead (review the diff).
# Every case also checks that lilo changed nothing in the scratch folder.
set -u
lilo=$1
case_dir=$2
here=$(cd "$(dirname "$0")/../.." && pwd)
scratch=$(mktemp -d "${TMPDIR:-/tmp}/lilo-e2e.XXXXXX")
trap 'chmod -R u+rwX "$scratch" 2>/dev/null; rm -rf "$scratch" "$scratch.bin"' EXIT
export EXAMPLES="$here/examples" CI=true NO_COLOR=1 LC_ALL=C.UTF-8 TZ=UTC
unset GITHUB_ACTIONS SOURCE_DATE_EPOCH

cd "$scratch" || exit 1
export LILO="$lilo"   # a setup may run lilo itself (e.g. lilo init)
if [ -f "$case_dir/setup" ]; then
  if ! bash -e "$case_dir/setup" >"$scratch.setup.log" 2>&1; then
    echo "setup failed:"; cat "$scratch.setup.log"; rm -f "$scratch.setup.log"; exit 1
  fi
  rm -f "$scratch.setup.log"
fi

tree_hash() {
  # Names, types, sizes, modes and contents of everything readable.
  (find . -printf '%p %y %s %m\n' | sort; find . -type f -readable -exec sha256sum {} + 2>/dev/null | sort) | sha256sum
}
runner=()
if [ -f "$case_dir/as-nobody" ] && [ "$(id -u)" = 0 ]; then
  chmod 755 "$scratch"
  # The build folder may not be readable by nobody: run a copy kept beside the scratch folder.
  mkdir -p "$scratch.bin" && cp "$lilo" "$scratch.bin/lilo" && chmod 755 "$scratch.bin" "$scratch.bin/lilo"
  lilo="$scratch.bin/lilo"
  runner=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi
before=$(tree_hash)

read -r line < "$case_dir/cmd"
eval "set -- $line"
input=/dev/null
[ -f "$case_dir/stdin" ] && input="$case_dir/stdin"
timeout 60 "${runner[@]}" "$lilo" "$@" >"$scratch.out" 2>"$scratch.err" <"$input"
rc=$?
after=$(tree_hash)
out=$(cat "$scratch.out"); err=$(cat "$scratch.err")
rm -f "$scratch.out" "$scratch.err"

if [ "${LILO_UPDATE_GOLDEN:-}" = 1 ]; then
  printf '%s\n' "$out" > "$case_dir/expected.out"
  printf '%s\n' "$err" > "$case_dir/expected.err"
  echo "$rc" > "$case_dir/expected.rc"
  echo "updated $(basename "$case_dir")"
  exit 0
fi

status=0
if [ "$before" != "$after" ]; then echo "FAIL: lilo changed the folder it read"; status=1; fi
expected_rc=$(cat "$case_dir/expected.rc")
if [ "$rc" != "$expected_rc" ]; then echo "FAIL: exit code $rc, expected $expected_rc"; status=1; fi
if ! diff -u "$case_dir/expected.out" <(printf '%s\n' "$out"); then echo "FAIL: standard output differs"; status=1; fi
if ! diff -u "$case_dir/expected.err" <(printf '%s\n' "$err"); then echo "FAIL: standard error differs"; status=1; fi
exit $status
