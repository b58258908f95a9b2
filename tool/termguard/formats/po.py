"""Gettext PO and POT files, read with polib: one segment per msgstr.

The msgid is the source and the msgstr the target, whichever way the catalogue runs:
a termguard PO has Chinese msgids and English msgstrs, a software ``zh_CN.po`` the
reverse. Each segment records both languages so that checks can tell the two apart.
Plural entries give one segment per ``msgstr[n]``; fuzzy entries are read and marked;
obsolete entries and the header are skipped; untranslated entries are segments with an
empty target. A translator comment ``# termguard: ignore RULE, RULE`` (or a bare
``# termguard: ignore``) suppresses rules on its entry.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import polib

from termguard.errors import InputError
from termguard.formats import register
from termguard.formats.languages import guess_language
from termguard.formats.lines import line_offsets
from termguard.model import Origin, Segment

if TYPE_CHECKING:
    from termguard.formats import ReadOptions

SUPPRESS_MARKER = re.compile(r"termguard:\s*ignore\b(.*)", re.I)
_STRING = r'"(?:[^"\\]|\\.)*"'
KEYWORD_LINE = re.compile(rf"(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)[ \t]+{_STRING}[ \t]*")
CONTINUATION_LINE = re.compile(rf"{_STRING}[ \t]*")
MSGSTR = re.compile(r"msgstr(?:\[(\d+)\])?[ \t]+\"")
POLIB_LINE = re.compile(r"\(line (\d+)\)")


def read_po(path: str, text: str, options: ReadOptions) -> list[Segment]:
    lines = text.splitlines(keepends=True)
    check_syntax(path, lines)
    catalog = parse(path, text)
    entries = [entry for entry in catalog if not entry.obsolete]
    source_lang = options.source_lang or guess_language(e.msgid for e in entries) or "zh"
    target_lang = (
        options.target_lang
        or catalog.metadata.get("Language")
        or guess_language(s for e in entries for s in _targets(e).values())
        or "en"
    )
    offsets = line_offsets(lines)
    segments = []
    for entry in entries:
        for form, target in _targets(entry).items():
            line = _msgstr_line(lines, entry.linenum, form)
            column = lines[line - 1].index('"') + 2
            key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt is not None else entry.msgid
            segments.append(Segment(
                id=f"{path}:{key}" + (f"[{form}]" if form is not None else ""),
                target=target,
                origin=Origin(path, line, column, offsets[line - 1] + column - 1, key),
                source=entry.msgid_plural if form else entry.msgid,
                fuzzy=entry.fuzzy,
                suppressed=suppressions(entry.tcomment),
                source_lang=source_lang,
                target_lang=target_lang,
            ))  # fmt: skip
    return segments


def check_syntax(path: str, lines: list[str]) -> None:
    """Refuse lines polib would silently misread (an unterminated string, stray text)."""
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if KEYWORD_LINE.fullmatch(line) or CONTINUATION_LINE.fullmatch(line):
            continue
        if re.sub(r"\\.", "", line).count('"') % 2:
            raise InputError(path, "unterminated string (a line must end with a closing quote)", number)
        raise InputError(path, f"not valid PO syntax: {line[:40]!r}", number)


def parse(path: str, text: str) -> polib.POFile:
    if not text.endswith("\n"):
        text += "\n"  # a string without a newline could be taken for a file name
    try:
        return polib.pofile(text)
    except (OSError, ValueError, KeyError, IndexError) as error:
        message = str(error)
        found = POLIB_LINE.search(message)
        detail = POLIB_LINE.sub("", message).replace("Syntax error in po file", "syntax error")
        detail = " ".join(detail.replace(" :", ":").split()).strip(": ") or "syntax error"
        raise InputError(path, detail, int(found.group(1)) if found else None) from None


def suppressions(comment: str | None) -> frozenset[str]:
    """Rule ids named by ``termguard: ignore`` lines of a translator comment."""
    rules: set[str] = set()
    for line in (comment or "").splitlines():
        if marker := SUPPRESS_MARKER.search(line):
            rules.update(marker.group(1).replace(",", " ").split() or ["all"])
    return frozenset(rules)


def _targets(entry: polib.POEntry) -> dict[int | None, str]:
    """Form number -> msgstr; ``None`` is the key of a singular entry's only msgstr."""
    if entry.msgid_plural and entry.msgstr_plural:
        return {int(n): entry.msgstr_plural[n] for n in sorted(entry.msgstr_plural, key=int)}
    return {None: entry.msgstr}


def _msgstr_line(lines: list[str], start: int, form: int | None) -> int:
    """The 1-based line of the entry's ``msgstr`` (or ``msgstr[form]``), searching from ``start``."""
    for number in range(max(start, 1), len(lines) + 1):
        match = MSGSTR.match(lines[number - 1].lstrip())
        if match and (form is None or match.group(1) is None or int(match.group(1)) == form):
            return number
    return max(start, 1)


register([".po", ".pot"], read_po)
