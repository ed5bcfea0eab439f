#!/usr/bin/env bash
# lilo signoff, the mentor's act of writing signoff.yaml, on real copies of
# the examples: what it writes (read back by lilo check and by sha256sum),
# what it refuses and that a refusal changes nothing, --force, --name,
# --allow-incomplete, and that a failed write leaves no half-written file.
#   test_signoff.sh LILO EXAMPLES_DIR
set -u
lilo=$1
examples=$2
. "$(dirname "$0")/../e2e/checks.sh" signoff
cd "$work" || exit 1
export CI=true NO_COLOR=1 LC_ALL=C.UTF-8 TZ=UTC
as_of=2026-11-20

cp -r "$examples/certificate" p
"$lilo" signoff p --date 2026-06-30 >out 2>err; rc=$?
check "a complete portfolio is signed off (exit $rc)" '[ $rc = 0 ] && [ -f p/signoff.yaml ] && [ ! -s err ]'
check "the output says who, when and a short fingerprint" \
  'grep -qx "signed off p/signoff.yaml as Ho Chi Keung on 2026-06-30: fingerprint $("$lilo" fingerprint p | cut -c1-12) over [0-9]* files" out'
check "the file holds the mentor, the date and the whole fingerprint" \
  'grep -qx "name: \"Ho Chi Keung\"" p/signoff.yaml && grep -qx "date: 2026-06-30" p/signoff.yaml && grep -qx "sha256: $("$lilo" fingerprint p)" p/signoff.yaml'
# The file list is the fingerprint's own lines: sha256sum agrees with each.
(cd p && sed -n 's/^  "\(.*\)": \([0-9a-f]*\)$/\2  \1/p' signoff.yaml) > listed
check "the file list is what sha256sum computes, file by file" '[ -s listed ] && (cd p && sha256sum --quiet -c ../listed)'
check "the file list is the fingerprint's (lilo fingerprint --list)" 'diff <("$lilo" fingerprint --list p | sed "\$d") listed'
check "no temporary file is left behind" '[ -z "$(find p -name ".signoff.yaml.*")" ]'
"$lilo" check p --as-of $as_of >check.out 2>&1; rc=$?
check "lilo check accepts it: complete, no signoff finding (exit $rc)" '[ $rc = 0 ] && ! grep -q "R1.signoff" check.out'

cp p/signoff.yaml before
"$lilo" signoff p --date 2026-07-01 >out 2>err; rc=$?
check "a sign-off that still holds is kept: exit 2 (got $rc), file unchanged" \
  '[ $rc = 2 ] && cmp -s before p/signoff.yaml && grep -q "already signs off the portfolio as it is (Ho Chi Keung, 2026-06-30, fingerprint .\{12\}); --force signs again" err'
"$lilo" signoff p --date 2026-07-01 --force >out 2>err; rc=$?
check "--force signs again (exit $rc)" '[ $rc = 0 ] && grep -qx "date: 2026-07-01" p/signoff.yaml && grep -q "replaces the sign-off of Ho Chi Keung, 2026-06-30" out'

# A stale sign-off is replaced without --force: that is signing again.
echo "One more line." >> p/essay.md
"$lilo" check p --as-of $as_of -q >stale.out 2>&1; rc=$?
check "an edit makes it stale, naming the file (exit $rc)" '[ $rc = 1 ] && grep -q "R1.signoff-stale: changed after the mentor signed (fingerprint .\{12\}, now .\{12\}): changed: essay.md;" stale.out'
"$lilo" signoff p --date 2026-07-02 >out 2>err; rc=$?
check "a stale sign-off is signed again without --force (exit $rc)" '[ $rc = 0 ] && "$lilo" check p --as-of $as_of -q >/dev/null'

# Refusals change nothing.
cp -r "$examples/certificate-incomplete" inc
"$lilo" signoff inc --date 2026-11-20 >out 2>err; rc=$?
check "an incomplete portfolio is refused: exit 1 (got $rc), nothing written, the unmet named" \
  '[ $rc = 1 ] && [ ! -e inc/signoff.yaml ] && grep -q "^lilo: not signed: the portfolio is not complete: R1 (" err && grep -q "allow-incomplete" err'
"$lilo" signoff inc --date 2026-11-20 --allow-incomplete >out 2>err; rc=$?
check "--allow-incomplete signs it, and says what was unmet (exit $rc)" '[ $rc = 0 ] && [ -f inc/signoff.yaml ] && grep -q "signed although incomplete" out'

cp -r "$examples/certificate" q
"$lilo" signoff q --name "Leung Ka Yan" >out 2>err; rc=$?
check "the candidate's own name is refused (exit $rc)" '[ $rc = 2 ] && [ ! -e q/signoff.yaml ] && grep -q "is the candidate" err'
"$lilo" signoff q --date 2999-01-01 >out 2>err; rc=$?
check "a date after today is refused (exit $rc)" '[ $rc = 2 ] && [ ! -e q/signoff.yaml ] && grep -q "after today" err'
"$lilo" signoff q --date 2026-02-30 >out 2>err; rc=$?
check "a date that is not real is refused (exit $rc)" '[ $rc = 2 ] && [ ! -e q/signoff.yaml ] && grep -q "not a real date" err'
"$lilo" signoff q --date 2025-01-01 >out 2>err; rc=$?
check "a date before the period is refused (exit $rc)" '[ $rc = 2 ] && [ ! -e q/signoff.yaml ] && grep -q "before the period starts" err'
"$lilo" signoff q --name "Chan Mei Ling" --date 2026-06-30 >out 2>err; rc=$?
check "--name names the mentor; check then warns it is not mentor.name (exit $rc)" \
  '[ $rc = 0 ] && "$lilo" check q --as-of $as_of 2>&1 | grep -q "warning: R1.signoff-not-mentor: signed by Chan Mei Ling, but portfolio.yaml names Ho Chi Keung"'
"$lilo" signoff nowhere >out 2>err; rc=$?
check "no such folder: exit 2 (got $rc)" '[ $rc = 2 ] && grep -q "nowhere: no such folder" err'

# A folder lilo may not write in: exit 2, the old sign-off intact, no temporary file.
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
  cp -r "$examples/certificate" ro && "$lilo" signoff ro --date 2026-06-30 >/dev/null && echo "# kept" >> ro/signoff.yaml
  echo "changed" >> ro/essay.md
  cp ro/signoff.yaml ro.before
  chmod -R a+rX ro && chmod 755 "$work" && chmod a-w ro
  cp "$lilo" "$work/lilo.bin" && chmod 755 "$work/lilo.bin"
  setpriv --reuid=65534 --regid=65534 --clear-groups "$work/lilo.bin" signoff ro --date 2026-07-01 >out 2>err; rc=$?
  check "an unwritable folder: exit 2 (got $rc), the old sign-off intact, nothing half written" \
    '[ $rc = 2 ] && cmp -s ro.before ro/signoff.yaml && [ -z "$(find ro -name ".signoff.yaml.*")" ] && grep -q "signoff.yaml: cannot write here" err'
else
  fail "needs root and setpriv (util-linux) to run as nobody in a read-only folder"
fi
finish
