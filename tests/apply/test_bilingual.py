"""``termguard apply`` on PO, XLIFF, TMX and CSV: corrected targets, everything else kept."""

from __future__ import annotations

from pathlib import Path

import polib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termguard.apply import Edit, plan
from termguard.apply.po import rewrite_po
from termguard.cli import main
from termguard.formats import read_document

WENSHAN = "excessive documents and meetings"

PO = """\
# Translator comment kept
msgid ""
msgstr ""
"Project-Id-Version: demo 1.0\\n"
"Language: en\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

#. extracted comment
#: src/a.c:12
#, fuzzy
msgid "反对文山会海"
msgstr "Oppose the Wenshan Huihai"

msgctxt "menu"
msgid "基层减负"
msgstr "Burden reduction at the grass-roots level"

msgid "一个文山会海"
msgid_plural "多个文山会海"
msgstr[0] "one Wenshan Huihai"
msgstr[1] "many Wenshan Huihai"

#~ msgid "旧"
#~ msgstr "Wenshan Huihai, obsolete"
"""


def apply_to(tmp_path: Path, name: str, data: bytes, capsys, *extra: str) -> tuple[int, bytes, str]:
    path = tmp_path / name
    path.write_bytes(data)
    out = tmp_path / f"out-{name}"
    code = main(["apply", str(path), "--accept-suggestions", "error", "-o", str(out), *extra])
    return code, out.read_bytes() if out.exists() else b"", capsys.readouterr().err


def test_po_gets_corrected_msgstrs_with_header_comments_flags_and_order_kept(tmp_path, capsys):
    code, out, err = apply_to(tmp_path, "a.po", PO.encode(), capsys)
    assert code == 0, err
    expected = (PO.replace('"Oppose the Wenshan Huihai"', f'"Oppose the {WENSHAN}"')
                .replace('"one Wenshan Huihai"', f'"one {WENSHAN}"')
                .replace('"many Wenshan Huihai"', f'"many {WENSHAN}"'))  # fmt: skip
    assert out.decode() == expected  # the obsolete entry is not touched
    po = polib.pofile(out.decode())
    assert po.metadata["Project-Id-Version"] == "demo 1.0"
    assert po[0].fuzzy and po[0].comment == "extracted comment" and po[0].occurrences == [("src/a.c", "12")]


po_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60).filter(str.strip)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(po_text, po_text, st.booleans()), min_size=1, max_size=6, unique_by=lambda t: t[0]),
       st.data())  # fmt: skip
def test_generated_po_files_change_only_the_corrected_msgstrs(tmp_path, entries, data):
    catalog = polib.POFile()
    catalog.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
    for msgid, msgstr, fuzzy in entries:
        catalog.append(polib.POEntry(msgid=msgid, msgstr=msgstr, flags=["fuzzy"] if fuzzy else [],
                                     tcomment="kept", occurrences=[("f.c", "1")]))  # fmt: skip
    raw = str(catalog).encode() + b"\n"
    path = tmp_path / "gen.po"
    path.write_bytes(raw)
    document = read_document(str(path))
    edits = []
    for segment in document.segments:
        if data.draw(st.booleans()):
            start = data.draw(st.integers(0, len(segment.target)))
            end = data.draw(st.integers(start, len(segment.target)))
            edits.append(Edit(segment, start, end, segment.target[start:end], data.draw(po_text), "r"))
    result = plan([document], edits)
    out, skipped = rewrite_po(document, raw, result)
    assert skipped == []
    for segment, entry in zip(document.segments, catalog):
        entry.msgstr = result.text_for(segment)
    assert out == str(catalog).encode() + b"\n"  # exactly what polib writes, nothing else changed


XLIFF = """\
<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment before the root -->
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="zh" trgLang="en">
  <file id="f1" original="a.txt">
    <unit id="u1" name="kept">
      <notes><note category="x">keep me</note></notes>
      <segment state="translated">
        <source>反对<pc id="1">文山会海</pc></source>
        <target>Oppose the <pc id="1" dataRefStart="d1">Wenshan Huihai</pc> &amp; the Wenshan Huihai<ph id="2"/>.</target>
      </segment>
    </unit>
    <unit id="u2">
      <segment><source>别的</source><target>Nothing to fix &lt;here&gt;.</target></segment>
    </unit>
  </file>
</xliff>
"""


def test_xliff_targets_are_corrected_inside_and_between_inline_tags(tmp_path, capsys):
    code, out, err = apply_to(tmp_path, "a.xlf", XLIFF.encode(), capsys)
    assert code == 0, err
    assert out.decode() == XLIFF.replace("Wenshan Huihai</pc> &amp; the Wenshan Huihai<ph",
                                         f"{WENSHAN}</pc> &amp; the {WENSHAN}<ph")  # fmt: skip


def test_a_replacement_across_an_inline_tag_is_skipped_and_reported(tmp_path, capsys):
    split = XLIFF.replace("Oppose the <pc id=\"1\" dataRefStart=\"d1\">Wenshan Huihai</pc>",
                          "Oppose the Wenshan <ph id=\"9\"/>Huihai")  # fmt: skip
    path = tmp_path / "split.xlf"
    path.write_text(split, "utf-8")
    document = read_document(str(path))
    segment = document.segments[0]
    start = segment.target.index("Wenshan <ph")
    end = segment.target.index("Huihai") + 6
    result = plan([document], [Edit(segment, start, end, segment.target[start:end], "X", "r")])
    from termguard.apply.markup import rewrite_markup

    out, skipped = rewrite_markup(document, path.read_bytes(), result)
    assert [s.reason for s in skipped] == ["it would cut through an inline tag"]
    assert out.decode() == split


TMX = """\
<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header srclang="zh" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="x" creationtoolversion="1" o-tmf="x"/>
  <body>
    <tu tuid="7"><prop type="x-a">b</prop><tuv xml:lang="zh"><seg>文山会海</seg></tuv><tuv xml:lang="en"><seg>the Wenshan Huihai<bpt i="1">&lt;b&gt;</bpt>x<ept i="1">&lt;/b&gt;</ept></seg></tuv></tu>
    <tu tuid="8"><tuv xml:lang="zh"><seg>好</seg></tuv><tuv xml:lang="en"><seg>Good.</seg></tuv></tu>
  </body>
</tmx>
"""


def test_tmx_targets_are_corrected_with_codes_and_props_kept(tmp_path, capsys):
    code, out, err = apply_to(tmp_path, "a.tmx", TMX.encode(), capsys)
    assert code == 0, err
    assert out.decode() == TMX.replace("<seg>the Wenshan Huihai<bpt", f"<seg>the {WENSHAN}<bpt")


def test_csv_cells_are_spliced_keeping_quoting_delimiters_and_crlf(tmp_path, capsys):
    data = ('source,target,note\r\n文山会海,the Wenshan Huihai,"a, b"\r\n'
            '减负,"He said ""Wenshan Huihai"" twice",x\r\n好,Good.,\r\n').encode()  # fmt: skip
    code, out, err = apply_to(tmp_path, "a.csv", data, capsys)
    assert code == 0, err
    assert out == data.replace(b"Wenshan Huihai", WENSHAN.encode())


def test_tsv_cell_needing_quotes_gets_them(tmp_path, capsys):
    data = "source\ttarget\n文山会海\tthe Wenshan Huihai\n".encode()
    path = tmp_path / "a.tsv"
    path.write_bytes(data)
    document = read_document(str(path))
    segment = document.segments[0]
    result = plan([document], [Edit(segment, 4, 18, "Wenshan Huihai", 'say "a"\tb', "r")])
    from termguard.apply.tabular import rewrite_tabular

    out, skipped = rewrite_tabular(document, data, result)
    assert skipped == [] and out.decode() == 'source\ttarget\n文山会海\t"the say ""a""\tb"\n'
    assert read_document_text(tmp_path, out, "b.tsv") == ['the say "a"\tb']


def read_document_text(tmp_path: Path, data: bytes, name: str) -> list[str]:
    path = tmp_path / name
    path.write_bytes(data)
    return [s.target for s in read_document(str(path)).segments]
