"""Glossary entries (one concept each) and the glossary that holds them."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any

from termguard.frozen import quick_init
from termguard.model import Severity


@quick_init
@dataclass(frozen=True, slots=True)
class Entry:
    """A concept: its Chinese terms, approved and forbidden English renderings."""

    id: str
    source: tuple[str, ...]
    """Chinese terms, Simplified."""
    approved: tuple[str, ...]
    """Renderings official English sources use; the first is the suggestion."""
    forbidden: tuple[str, ...] = ()
    """Literal renderings that are wrong."""
    forbidden_regex: tuple[str, ...] = ()
    """Regular expressions (``regex`` module) matching wrong renderings in context."""
    note: str = ""
    references: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    case_sensitive: bool = False
    severity: Severity = Severity.ERROR
    status: str = "approved"
    path: str = ""
    """The glossary file the entry was loaded from."""
    source_variants: tuple[str, ...] = field(default=(), compare=False)
    """Traditional-character forms of ``source``, derived at load time (the last field)."""

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # Rebuilt from positional values through the quick __init__ (termguard.frozen):
        # several times faster to unpickle than the dataclass default (a fields() lookup
        # per entry), which matters for a cached 50,000-entry glossary.
        return Entry, self.values()

    def values(self) -> tuple[Any, ...]:
        """The field values in declaration order (``Entry(*entry.values()) == entry``)."""
        return _field_values(self)

    def with_source_variants(self, variants: tuple[str, ...]) -> Entry:
        """This entry with ``source_variants`` set: ``dataclasses.replace`` without its
        per-call field lookups, for every entry of a large glossary."""
        return Entry(*_field_values(self)[:-1], variants)

    @property
    def label(self) -> str:
        """The Chinese term for messages, or the id when there is none."""
        return self.source[0] if self.source else self.id

    @property
    def all_source_forms(self) -> tuple[str, ...]:
        return self.source + tuple(v for v in self.source_variants if v not in self.source)


def entries_digest(entries: Iterable[Entry]) -> str:
    """A hash of what the matcher and run signatures depend on (a signature shows 10 hex
    digits of it; the matcher's cached tables are keyed on it)."""
    digest = hashlib.sha256()
    for entry in entries:
        digest.update(repr((entry.id, entry.source, entry.approved, entry.forbidden,
                            entry.forbidden_regex, entry.case_sensitive)).encode())  # fmt: skip
    return digest.hexdigest()


_FIELD_NAMES = tuple(f.name for f in fields(Entry))
_field_values = attrgetter(*_FIELD_NAMES)


class Glossary:
    """An ordered collection of entries with lookups by id and by term."""

    def __init__(self, entries: Iterable[Entry] = (), gazetteer: Iterable[str] = (), digest: str | None = None) -> None:
        self.entries: list[Entry] = list(entries)
        self.by_id: dict[str, Entry] = {e.id: e for e in self.entries}
        self.gazetteer: frozenset[str] = frozenset(gazetteer)
        """Romanised proper names that stay in pinyin (lower-cased)."""
        self._digest = digest

    def digest(self) -> str:
        """A hash of the entries' ids, terms and renderings, in order (computed once; the
        glossary cache stores it, as hashing 50,000 entries takes a quarter second)."""
        if self._digest is None:
            self._digest = entries_digest(self.entries)
        return self._digest

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __getitem__(self, entry_id: str) -> Entry:
        return self.by_id[entry_id]

    def find(self, term: str) -> list[Entry]:
        """Entries with ``term`` as a source term or a rendering (case-insensitive)."""
        wanted = term.casefold().strip()
        found = []
        for entry in self.entries:
            terms = entry.all_source_forms + entry.approved + entry.forbidden
            if any(t.casefold() == wanted for t in terms) or entry.id == wanted:
                found.append(entry)
        return found
