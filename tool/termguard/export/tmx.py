"""TMX 1.4b export through lxml: one translation unit per segment.

The header's ``srclang`` is ``zh`` when the inputs carry Chinese sources and ``en-x-mt``
when the sources are the machine translation itself (a post-editing memory).
"""

from __future__ import annotations

from lxml import etree

from termguard import __version__
from termguard.export import Unit, finding_note, source_language

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def build(units: list[Unit]) -> etree._Element:
    srclang = source_language(units)
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(root, "header", {
        "creationtool": "termguard", "creationtoolversion": __version__, "datatype": "plaintext",
        "segtype": "paragraph", "adminlang": "en", "srclang": srclang, "o-tmf": "termguard",
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
        for lang, text in ((srclang, unit.source), ("en", unit.target)):
            tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
            etree.SubElement(tuv, "seg").text = text
    return root


def render(units: list[Unit]) -> bytes:
    return etree.tostring(build(units), xml_declaration=True, encoding="UTF-8", pretty_print=True,
                          doctype='<!DOCTYPE tmx SYSTEM "tmx14.dtd">')  # fmt: skip
