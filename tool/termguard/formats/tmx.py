"""TMX translation memories: one segment per ``<tu>`` that has both languages.

Which ``<tuv>`` is the source and which the target is decided by language code
(``xml:lang``, or ``lang`` in TMX 1.1): ``--source-lang``/``--target-lang`` first, then
the header's ``srclang``, then Chinese as the source (any of zh, zh-CN, zh-Hant, cmn ...)
and English as the target (or Chinese, when the source is English). A ``<tu>`` lacking
either language is skipped; a file where no ``<tu>`` has both is an error. Inline
elements (``<ph>``, ``<bpt>``, ``<ept>``, ``<it>``, ``<hi>``) stay in the text as XML.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from termguard.errors import InputError
from termguard.formats import register
from termguard.formats.languages import is_chinese, is_english, same_language
from termguard.formats.xmltools import (
    Positions,
    child,
    children,
    descendants,
    inner_markup,
    localname,
    note_suppressions,
    parse_xml,
)  # fmt: skip
from termguard.model import Origin, Segment

if TYPE_CHECKING:
    from collections.abc import Callable

    from termguard.formats import ReadOptions

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def read_tmx(path: str, text: str, options: ReadOptions) -> list[Segment]:
    root = parse_xml(path, text)
    if localname(root) != "tmx":
        raise InputError(path, f"not a TMX file (the root element is <{localname(root)}>)", root.sourceline)
    header = child(root, "header")
    srclang = header.get("srclang") if header is not None else None
    wanted_source = options.source_lang or (srclang if srclang and srclang.lower() != "*all*" else None)
    is_source = _matcher(wanted_source, is_chinese)
    default_target = is_english if wanted_source is None or is_chinese(wanted_source) else is_chinese
    is_target = _matcher(options.target_lang, default_target)
    units = descendants(root, "tu")
    positions = Positions(text, root)
    segments = []
    for number, unit in enumerate(units, 1):
        variants = [(_lang(tuv), tuv) for tuv in children(unit, "tuv")]
        source = next(((lang, tuv) for lang, tuv in variants if is_source(lang)), None)
        if source is None:
            continue
        target = next(((lang, tuv) for lang, tuv in variants if is_target(lang) and tuv is not source[1]), None)
        if target is None:
            continue
        source_seg, target_seg = child(source[1], "seg"), child(target[1], "seg")
        entry = unit.get("tuid") or str(number)
        line, column, offset = positions.of(target_seg if target_seg is not None else target[1])
        segments.append(Segment(
            id=f"{path}:{entry}",
            target=inner_markup(target_seg),
            origin=Origin(path, line, column, offset, entry),
            source=inner_markup(source_seg),
            suppressed=note_suppressions(unit),
            source_lang=source[0],
            target_lang=target[0],
        ))  # fmt: skip
    if units and not segments:
        target_name = options.target_lang or ("English (en)" if default_target is is_english else "Chinese (zh)")
        raise _missing_language(path, units, is_source, is_target, wanted_source or "Chinese (zh)", target_name)
    return segments


def _lang(tuv: etree._Element) -> str:
    return tuv.get(XML_LANG) or tuv.get("lang") or ""


def _matcher(wanted: str | None, default: Callable[[str | None], bool]) -> Callable[[str], bool]:
    if wanted:
        return lambda code: same_language(code, wanted)
    return default


def _missing_language(
    path: str,
    units: list[etree._Element],
    is_source: Callable[[str], bool],
    is_target: Callable[[str], bool],
    source_name: str,
    target_name: str,
) -> InputError:
    found = sorted({_lang(tuv) for unit in units for tuv in children(unit, "tuv")} - {""})
    listed = ", ".join(found) or "none"
    if not any(is_source(code) for code in found):
        side, wanted, option = "source", source_name, "--source-lang"
    elif not any(is_target(code) for code in found):
        side, wanted, option = "target", target_name, "--target-lang"
    else:
        return InputError(path, f"no <tu> holds both the source and the target language (languages: {listed})")
    return InputError(path, f"no {side} language {wanted} in this TMX (languages: {listed}); choose one with {option}")


register([".tmx"], read_tmx)
