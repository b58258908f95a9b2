"""PO export through polib: one entry per segment, findings as ``#.``, decisions as ``#``."""

from __future__ import annotations

from datetime import UTC, datetime

import polib

from termguard import __version__
from termguard.export import Unit, finding_note


def header(now: datetime | None = None) -> dict[str, str]:
    stamp = (now or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M+0000")
    return {
        "Project-Id-Version": "termguard review",
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": stamp,
        "PO-Revision-Date": stamp,
        "Last-Translator": "termguard review",
        "Language-Team": "English",
        "Language": "en",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": "nplurals=2; plural=(n != 1);",
        "X-Generator": f"termguard {__version__}",
    }


def build(units: list[Unit]) -> polib.POFile:
    po = polib.POFile(wrapwidth=78)
    po.metadata = header()
    po.header = "Reviewed translation exported by termguard."
    seen: set[tuple[str | None, str]] = set()
    for unit in units:
        path, line = unit.reference
        context = None if unit.source_is_chinese else f"{path}:{line}"
        if (context, unit.source) in seen:  # the same Chinese sentence twice: keep both
            context = f"{path}:{line}"
        seen.add((context, unit.source))
        po.append(polib.POEntry(
            msgctxt=context,
            msgid=unit.source,
            msgstr=_same_edges(unit.source, unit.target),
            occurrences=[(path, str(line))],
            comment="\n".join(finding_note(f) for f in unit.findings),
            tcomment="\n".join(unit.notes),
            flags=["fuzzy"] if unit.fuzzy else [],
        ))  # fmt: skip
    return po


def render(units: list[Unit]) -> bytes:
    return str(build(units)).encode("utf-8") + b"\n"


def _same_edges(msgid: str, msgstr: str) -> str:
    """gettext requires msgid and msgstr to agree on a leading and trailing newline."""
    if not msgstr:
        return msgstr
    msgstr = msgstr.strip("\n")
    return ("\n" if msgid.startswith("\n") else "") + msgstr + ("\n" if msgid.endswith("\n") else "")
