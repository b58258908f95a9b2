"""Add an entry to a glossary TOML file, keeping its comments, order and layout (tomlkit)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import tomlkit
from tomlkit.exceptions import TOMLKitError

from termguard.errors import GlossaryError
from termguard.fileio import atomic_write
from termguard.termbase import Entry, Glossary
from termguard.termbase.load import ID_PATTERN, entry_from_mapping

NEW_FILE_HEADER = "# Glossary entries added during review with `termguard review`.\n"


@dataclass(frozen=True)
class NewEntry:
    """What the add-to-glossary form collects."""

    id: str
    source: str
    approved: str
    forbidden: str = ""
    note: str = ""
    reference: str = ""

    def to_mapping(self) -> dict[str, object]:
        """The ``[[entry]]`` table, keys in the order the glossary README uses."""
        table: dict[str, object] = {"id": self.id.strip(), "source": _items(self.source),
                                    "approved": _items(self.approved)}  # fmt: skip
        if forbidden := _items(self.forbidden):
            table["forbidden"] = forbidden
        if self.note.strip():
            table["note"] = self.note.strip()
        table["references"] = _items(self.reference, separator="|")
        return table


def _items(text: str, separator: str = ";") -> list[str]:
    """Form fields take several values separated by ``;`` (references by ``|``)."""
    return [part.strip() for part in text.split(separator) if part.strip()]


def suggest_id(text: str) -> str:
    """A kebab-case id from an English rendering: 'Excessive meetings!' -> 'excessive-meetings'."""
    words = re.findall(r"[a-z0-9]+", text.casefold())
    return "-".join(words[:6])


def validate(entry: NewEntry, path: Path, glossary: Glossary) -> Entry:
    """Check the entry as the loader would, and that its id is new; raises GlossaryError."""
    if not ID_PATTERN.fullmatch(entry.id.strip()):
        raise GlossaryError(str(path), "the id must be lower-case kebab-case, like 'wenshan-huihai'")
    if entry.id.strip() in glossary.by_id:
        raise GlossaryError(str(path), f"the id {entry.id.strip()!r} is already used in {glossary[entry.id.strip()].path}")
    return entry_from_mapping(entry.to_mapping(), path)


def add_entry(path: str | Path, entry: NewEntry, glossary: Glossary) -> Entry:
    """Append ``entry`` to the TOML file at ``path`` (created when missing), atomically."""
    path = Path(path)
    checked = validate(entry, path, glossary)
    if path.exists():
        try:
            document = tomlkit.parse(path.read_text(encoding="utf-8"))
        except (TOMLKitError, UnicodeDecodeError) as error:
            raise GlossaryError(str(path), f"cannot add to this file: {error}") from None
    else:
        document = tomlkit.parse(NEW_FILE_HEADER)
    entries = document.get("entry")
    if entries is None:
        entries = tomlkit.aot()
        document.append("entry", entries)
    table = tomlkit.table()
    table.trivia.indent = "\n"  # a blank line before [[entry]], as in hand-written files
    for key, value in entry.to_mapping().items():
        table.add(key, value)
    entries.append(table)
    atomic_write(path, tomlkit.dumps(document))
    return checked
