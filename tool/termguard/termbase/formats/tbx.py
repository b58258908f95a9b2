"""TBX-Basic (TBX v3, ISO 30042:2019, DCA style) export and import.

Mapping (every field survives a round trip; only TBX-Basic data categories are used):

- entry id -> ``conceptEntry/@id`` (ids starting with a digit get a ``_`` prefix, since an
  XML ID must not start with one)
- tags -> ``descrip[@type="subjectField"]`` on the concept, one per tag
- references -> ``admin[@type="source"]`` on the concept
- note -> ``note`` on the concept
- severity, case_sensitive, status (when not the default) -> ``note`` on the concept
  reading ``termguard:severity=warning``, ``termguard:case-sensitive``, ``termguard:status=proposed``
- source terms -> ``langSec[@xml:lang="zh-CN"]``, one ``termSec`` each
- approved renderings -> ``langSec[@xml:lang="en"]`` termSecs with administrativeStatus
  ``preferredTerm-admn-sts`` (the first) or ``admittedTerm-admn-sts``
- forbidden renderings -> termSecs with ``deprecatedTerm-admn-sts``; a forbidden regex is a
  deprecated termSec whose ``note`` reads ``termguard:regex``

Foreign TBX files: every Chinese langSec gives source terms and every English one renderings;
superseded and deprecated terms are forbidden; an entry is ``approved`` when it has a
preferred English term, else ``proposed``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lxml import etree

from termguard.errors import GlossaryError
from termguard.termbase.formats.common import build_entry, slug, unique_id
from termguard.termbase.load import ID_PATTERN
from termguard.termbase.model import Entry

NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SOURCE_LANG = "zh-CN"
TARGET_LANG = "en"
PREFIX = "termguard:"
REGEX_NOTE = f"{PREFIX}regex"
FORBIDDEN_STATUSES = {"deprecatedTerm-admn-sts", "supersededTerm-admn-sts"}


def _q(name: str) -> str:
    return f"{{{NS}}}{name}"


def export_tbx(entries: list[Entry]) -> str:
    root = etree.Element(_q("tbx"), nsmap={None: NS}, type="TBX-Basic", style="dca")
    root.set(XML_LANG, TARGET_LANG)
    header = etree.SubElement(etree.SubElement(root, _q("tbxHeader")), _q("fileDesc"))
    etree.SubElement(etree.SubElement(header, _q("sourceDesc")), _q("p")).text = (
        "termguard glossary: Chinese political and government terms with approved and forbidden English renderings"
    )
    body = etree.SubElement(etree.SubElement(root, _q("text")), _q("body"))
    for entry in entries:
        body.append(_concept(entry))
    etree.indent(root, space="  ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True).decode("utf-8")


def _concept(entry: Entry) -> etree._Element:
    concept = etree.Element(_q("conceptEntry"), id=_xml_id(entry.id))
    for tag in entry.tags:
        _sub(concept, "descrip", tag, type="subjectField")
    for reference in entry.references:
        _sub(concept, "admin", reference, type="source")
    if entry.note:
        _sub(concept, "note", entry.note)
    for flag in _flags(entry):
        _sub(concept, "note", PREFIX + flag)
    source = etree.SubElement(concept, _q("langSec"))
    source.set(XML_LANG, SOURCE_LANG)
    for term in entry.source:
        _term(source, term, None)
    target = etree.SubElement(concept, _q("langSec"))
    target.set(XML_LANG, TARGET_LANG)
    for index, rendering in enumerate(entry.approved):
        _term(target, rendering, "preferredTerm-admn-sts" if index == 0 else "admittedTerm-admn-sts")
    for rendering in entry.forbidden:
        _term(target, rendering, "deprecatedTerm-admn-sts")
    for pattern in entry.forbidden_regex:
        _sub(_term(target, pattern, "deprecatedTerm-admn-sts"), "note", REGEX_NOTE)
    return concept


def _flags(entry: Entry) -> list[str]:
    flags = []
    if entry.severity.value != "error":
        flags.append(f"severity={entry.severity.value}")
    if entry.case_sensitive:
        flags.append("case-sensitive")
    if entry.status != "approved":
        flags.append(f"status={entry.status}")
    return flags


def _term(lang_sec: etree._Element, text: str, status: str | None) -> etree._Element:
    term_sec = etree.SubElement(lang_sec, _q("termSec"))
    _sub(term_sec, "term", text)
    if status:
        _sub(term_sec, "termNote", status, type="administrativeStatus")
    return term_sec


def _sub(parent: etree._Element, name: str, text: str, **attributes: str) -> etree._Element:
    element = etree.SubElement(parent, _q(name), **attributes)
    element.text = text
    return element


def _xml_id(entry_id: str) -> str:
    return f"_{entry_id}" if entry_id[0].isdigit() else entry_id


def read_tbx(path: Path) -> list[Entry]:
    """Stream the concept entries (``iterparse``), so large termbases load quickly."""
    entries: list[Entry] = []
    taken: set[str] = set()
    try:
        for _event, element in etree.iterparse(str(path), events=("end",), tag=_q("conceptEntry"),
                                               resolve_entities=False, no_network=True, huge_tree=True):  # fmt: skip
            entries.append(_entry(element, path, taken))
            element.clear(keep_tail=False)
            while element.getprevious() is not None:
                del element.getparent()[0]
    except etree.XMLSyntaxError as error:
        raise GlossaryError(str(path), f"not well-formed TBX: {error.msg}", line=error.lineno) from None
    except OSError as error:
        raise GlossaryError(str(path), str(error)) from None
    if not entries:
        raise GlossaryError(str(path), "no conceptEntry elements (is this a TBX file?)")
    return entries


_DESCRIP, _ADMIN, _NOTE, _LANG_SEC = _q("descrip"), _q("admin"), _q("note"), _q("langSec")
_TERM_SEC, _TERM, _TERM_NOTE = _q("termSec"), _q("term"), _q("termNote")


def _text(element: etree._Element) -> str:
    if len(element) == 0:  # the common case: text only, no inline markup
        text = element.text or ""
        return " ".join(text.split()) if "\n" in text or "  " in text else text.strip()
    return " ".join("".join(element.itertext()).split())


def _entry(concept: etree._Element, path: Path, taken: set[str]) -> Entry:
    raw: dict[str, Any] = {"source": [], "approved": [], "forbidden": [], "forbidden_regex": [],
                           "references": [], "tags": []}  # fmt: skip
    notes: list[str] = []
    preferred = False
    for child in concept:
        tag = child.tag
        if tag == _LANG_SEC:
            preferred |= _lang_sec(child, raw)
        elif tag == _DESCRIP and child.get("type") == "subjectField":
            raw["tags"].append(_text(child))
        elif tag == _ADMIN and child.get("type") == "source":
            raw["references"].append(_text(child))
        elif tag == _NOTE:
            _note(_text(child), raw, notes)
    raw["note"] = " ".join(notes)
    raw.setdefault("status", "approved" if preferred else "proposed")
    raw["id"] = _entry_id(concept.get("id") or "", raw, taken)
    return build_entry(raw, path, concept.sourceline)


def _note(value: str, raw: dict[str, Any], notes: list[str]) -> None:
    if not value.startswith(PREFIX):
        notes.append(value)
        return
    flag = value.removeprefix(PREFIX)
    if flag == "case-sensitive":
        raw["case_sensitive"] = True
    elif flag.startswith(("severity=", "status=")):
        key, _, setting = flag.partition("=")
        raw[key] = setting


def _lang_sec(lang_sec: etree._Element, raw: dict[str, Any]) -> bool:
    """Add this language section's terms; return whether it has a preferred English term."""
    lang = (lang_sec.get(XML_LANG) or "").lower()
    chinese, english = lang.startswith("zh"), lang.startswith("en")
    preferred = False
    for term_sec in lang_sec.iterchildren(_TERM_SEC):
        term, status, regex_note = "", "", False
        for child in term_sec:
            tag = child.tag
            if tag == _TERM:
                term = _text(child)
            elif tag == _TERM_NOTE and child.get("type") == "administrativeStatus":
                status = _text(child)
            elif tag == _NOTE and _text(child) == REGEX_NOTE:
                regex_note = True
        if not term:
            continue
        if chinese:
            raw["source"].append(term)
        elif english:
            if regex_note:
                raw["forbidden_regex"].append(term)
            elif status in FORBIDDEN_STATUSES:
                raw["forbidden"].append(term)
            else:
                raw["approved"].append(term)
                preferred |= status == "preferredTerm-admn-sts"
    return preferred


def _entry_id(xml_id: str, raw: dict[str, Any], taken: set[str]) -> str:
    candidate = xml_id[1:] if xml_id.startswith("_") else xml_id
    if not ID_PATTERN.fullmatch(candidate):
        first = (raw["approved"] or raw["source"] or ["term"])[0]
        candidate = slug(first)
    return unique_id(candidate, taken)
