"""Put corrected targets back into XLIFF and TMX files through lxml.

The target element of each segment is found where the reader found it (its content
offset in the file); its text and tails are edited in place, so attributes, notes,
inline tags (``<x/>``, ``<g>``, ``<ph>`` ...) and every other unit are kept. A
replacement that would cut through an inline tag is skipped and reported.
"""

from __future__ import annotations

import re

from lxml import etree

from termguard.apply import ApplyResult, Edit, Skip
from termguard.apply.text import file_encoding
from termguard.formats import Document, decode_bytes
from termguard.formats.xmltools import NAMESPACE_DECLARATION, TAG, Positions, inner_markup, localname, parse_xml

TEXT_CONTAINERS = {"g", "pc", "mrk", "hi", "sub"}


def rewrite_markup(document: Document, raw: bytes, result: ApplyResult) -> tuple[bytes, list[Skip]]:
    text = decode_bytes(document.path, raw)
    root = parse_xml(document.path, text)
    positions = Positions(text, root)
    by_offset = {offset: element for element, offset in positions.content_start.items()}
    edits: dict[str, list[Edit]] = {}
    for edit in result.applied:
        edits.setdefault(edit.segment.id, []).append(edit)
    skipped: list[Skip] = []
    for segment in document.segments:
        if segment.id not in result.corrected:
            continue
        element = by_offset.get(segment.origin.offset)
        if element is None or inner_markup(element) != segment.target:
            skipped.extend(_skip(e, "its target element was not found in the file") for e in edits[segment.id])
            continue
        skipped.extend(edit_element(element, edits[segment.id]))
    bom, encoding = file_encoding(raw)
    return bom + replace_root(text, root, positions).encode(encoding), skipped


def replace_root(text: str, root: etree._Element, positions: Positions) -> str:
    """The file with its root element re-serialised; what lies before and after it is kept as is."""
    name = re.escape(localname(root))
    if root in positions.content_start:
        start = text.rfind("<", 0, positions.content_start[root])
    else:
        start = re.search(rf"<(?:[\w.-]+:)?{name}\b", text).start()
    closing = list(re.finditer(rf"</(?:[\w.-]+:)?{name}\s*>", text))
    end = closing[-1].end() if closing else len(text)
    return text[:start] + etree.tostring(root, encoding="unicode") + text[end:]


def edit_element(element: etree._Element, edits: list[Edit]) -> list[Skip]:
    """Apply edits that fall inside one text run of ``element``; report those that cross a tag."""
    runs = _text_runs(element)
    skipped = []
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        run = next((r for r in runs if r[0] <= edit.start and edit.end <= r[0] + len(r[3])), None)
        if run is None:
            skipped.append(_skip(edit, "it would cut through an inline tag"))
            continue
        base, node, attribute, _ = run
        value = getattr(node, attribute) or ""
        setattr(node, attribute, value[: edit.start - base] + edit.replacement + value[edit.end - base :])
    return skipped


def _text_runs(element: etree._Element, base: int = 0) -> list[tuple[int, etree._Element, str, str]]:
    """(offset in the inner markup, node, "text" or "tail", text) for every editable text run.

    The text inside paired inline elements that hold translatable text (``<g>``, ``<pc>``,
    ``<mrk>``, ``<hi>``, ``<sub>``) is editable too; native codes (``<bpt>``, ``<ph>`` ...) are not.
    """
    runs = [(base, element, "text", element.text or "")]
    offset = base + len(element.text or "")
    for child in element:
        if isinstance(child.tag, str):
            markup = inner_markup_of(child)
            if localname(child) in TEXT_CONTAINERS and not markup.endswith("/>"):
                inner = _text_runs(child, offset + markup.index(">") + 1)
                if all(markup[start - offset : start - offset + len(value)] == value for start, _, _, value in inner):
                    runs.extend(inner)
            offset += len(markup)
        runs.append((offset, child, "tail", child.tail or ""))
        offset += len(child.tail or "")
    return runs


def inner_markup_of(child: etree._Element) -> str:
    """The markup the reader shows for one inline element (without its tail)."""
    markup = etree.tostring(child, encoding="unicode", with_tail=False)
    return TAG.sub(lambda m: NAMESPACE_DECLARATION.sub("", m.group()), markup)


def _skip(edit: Edit, reason: str) -> Skip:
    return Skip(edit.location, edit.rule, edit.expected, reason)
