"""Tokens and small word lists the monolingual heuristics share."""

from __future__ import annotations

from functools import cache, lru_cache

import regex

WORD = regex.compile(r"[\p{L}\p{N}]+(?:[-'\u2019][\p{L}\p{N}]+)*")


def word_set(text: str) -> frozenset[str]:
    """A set of words written as one space-separated string (long lists stay readable)."""
    return frozenset(text.split())


QUOTED = regex.compile(r"[\"\u201c]([^\"\u201c\u201d\n]{1,80})[\"\u201d]")
CLAUSE = regex.compile(r"[^.;:!?\u2014\u2026()\"\u201c\u201d]+")

FUNCTION_WORDS = word_set(
    "a an the and or but nor of to in on at by for with without from into onto over under about as "
    "than then so such that this these those there their them they it its is are was were be been being "
    "has have had do does did done not no all any each every some more most many much few other another "
    "which who whom whose what when where why how we our us you your he his him she her i my me "
    "can could will would shall should may might must also only just very well both either neither "
    "up down out off again further once here same own too s"
)  # fmt: skip
NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "hundred": 100, "thousand": 1000, "million": 10**6,
}  # fmt: skip


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    lower = word.casefold()
    if lower.isascii() and lower.isalpha() and lower not in _frequencies():
        return 0.0  # what zipf_frequency answers for an unknown word, ~100x sooner
    from wordfreq import zipf_frequency

    return zipf_frequency(lower, "en")


@cache
def _frequencies() -> dict[str, float]:
    """wordfreq's English list: a plain lower-case ASCII word is its own single token, so
    one missing from it has frequency 0 (the split-compound scan asks for every pair of
    adjacent words, almost all unknown)."""
    from wordfreq import get_frequency_dict

    return get_frequency_dict("en")


def is_plural_noun(word: str) -> bool:
    """A word ending in -s whose singular is an English word ("reductions", "stricts")."""
    lower = word.casefold()
    if not lower.endswith("s") or lower.endswith("ss") or len(lower) < 4:
        return False
    stem = lower[:-2] if lower.endswith("es") and zipf(lower[:-2]) > zipf(lower[:-1]) else lower[:-1]
    return zipf(stem) >= 2.0


def is_title_word(word: str) -> bool:
    return word[:1].isupper() and not word.isupper()
