"""PO, XLIFF and TMX exports, read back by the real clients: msgfmt, polib, translate-toolkit, the XSD."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from translate.storage import pypo, tmx

from termguard.cli import main
from termguard.engine import check_segments
from termguard.export import build_units, export_po, export_tmx, export_xliff
from termguard.formats import Document, read_document
from termguard.model import Origin, Segment
from termguard.review.decisions import Decision, ReviewStore
from tests.conftest import SAMPLE

MSGFMT = shutil.which("msgfmt")


def msgfmt_check(path: Path) -> None:
    assert MSGFMT, "msgfmt is required: apt-get install gettext"
    done = subprocess.run([MSGFMT, "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def bilingual(texts: list[tuple[str | None, str]], path: str = "doc.po") -> Document:
    segments = [Segment(f"{path}:{n}", target, Origin(path, n, 1, 0, entry=str(n)), source)
                for n, (source, target) in enumerate(texts, 1)]  # fmt: skip
    return Document(path, segments, "po")


@pytest.fixture(scope="module")
def reviewed(glossary, tmp_path_factory):
    """The sample, checked, with two decisions: one accepted, one rejected with a note."""
    document = read_document(str(SAMPLE))
    findings = check_segments(document.segments, glossary)
    store = ReviewStore(tmp_path_factory.mktemp("review") / "r.json")
    wenshan = next(f for f in findings if f.matched == "Wenshan Huihai")
    minzhu = next(f for f in findings if f.rule == "forbidden-rendering" and f.matched != "Wenshan Huihai")
    store.commit(store.change_to([
        Decision.for_finding(wenshan, "accepted", "excessive documents and meetings", reviewer="li"),
        Decision.for_finding(minzhu, "rejected", reviewer="li", note="fine in this context"),
    ]))  # fmt: skip
    return document, findings, store, wenshan, minzhu


def test_po_export_passes_msgfmt_and_carries_decisions_findings_and_references(reviewed, tmp_path):
    document, findings, store, wenshan, minzhu = reviewed
    out = tmp_path / "review.po"
    export_po([document], findings, store, out)
    msgfmt_check(out)
    po = polib.pofile(str(out))
    assert len(po) == len(document.segments)
    assert po.metadata["Language"] == "en" and po.metadata["X-Generator"].startswith("termguard ")
    assert po.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert "nplurals=2" in po.metadata["Plural-Forms"]
    entry = next(e for e in po if e.msgctxt == f"{SAMPLE}:{wenshan.segment.origin.line}")
    assert entry.msgid == wenshan.segment.target  # no Chinese source: the MT is the msgid
    assert "excessive documents and meetings" in entry.msgstr and "Wenshan Huihai" not in entry.msgstr
    note = " ".join(entry.tcomment.split())  # polib wraps long comments
    assert "accepted [forbidden-rendering] 'Wenshan Huihai' -> 'excessive documents and meetings' (li" in note
    assert entry.occurrences == [(str(SAMPLE), str(wenshan.segment.origin.line))]
    rejected = next(e for e in po if e.msgctxt == f"{SAMPLE}:{minzhu.segment.origin.line}")
    assert "rejected" in rejected.tcomment and "fine in this context" in " ".join(rejected.tcomment.split())
    assert f"'{minzhu.matched}'" not in " ".join(rejected.comment.split())  # rejected: no longer open
    open_entry = next(e for e in po if e.comment and "forbidden-rendering (error)" in e.comment)
    assert "fuzzy" in open_entry.flags and "| suggestion: " in open_entry.comment
    clean = next(e for e in po if not e.comment)
    assert "fuzzy" not in clean.flags and clean.msgstr == clean.msgid


def test_po_export_round_trips_through_polib_and_translate_toolkit(reviewed, tmp_path):
    document, findings, store, *_ = reviewed
    out = tmp_path / "review.po"
    export_po([document], findings, store, out)
    units = build_units([document], findings, store)
    po = polib.pofile(str(out))
    assert [(e.msgid, e.msgstr, e.fuzzy) for e in po] == [(u.source, u.target, u.fuzzy) for u in units]
    assert str(polib.pofile(str(po))) == str(po)
    store_tt = pypo.pofile(out.read_bytes())
    read = [u for u in store_tt.units if not u.isheader()]
    assert [(u.source, u.target, u.isfuzzy()) for u in read] == [(u.source, u.target, u.fuzzy) for u in units]
    assert [u.getcontext() for u in read] == [e.msgctxt for e in po]


def test_po_export_uses_the_chinese_source_and_keeps_repeated_sources_distinct(tmp_path):
    document = bilingual([("文山会海", "Wenshan Huihai"), ("文山会海", "Wenshan Huihai again"), (None, "share")])
    out = tmp_path / "out.po"
    export_po([document], [], None, out)
    msgfmt_check(out)
    po = polib.pofile(str(out))
    assert [(e.msgctxt, e.msgid, e.msgstr) for e in po] == [
        (None, "文山会海", "Wenshan Huihai"),
        ("doc.po:2", "文山会海", "Wenshan Huihai again"),
        ("doc.po:3", "share", "share"),
    ]


printable = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\\"),
                    min_size=1, max_size=40).filter(str.strip)  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.one_of(st.none(), printable), printable), min_size=1, max_size=6))
def test_generated_po_exports_pass_msgfmt_and_round_trip(tmp_path, pairs):
    out = tmp_path / "gen.po"
    export_po([bilingual(pairs)], [], None, out)
    msgfmt_check(out)
    po = polib.pofile(str(out))
    assert [e.msgstr for e in po] == [target for _, target in pairs]
    assert [e.msgid for e in po] == [source if source and source.strip() else target for source, target in pairs]


def xliff_schema(shared_data: Path) -> etree.XMLSchema:
    folder = shared_data / "schemas" / "xliff"

    class Local(etree.Resolver):
        def resolve(self, url, public_id, context):
            if url.endswith("xml.xsd"):
                return self.resolve_filename(str(folder / "xml.xsd"), context)
            return None

    parser = etree.XMLParser()
    parser.resolvers.add(Local())
    return etree.XMLSchema(etree.parse(str(folder / "xliff-core-2.0.xsd"), parser))


@pytest.mark.parametrize("with_chinese", [False, True])
def test_xliff_export_validates_against_the_oasis_schema(reviewed, tmp_path, shared_data, with_chinese):
    document, findings, store, wenshan, _ = reviewed
    documents = [document, bilingual([("文山会海", "Wenshan Huihai")])] if with_chinese else [document]
    out = tmp_path / "review.xlf"
    export_xliff(documents, findings, store, out)
    tree = etree.parse(str(out))
    schema = xliff_schema(shared_data)
    assert schema.validate(tree), schema.error_log
    ns = {"x": "urn:oasis:names:tc:xliff:document:2.0"}
    assert tree.getroot().get("srcLang") == ("zh" if with_chinese else "en-x-mt")
    assert tree.getroot().get("trgLang") == "en"
    targets = tree.xpath("//x:target/text()", namespaces=ns)
    assert len(targets) == sum(len(d.segments) for d in documents)
    assert "excessive documents and meetings" in " ".join(targets)
    notes = tree.xpath("//x:note[@category='forbidden-rendering']/text()", namespaces=ns)
    assert notes and all("wrong rendering" in n for n in notes)
    if with_chinese:
        assert tree.xpath("(//x:unit)[last()]//x:source/text()", namespaces=ns) == ["文山会海"]


@pytest.mark.parametrize("chinese", [False, True])
def test_tmx_export_is_read_back_by_translate_toolkit_with_every_unit(reviewed, tmp_path, chinese):
    document, findings, store, *_ = reviewed
    if chinese:
        document, findings = bilingual([("文山会海", "Wenshan Huihai"), ("减负", "burden reduction")]), []
    out = tmp_path / "review.tmx"
    export_tmx([document], findings, store, out)
    units = build_units([document], findings, store)
    read = tmx.tmxfile(out.read_bytes()).units
    assert len(read) == len(document.segments)
    assert [(u.source, u.target) for u in read] == [(u.source, u.target) for u in units]
    assert [u.getid() for u in read] == [str(n) for n in range(1, len(units) + 1)]
    if not chinese:
        assert any("Wenshan Huihai" in u.source and "Wenshan Huihai" not in u.target for u in read)
        assert any("forbidden-rendering" in u.getnotes() for u in read)


def test_export_cli_writes_po_and_reports(tmp_path, capsys):
    out = tmp_path / "sample.po"
    code = main(["export", "--to", "po", str(SAMPLE), "-o", str(out), "--accept-suggestions", "error"])
    err = capsys.readouterr().err
    assert code == 0 and f"Exported 43 entries to {out}" in err
    msgfmt_check(out)
    po = polib.pofile(str(out))
    assert not any("Wenshan Huihai" in e.msgstr for e in po)
    assert all("(error)" not in e.comment for e in po)  # every error was fixed by its suggestion
    assert any(e.fuzzy for e in po)  # warnings without a decision remain open


def test_export_cli_refuses_a_missing_output_folder(tmp_path, capsys):
    code = main(["export", "--to", "po", str(SAMPLE), "-o", str(tmp_path / "no" / "x.po")])
    assert code == 2 and "does not exist" in capsys.readouterr().err


def test_fuzzy_on_sets_the_lowest_severity_that_keeps_an_entry_fuzzy(tmp_path, capsys):
    text = tmp_path / "a.txt"
    text.write_text("The grassroots cadres met.\n\nThe grass-roots cadres met again.\n\n"
                    "The Wenshan Huihai ends.\n", "utf-8")  # a warning (inconsistent spelling), then an error
    for level, expected in (("warning", [True, False, True]), ("error", [False, False, True])):
        out = tmp_path / f"{level}.po"
        assert main(["export", "--to", "po", str(text), "-o", str(out), "--fuzzy-on", level]) == 0
        assert [e.fuzzy for e in polib.pofile(str(out))] == expected
