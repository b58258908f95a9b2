"""CSV and TSV glossaries with a header row.

One row per Chinese source term, so platforms that import two-column glossaries (Weblate,
Crowdin, Phrase...) read ``source`` and ``target`` directly; an entry with several source
terms has one row per term, sharing the ``id``. The remaining columns carry every other
field, list fields joined with `` | ``:

``id, source, target, approved, forbidden, forbidden_regex, note, references, tags,
case_sensitive, severity, status``

``target`` is the suggested (first) approved rendering; ``approved`` lists the others.
On import only ``source`` and ``target`` are required (header names are case-insensitive;
``term``/``translation`` and ``zh``/``en`` are accepted too); without a ``status`` column
entries are ``proposed``.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from termguard.errors import GlossaryError
from termguard.termbase.formats.common import build_entry, join_list, keep_pair, slug, split_list, unique_id
from termguard.termbase.load import ID_PATTERN, _read_text
from termguard.termbase.model import Entry

COLUMNS = ["id", "source", "target", "approved", "forbidden", "forbidden_regex", "note", "references",
           "tags", "case_sensitive", "severity", "status"]  # fmt: skip
ALIASES = {"term": "source", "zh": "source", "zh-cn": "source", "zh_cn": "source", "chinese": "source",
           "translation": "target", "en": "target", "english": "target",
           "explanation": "note", "description": "note", "comment": "note"}  # fmt: skip
LIST_COLUMNS = ("approved", "forbidden", "forbidden_regex", "references", "tags")


def export_csv(entries: list[Entry]) -> str:
    return _export(entries, ",")


def export_tsv(entries: list[Entry]) -> str:
    return _export(entries, "\t")


def _export(entries: list[Entry], delimiter: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(COLUMNS)
    for entry in entries:
        shared = [join_list(entry.approved[1:]), join_list(entry.forbidden), join_list(entry.forbidden_regex),
                  entry.note, join_list(entry.references), join_list(entry.tags),
                  "true" if entry.case_sensitive else "false", entry.severity.value, entry.status]  # fmt: skip
        for term in entry.source:
            writer.writerow([entry.id, term, entry.approved[0], *shared])
    return out.getvalue()


def read_csv(path: Path, *, reverse: bool = False) -> list[Entry]:
    return _read(path, ",", reverse)


def read_tsv(path: Path, *, reverse: bool = False) -> list[Entry]:
    return _read(path, "\t", reverse)


def _read(path: Path, delimiter: str, reverse: bool) -> list[Entry]:
    text = _read_text(path)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    except csv.Error as error:
        kind = "TSV" if delimiter == "\t" else "CSV"
        raise GlossaryError(str(path), f"malformed {kind}: {error}") from None
    if not rows:
        raise GlossaryError(str(path), "empty glossary file")
    header = [ALIASES.get(name.strip().casefold(), name.strip().casefold()) for name in rows[0]]
    if reverse:
        header = [{"source": "target", "target": "source"}.get(name, name) for name in header]
    missing = [name for name in ("source", "target") if name not in header]
    if missing:
        raise GlossaryError(str(path), f"header row has no {missing[0]!r} column (found: {', '.join(rows[0])})", line=1)
    grouped: dict[str, tuple[dict[str, Any], int]] = {}
    taken: set[str] = set()
    for line, row in enumerate(rows[1:], 2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            raise GlossaryError(str(path), f"{len(row)} columns, the header has {len(header)}", line=line)
        cells = dict(zip(header, (cell.strip() for cell in row)))
        _add_row(cells, grouped, taken, path, line)
    return [build_entry(raw, path, line) for raw, line in grouped.values()]


def _add_row(cells: dict[str, str], grouped: dict[str, tuple[dict[str, Any], int]], taken: set[str], path: Path, line: int) -> None:
    source, target = cells.get("source", ""), cells.get("target", "")
    if not source or not target:
        raise GlossaryError(str(path), "a row needs a source term and a target rendering", line=line)
    if not keep_pair(path, source, target, line, first=not grouped):
        return
    entry_id = cells.get("id", "")
    if entry_id and entry_id in grouped:
        grouped[entry_id][0]["source"].append(source)
        return
    if not entry_id or not ID_PATTERN.fullmatch(entry_id):
        entry_id = slug(target)
    entry_id = unique_id(entry_id, taken)
    raw: dict[str, Any] = {"id": entry_id, "source": [source], "note": cells.get("note", "")}
    for column in LIST_COLUMNS:
        raw[column] = split_list(cells.get(column, ""))
    raw["approved"] = [target, *(a for a in raw["approved"] if a != target)]
    if cells.get("case_sensitive"):
        raw["case_sensitive"] = cells["case_sensitive"].casefold() in ("true", "yes", "1")
    for column in ("severity", "status"):
        if cells.get(column):
            raw[column] = cells[column]
    raw.setdefault("status", "proposed")
    raw.setdefault("severity", "error")
    grouped[cells.get("id") or entry_id] = (raw, line)
