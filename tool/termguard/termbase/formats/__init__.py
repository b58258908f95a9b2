"""Glossary exchange formats: readers by file suffix, exporters by name.

``READERS`` plugs into the loader (``termbase.load.entry_readers``), so every import
format also works with ``termguard check --glossary FILE``.
"""

from __future__ import annotations

from collections.abc import Callable

from termguard.termbase.formats.jsonfile import read_json
from termguard.termbase.formats.mt import export_deepl, export_google
from termguard.termbase.formats.po import export_po, read_po
from termguard.termbase.formats.tabular import export_csv, export_tsv, read_csv, read_tsv
from termguard.termbase.formats.tbx import export_tbx, read_tbx
from termguard.termbase.model import Entry

READERS = {".tbx": read_tbx, ".csv": read_csv, ".tsv": read_tsv, ".po": read_po, ".json": read_json}
"""Suffix -> reader (``Path -> list[Entry]``)."""

IMPORT_FORMATS = {"tbx": read_tbx, "csv": read_csv, "tsv": read_tsv, "po": read_po, "json": read_json}
"""Format name -> reader, for ``glossary import --from``."""

REVERSIBLE = {"csv", "tsv", "po"}
"""Formats whose columns can be swapped with ``--reverse`` (English -> Chinese glossaries)."""

EXPORTERS: dict[str, Callable[[list[Entry]], str]] = {
    "tbx": export_tbx, "csv": export_csv, "tsv": export_tsv, "po": export_po,
    "deepl": export_deepl, "google": export_google,
}  # fmt: skip

__all__ = ["EXPORTERS", "IMPORT_FORMATS", "READERS", "REVERSIBLE"]
