"""What every exchange format shares: building validated entries from imported fields."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from termguard.errors import GlossaryError
from termguard.termbase.load import entry_from_mapping
from termguard.termbase.model import Entry

LIST_SEPARATOR = " | "
"""Joins list fields in one CSV/TSV cell or PO comment (no shipped rendering contains it)."""

_EMPTY = (None, "", [], ())
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def has_han(text: str) -> bool:
    return bool(_HAN.search(text))


def split_list(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(LIST_SEPARATOR) if part.strip()] if cell else []


def join_list(values: Iterable[str]) -> str:
    values = list(values)
    for value in values:
        if LIST_SEPARATOR in value:
            raise GlossaryError("-", f"{value!r} contains the list separator {LIST_SEPARATOR!r}")
    return LIST_SEPARATOR.join(values)


def slug(text: str) -> str:
    """A kebab-case id from an English rendering, or from the pinyin of a Chinese term."""
    if has_han(text):
        from pypinyin import lazy_pinyin

        text = " ".join(lazy_pinyin(text))
    words = re.findall(r"[a-z0-9]+", text.casefold().encode("ascii", "ignore").decode())
    return "-".join(words[:8]) or "term"


def unique_id(wanted: str, taken: set[str]) -> str:
    candidate, number = wanted, 2
    while candidate in taken:
        candidate, number = f"{wanted}-{number}", number + 1
    taken.add(candidate)
    return candidate


def build_entry(raw: dict[str, Any], path: Path, line: int | None = None) -> Entry:
    """Validate imported fields with the TOML loader's rules; errors name the line."""
    raw = {key: value for key, value in raw.items() if value or value not in _EMPTY}  # truthy: not empty, quickly
    if "references" not in raw:
        raw["references"] = [f"Imported from {path.name}"]
    try:
        return entry_from_mapping(raw, path)
    except GlossaryError as error:
        raise GlossaryError(str(path), error.detail, None, line) from None


def keep_pair(path: Path, source: str, target: str, line: int | None, first: bool) -> bool:
    """termguard glossaries go Chinese -> English. A file whose first pair goes the other way
    is rejected with a message saying so; later pairs without a Chinese source term
    (punctuation, placeholders) are skipped."""
    if first and has_han(target) and not has_han(source):
        raise GlossaryError(
            str(path),
            f"this glossary goes English -> Chinese ({source!r} -> {target!r}); termguard "
            "glossaries map Chinese terms to English renderings (import it with --reverse to swap the columns)",
            line=line,
        )
    return has_han(source)
