"""TMX 1.4b export through lxml: one translation unit per segment."""

from __future__ import annotations

from lxml import etree

from termguard import __version__
from termguard.export import Unit, finding_note

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MT_LANG = "en-x-mt"
"""The language of a source that is the machine translation itself (no Chinese known)."""


def build(units: list[Unit]) -> etree._Element:
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(root, "header", {
        "creationtool": "termguard", "creationtoolversion": __version__, "datatype": "plaintext",
        "segtype": "paragraph", "adminlang": "en", "srclang": "zh", "o-tmf": "termguard",
    })  # fmt: skip
    body = etree.SubElement(root, "body")
    for number, unit in enumerate(units, 1):
        path, line = unit.reference
        tu = etree.SubElement(body, "tu", tuid=str(number))
        for text in [finding_note(f) for f in unit.findings] + unit.notes:
            etree.SubElement(tu, "note").text = text
        etree.SubElement(tu, "prop", type="x-location").text = f"{path}:{line}"
        if unit.fuzzy:
            etree.SubElement(tu, "prop", type="x-state").text = "needs-review"
        for lang, text in (("zh" if unit.source_is_chinese else MT_LANG, unit.source), ("en", unit.target)):
            tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
            etree.SubElement(tuv, "seg").text = text
    return root


def render(units: list[Unit]) -> bytes:
    return etree.tostring(build(units), xml_declaration=True, encoding="UTF-8", pretty_print=True,
                          doctype='<!DOCTYPE tmx SYSTEM "tmx14.dtd">')  # fmt: skip
