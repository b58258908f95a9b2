"""Gettext PO glossary catalogues (``msgfmt --check`` clean).

One message per Chinese source term: ``msgctxt`` = entry id (so one term can belong to
two entries), ``msgid`` = source term, ``msgstr`` = the suggested approved rendering,
extracted comments (``#.``) = the note, then one ``#. key: value`` line per other field
(``approved``, ``forbidden``, ``forbidden_regex``, ``references``, ``tags``, ``severity``,
``case_sensitive``), list fields joined with `` | ``. Proposed entries are ``fuzzy``.

Imported team glossaries that go English -> Chinese (msgid English, msgstr Chinese,
like git-gui's and GnuCash's) are rejected with a message naming the direction, unless
``--reverse`` is given; then msgstr is the source term and msgid the rendering.
"""

from __future__ import annotations

from datetime import UTC
from pathlib import Path
from typing import Any

import polib

from termguard import __version__
from termguard.errors import GlossaryError
from termguard.termbase.formats.common import build_entry, join_list, keep_pair, slug, split_list, unique_id
from termguard.termbase.load import ID_PATTERN, _read_text
from termguard.termbase.model import Entry

GENERATOR = "termguard"
"""Only termguard's own catalogues mark reviewed entries: elsewhere an entry is ``proposed``."""
FIELD_COMMENTS = ("approved", "forbidden", "forbidden_regex", "references", "tags", "severity", "case_sensitive")


def export_po(entries: list[Entry]) -> str:
    catalogue = polib.POFile(wrapwidth=0)
    catalogue.header = "termguard glossary: Chinese source terms (msgid) and approved English renderings (msgstr)."
    catalogue.metadata = {
        "Project-Id-Version": f"termguard glossary {__version__}",
        "PO-Revision-Date": _now(),
        "Last-Translator": "termguard",
        "Language-Team": "termguard glossary",
        "Language": "en",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": "zh_CN",
        "X-Generator": GENERATOR,
    }
    for entry in entries:
        comment = "\n".join(_comment_lines(entry))
        for term in entry.source:
            catalogue.append(polib.POEntry(
                msgctxt=entry.id, msgid=term, msgstr=entry.approved[0], comment=comment,
                flags=["fuzzy"] if entry.status == "proposed" else [],
            ))  # fmt: skip
    return str(catalogue) + "\n"


def _comment_lines(entry: Entry) -> list[str]:
    lines = [entry.note] if entry.note else []
    fields = {"approved": join_list(entry.approved[1:]), "forbidden": join_list(entry.forbidden),
              "forbidden_regex": join_list(entry.forbidden_regex), "references": join_list(entry.references),
              "tags": join_list(entry.tags),
              "severity": entry.severity.value if entry.severity.value != "error" else "",
              "case_sensitive": "true" if entry.case_sensitive else ""}  # fmt: skip
    lines.extend(f"{key}: {value}" for key, value in fields.items() if value)
    return lines


def read_po(path: Path, *, reverse: bool = False) -> list[Entry]:
    text = _read_text(path)
    try:
        catalogue = polib.pofile(text, wrapwidth=0)
    except (OSError, ValueError) as error:
        raise GlossaryError(str(path), f"malformed PO: {_po_message(error)}", line=_po_line(error)) from None
    ours = catalogue.metadata.get("X-Generator", "").startswith(GENERATOR)
    grouped: dict[str, tuple[dict[str, Any], int | None]] = {}
    taken: set[str] = set()
    seen_pair = False
    for message in catalogue:
        if message.obsolete or not message.msgid or not message.msgstr:
            continue
        source, target = (message.msgstr, message.msgid) if reverse else (message.msgid, message.msgstr)
        if not keep_pair(path, source, target, message.linenum, first=not seen_pair):
            continue
        seen_pair = True
        context = message.msgctxt or ""
        if context in grouped:
            grouped[context][0]["source"].append(source)
            continue
        raw = _raw_entry(message, source, target, context, taken)
        if not ours:
            raw["status"] = "proposed"
        grouped[context or raw["id"]] = (raw, message.linenum)
    if not grouped:
        raise GlossaryError(str(path), "no translated messages in this PO file")
    return [build_entry(raw, path, line) for raw, line in grouped.values()]


def _raw_entry(message: polib.POEntry, source: str, target: str, context: str, taken: set[str]) -> dict[str, Any]:
    raw: dict[str, Any] = {"source": [source], "status": "proposed" if message.fuzzy else "approved"}
    notes = []
    for line in (message.comment or "").splitlines():
        key, _, value = line.partition(": ")
        if key in FIELD_COMMENTS and value:
            raw[key] = value.strip() == "true" if key == "case_sensitive" else (
                value.strip() if key == "severity" else split_list(value))
        elif line.strip() and line.strip() != '""':
            notes.append(line.strip())
    raw["note"] = " ".join(notes)
    raw["approved"] = [target, *(a for a in raw.get("approved", []) if a != target)]
    wanted = context if ID_PATTERN.fullmatch(context) else slug(target)
    raw["id"] = unique_id(wanted, taken)
    return raw


def _po_message(error: Exception) -> str:
    return str(error).split(" (line", 1)[0]


def _po_line(error: Exception) -> int | None:
    import re

    match = re.search(r"line (\d+)", str(error))
    return int(match.group(1)) if match else None


def _now() -> str:
    from datetime import datetime

    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M+0000")
