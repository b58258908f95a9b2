"""Key tables: every normalised spelling of every glossary form, with the forms it stands for.

Deriving the keys (inflections and hyphen variants of every rendering, normalised) is
most of the cost of building a matcher, so the tables are cached beside the glossary
cache (``termbase.cache``), keyed by the glossary content they are derived from and by
this package's code. Owners are stored as integer arrays, which unpickle at memory
speed, rather than as objects.
"""

from __future__ import annotations

import hashlib
import marshal
from array import array
from collections.abc import Callable, Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate, chain, repeat
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import TypeVar

import regex

from termguard.matching import aho
from termguard.matching.anchors import Anchors, regex_anchors
from termguard.matching.normalize import normalize_term, normalize_terms
from termguard.termbase import cache as glossary_cache
from termguard.termbase.model import Entry

CACHE_MIN_ENTRIES = 200
"""Smaller glossaries derive their keys faster than a cache file is read."""

APPROVED, FORBIDDEN = 0, 1
INFLECTED_FLAG, FORBIDDEN_FLAG = 1, 2
"""Bits of a target owner's code; the bits above them are the rendering's index."""
_JOINING_HYPHEN = regex.compile(r"(?<=\w)[-\u2010\u2011](?=\w)")

T = TypeVar("T")


@dataclass(slots=True)
class KeyTable:
    """Keys and their owners (glossary forms), and the automaton over the keys.

    Owners of key ``k`` are ``owner_start[k] <= o < owner_start[k + 1]``: entry
    ``owner_entry[o]`` and a code for the form (see :func:`target_code`).
    """

    keys: list[str]
    owner_start: array[int]
    owner_entry: array[int]
    owner_code: array[int]
    automaton: bytes
    """The automaton over ``keys`` (pattern ``k`` is key ``k``), compiled and serialized
    (``aho.serialized``): cached with the table, it loads in milliseconds where
    compiling the 150,000 keys of 50,000 entries takes over a second."""

    def owners(self, key_id: int) -> range:
        return range(self.owner_start[key_id], self.owner_start[key_id + 1])


def target_code(kind: int, slot: int, inflected: bool) -> int:
    """A target owner: rendering ``slot`` of the entry's approved or forbidden list, as
    written or in the other grammatical number."""
    return slot << 2 | (FORBIDDEN_FLAG if kind == FORBIDDEN else 0) | (INFLECTED_FLAG if inflected else 0)


def decode_target(entry: Entry, code: int) -> tuple[str, str, str]:
    """(kind, rendering, form) of a target owner."""
    forbidden = bool(code & FORBIDDEN_FLAG)
    rendering = (entry.forbidden if forbidden else entry.approved)[code >> 2]
    form = other_number(rendering) if code & INFLECTED_FLAG else rendering
    return ("forbidden" if forbidden else "approved"), rendering, form


def target_index(
    entries: Sequence[Entry], digest: Callable[[], str] | None = None
) -> tuple[KeyTable, list[Anchors | None]]:
    """The target key table and the anchor of every regex rendering, in glossary order.

    ``digest`` gives a hash of the entries (``Glossary.digest``) to key the cache on,
    which a glossary loaded from the cache already knows; without it the renderings are
    hashed here."""
    return _cached("matcher-target", entries, _target_content, _build_target, digest)


def source_table(entries: Sequence[Entry]) -> KeyTable:
    """The source key table (owner code: the index in ``entry.all_source_forms``)."""
    return _cached("matcher-source", entries, _source_content, _build_source)


def inflections(rendering: str) -> list[str]:
    """The rendering and its last word in the other number ("grid member" <-> "grid
    members"), so a glossary need not list both."""
    other = other_number(rendering)
    return [rendering, other] if other else [rendering]


@lru_cache(maxsize=4096)
def other_number(rendering: str) -> str:
    """The rendering with its last word in the other grammatical number, or ""."""
    return _other_number(rendering, {})


def _other_number(rendering: str, word_memo: dict[str, str]) -> str:
    head, _, last = rendering.rpartition(" ")
    other = word_memo.get(last)
    if other is None:
        other = word_memo[last] = _other_number_word(last)
    if not other:
        return ""
    return f"{head} {other}" if head else other


def _other_number_word(last: str) -> str:
    if len(last) < 3 or not last.isascii() or not last.isalpha() or last.isupper():
        return ""
    lower = last.lower()
    if lower[-1] not in "syxh":  # most words: none of the rules below applies
        return last + "s"
    if lower.endswith("ss"):
        return last + "es"
    if lower.endswith(("us", "is")):
        return ""
    if lower.endswith("ies") and len(lower) > 4:
        return last[:-3] + ("Y" if last[-1].isupper() else "y")
    if lower.endswith(("ses", "xes", "ches", "shes")):
        return last[:-2]
    if lower.endswith("s"):
        return last[:-1]
    if lower.endswith("y") and lower[-2:-1] not in "aeiou":
        return last[:-1] + "ies"
    if lower.endswith(("x", "ch", "sh")):
        return last + "es"
    return last + "s"


def rendering_variants(rendering: str) -> list[str]:
    """Normalised keys for a rendering: hyphenated compounds also match closed up
    ("grass-roots" -> "grass roots", "grassroots")."""
    key = normalize_term(rendering)
    if not _has_hyphen(rendering):
        return [key]
    closed = normalize_term(_JOINING_HYPHEN.sub("", rendering))
    return [key, closed] if closed != key else [key]


def _has_hyphen(rendering: str) -> bool:
    return "-" in rendering or "\u2010" in rendering or "\u2011" in rendering


_target_content = attrgetter("approved", "forbidden", "forbidden_regex")
_source_content = attrgetter("source", "source_variants")


def _build_target(entries: Sequence[Entry]) -> tuple[KeyTable, list[Anchors | None]]:
    """The keys of :func:`inflections` and :func:`rendering_variants` of every rendering,
    in that order, derived for all renderings at once (normalised in one batch)."""
    owners_of_forms, forms = _target_forms(entries)
    keys = normalize_terms(forms)
    hyphenated = [position for position, form in enumerate(forms) if _has_hyphen(form)]
    closed = dict(zip(hyphenated, normalize_terms([_JOINING_HYPHEN.sub("", forms[p]) for p in hyphenated])))
    owners: dict[str, list[tuple[int, int]]] = {}
    for position, (owner, key) in enumerate(zip(owners_of_forms, keys)):
        _add_owner(owners, key, owner)
        if position in closed and closed[position] != key:
            _add_owner(owners, closed[position], owner)
    anchors = [regex_anchors(pattern) for entry in entries for pattern in entry.forbidden_regex]
    return key_table(owners), anchors


def _target_forms(entries: Sequence[Entry]) -> tuple[list[tuple[int, int]], list[str]]:
    """Every inflection of every rendering, and its owner (entry index, target code)."""
    owners: list[tuple[int, int]] = []
    forms: list[str] = []
    word_memo: dict[str, str] = {}  # last words recur: "system", "development"
    for index, entry in enumerate(entries):
        for kind, renderings in ((APPROVED, entry.approved), (FORBIDDEN, entry.forbidden)):
            for slot, rendering in enumerate(renderings):
                owners.append((index, target_code(kind, slot, False)))
                forms.append(rendering)
                other = _other_number(rendering, word_memo)
                if other:
                    owners.append((index, target_code(kind, slot, True)))
                    forms.append(other)
    return owners, forms


def _build_source(entries: Sequence[Entry]) -> KeyTable:
    owners_of_forms: list[tuple[int, int]] = []
    forms: list[str] = []
    for index, entry in enumerate(entries):
        terms = entry.all_source_forms
        owners_of_forms.extend(zip(repeat(index), range(len(terms))))
        forms.extend(terms)
    owners: dict[str, list[tuple[int, int]]] = {}
    for owner, key in zip(owners_of_forms, normalize_terms(forms)):
        _add_owner(owners, key, owner)
    return key_table(owners)


def _add_owner(owners: dict[str, list[tuple[int, int]]], key: str, owner: tuple[int, int]) -> None:
    group = owners.get(key)
    if group is None:
        owners[key] = [owner]
    else:
        group.append(owner)


def key_table(owners: dict[str, list[tuple[int, int]]]) -> KeyTable:
    """The table of keys to (entry index, code) owners, with its prefix index."""
    owners.pop("", None)
    keys = list(owners)
    groups = list(owners.values())
    starts = array("i", [0])
    starts.extend(accumulate(map(len, groups)))
    flat = list(chain.from_iterable(groups))
    entry_ids, codes = array("i", map(itemgetter(0), flat)), array("i", map(itemgetter(1), flat))
    return KeyTable(keys, starts, entry_ids, codes, aho.serialized(keys))


def _cached(name: str, entries: Sequence[Entry], content: Callable[[Entry], tuple[object, ...]],
            build: Callable[[Sequence[Entry]], T], entries_digest: Callable[[], str] | None = None) -> T:  # fmt: skip
    if len(entries) < CACHE_MIN_ENTRIES or not glossary_cache.enabled():
        return build(entries)
    digest = hashlib.blake2b(_code_fingerprint(), digest_size=20)
    if entries_digest is not None:
        digest.update(b"entries-digest\0" + entries_digest().encode())
    else:
        digest.update(marshal.dumps(list(map(content, entries)), 2))  # version 2: no object sharing
    return glossary_cache.cached_under(name, digest.hexdigest(), lambda: build(entries))


@cache
def _code_fingerprint() -> bytes:
    """This package's version and source, and the daachorse build that compiles the
    automaton: a change to how keys are derived or compiled is a new key."""
    from termguard import __version__

    digest = hashlib.blake2b(f"{__version__}|{aho.library_build()}".encode(), digest_size=20)
    for path in sorted(Path(__file__).parent.glob("*.py")):
        with suppress(OSError):
            digest.update(path.read_bytes())
    return digest.digest()


def iter_keys(table: KeyTable) -> Iterator[tuple[str, int, int]]:
    """(key, entry index, code) for every owner: for tests and debugging."""
    for key_id, key in enumerate(table.keys):
        for owner in table.owners(key_id):
            yield key, table.owner_entry[owner], table.owner_code[owner]
