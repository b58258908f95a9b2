"""Import an exchange-format glossary into a TOML glossary file, merging, never duplicating.

An imported entry matches an existing one that shares a Chinese source term, or has the
same id and shares an approved rendering.
A match in the target file gains the imported renderings, terms, references and tags it
lacks; a match in another file of the same folder is left alone (reported as skipped);
anything else becomes a new ``[[entry]]`` at the end. The file keeps its comments and
order (``tomlkit``), the result is validated with the loader before it is written, and
the write is atomic.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import tomlkit
from tomlkit.items import AoT, Table

from termguard.errors import GlossaryError, TermguardError
from termguard.fileio import atomic_write
from termguard.termbase.formats.common import unique_id
from termguard.termbase.load import _read_text, read_toml
from termguard.termbase.model import Entry

MERGED_LISTS = ("source", "approved", "forbidden", "forbidden_regex", "references", "tags")


@dataclass
class ImportReport:
    """What an import did (or would do, with ``--dry-run``)."""

    source: Path
    into: Path
    added: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    written: bool = False

    def summary(self) -> str:
        lines = [f"{self.source} -> {self.into}: {len(self.added)} added, {len(self.merged)} merged, "
                 f"{len(self.skipped)} unchanged" + ("" if self.written else " (nothing written)")]  # fmt: skip
        lines += [f"  added   {item}" for item in self.added]
        lines += [f"  merged  {item}" for item in self.merged]
        lines += [f"  skipped {item}" for item in self.skipped]
        return "\n".join(lines)


def read_import(path: Path, fmt: str | None = None, *, reverse: bool = False) -> list[Entry]:
    from termguard.termbase.formats import IMPORT_FORMATS, REVERSIBLE

    name = fmt or path.suffix.lower().lstrip(".")
    reader = IMPORT_FORMATS.get(name)
    if reader is None:
        raise TermguardError(f"{path}: unknown glossary format {name!r} (use --from {'|'.join(IMPORT_FORMATS)})")
    if not path.is_file():
        raise GlossaryError(str(path), "no such file")
    if reverse:
        if name not in REVERSIBLE:
            raise TermguardError(f"{path}: --reverse works with {', '.join(sorted(REVERSIBLE))} only")
        return reader(path, reverse=True)
    return reader(path)


def import_into(path: Path, into: Path, fmt: str | None = None, *, dry_run: bool = False,
                reverse: bool = False) -> ImportReport:  # fmt: skip
    imported = read_import(path, fmt, reverse=reverse)
    document = _open(into)
    entries = document.setdefault("entry", tomlkit.aot())
    if not isinstance(entries, AoT):
        raise GlossaryError(str(into), "'entry' must be an array of tables ([[entry]])")
    own = {str(table["id"]): table for table in entries}
    others = _other_files(into)
    taken = set(own) | {e.id for e in others}
    report = ImportReport(path, into)
    for entry in imported:
        table = _match(entry, entries)
        other = None if table is not None else _match_entry(entry, others)
        if other is not None:
            report.skipped.append(f"{entry.id} (already in {Path(other.path).name} as {other.id})")
        elif table is not None:
            changes = _merge(table, entry)
            (report.merged if changes else report.skipped).append(
                f"{table['id']}: {', '.join(changes)}" if changes else f"{entry.id} (no new information)")
        else:
            entry_id = unique_id(entry.id, taken)
            entries.append(_table(entry, entry_id))
            report.added.append(f"{entry_id} ({' / '.join(entry.source)} -> {entry.approved[0]})")
    text = tomlkit.dumps(document)
    _validate(text, into)
    if not dry_run and (report.added or report.merged):
        atomic_write(into, text)
        report.written = True
    return report


def _open(into: Path) -> tomlkit.TOMLDocument:
    if not into.exists():
        document = tomlkit.document()
        document.add(tomlkit.comment("Imported glossary entries: review them and set status = \"approved\"."))
        document.add(tomlkit.nl())
        return document
    text = _read_text(into)
    read_toml(into)  # the loader's validation, with its line numbers
    return tomlkit.parse(text)


def _other_files(into: Path) -> list[Entry]:
    folder = into.parent if str(into.parent) else Path(".")
    entries: list[Entry] = []
    for path in sorted(folder.glob("*.toml")):
        if path.resolve() != into.resolve():
            try:
                entries.extend(read_toml(path))
            except GlossaryError:
                continue  # not a glossary file (pyproject.toml...) or broken: lint reports those
    return entries


def _same_concept(entry: Entry, entry_id: str, sources: Iterable[str], approved: Iterable[str]) -> bool:
    """Shared source term, or the same id with a shared approved rendering (an id alone may
    be one generated from a rendering: a different concept that happens to slug the same)."""
    if set(sources) & set(entry.source):
        return True
    return entry_id == entry.id and bool(set(approved) & set(entry.approved))


def _match(entry: Entry, tables: AoT) -> Table | None:
    for table in tables:
        if _same_concept(entry, table.get("id"), table.get("source", []), table.get("approved", [])):
            return table
    return None


def _match_entry(entry: Entry, others: list[Entry]) -> Entry | None:
    return next((o for o in others if _same_concept(entry, o.id, o.source, o.approved)), None)


def _merge(table: Table, entry: Entry) -> list[str]:
    changes = []
    for key in MERGED_LISTS:
        current = table.get(key)
        if isinstance(current, str):
            current = table[key] = tomlkit.array([current])
        new = [value for value in getattr(entry, key) if value not in (current or [])]
        if not new:
            continue
        if current is None:
            table[key] = tomlkit.array(new)
        else:
            current.extend(new)
        changes.append(f"+{len(new)} {key}")
    if entry.note and not table.get("note"):
        table["note"] = entry.note
        changes.append("+note")
    return changes


def _table(entry: Entry, entry_id: str) -> Table:
    table = tomlkit.table()
    table["id"] = entry_id
    for key in ("source", "approved", "forbidden", "forbidden_regex"):
        if getattr(entry, key):
            table[key] = list(getattr(entry, key))
    if entry.note:
        table["note"] = entry.note
    table["references"] = list(entry.references)
    if entry.tags:
        table["tags"] = list(entry.tags)
    if entry.case_sensitive:
        table["case_sensitive"] = True
    if entry.severity.value != "error":
        table["severity"] = entry.severity.value
    table["status"] = entry.status
    table.add(tomlkit.nl())
    return table


def _validate(text: str, into: Path) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        probe = Path(folder) / into.name
        probe.write_text(text, "utf-8")
        try:
            read_toml(probe)
        except GlossaryError as error:
            raise TermguardError(f"{into}: the merged file would not load ({error.detail}); nothing written") from None
