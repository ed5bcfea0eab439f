"""Word's count of a .docx, counted apart from lilo: the text of every <w:t>
in word/document.xml and word/footnotes.xml (hyperlinks included, which
python3-docx's paragraph text leaves out), split at white space, paragraph by
paragraph; each CJK character a word."""
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
total = 0
with zipfile.ZipFile(sys.argv[1]) as z:
    for part in ("word/document.xml", "word/footnotes.xml"):
        if part not in z.namelist():
            continue
        root = ET.fromstring(z.read(part))
        for p in root.iter(W + "p"):
            text = "".join((t.text or "") if t.tag == W + "t" else " " for t in p.iter() if t.tag in (W + "t", W + "tab", W + "br"))
            total += len(CJK.findall(text))
            total += len(CJK.sub(" ", text).split())
print(total)
