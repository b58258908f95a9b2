"""XLIFF 2.0 export through lxml: one unit per segment, open findings as notes.

``srcLang`` is ``zh`` when the inputs carry Chinese sources, else ``en-x-mt`` (the source
of each unit is then the machine translation and the target the reviewed English).
"""

from __future__ import annotations

from lxml import etree

from termguard.export import Unit, finding_note, source_language

NS = "urn:oasis:names:tc:xliff:document:2.0"


def _el(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, f"{{{NS}}}{tag}", {k.replace("_", ""): v for k, v in attrs.items()})
    if text is not None:
        element.text = text
    return element


def build(units: list[Unit]) -> etree._Element:
    root = etree.Element(f"{{{NS}}}xliff", nsmap={None: NS}, version="2.0",
                         srcLang=source_language(units), trgLang="en")
    files: dict[str, etree._Element] = {}
    for number, unit in enumerate(units, 1):
        path, line = unit.reference
        if path not in files:
            files[path] = _el(root, "file", id=f"f{len(files) + 1}", original=path)
        element = _el(files[path], "unit", id=f"u{number}", name=f"{path}:{line}")
        notes = [("termguard-location", f"{path}:{line}")]
        if not unit.source_is_chinese:
            notes.append(("termguard-source", "the source is the original machine translation"))
        notes += [(f.rule, finding_note(f)) for f in unit.findings]
        notes += [("reviewer", note) for note in unit.notes]
        holder = _el(element, "notes")
        for category, text in notes:
            _el(holder, "note", text, category=category)
        segment = _el(element, "segment", state="translated" if unit.fuzzy else "reviewed")
        _el(segment, "source", unit.source)
        _el(segment, "target", unit.target)
    return root


def render(units: list[Unit]) -> bytes:
    return etree.tostring(build(units), xml_declaration=True, encoding="UTF-8", pretty_print=True)
