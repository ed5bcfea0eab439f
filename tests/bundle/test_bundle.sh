#!/usr/bin/env bash
# lilo bundle and lilo verify, end to end with real tools: the bag read back
# by unzip, bsdtar and sha256sum; byte-identical bundles; tampering caught;
# nothing written when refused or interrupted.
#   test_bundle.sh LILO EXAMPLES_DIR
set -u
lilo=$1
examples=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/lilo-bundle.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
export CI=true NO_COLOR=1
unset SOURCE_DATE_EPOCH
passed=0 failed=0
ok() { passed=$((passed + 1)); }
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }
check() { local what=$1; shift; if "$@" >/dev/null 2>&1; then ok; else fail "$what"; fi; }
zipname=LILO-2025-0117-lilo-certificate.zip

cp -r "$examples/certificate" p
"$lilo" bundle p --as-of 2026-11-20 >out.txt 2>&1; rc=$?
[ $rc = 0 ] && ok || fail "bundle exit $rc: $(cat out.txt)"
check "unzip -t reads the bundle" unzip -t "$zipname"
check "bsdtar lists the bundle" bsdtar -tf "$zipname"
[ "$(bsdtar -tf "$zipname" | cut -d/ -f1 | sort -u)" = LILO-2025-0117 ] && ok || fail "one top folder named after the candidate id"
for f in bagit.txt bag-info.txt manifest-sha256.txt tagmanifest-sha256.txt lilo-report.json data/portfolio.yaml data/.liloignore; do
  bsdtar -tf "$zipname" | grep -qx "LILO-2025-0117/$f" && ok || fail "the bag holds $f"
done
bsdtar -tf "$zipname" | grep -q '/data/drafts/' && fail ".liloignore'd drafts/ carried" || ok
mkdir x && (cd x && bsdtar -xf "../$zipname")
(cd x/LILO-2025-0117 && sha256sum -c --quiet manifest-sha256.txt) && ok || fail "sha256sum -c manifest-sha256.txt"
(cd x/LILO-2025-0117 && sha256sum -c --quiet tagmanifest-sha256.txt) && ok || fail "sha256sum -c tagmanifest-sha256.txt"
grep -q "^Payload-Oxum: [0-9]*\.[0-9]*$" x/LILO-2025-0117/bag-info.txt && ok || fail "Payload-Oxum in bag-info.txt"
grep -q "^Bagging-Date: 2026-11-20$" x/LILO-2025-0117/bag-info.txt && ok || fail "Bagging-Date is the as-of date"
check "verify accepts the bundle" "$lilo" verify "$zipname"

# Reproducible: another copy, another folder, another time zone, later.
mkdir -p elsewhere/deeper && cp -r "$examples/certificate" elsewhere/deeper/q
touch -d '2020-01-01' elsewhere/deeper/q/essay.md
sleep 1
(cd elsewhere && TZ=Asia/Hong_Kong "$lilo" bundle deeper/q --as-of 2026-11-20 -o ../again.zip >/dev/null 2>&1)
cmp -s "$zipname" again.zip && ok || fail "two bundles of the same portfolio are byte-identical"
SOURCE_DATE_EPOCH=1767225600 "$lilo" bundle p --as-of 2026-11-20 -o epoch.zip >/dev/null 2>&1
zipinfo -T epoch.zip 2>/dev/null | grep -q "20260101.000000" && ok || fail "SOURCE_DATE_EPOCH sets the entries' time"

# Tampering, each caught with its own message.
tamper() { # name, then commands run inside an extracted copy; re-zipped as NAME.zip
  local name=$1; shift
  rm -rf t && mkdir t && (cd t && bsdtar -xf "../$zipname" && "$@") && (cd t && zip -qr -X "../$name.zip" LILO-2025-0117)
}
expect_verify() { # zip, code, what
  "$lilo" verify "$1" >v.txt 2>&1; local rc=$?
  if [ $rc = 1 ] && grep -q "$2" v.txt; then ok; else fail "$3: exit $rc, expected 1 with $2: $(head -3 v.txt)"; fi
}
tamper changed sh -c 'printf x >> LILO-2025-0117/data/essay.md'
expect_verify changed.zip "B.changed: .*data/essay.md\|data/essay.md: error: B.changed" "a changed byte"
tamper added sh -c 'echo extra > LILO-2025-0117/data/extra.md'
expect_verify added.zip "B.extra" "an added file"
tamper removed sh -c 'rm LILO-2025-0117/data/references.yaml'
expect_verify removed.zip "B.missing" "a removed file"
tamper manifest sh -c 'sed -i "s/^[0-9a-f]\{64\}  data\/essay.md$/0000000000000000000000000000000000000000000000000000000000000000  data\/essay.md/" LILO-2025-0117/manifest-sha256.txt'
expect_verify manifest.zip "B.tag-changed" "an edited manifest"
# A '../' entry: zip a file under a name of the same length, then rename it in place.
tamper dotdot sh -c 'echo evil > LILO-2025-0117/XXXevil'
perl -pi -e 's{LILO-2025-0117/XXXevil}{LILO-2025-0117/../evil}g' dotdot.zip
expect_verify dotdot.zip "B.unsafe-name" "a ../ entry"
# The embedded report edited: its findings differ from the check's, said in words (no JSON).
tamper report python3 -c '
import json; p = "LILO-2025-0117/lilo-report.json"; j = json.load(open(p))
j["diagnostics"].append({"code": "R2.gap", "severity": "error", "file": "journal/x.md", "line": 3, "column": 1, "message": "m"})
json.dump(j, open(p, "w"))'
expect_verify report.zip "B.report-differs" "an edited report"
grep -q "B.report-differs: the bundle's report and the check of the files inside disagree on the findings: the report has R2.gap at journal/x.md:3, which the check does not find$" v.txt &&
  ! grep 'B.report-differs' v.txt | grep -q '"' && ok || fail "the differing findings are readable: $(grep B.report-differs v.txt)"
grep -q '^Next: do not accept this file' v.txt && ok || fail "a bundle that does not verify: the officer is told not to accept it: $(tail -1 v.txt)"
# verify speaks to the officer who runs it, not to the candidate.
"$lilo" verify "$zipname" >v.txt 2>&1
grep -q '^Next: the bundle is intact and the portfolio complete: it can go to the assessors.$' v.txt && ok || fail "verify of a complete bundle: $(tail -1 v.txt)"
cp -r "$examples/certificate-incomplete" officer-inc && "$lilo" bundle officer-inc --as-of 2026-11-20 -o officer-inc.zip --allow-incomplete >/dev/null 2>&1
"$lilo" verify officer-inc.zip >v.txt 2>&1
grep -q '^Next: the bundle is intact, but the portfolio in it is incomplete (first: R1.since-late): return it to the candidate' v.txt &&
  [ "$(grep -c '^Next:' v.txt)" = 1 ] && ! grep -q 'ask your mentor' v.txt && ok || fail "verify of an incomplete bundle: one Next, for the officer: $(grep '^Next' v.txt)"
printf 'not a zip' > bogus.zip
"$lilo" verify bogus.zip >/dev/null 2>&1; [ $? = 2 ] && ok || fail "verify of a file that is not a zip exits 2"

# Refused: nothing written.
cp -r "$examples/certificate-incomplete" inc
"$lilo" bundle inc --as-of 2026-11-20 -o inc.zip >inc.txt 2>&1; rc=$?
[ $rc = 1 ] && [ ! -e inc.zip ] && ok || fail "an incomplete portfolio writes nothing (exit $rc)"
grep -q "incomplete" inc.txt && ok || fail "the refusal says the portfolio is incomplete"
"$lilo" bundle inc --as-of 2026-11-20 -o inc.zip --allow-incomplete >/dev/null 2>&1 && [ -f inc.zip ] && ok || fail "--allow-incomplete bundles it"
cp -r "$examples/certificate" link
ln -s /etc/passwd link/presentation/passwd.md
"$lilo" bundle link --as-of 2026-11-20 -o link.zip >link.txt 2>&1; rc=$?
[ $rc = 1 ] && [ ! -e link.zip ] && grep -q "passwd.md" link.txt && ok || fail "a symbolic link out is refused by name (exit $rc): $(cat link.txt)"
"$lilo" bundle p --as-of 2026-11-20 -o p/inside.zip >/dev/null 2>&1; [ $? = 2 ] && [ ! -e p/inside.zip ] && ok || fail "a bundle inside its own portfolio is refused"

# No spelling of a path puts the bundle inside its portfolio.
ln -s p into-p
"$lilo" bundle p --as-of 2026-11-20 -o into-p/x.zip >/dev/null 2>&1; [ $? = 2 ] && [ ! -e p/x.zip ] && ok || fail "-o through a link into the portfolio is refused"
mkdir -p side
"$lilo" bundle p --as-of 2026-11-20 -o side/../p/y.zip >/dev/null 2>&1; [ $? = 2 ] && [ ! -e p/y.zip ] && ok || fail "-o with .. into the portfolio is refused"

# A name in decomposed form (NFD) is carried in NFC, and a signed-off bundle still verifies.
cp -r "$examples/certificate" nfd
printf 'Notes on the caf\x65\xcc\x81 conversations.\n' > "nfd/presentation/cafe$(printf '\xcc\x81').md"
printf 'name: Ho Chi Keung\ndate: 2026-06-30\nsha256: %s\n' "$("$lilo" fingerprint nfd)" > nfd/signoff.yaml
"$lilo" bundle nfd --as-of 2026-11-20 -o nfd.zip >/dev/null 2>&1 && ok || fail "bundle with an NFD name"
bsdtar -tf nfd.zip | grep -q "presentation/caf$(printf '\xc3\xa9').md" && ok || fail "the NFD name is carried in NFC"
"$lilo" verify nfd.zip >nfd.txt 2>&1 && ok || fail "a signed-off bundle with an NFD name verifies: $(cat nfd.txt)"

# Interrupted: no bundle and no litter. A portfolio with 60 MB of evidence takes long enough to interrupt.
cp -r "$examples/certificate" big
head -c 60000000 /dev/urandom > big/project/evidence/recording.bin
# A background job in a script starts with SIGINT ignored until lilo installs
# its handler, so the early interruption is SIGTERM (never ignored), and
# Ctrl-C's SIGINT and kill -9 come once the zip is being written: when its
# partial file appears, however fast or slow this build is (a fixed delay once
# fell before the handler on a loaded sanitizer build, and the SIGINT was lost).
wait_for_partial() {
  for _ in $(seq 1 600); do
    ls -A | grep -q partial && return 0
    kill -0 "$1" 2>/dev/null || return 1
    sleep 0.05
  done
  return 1
}
for sig in TERM INT; do
  "$lilo" bundle big --as-of 2026-11-20 -o big.zip >/dev/null 2>&1 &
  pid=$!
  if [ "$sig" = TERM ]; then sleep 0.1; else wait_for_partial $pid || fail "no partial file while the bundle is written"; fi
  kill -"$sig" $pid; wait $pid; rc=$?
  [ ! -e big.zip ] && [ -z "$(ls -A | grep partial)" ] && ok || fail "SIG$sig leaves no bundle and no partial file (exit $rc): $(ls -A | tr '\n' ' ')"
done
"$lilo" bundle big --as-of 2026-11-20 -o big.zip >/dev/null 2>&1 &
pid=$!
wait_for_partial $pid || fail "no partial file while the bundle is written"
kill -KILL $pid; wait $pid 2>/dev/null
[ ! -e big.zip ] && ok || fail "kill -9 leaves no bundle: $(ls -A | tr '\n' ' ')"
"$lilo" bundle big --as-of 2026-11-20 -o big.zip >/dev/null 2>&1 && [ -f big.zip ] && [ -z "$(ls -A | grep partial)" ] && ok ||
  fail "the next run succeeds and clears what the killed one left: $(ls -a)"

# A full disk: a 2 MB tmpfs cannot hold the 60 MB bundle. Reported, and nothing left behind.
mkdir -p small
if mount -t tmpfs -o size=2m tmpfs small 2>/dev/null; then
  "$lilo" bundle big --as-of 2026-11-20 -o small/big.zip >full.txt 2>&1; rc=$?
  [ $rc = 2 ] && [ -z "$(ls -A small)" ] && grep -q "no bundle was written" full.txt && ok ||
    fail "a full disk is reported (exit $rc: $(cat full.txt)) and leaves nothing: $(ls -A small)"
  umount small
else
  echo "skipped: the full-disk test needs to mount a tmpfs (root in a machine that allows it)"
fi

# A readable copy: preview.html (the cover sheet and criteria map, links into data/) and the report as text, both in the tag manifest.
mkdir -p pv && cp -r "$examples/certificate" pv/p
"$lilo" bundle pv/p --as-of 2026-11-20 -o pv/b.zip >/dev/null 2>&1
(cd pv && bsdtar -xf b.zip)
top=pv/LILO-2025-0117
for f in preview.html lilo-report.txt; do
  grep -q "  $f\$" "$top/tagmanifest-sha256.txt" && ok || fail "$f is not in the tag manifest"
done
grep -q '<h1>Cover sheet</h1>' "$top/preview.html" && grep -q 'Criteria map' "$top/preview.html" && ok || fail "preview.html lacks the cover sheet or criteria map"
grep -q 'src=\|<script\|<link ' "$top/preview.html" && fail "preview.html fetches something (it must be self-contained)" || ok
links=$(grep -o 'href="data/[^"]*"' "$top/preview.html" | sed 's/^href="//; s/"$//' | sort -u)
[ -n "$links" ] && ok || fail "preview.html links to no file of the bag"
for l in $links; do [ -f "$top/$(printf '%b' "${l//%/\\x}")" ] && ok || fail "preview.html links to $l, which the bag does not hold"; done
grep -q "Final reflective piece" "$top/lilo-report.txt" && grep -q "Complete\|complete" "$top/lilo-report.txt" && ok || fail "lilo-report.txt is not the check's text report"
check "verify accepts the bundle with its preview" "$lilo" verify pv/b.zip
(cd pv && sed -i 's/Cover sheet/Cover sheat/' LILO-2025-0117/preview.html && rm b.zip && zip -qr -X b.zip LILO-2025-0117)
"$lilo" verify pv/b.zip >pv/v.txt 2>&1; rc=$?
[ $rc = 1 ] && grep -q "B.tag-changed" pv/v.txt && grep -q "preview.html" pv/v.txt && ok || fail "an edited preview.html is not caught: exit $rc: $(cat pv/v.txt)"

# What the assessor receives leaves out lilo init's README guides and the template comments, and --list says why.
"$lilo" init fresh --programme lilo-certificate >/dev/null 2>&1
"$lilo" bundle fresh --list >fresh.list 2>&1
grep -q "^- journal/README.md  (left out: lilo init's guide to the folder, not the candidate's work)" fresh.list && ok || fail "init's README guide is not left out by --list: $(grep README fresh.list)"
grep -q "^  journal/README.md" fresh.list && fail "init's README guide would be bundled" || ok
# init's placeholders block even an incomplete bundle (P.placeholder): fill them in as a candidate would.
sed -i "s/Your Mentor's Name/Wong Siu Ming/; s/Their role, e.g. Vice Principal/Vice Principal/; s/Your Name/Chan Tai Man/; s/LILO-YYYY-0000/LILO-2026-0042/; s/Your School/Example Primary School/g" fresh/portfolio.yaml
grep -rl 'Your title' fresh | xargs -r sed -i 's/Your title/Leading learning/'
"$lilo" bundle fresh --allow-incomplete -o fresh.zip >fresh.out 2>&1
[ -f fresh.zip ] && ok || fail "an incomplete but filled-in portfolio is not bundled with --allow-incomplete: $(cat fresh.out)"
bsdtar -tf fresh.zip | grep -q '/README.md$' && fail "the bundle carries an init README guide" || ok
grep -q '<!--' fresh/essay.md && ok || fail "init's essay has no template comments to leave out"
bsdtar -xOf fresh.zip '*/data/essay.md' | grep -q '<!--' && fail "the bundle's essay.md carries the template comments" || ok
[ "$(bsdtar -xOf fresh.zip '*/data/essay.md' | wc -l)" = "$(wc -l <fresh/essay.md)" ] && ok || fail "the bundled essay.md lost lines (diagnostics' line numbers would move)"
# Its folders hold only init's guides, which the bag leaves out: the bag's report is the check of what
# the bag carries, so verify finds the report true (it is incomplete: exit 1, with no B. finding).
"$lilo" verify fresh.zip >fresh-verify.out 2>&1; code=$?
[ "$code" = 1 ] && ok || fail "verify of the fresh incomplete bundle exits $code, not 1: $(cat fresh-verify.out)"
grep -q 'B\.' fresh-verify.out && fail "verify disagrees with the fresh bundle's own report: $(grep 'B\.' fresh-verify.out)" || ok
grep -q 'R2.journal-missing' fresh-verify.out && ok || fail "verify does not say the bag has no journal"
# A complete portfolio with a guide and a comment: verified, and the bag's fingerprint is the folder's.
cp -r "$examples/certificate" guided
printf '# Reflective journal (R2)\n\nThis README is only a guide.\n' >guided/journal/README.md
sed -i 's/^## Successful leadership in my context$/&\n<!-- C1: theories applied to your context -->/' guided/essay.md
"$lilo" bundle guided --as-of 2026-11-20 -o guided.zip >/dev/null 2>&1 && ok || fail "bundle of a portfolio with a guide and a comment"
bsdtar -tf guided.zip | grep -q 'data/journal/README.md$' && fail "the guide is in the bundle" || ok
bsdtar -xOf guided.zip '*/data/essay.md' | grep -q 'C1: theories' && fail "the comment is in the bundle" || ok
check "verify accepts the bundle without guide and comment" "$lilo" verify guided.zip
[ "$("$lilo" fingerprint guided | head -1)" = "$(bsdtar -xOf guided.zip '*/bag-info.txt' | grep LILO-Fingerprint: | cut -d' ' -f2)" ] && ok || fail "the bag's fingerprint is not the folder's"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
