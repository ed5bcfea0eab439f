"""Prints the text of a .docx as python3-docx reads it: paragraphs, then table cells."""
import sys

import docx

d = docx.Document(sys.argv[1])
for p in d.paragraphs:
    print(p.text)
for t in d.tables:
    for row in t.rows:
        print(" | ".join(c.text for c in row.cells))
# Footnotes, which python3-docx does not expose: their text from word/footnotes.xml.
import zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
with zipfile.ZipFile(sys.argv[1]) as z:
    if "word/footnotes.xml" in z.namelist():
        for p in ET.fromstring(z.read("word/footnotes.xml")).iter(W + "p"):
            print("".join(t.text or "" for t in p.iter(W + "t")))
