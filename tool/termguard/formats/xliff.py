"""XLIFF 1.2 and 2.x: one segment per translation unit or per segment within it.

XLIFF 1.2 ``<trans-unit>`` gives one segment from its ``<source>``/``<target>``, or one
per ``<mrk mtype="seg">`` when the unit is segmented (``<seg-source>``); XLIFF 2.x gives
one per ``<segment>`` of each ``<unit>``. Inline elements (``<x/>``, ``<g>``, ``<pc>``,
``<ph>`` ...) stay in the text as their XML markup; the rest of the text is unescaped.
Units marked ``translate="no"`` are skipped; a unit without a target is a segment with
an empty target. A ``<note>`` or comment ``termguard: ignore RULE`` in a unit suppresses
rules on it. Languages come from ``source-language``/``target-language`` (1.2) or
``srcLang``/``trgLang`` (2.x), unless ``--source-lang``/``--target-lang`` say otherwise.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from lxml import etree

from termguard.errors import InputError
from termguard.formats import register
from termguard.formats.languages import guess_language
from termguard.formats.xmltools import (
    Positions,
    child,
    children,
    descendants,
    inner_markup,
    localname,
    note_suppressions,
    parse_xml,
)
from termguard.model import Origin, Segment

if TYPE_CHECKING:
    from termguard.formats import ReadOptions

NEEDS_REVIEW = ("needs-review-translation", "needs-review-l10n", "needs-review-adaptation")


class _Pair:
    """A source/target pair found in the file, before languages are settled."""

    def __init__(self, entry: str, source: etree._Element | None, target: etree._Element | None,
                 anchor: etree._Element, unit: etree._Element, langs: tuple[str | None, str | None],
                 fuzzy: bool = False) -> None:  # fmt: skip
        self.entry, self.source, self.target, self.anchor = entry, source, target, anchor
        self.unit, self.langs, self.fuzzy = unit, langs, fuzzy


def read_xliff(path: str, text: str, options: ReadOptions) -> list[Segment]:
    root = parse_xml(path, text)
    if localname(root) != "xliff":
        raise InputError(path, f"not an XLIFF file (the root element is <{localname(root)}>)", root.sourceline)
    version = root.get("version", "")
    pairs = list(_pairs_2x(root) if version.startswith("2") else _pairs_12(root))
    positions = Positions(text, root)
    sources = [inner_markup(p.source) for p in pairs]
    targets = [inner_markup(p.target) for p in pairs]
    guessed_source = guess_language(sources) or "zh"
    guessed_target = guess_language(targets) or "en"
    segments = []
    for pair, source, target in zip(pairs, sources, targets, strict=True):
        line, column, offset = positions.of(pair.target if pair.target is not None else pair.anchor)
        segments.append(Segment(
            id=f"{path}:{pair.entry}",
            target=target,
            origin=Origin(path, line, column, offset, pair.entry),
            source=source,
            fuzzy=pair.fuzzy,
            suppressed=note_suppressions(pair.unit),
            source_lang=options.source_lang or pair.langs[0] or guessed_source,
            target_lang=options.target_lang or pair.langs[1] or guessed_target,
        ))  # fmt: skip
    return segments


def _pairs_12(root: etree._Element) -> Iterator[_Pair]:
    files = descendants(root, "file")
    for number, file in enumerate(files, 1):
        langs = (file.get("source-language"), file.get("target-language"))
        prefix = f"{file.get('original') or number}/" if len(files) > 1 else ""
        for unit in descendants(file, "trans-unit"):
            if unit.get("translate") == "no":
                continue
            entry = prefix + (unit.get("id") or str(unit.sourceline))
            target = child(unit, "target")
            fuzzy = target is not None and target.get("state") in NEEDS_REVIEW
            seg_source = child(unit, "seg-source")
            marks = _seg_marks(seg_source) if seg_source is not None else []
            if not marks:
                source = child(unit, "source")
                yield _Pair(entry, source, target, source if source is not None else unit, unit, langs, fuzzy)
                continue
            targets = {m.get("mid"): m for m in _seg_marks(target)} if target is not None else {}
            for mark in marks:
                mid = mark.get("mid")
                yield _Pair(f"{entry}#{mid}", mark, targets.get(mid), mark, unit, langs, fuzzy)


def _seg_marks(element: etree._Element) -> list[etree._Element]:
    return [m for m in descendants(element, "mrk") if m.get("mtype") == "seg"]


def _pairs_2x(root: etree._Element) -> Iterator[_Pair]:
    langs = (root.get("srcLang"), root.get("trgLang"))
    files = children(root, "file")
    for number, file in enumerate(files, 1):
        prefix = f"{file.get('id') or number}/" if len(files) > 1 else ""
        for unit in descendants(file, "unit"):
            if unit.get("translate") == "no":
                continue
            entry = prefix + (unit.get("id") or str(unit.sourceline))
            segments = children(unit, "segment")
            for index, segment in enumerate(segments, 1):
                key = entry if len(segments) == 1 else f"{entry}#{segment.get('id') or index}"
                source = child(segment, "source")
                yield _Pair(key, source, child(segment, "target"), source if source is not None else segment,
                            unit, langs)  # fmt: skip


register([".xlf", ".xliff"], read_xliff)
