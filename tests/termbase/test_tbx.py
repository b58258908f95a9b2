"""TBX-Basic export: valid against the TBX core schema and the TBX-Basic (DCA) constraints;
TOML -> TBX -> TOML loses nothing on the whole shipped glossary."""

from __future__ import annotations

from dataclasses import replace

import pytest
from lxml import etree

from termguard.cli import main
from termguard.errors import GlossaryError
from termguard.termbase import load_glossary
from termguard.termbase.formats.tbx import export_tbx, read_tbx

NS = "urn:iso:std:iso:30042:ed-2"
T = f"{{{NS}}}"
# The data categories TBX-Basic (DCA) permits, from TBX-Basic_DCA.sch.
ALLOWED_TYPES = {
    "admin": {"customerSubset", "projectSubset", "source"},
    "descrip": {"subjectField", "context", "definition"},
    "ref": {"crossReference"},
    "termNote": {"administrativeStatus", "partOfSpeech", "geographicalUsage", "grammaticalGender", "termLocation", "termType"},
    "transac": {"transactionType"},
    "transacNote": {"responsibility"},
    "xref": {"externalCrossReference", "xGraphic"},
}
ADMIN_STATUSES = {"admittedTerm-admn-sts", "deprecatedTerm-admn-sts", "supersededTerm-admn-sts", "preferredTerm-admn-sts"}


def tbx_basic_violations(root: etree._Element) -> list[str]:
    """The TBX-Basic DCA Schematron rules that concern what termguard writes."""
    problems = []
    ids = set(root.xpath("//@id"))
    if root.get("type") != "TBX-Basic" or root.get("style") != "dca":
        problems.append("root must be type=TBX-Basic style=dca")
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        qname = etree.QName(element)
        where = f"line {element.sourceline}: {qname.localname}"
        parent = etree.QName(element.getparent()).localname if element.getparent() is not None else ""
        grandparent = element.getparent().getparent() if element.getparent() is not None else None
        if qname.namespace != NS:
            problems.append(f"{where}: element outside the TBX namespace")
        kind = element.get("type")
        if kind is not None and kind == "":
            problems.append(f"{where}: empty data category")
        if qname.localname in ALLOWED_TYPES and kind not in ALLOWED_TYPES[qname.localname]:
            problems.append(f"{where}: data category {kind!r} not in TBX-Basic")
        if qname.localname == "termNote":
            if parent != "termSec" and not (parent == "termNoteGrp" and etree.QName(grandparent).localname == "termSec"):
                problems.append(f"{where}: termNote outside termSec")
            if kind == "administrativeStatus" and element.text not in ADMIN_STATUSES:
                problems.append(f"{where}: administrativeStatus {element.text!r}")
        if qname.localname == "descrip" and kind == "subjectField" and parent != "conceptEntry":
            problems.append(f"{where}: subjectField only on conceptEntry")
        level = etree.QName(grandparent).localname if parent.endswith("Grp") and parent != "transacGrp" else parent
        if qname.localname == "admin" and kind == "source" and level not in ("conceptEntry", "langSec", "termSec"):
            problems.append(f"{where}: source only on conceptEntry, langSec, termSec")
        target = element.get("target")
        if target is not None and not target.startswith(("http://", "https://")) and target not in ids:
            problems.append(f"{where}: target must be an id or an http(s) URI")
    return problems


@pytest.fixture(scope="module")
def exported(glossary) -> bytes:
    return export_tbx(list(glossary)).encode("utf-8")


def test_export_is_valid_against_the_tbx_core_schema(exported, shared_data):
    schema = etree.RelaxNG(etree.parse(str(shared_data / "schemas" / "tbx" / "TBXcoreStructV03.rng")))
    document = etree.fromstring(exported)
    assert schema.validate(document), schema.error_log.last_error


def test_export_meets_the_tbx_basic_constraints(exported):
    assert tbx_basic_violations(etree.fromstring(exported)) == []


def test_constraint_checker_accepts_the_official_example_and_catches_violations(shared_data):
    example = etree.parse(str(shared_data / "schemas" / "tbx" / "Example_Astronomy_DCA_VALID.tbx")).getroot()
    assert tbx_basic_violations(example) == []
    bad = etree.fromstring(f'<tbx xmlns="{NS}" type="TBX-Basic" style="dca"><text><body><conceptEntry id="a">'
                           '<termNote type="administrativeStatus">wrong</termNote>'
                           '<descrip type="note">x</descrip></conceptEntry></body></text></tbx>')
    assert len(tbx_basic_violations(bad)) == 3


def test_forbidden_renderings_are_deprecated_terms(exported):
    root = etree.fromstring(exported)
    concept = root.find(f".//{T}conceptEntry[@id='wenshan-huihai']")
    statuses = {sec.findtext(f"{T}term"): sec.findtext(f"{T}termNote") for sec in concept.iter(f"{T}termSec")}
    assert statuses["Wenshan Huihai"] == "deprecatedTerm-admn-sts"
    assert statuses["excessive documents and meetings"] == "preferredTerm-admn-sts"
    assert statuses["mountains of paperwork and seas of meetings"] == "admittedTerm-admn-sts"
    assert statuses["文山会海"] is None


def test_round_trip_of_the_whole_shipped_glossary_loses_nothing(glossary, exported, tmp_path):
    path = tmp_path / "glossary.tbx"
    path.write_bytes(exported)
    original = [replace(entry, path="") for entry in glossary]
    assert [replace(entry, path="") for entry in read_tbx(path)] == original
    assert any(e.forbidden_regex for e in original) and any(e.case_sensitive for e in original)


def test_flags_regexes_and_digit_ids_round_trip(tmp_path):
    toml = tmp_path / "g.toml"
    toml.write_text('''
[[entry]]
id = "4-reductions"
source = ["四减"]
approved = ["four reductions"]
forbidden_regex = ['(?<=the )four subtractions']
note = "Campaign slogan."
references = ["Xinhua"]
tags = ["slogan"]
case_sensitive = true
severity = "warning"
status = "proposed"
''', "utf-8")
    entries = load_glossary([toml], default=False, gazetteer=False).entries
    tbx = tmp_path / "g.tbx"
    tbx.write_text(export_tbx(entries), "utf-8")
    assert 'id="_4-reductions"' in tbx.read_text("utf-8")
    assert [replace(e, path="") for e in read_tbx(tbx)] == [replace(e, path="") for e in entries]


def test_export_command_writes_the_file(tmp_path, capsys):
    out = tmp_path / "glossary.tbx"
    assert main(["glossary", "export", "--to", "tbx", "-o", str(out)]) == 0
    assert etree.parse(str(out)).getroot().get("type") == "TBX-Basic"


def test_check_accepts_a_tbx_glossary(tmp_path, capsys):
    tbx = tmp_path / "g.tbx"
    tbx.write_text(export_tbx(load_glossary(gazetteer=False).entries[:5]), "utf-8")
    text = tmp_path / "mt.txt"
    text.write_text("They opposed Wenshan Huihai.\n", "utf-8")
    code = main(["check", "--no-default-glossary", "--glossary", str(tbx), str(text)])
    assert code == 1 and "excessive documents and meetings" in capsys.readouterr().out


def test_malformed_tbx_names_the_line(tmp_path):
    path = tmp_path / "bad.tbx"
    path.write_text(f'<tbx xmlns="{NS}">\n<text>\n<body>\n<conceptEntry id="a">\n</body>', "utf-8")
    with pytest.raises(GlossaryError) as error:
        read_tbx(path)
    assert error.value.line == 5 and "not well-formed" in str(error.value)


def test_foreign_tbx_without_chinese_is_rejected_with_the_entry_line(shared_data):
    with pytest.raises(GlossaryError, match="missing 'source'") as error:
        read_tbx(shared_data / "schemas" / "tbx" / "Example_Astronomy_DCA_VALID.tbx")
    assert error.value.line == 19


def test_generated_large_tbx_loads(tmp_path):
    from termguard.termbase.model import Entry

    entries = [Entry(id=f"term-{i}", source=(f"术语{i}",), approved=(f"term {i}",), forbidden=(f"bad {i}",),
                     references=("generated",)) for i in range(3_000)]  # fmt: skip
    path = tmp_path / "big.tbx"
    path.write_text(export_tbx(entries), "utf-8")
    loaded = read_tbx(path)
    assert len(loaded) == 3_000 and loaded[-1].forbidden == ("bad 2999",)
