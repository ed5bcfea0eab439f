#!/usr/bin/env bash
# lilo check's evidence pre-flight on real files made here: PDFs written by
# python3 and rewritten by qpdf (201 pages, encrypted, a comment, a form
# field, a link only), their page counts confirmed by poppler's pdfinfo; a
# 16 MB image; a .docm, a .csv, a .pages; a .pdf that is no PDF. Each gives
# its code at its file, as a warning; a programme with `preflight: error`
# makes them errors (exit 1); without qpdf on PATH, P.evidence-unchecked and
# no crash; a bundle of the folder is checked the same through a temporary
# file, and none is left behind.
#   test_preflight.sh LILO SOURCE_DIR
set -u
lilo=$1
src=$2
. "$src/tests/e2e/checks.sh" preflight
cd "$work" || exit 1
export CI=true NO_COLOR=1 LC_ALL=C.UTF-8 TZ=UTC
as_of=2026-11-20
for tool in qpdf pdfinfo python3; do
  command -v $tool >/dev/null || { echo "FAIL: $tool is not installed (tools/install-deps)"; exit 1; }
done
mkpdf() { python3 "$src/tests/preflight/make_pdf.py" raw.pdf "$2" "${3:-plain}" && qpdf raw.pdf "$1"; rc=$?; rm -f raw.pdf; [ $rc = 0 ] || [ $rc = 3 ]; }

# The examples carry nothing the pre-flight reports.
for ex in certificate diploma mphil; do
  "$lilo" check "$src/examples/$ex" --as-of $as_of --format json >ex.json
  check "examples/$ex: no P.evidence finding" '! grep -q "P.evidence" ex.json'
done

cp -r "$src/examples/certificate" p
ev=p/project/evidence
mkpdf $ev/one-page.pdf 1
mkpdf $ev/full.pdf 200
mkpdf $ev/long.pdf 201
mkpdf $ev/commented.pdf 1 annot
mkpdf $ev/form.pdf 1 form
mkpdf $ev/linked.pdf 1 link
qpdf --encrypt user owner 256 -- $ev/one-page.pdf $ev/locked.pdf
qpdf --encrypt "" owner 256 -- $ev/one-page.pdf $ev/restricted.pdf
check "the fixtures are what they claim (pdfinfo): 201 and 200 pages, an AcroForm" \
  '[ "$(pdfinfo $ev/long.pdf | sed -n "s/^Pages: *//p")" = 201 ] && [ "$(pdfinfo $ev/full.pdf | sed -n "s/^Pages: *//p")" = 200 ] && pdfinfo $ev/form.pdf | grep -q "^Form: *AcroForm"'
printf 'not a pdf at all\n' > $ev/fake.pdf
truncate -s 16M p/presentation/poster.png
truncate -s 15M p/presentation/exactly-15mb.jpg
printf 'a,b\n1,2\n' > p/courses/marks.csv
cp "$src/examples/certificate/essay.md" p/courses/macro-notes.docm
printf 'Pages document\n' > p/courses/notes.pages
printf 'x\n' > p/courses/NOTES
mkdir -p p/.hidden && printf 'x\n' > p/.hidden/skipped.exe
printf 'x\n' > p/drafts/left-out.exe   # drafts/ is in the example's .liloignore

# code file severity, one line each, sorted
findings() { python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
for d in r["diagnostics"]:
    if d["code"].startswith("P.evidence"): print(d["code"], d["file"], d["severity"])
' "$1" | sort; }
expect() { # LEVEL
  cat <<EXP | sort
P.evidence-encrypted project/evidence/locked.pdf $1
P.evidence-encrypted project/evidence/restricted.pdf $1
P.evidence-format courses/NOTES $1
P.evidence-format courses/macro-notes.docm $1
P.evidence-format courses/marks.csv $1
P.evidence-forms project/evidence/commented.pdf $1
P.evidence-forms project/evidence/form.pdf $1
P.evidence-pages project/evidence/long.pdf $1
P.evidence-too-large presentation/poster.png $1
P.evidence-unreadable project/evidence/fake.pdf $1
EXP
}
"$lilo" check p --as-of $as_of --format json >default.json; rc=$?
check "by default the findings are warnings and the portfolio is complete (exit $rc)" '[ $rc = 0 ] && grep -q "\"status\": *\"complete\"" default.json'
check "each file gets its code, as a warning (and nothing else is reported)" 'diff <(expect warning) <(findings default.json)'
"$lilo" check p --as-of $as_of >default.txt 2>&1
check "the messages name qpdf and how to flatten" \
  'grep -q "qpdf --flatten-annotations=all --generate-appearances in.pdf out.pdf" default.txt && grep -q "a PDF of 201 pages (qpdf)" default.txt'
check "the macros and the size are said in the user's words" \
  'grep -q "a Word file with macros (.docm)" default.txt && grep -q "an image of 16 MB; Cambridge takes images of up to 15 MB" default.txt'
check "lilo explain knows every pre-flight code" \
  'for c in format too-large pages encrypted forms unreadable unchecked; do "$lilo" explain P.evidence-$c >/dev/null || exit 1; done'

# The advice works: the flattened PDF passes.
qpdf --flatten-annotations=all --generate-appearances $ev/commented.pdf $ev/commented-flat.pdf
qpdf --flatten-annotations=all --generate-appearances $ev/form.pdf $ev/form-flat.pdf
qpdf --decrypt --password=user $ev/locked.pdf $ev/unlocked.pdf
"$lilo" check p --as-of $as_of --format json >flat.json
check "a PDF flattened or decrypted as the message says has no finding" '! grep -Eq "(commented-flat|form-flat|unlocked)\.pdf" <(findings flat.json)'
rm $ev/commented-flat.pdf $ev/form-flat.pdf $ev/unlocked.pdf

printf 'extends: lilo-certificate\nid: strict\ntitle: Strict pre-flight\nsubmission:\n  preflight: error\n' > strict.yaml
"$lilo" check p --as-of $as_of --programme strict.yaml --format json >strict.json; rc=$?
check "preflight: error makes them errors and the portfolio incomplete (exit $rc)" '[ $rc = 1 ] && diff <(expect error) <(findings strict.json)'
printf 'extends: lilo-certificate\nid: loose\ntitle: Own limits\nsubmission:\n  max_pdf_pages: 250\n  max_image_bytes: 20000000\n  evidence_formats: [pdf, txt, csv, docm, png, jpg, pages]\n' > loose.yaml
"$lilo" check p --as-of $as_of --programme loose.yaml --format json >loose.json
check "each limit is the programme's to set" \
  '! grep -Eq "long.pdf|poster.png|marks.csv|macro-notes" <(findings loose.json) && grep -q "P.evidence-format courses/NOTES" <(findings loose.json)'

mkdir nobin
PATH="$work/nobin" "$lilo" check p --as-of $as_of --format json >noqpdf.json 2>noqpdf.err; rc=$?
check "without qpdf: exit $rc, no crash, each PDF unchecked (info)" \
  '[ $rc = 0 ] && [ "$(findings noqpdf.json | grep -c "P.evidence-unchecked .*\.pdf info")" = 9 ] && grep -q "apt-get install qpdf" noqpdf.json'
check "without qpdf the format and size checks still run" 'grep -q "P.evidence-too-large presentation/poster.png" <(findings noqpdf.json)'

# A bundle read in place: its PDFs go to a temporary file for qpdf, removed afterwards.
rm p/presentation/poster.png p/presentation/exactly-15mb.jpg   # keep the bundle small
"$lilo" bundle p -o p.zip --as-of $as_of >bundle.out 2>&1; rc=$?
check "the portfolio with warnings bundles (exit $rc)" '[ $rc = 0 ] && [ -f p.zip ]'
mkdir tmp
TMPDIR="$work/tmp" "$lilo" verify p.zip --format json >verify.json 2>verify.err; rc=$?
check "lilo verify re-checks it with the same pre-flight (exit $rc)" \
  '[ $rc = 0 ] && python3 -c "
import json, sys
j = json.load(open(\"verify.json\"))
codes = sorted(d[\"code\"] + \" \" + d[\"file\"] for d in j[\"check\"][\"diagnostics\"] if d[\"code\"].startswith(\"P.evidence\"))
sys.exit(0 if \"P.evidence-pages project/evidence/long.pdf\" in codes and \"P.evidence-forms project/evidence/form.pdf\" in codes else 1)"'
check "no temporary file is left behind" '[ -z "$(ls -A tmp)" ]'
finish
