"""Normalise text for matching and keep a map from normalised to original offsets.

Matching runs on a folded copy of the text: Unicode NFKC per character, case folded,
hyphens and whitespace runs turned into one space, curly quotes made straight. Every
character of the copy remembers the index of the original character it came from, so a
hit in the copy maps back to an exact span of the original.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from itertools import repeat

HYPHENS = "-\u2010\u2011\u00ad"
SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u02bc\u2032\uff07"
DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\uff02"
_ASCII_TO_SPACE = "-\t\n\r\f\v"
_SPACE_RUNS = re.compile("  +")


@lru_cache(maxsize=65536)
def fold_char(char: str, casefold: bool = True) -> str:
    """The normalised form of one character (may be empty or several characters)."""
    if char in HYPHENS or char.isspace():
        return " " if char != "\u00ad" else ""
    if char in SINGLE_QUOTES:
        return "'"
    if char in DOUBLE_QUOTES:
        return '"'
    folded = unicodedata.normalize("NFKC", char)
    if casefold:
        folded = folded.casefold()
    return "".join(" " if c in HYPHENS or c.isspace() else c for c in folded)


def normalize(text: str, casefold: bool = True) -> tuple[str, list[int] | None]:
    """Return the normalised text and a map from its indexes to ``text`` indexes.

    The map has one extra item, ``len(text)``, so an end offset maps too. It is ``None``
    when the two strings line up index for index (the common ASCII case).
    """
    if text.isascii():
        folded = text.lower() if casefold else text
        for char in _ASCII_TO_SPACE:  # str.replace is ~5x faster than str.translate here
            if char in folded:
                folded = folded.replace(char, " ")
        if "  " not in folded:
            return folded, None
        return _collapse_spaces(folded)
    else:
        pieces = list(map(fold_char, text, repeat(casefold)))
        folded = "".join(pieces)
        if len(folded) == len(text) and min(map(len, pieces)) == 1 and "  " not in folded:
            return folded, None  # one character for one: the offsets line up
    return fold_each_character(text, casefold)


def _collapse_spaces(folded: str) -> tuple[str, list[int]]:
    """Runs of spaces in folded ASCII text as one, with the offset map."""
    index: list[int] = []
    position = 0
    for run in _SPACE_RUNS.finditer(folded):
        index.extend(range(position, run.start() + 1))
        position = run.end()
    index.extend(range(position, len(folded) + 1))
    return _SPACE_RUNS.sub(" ", folded), index


def fold_each_character(text: str, casefold: bool = True) -> tuple[str, list[int]]:
    """:func:`normalize` the long way: character by character, with the offset map."""
    chars: list[str] = []
    index: list[int] = []
    last_space = False
    for position, char in enumerate(text):
        for out in fold_char(char, casefold):
            if out == " ":
                if last_space:
                    continue
                last_space = True
            else:
                last_space = False
            chars.append(out)
            index.append(position)
    index.append(len(text))
    return "".join(chars), index


def normalize_term(term: str, casefold: bool = True) -> str:
    """Normalise a glossary rendering the way text is normalised, trimmed."""
    return normalize(term.strip(), casefold)[0].strip()


def normalize_terms(terms: Sequence[str]) -> list[str]:
    """:func:`normalize_term` of every term (case folded), in two batches: the ASCII
    terms and the others, each joined by NUL and folded as one text. Folding works
    character by character except that runs of spaces collapse, and NUL folds to
    itself, so every term folds as it would alone; the batches take a few string
    operations instead of a few calls per term (a large glossary's keys)."""
    result = [""] * len(terms)
    ascii_terms: list[int] = []
    other_terms: list[int] = []
    for position, term in enumerate(terms):
        if "\0" in term:
            result[position] = normalize_term(term)
        else:
            (ascii_terms if term.isascii() else other_terms).append(position)
    if ascii_terms:
        folded = "\0".join([terms[position] for position in ascii_terms]).lower()
        for char in _ASCII_TO_SPACE:  # the steps of normalize's ASCII path
            if char in folded:
                folded = folded.replace(char, " ")
        _split_into(result, ascii_terms, folded)
    if other_terms:
        joined = "\0".join([terms[position] for position in other_terms])
        _split_into(result, other_terms, "".join(map(fold_char, joined)))  # fold_each_character's output
    return result


def _split_into(result: list[str], positions: list[int], folded: str) -> None:
    if "  " in folded:
        folded = _SPACE_RUNS.sub(" ", folded)
    for position, term in zip(positions, folded.split("\0")):
        result[position] = term.strip()


def is_word_char(char: str) -> bool:
    """Letters and digits of alphabetic scripts; Han characters are not word characters
    here because Chinese has no spaces between words."""
    return (char.isalnum() or char == "_") and not _is_han(char)


def _is_han(char: str) -> bool:
    code = ord(char)
    return 0x2E80 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3FFFF
