"""Multi-pattern search over UTF-8 bytes with character offsets (``daachorse``).

daachorse keeps an Aho-Corasick automaton in a compact double array and can serialize
it. Measured on the benchmark's 50,000-entry glossary (150,000 keys): ~15 MB, and a 2 MB
block scanned in ~6.5 ms. The ``aho-corasick`` crate's DFA used before needed 51 MB for
only the keys' first 12 characters (a prefix index then checked every match against the
whole keys in Python), took ~0.65 s to build on every run and scanned in ~10 ms. Here
the compiled automaton is cached with the key tables (``keys.KeyTable.automaton``):
compiling 150,000 keys takes ~1.2 s once, loading them a few milliseconds.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

import daachorse

Automaton = daachorse.DoubleArrayAhoCorasick


def compile_patterns(patterns: Sequence[str]) -> Automaton:
    """An automaton over the patterns' UTF-8 bytes (lone surrogates allowed)."""
    return Automaton([pattern.encode("utf-8", "surrogatepass") for pattern in patterns])


def serialized(patterns: Sequence[str]) -> bytes:
    """The compiled automaton in the form :func:`load` reads back."""
    return compile_patterns(patterns).serialize()


def load(stored: bytes, patterns: Sequence[str]) -> Automaton:
    """The automaton stored by :func:`serialized`, or, if it cannot be read (written by
    another daachorse), compiled anew from ``patterns``."""
    try:
        return Automaton.deserialize(stored)
    except ValueError:
        return compile_patterns(patterns)


def library_build() -> str:
    """The installed daachorse build (its extension module's path, size and time): part
    of the key of a cached automaton, so only the build that wrote one reads it back."""
    module = daachorse.daachorse.__file__
    stat = os.stat(module)
    return f"{module}|{stat.st_size}|{stat.st_mtime_ns}"


def char_matches(automaton: Automaton, text: str) -> list[tuple[int, int, int]]:
    """(start, end, pattern) of every match in ``text``, overlaps included, in characters.

    The automaton runs over bytes: an ASCII text is its own offsets (most English text,
    and every block the chunk scan passes). UTF-8 lets a pattern match only where a
    character starts, so other texts map each match's byte offsets back to characters."""
    if text.isascii():
        return automaton.find_overlapping(text.encode("ascii"))
    data = text.encode("utf-8", "surrogatepass")
    found = automaton.find_overlapping(data)
    if not found:
        return found
    chars, before, count = {}, 0, 0
    for offset in sorted({offset for start, end, _ in found for offset in (start, end)}):
        count += len(data[before:offset].decode("utf-8", "surrogatepass"))
        chars[offset], before = count, offset
    return [(chars[start], chars[end], pattern) for start, end, pattern in found]
