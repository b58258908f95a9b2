"""Safe XML parsing for the XML formats (XLIFF, TMX), with positions and inline markup.

The parser never resolves entities, loads a DTD or touches the network, and a DOCTYPE
that declares entities is refused before parsing (billion laughs, external entities).
lxml reports only the line where a start tag ends, so :class:`Positions` finds where
each element's content starts by scanning the text in document order.
"""

from __future__ import annotations

import bisect
import re

from lxml import etree

from termguard.errors import InputError
from termguard.formats.po import suppressions

PARSER_OPTIONS = {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False}
DOCTYPE = re.compile(r"<!DOCTYPE\b")
ENTITY = re.compile(r"<!ENTITY\b")
DECLARATION = re.compile(r"\A\s*<\?xml\b[^>]*\?>")
NAMESPACE_DECLARATION = re.compile(r"""\s+xmlns(?::[\w.-]+)?=(?:"[^"]*"|'[^']*')""")
TAG = re.compile(r"<[^<>]*>")
ATTRIBUTES = r"""(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*/?>"""


def parse_xml(path: str, text: str) -> etree._Element:
    """The root element of ``text``; malformed or unsafe XML is an InputError with its line."""
    doctype = DOCTYPE.search(text)
    if doctype and (entity := ENTITY.search(text, doctype.start())):
        raise InputError(path, "the DOCTYPE declares entities, which termguard refuses to expand "
                         "(entity expansion and external entities are unsafe)", line_of(text, entity.start()))  # fmt: skip
    # the text is already decoded: drop the declaration, whose encoding may no longer hold,
    # keeping its newlines so that line numbers stay right
    body = DECLARATION.sub(lambda m: "\n" * m.group().count("\n"), text, count=1)
    try:
        return etree.fromstring(body, etree.XMLParser(**PARSER_OPTIONS))
    except etree.XMLSyntaxError as error:
        message = re.sub(r",? line \d+, column \d+.*$", "", error.msg or str(error))
        raise InputError(path, f"not well-formed XML: {message}", error.lineno or None) from None


def localname(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def children(element: etree._Element, name: str) -> list[etree._Element]:
    return [child for child in element if localname(child) == name]


def child(element: etree._Element, name: str) -> etree._Element | None:
    found = children(element, name)
    return found[0] if found else None


def descendants(element: etree._Element, name: str) -> list[etree._Element]:
    return [node for node in element.iter() if localname(node) == name]


def inner_markup(element: etree._Element | None) -> str:
    """The element's content: text unescaped, inline elements kept as XML (``<x id="1"/>``)."""
    if element is None:
        return ""
    parts = [element.text or ""]
    for node in element:
        if isinstance(node.tag, str):
            markup = etree.tostring(node, encoding="unicode", with_tail=False)
            parts.append(TAG.sub(lambda m: NAMESPACE_DECLARATION.sub("", m.group()), markup))
        parts.append(node.tail or "")
    return "".join(parts)


def note_suppressions(element: etree._Element) -> frozenset[str]:
    """Rules named by ``termguard: ignore`` in the element's ``<note>`` elements or comments."""
    rules: set[str] = set()
    for node in element.iter():
        if isinstance(node, etree._Comment) or localname(node) == "note":
            rules.update(suppressions(node.text))
    return frozenset(rules)


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


class Positions:
    """Where each element's content starts in the text: (line, column, offset), 1-based."""

    def __init__(self, text: str, root: etree._Element) -> None:
        self.text = text
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.content_start: dict[etree._Element, int] = {}
        self._scan(root)

    def _scan(self, root: etree._Element) -> None:
        cursor = 0
        for node in root.iter():
            if isinstance(node, etree._Comment):
                cursor = self._skip(cursor, "<!--", "-->")
            elif isinstance(node, etree._ProcessingInstruction):
                cursor = self._skip(cursor, "<?", "?>")
            elif isinstance(node.tag, str):
                tag = re.compile(rf"<(?:[\w.-]+:)?{re.escape(localname(node))}{ATTRIBUTES}")
                match = tag.search(self.text, cursor)
                if match is None:
                    return  # markup the scan cannot follow: later elements fall back to sourceline
                cursor = match.end()
                self.content_start[node] = cursor

    def _skip(self, cursor: int, opener: str, closer: str) -> int:
        start = self.text.find(opener, cursor)
        end = self.text.find(closer, start)
        return cursor if start < 0 or end < 0 else end + len(closer)

    def of(self, element: etree._Element) -> tuple[int, int, int]:
        offset = self.content_start.get(element)
        if offset is None:
            line = element.sourceline or 1
            return line, 1, self.line_starts[min(line, len(self.line_starts)) - 1]
        line = bisect.bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1, offset
