#!/usr/bin/env bash
# Word and OpenDocument documents, made by the real writers of the formats:
# pandoc (Markdown → .docx), LibreOffice (.docx → .odt, and .docx → .docx as
# LibreOffice writes it), python-docx; plus small .docx files written from
# XML by hand (make_docx.py) for tracked changes, comments, footnotes, a text
# box, a Zotero field, Chinese text, and hostile archives.
#   test_docx.sh LILO SOURCE_DIR
set -u
lilo=$(realpath "$1")
src=$(realpath "$2")
. "$(dirname "$0")/../e2e/checks.sh" docx
cd "$work" || exit 1
export NO_COLOR=1 LC_ALL=C.UTF-8 TZ=UTC HOME="$work"
py=/usr/bin/python3 # Debian's, with python3-docx and python3-yaml
mk() { "$py" "$src/tests/docx/make_docx.py" "$@"; }
for tool in pandoc soffice "$py"; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is missing (tools/install-deps installs pandoc, libreoffice-writer-nogui, python3-docx)"; exit 1; }
done
# One LibreOffice profile of our own, so that other soffice runs do not lock it.
soffice_to() { # FORMAT OUTDIR FILE…
  local fmt=$1 out=$2; shift 2
  timeout 300 soffice -env:UserInstallation=file://"$work"/lo-profile --headless --convert-to "$fmt" --outdir "$out" "$@" >>soffice.log 2>&1
}
words() { # FILE [count options]: lilo's count of FILE
  "$lilo" count --format json "$@" | "$py" -c 'import json,sys; print(json.load(sys.stdin)["files"][0]["words"])'
}
field() { # FILE EXPR: a value from lilo count --format json (j is the file's object)
  "$lilo" count --format json "$1" | "$py" -c "import json,sys; j=json.load(sys.stdin)['files'][0]; print($2)"
}

# 1. The examples' essays and the MPhil thesis, converted by pandoc, then by
# LibreOffice to .odt and to its own .docx. pandoc puts the front matter's
# `title` into the document as a Title paragraph, which is a heading (level 1)
# in Word, so the converted document counts the title's words on top; that is
# the only difference the conversion makes to the counted text (pandoc runs
# without its `smart` extension, which would turn ' into ’ in headings).
# The thesis's reference list holds pandoc's `::: {#refs}` div, whose fence
# lilo's Markdown reader counts as one (not counted) reference-list word and
# pandoc drops.
mkdir conv lo
for f in certificate/essay.md diploma/essay.md mphil/thesis/thesis.md; do
  n=$(echo "$f" | tr / -); n=${n%.md}
  cp "$src/examples/$f" "conv/$n.md"
  pandoc -f markdown-smart "conv/$n.md" -o "conv/$n.docx"
done
soffice_to odt lo conv/*.docx
mkdir lo-docx && soffice_to docx:"MS Word 2007 XML" lo-docx conv/*.docx
for f in certificate/essay.md diploma/essay.md mphil/thesis/thesis.md; do
  n=$(echo "$f" | tr / -); n=${n%.md}
  md=$(words "conv/$n.md")
  title=$("$py" -c 'import sys,yaml; t=open(sys.argv[1]).read().split("---")[1]; print(yaml.safe_load(t).get("title",""))' "conv/$n.md")
  tw=$(printf '%s' "$title" | "$lilo" count --format json - | "$py" -c 'import json,sys; print(json.load(sys.stdin)["files"][0]["words"])')
  want=$((md + tw))
  got=$(words "conv/$n.docx"); check "$n: pandoc's .docx counts as the .md plus its title ($md + $tw = $want; got $got)" '[ "$got" = "$want" ]'
  got=$(words "lo/$n.odt"); check "$n: LibreOffice's .odt counts the same ($want; got $got)" '[ "$got" = "$want" ]'
  got=$(words "lo-docx/$n.docx"); check "$n: LibreOffice's .docx counts the same ($want; got $got)" '[ "$got" = "$want" ]'
  # Every category, not just the total.
  divs=$(grep -c '^::: {#refs}' "conv/$n.md")
  a=$(field "conv/$n.md" 'sorted((k, v - ('"$divs"' if k == "references" else 0)) for k, v in j["categories"].items() if k not in ("headings", "front_matter", "html"))')
  b=$(field "conv/$n.docx" 'sorted((k, v) for k, v in j["categories"].items() if k not in ("headings", "front_matter", "html"))')
  check "$n: body, footnotes, citations, references, tables … equal category by category" '[ "$a" = "$b" ]'
  # The sections: the same headings with the same counts (the Title heading added first).
  # (The sum line differs by the Title heading's words and the front matter, each compared above.)
  a=$("$lilo" count --by-section "conv/$n.md" | sed -n '/sections:/,$p' | grep -v "before the first heading" | grep -v '^    sum: ')
  b=$("$lilo" count --by-section "conv/$n.docx" | sed -n '/sections:/,$p' | grep -v "before the first heading" | grep -v '^    sum: ' | sed '2d')
  # (The reference list's own line differs by the div fence, compared above.)
  if [ "$divs" != 0 ]; then a=$(printf '%s\n' "$a" | grep -v '## References '); b=$(printf '%s\n' "$b" | grep -v '## References '); fi
  check "$n: --by-section gives the same sections" '[ "$a" = "$b" ]'
done
got=$(field conv/certificate-essay.docx 'j["declared_words"]["declared"]')
check "declared_words comes from pandoc's custom document property (996; got $got)" '[ "$got" = 996 ]'

# 2. lilo count shows Word's count beside lilo's, and the saved figure only as "last saved".
mk edge edge.docx
"$lilo" count edge.docx >edge.out 2>&1; rc=$?
check "count edge.docx: exit 0 ($rc)" '[ $rc = 0 ]'
# body: Edge cases… no: headings 2+2 ("Edge cases", "Zweiter Abschnitt"); body: Kept text 2 + inserted 3 +
# commented text 2 + See the note 3 + Words in a box 4 + linked text 2 + 2026 1 + As shown 2 + 9 Chinese = 28;
# footnotes 5; citations 4 (the Zotero field as shown); tables 4, not counted.
cats=$(field edge.docx 'j["categories"]["body"], j["categories"]["headings"], j["categories"]["footnotes"], j["categories"]["citations"], j["categories"]["tables"], j["cjk_characters"], j["words"]')
check "edge: body 28, headings 4, footnotes 5, citations 4, tables 4 (left out), CJK 9, total 41 (got $cats)" '[ "$cats" = "28 4 5 4 4 9 41" ]'
check "edge: Word's count is computed (45: lilo's 41 and the table's 4)" 'grep -q "Word would count: 45 " edge.out'
check "edge: the difference is explained" 'grep -q "difference +4: Word counts what the limit leaves out (tables 4)" edge.out'
check "edge: the saved figure is shown as last saved only" 'grep -q "last saved count: 999 (from docProps/app.xml" edge.out'
got=$(field edge.docx 'j["word"]["computed"], j["word"]["last_saved"]')
check "edge: JSON carries both (got $got)" '[ "$got" = "45 999" ]'
# The same file as LibreOffice reads and writes it: as .odt (tracked changes
# in text:tracked-changes, the comment an office:annotation, the box a
# draw:custom-shape, the Zotero field a fieldmark) and as its own .docx.
mkdir lo-edge lo-edge-docx
soffice_to odt lo-edge edge.docx
soffice_to docx:"MS Word 2007 XML" lo-edge-docx edge.docx
for f in lo-edge/edge.odt lo-edge-docx/edge.docx; do
  got=$(field $f 'j["categories"]["body"], j["categories"]["headings"], j["categories"]["footnotes"], j["categories"]["citations"], j["categories"]["tables"], j["cjk_characters"], j["words"]')
  check "edge, written by LibreOffice as $f: the same counts (got $got)" '[ "$got" = "28 4 5 4 4 9 41" ]'
done
"$lilo" count --by-section edge.docx >edge-sec.out
check "edge: a heading in a German style is found by its outline level" 'grep -Eq "## Zweiter Abschnitt +9( |\$)" edge-sec.out'

mk yaml-block yaml.docx
got=$(field yaml.docx 'j["words"], j["declared_words"]["declared"]')
check "a YAML block at the top is front matter: declared_words read, its words not counted (got $got)" '[ "$got" = "5 5" ]'

# python-docx, the library scripts write Word files with: headings, a list, a quotation.
"$py" - <<'EOF'
import docx
d = docx.Document()
d.add_heading("Reflection", level=1)
d.add_paragraph("Three short words.")
d.add_paragraph("First point made", style="List Bullet")
d.add_paragraph("Second point made", style="List Number")
d.add_paragraph("A quoted line here", style="Quote")
d.add_heading("References", level=1)
d.add_paragraph("Fullan, M. (2001). Leading in a culture of change. Jossey-Bass.")
d.save("pydocx.docx")
EOF
got=$(field pydocx.docx 'j["words"], j["categories"]["references"]')
check "python-docx: headings, list items and a quotation counted; the reference list left out (got $got)" '[ "$got" = "14 11" ]'

# 3. lilo check on the certificate example with every Markdown document
# converted to .docx (links and portfolio.yaml naming the .docx files; the
# front matter as custom document properties, as Word keeps them) gives the
# same requirement and criterion results as on the original.
cp -r "$src/examples/certificate" orig
cp -r orig word
sed -i '/^\*\.docx$/d' word/.liloignore
(cd word && find . -name '*.md' ! -name README.md | sort) >mdlist
while read -r f; do
  sed -i 's/\(([^)]*\)\.md)/\1.docx)/g' "word/$f"
done <mdlist
sed -i 's/\.md$/.docx/' word/portfolio.yaml
while read -r f; do
  (cd "word/$(dirname "$f")" && pandoc -f markdown-smart "$(basename "$f")" -o "$(basename "$f" .md).docx" && rm "$(basename "$f")")
  "$py" - "word/${f%.md}.docx" "orig/$f" <<'EOF' || fail "custom properties for $f"
import datetime, json, sys, yaml, zipfile, shutil
docx, md = sys.argv[1], sys.argv[2]
text = open(md, encoding="utf-8").read()
meta = yaml.safe_load(text.split("---")[1]) if text.startswith("---") else {}
def docs(v):  # a path to a converted document names the .docx now
    if isinstance(v, str):
        return v[:-3] + ".docx" if v.endswith(".md") else v
    if isinstance(v, list):
        return [docs(x) for x in v]
    if isinstance(v, dict):
        return {k: docs(x) for k, x in v.items()}
    return v
def val(v):
    v = docs(v)
    # As a candidate types them: text and dates as they are, anything else as YAML on one line (JSON).
    return str(v) if isinstance(v, (str, datetime.date)) else json.dumps(v, default=str, ensure_ascii=False)
props = "".join(
    f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{i + 2}" name="{k}"><vt:lpwstr>'
    + val(v).replace("&", "&amp;").replace("<", "&lt;") + "</vt:lpwstr></property>"
    for i, (k, v) in enumerate((meta or {}).items()))
custom = ('<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
          'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' + props + "</Properties>")
tmp = docx + ".tmp"
with zipfile.ZipFile(docx) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        if item.filename != "docProps/custom.xml":
            zout.writestr(item, zin.read(item.filename))
    zout.writestr("docProps/custom.xml", custom)
shutil.move(tmp, docx)
EOF
done <mdlist
n=$(cd word && find . -name '*.md' ! -name README.md | wc -l)
check "every Markdown document of the copy is now a .docx ($(wc -l <mdlist) converted, $n left)" '[ "$n" = 0 ] && [ "$(wc -l <mdlist)" -gt 20 ]'
results() { "$py" -c 'import json,sys; r=json.load(sys.stdin); print(json.dumps({"requirements": [(x["id"], x["status"]) for x in r["requirements"]], "criteria": [(x["id"], x["status"]) for x in r["criteria"]]}))'; }
"$lilo" check orig --as-of 2026-11-20 --format json | results >orig.res
"$lilo" check word --as-of 2026-11-20 --format json >word.json; rc=$?
results <word.json >word.res
check "check on the .docx copy: the same requirement and criterion results as the Markdown original" 'cmp -s orig.res word.res'
check "check on the .docx copy: exit 0 ($rc)" '[ $rc = 0 ]'
"$lilo" check word --as-of 2026-11-20 >word.out 2>&1
check "check on the .docx copy: no document problem" '! grep -q "P.document\|P.encoding" word.out'

# A citation field whose key is not in the bibliography is named at its paragraph.
cp -r word zot
"$py" - zot/essay.docx "$src/tests/docx" <<'EOF'
import sys, zipfile, shutil
sys.path.insert(0, sys.argv[2])
import make_docx
docx = sys.argv[1]
tmp = docx + ".tmp"
field = '<w:p><w:r><w:t xml:space="preserve">As argued </w:t></w:r>' + make_docx.zotero_field("nobody1999", "(Nobody, 1999)") + '</w:p>'
with zipfile.ZipFile(docx) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == "word/document.xml":
            s = data.decode()
            i = s.index("<w:p>", s.index("Heading2"))  # the first paragraph after the first section heading
            i = s.index("</w:p>", i) + len("</w:p>")
            data = (s[:i] + field + s[i:]).encode()
        zout.writestr(item, data)
shutil.move(tmp, docx)
EOF
"$lilo" check zot --as-of 2026-11-20 >zot.out 2>&1; rc=$?
check "a Zotero field's key is resolved against the bibliography: unknown key reported at its paragraph (exit $rc)" \
  '[ $rc = 1 ] && grep -q "essay.docx:¶[0-9]*: error: [A-Z0-9]*\.[a-z-]*: .*nobody1999" zot.out'

# 4. Hostile files: a clear message naming the file, exit 1, no crash.
for c in not-a-zip no-document zip-bomb billion-laughs deep malformed; do
  mk $c $c.docx
  timeout 20 "$lilo" count $c.docx >$c.out 2>&1; rc=$?
  check "count $c.docx: exit 1 with a message naming the file (exit $rc: $(head -c 200 $c.out))" "[ $rc = 1 ] && grep -q '^lilo: error: $c.docx: ' $c.out"
done
check "not a zip: said so" 'grep -q "is not a zip archive" not-a-zip.out'
check "no document.xml: said so" 'grep -q "has no word/document.xml" no-document.out'
check "a zip bomb: refused before unpacking" 'grep -q "unpacks" zip-bomb.out'
check "billion laughs: the DTD is refused, nothing expanded" 'grep -q "DOCTYPE" billion-laughs.out'
check "10,000-deep nesting: refused" 'grep -q "nests elements more than" deep.out'
check "malformed XML: the part and the place" 'grep -q "word/document.xml is not well-formed XML" malformed.out'
cp -r orig hostile && cp zip-bomb.docx hostile/essay.docx && rm hostile/essay.md && sed -i 's/^\*\.docx$//' hostile/.liloignore
"$lilo" check hostile --as-of 2026-11-20 >hostile.out 2>&1; rc=$?
check "check with a zip bomb as the essay: P.document naming essay.docx, exit 1 ($rc)" '[ $rc = 1 ] && grep -q "essay.docx: error: P.document: " hostile.out'

finish
