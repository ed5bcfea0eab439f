#!/usr/bin/python3
"""Small .docx files written from XML by hand, for the cases a converter
does not make: tracked changes, comments, footnotes, a text box, a Zotero
field, Chinese text, a YAML block, hostile archives.

    make_docx.py CASE OUT.docx
"""
import sys
import zipfile

W = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
     'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
     'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
     'xmlns:v="urn:schemas-microsoft-com:vml" '
     'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
     'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"')
CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
      '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
      '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
      '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>'
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
      '</Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
        '</Relationships>')
DOC_RELS = ('<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>')
STYLES = (f'<?xml version="1.0" encoding="UTF-8"?><w:styles {W}>'
          '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
          # A German template: the name says nothing to lilo, the outline level does.
          '<w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="Überschrift 2"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>'
          '</w:styles>')


def p(text, style=None):
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ''
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def doc(body):
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>'


def write(out, parts):
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def footnotes(notes):
    body = ''.join(f'<w:footnote w:id="{i}">{p(t)}</w:footnote>' for i, t in notes)
    return (f'<?xml version="1.0" encoding="UTF-8"?><w:footnotes {W}>'
            f'<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>{body}</w:footnotes>')


ZOTERO = ('ADDIN ZOTERO_ITEM CSL_CITATION {"citationID":"a1","properties":{"formattedCitation":"(Leithwood et al., 2008)"},'
          '"citationItems":[{"id":1234,"uris":["http://zotero.org/users/1/items/ABCD"],'
          '"itemData":{"id":1234,"type":"article-journal","title":"Seven strong claims","citation-key":"%s"}}]}')


def zotero_field(key, shown):
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {ZOTERO % key} </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r><w:t>{shown}</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def case(name):
    base = {'[Content_Types].xml': CT, '_rels/.rels': RELS, 'word/styles.xml': STYLES,
            'word/_rels/document.xml.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' + DOC_RELS + '</Relationships>'}
    if name == 'edge':
        # Every counted and uncounted construct once; the expected counts are in test_docx.sh.
        body = (p('Edge cases', 'Heading1')
                # body: "Kept text" 2, the insertion 3; the deletion 0
                + '<w:p><w:r><w:t xml:space="preserve">Kept text </w:t></w:r>'
                  '<w:ins w:id="1" w:author="A"><w:r><w:t>inserted three words</w:t></w:r></w:ins>'
                  '<w:del w:id="2" w:author="A"><w:r><w:delText>deleted words never counted</w:delText></w:r></w:del></w:p>'
                # a comment's text lives in comments.xml: 0; the commented text 2
                + '<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>commented text</w:t></w:r><w:commentRangeEnd w:id="0"/>'
                  '<w:r><w:commentReference w:id="0"/></w:r></w:p>'
                # a footnote: body 3, footnote 5
                + '<w:p><w:r><w:t>See the note</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>'
                # a text box, with the VML copy Word writes beside it: 4 words, once
                + '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
                  '<wp:inline><wp:extent cx="2000000" cy="500000"/><wp:docPr id="1" name="Text Box 1"/>'
                  '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
                  '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2000000" cy="500000"/></a:xfrm>'
                  '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr><wps:txbx><w:txbxContent>'
                  + p('Words in a box') + '</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:inline>'
                  '</w:drawing></mc:Choice>'
                  '<mc:Fallback><w:pict><v:shape style="width:150pt;height:40pt"><v:textbox><w:txbxContent>' + p('Words in a box') + '</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>'
                  '</mc:AlternateContent></w:r></w:p>'
                # a hyperlink's text 2; a field shows its result 1, not its code
                + '<w:p><w:hyperlink r:id="rId9"><w:r><w:t>linked text</w:t></w:r></w:hyperlink><w:r><w:t xml:space="preserve"> </w:t></w:r>'
                  '<w:fldSimple w:instr=" DATE \\@ &quot;yyyy&quot; "><w:r><w:t>2026</w:t></w:r></w:fldSimple></w:p>'
                # a Zotero citation: body 2 ("As shown"), citations 4
                + '<w:p><w:r><w:t xml:space="preserve">As shown </w:t></w:r>' + zotero_field('leithwood2008', '(Leithwood et al., 2008)') + '</w:p>'
                # a localised heading style found by its outline level
                + p('Zweiter Abschnitt', 'berschrift2')
                # Chinese: 9 characters, each a word
                + p('教師專業發展很重要')
                # a table: 4 words, not counted
                + '<w:tbl><w:tr><w:tc>' + p('cell one') + '</w:tc><w:tc>' + p('cell two') + '</w:tc></w:tr></w:tbl>')
        base['word/document.xml'] = doc(body)
        base['word/footnotes.xml'] = footnotes([(1, 'A note of five words')])
        base['word/comments.xml'] = (f'<?xml version="1.0" encoding="UTF-8"?><w:comments {W}><w:comment w:id="0" w:author="M">'
                                     + p('a comment nobody counts') + '</w:comment></w:comments>')
        base['word/_rels/document.xml.rels'] = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                                                + DOC_RELS + '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" '
                                                'Target="https://example.org/" TargetMode="External"/></Relationships>')
        base['docProps/app.xml'] = ('<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
                                    '<Words>999</Words></Properties>')
    elif name == 'yaml-block':
        base['word/document.xml'] = doc(p('---') + p('declared_words: 5') + p('---') + p('Five words in this essay.'))
    elif name == 'not-a-zip':
        open(sys.argv[2], 'w').write('This is a plain text file named .docx\n')
        return None
    elif name == 'no-document':
        base = {'[Content_Types].xml': CT, '_rels/.rels': RELS}
    elif name == 'zip-bomb':
        # 64 MB of spaces in one part: some 60 kB packed.
        base['word/document.xml'] = doc('<w:p><w:r><w:t>' + ' ' * (64 << 20) + '</w:t></w:r></w:p>')
    elif name == 'billion-laughs':
        ents = '<!ENTITY lol "lol">' + ''.join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10))
        base['word/document.xml'] = (f'<?xml version="1.0"?><!DOCTYPE w:document [{ents}]><w:document {W}><w:body>'
                                     '<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>')
    elif name == 'deep':
        base['word/document.xml'] = doc('<w:sdt><w:sdtContent>' * 10000 + p('deep') + '</w:sdtContent></w:sdt>' * 10000)
    elif name == 'malformed':
        base['word/document.xml'] = doc('<w:p><w:r><w:t>unclosed')[:-0 or None].replace('</w:body></w:document>', '')
    else:
        sys.exit(f'unknown case {name}')
    return base


if __name__ == '__main__':
    parts = case(sys.argv[1])
    if parts is not None:
        write(sys.argv[2], parts)
