#!/usr/bin/env python3
"""Writes a small real PDF for the pre-flight tests (qpdf and pdfinfo read it back).
   make_pdf.py OUT PAGES [plain|annot|form|link]"""
import sys

out_path, pages, kind = sys.argv[1], int(sys.argv[2]), (sys.argv[3] if len(sys.argv) > 3 else "plain")
objs = {}
page_ids = list(range(10, 10 + pages))
catalog = "<< /Type /Catalog /Pages 2 0 R"
if kind == "form":
    catalog += " /AcroForm << /Fields [5 0 R] >>"
objs[1] = catalog + " >>"
objs[2] = "<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join("%d 0 R" % i for i in page_ids), pages)
objs[3] = "<< /Length 40 >>\nstream\nBT /F1 24 Tf 72 700 Td (Evidence) Tj ET\nendstream"
objs[4] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
annot = None
if kind == "annot":
    objs[5] = "<< /Type /Annot /Subtype /Text /Rect [300 700 320 720] /Contents (a comment) >>"
    annot = 5
elif kind == "form":
    objs[5] = "<< /Type /Annot /Subtype /Widget /FT /Tx /T (name) /Rect [72 600 300 620] /P %d 0 R >>" % page_ids[0]
    annot = 5
elif kind == "link":
    objs[5] = "<< /Type /Annot /Subtype /Link /Rect [72 700 200 720] /A << /S /URI /URI (https://example.org/) >> >>"
    annot = 5
for n, i in enumerate(page_ids):
    extra = " /Annots [%d 0 R]" % annot if annot and n == 0 else ""
    objs[i] = ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R"
               " /Resources << /Font << /F1 4 0 R >> >>%s >>" % extra)
data = b"%PDF-1.4\n"
offsets = {}
for i in sorted(objs):
    offsets[i] = len(data)
    data += ("%d 0 obj\n%s\nendobj\n" % (i, objs[i])).encode()
size = max(objs) + 1
xref = len(data)
data += ("xref\n0 %d\n" % size).encode()
for i in range(size):
    data += (("%010d 00000 n \n" % offsets[i]) if i in offsets else "0000000000 65535 f \n").encode()
data += ("trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)).encode()
with open(out_path, "wb") as f:
    f.write(data)
