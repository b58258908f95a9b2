"""Hanyu Pinyin knowledge: the syllable inventory, splitting words into syllables, and
telling romanised Chinese from English words and proper names.

The syllables, surnames and pinyin-like English words are derived from pypinyin and
wordfreq and kept in ``_data/`` (loading those libraries' data costs about a second
at every start). Regenerate with ``python -m termguard.pinyin``; a test keeps the
files equal to the derivations.
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from pathlib import Path

# The most common Chinese surnames (characters; their pinyin is derived with pypinyin).
_SURNAME_CHARACTERS = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "习温栗鞠岳颜倪易常乔焦柴俞庞祝鲁葛伍文"
)
_COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "司徒", "慕容", "尉迟")
_NOT_SYLLABLES = {"m", "n", "ng", "hm", "hng", "ê", "ei", "o", "yo", "lo", "io"}


@cache
def syllables() -> frozenset[str]:
    """Every toneless Hanyu Pinyin syllable (ü as u and v); see :func:`derive_syllables`."""
    return _data("pinyin-syllables.txt")


def derive_syllables() -> frozenset[str]:
    """The syllables of pypinyin's dictionary, tones stripped (the data file's source)."""
    from pypinyin.pinyin_dict import pinyin_dict

    found: set[str] = set()
    readings = {reading for listed in pinyin_dict.values() for reading in listed.split(",")}
    for reading in readings:  # ~1,500 distinct toned syllables among ~40,000 characters
        plain = _strip_tones(reading)
        if plain and plain.isascii() and plain.isalpha():
            found.add(plain)
        if "ü" in plain:
            found.update({plain.replace("ü", "v"), plain.replace("ü", "u")})
    return frozenset(found - _NOT_SYLLABLES)


def _strip_tones(reading: str) -> str:
    decomposed = unicodedata.normalize("NFD", reading.strip().lower())
    kept = "".join(c for c in decomposed if not unicodedata.combining(c) or c == "\u0308")
    return unicodedata.normalize("NFC", kept)


@lru_cache(maxsize=65536)
def split_syllables(word: str) -> tuple[str, ...] | None:
    """Split a word into pinyin syllables (fewest syllables), or None if it is not pinyin."""
    word = word.lower().replace("'", "").replace("\u2019", "")
    if not word.isascii() or not word.isalpha():
        return None
    inventory = syllables()
    first, last = _edge_letters()
    if word[0] not in first or word[-1] not in last:  # most English words: no DP needed
        return None
    best: list[tuple[str, ...] | None] = [None] * (len(word) + 1)
    best[0] = ()
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 6), end):
            head = best[start]
            if head is not None and word[start:end] in inventory:
                candidate = (*head, word[start:end])
                if best[end] is None or len(candidate) < len(best[end]):  # type: ignore[arg-type]
                    best[end] = candidate
    return best[len(word)]


@cache
def _edge_letters() -> tuple[frozenset[str], frozenset[str]]:
    """The letters pinyin syllables begin with, and those they end with."""
    inventory = syllables()
    return frozenset(s[0] for s in inventory), frozenset(s[-1] for s in inventory)


def syllables_of(text: str) -> str:
    """Toneless pinyin of Chinese text, syllables joined without spaces ("wenshanhuihai")."""
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(text, style=Style.NORMAL, v_to_u=False)).lower()


@cache
def surnames() -> frozenset[str]:
    """Common surnames in pinyin, single and compound (lower-case); see :func:`derive_surnames`."""
    return _data("pinyin-surnames.txt")


def derive_surnames() -> frozenset[str]:
    """The surname list romanised with pypinyin (the data file's source)."""
    from pypinyin import Style, lazy_pinyin

    names = {lazy_pinyin(c, style=Style.NORMAL)[0] for c in _SURNAME_CHARACTERS}
    names |= {"".join(lazy_pinyin(c, style=Style.NORMAL)) for c in _COMPOUND_SURNAMES}
    names |= {"zeng", "shan", "qiu", "yue"}  # readings pypinyin gives differently out of context
    return frozenset(names)


@lru_cache(maxsize=65536)
def english_frequency(word: str) -> float:
    """Zipf frequency of a word in English (wordfreq): 0 for unknown, ~7 for 'the'."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "en")


ENGLISH_ZIPF = 3.0
"""Words at least this frequent in English are English words ("die", "gang", "pan")."""


@cache
def english_lookalikes() -> frozenset[str]:
    """English words that split into pinyin syllables; see :func:`derive_english_lookalikes`."""
    return _data("english-pinyin-lookalikes.txt")


def derive_english_lookalikes() -> frozenset[str]:
    """Words at least ``ENGLISH_ZIPF`` frequent in English (wordfreq) that split into
    pinyin syllables ("change", "hang", "die"): the data file's source."""
    from wordfreq import iter_wordlist, zipf_frequency

    found = set()
    for word in iter_wordlist("en"):  # most frequent first
        if zipf_frequency(word, "en") < ENGLISH_ZIPF:
            break
        if split_syllables(word) is not None:
            found.add(word)
    return frozenset(found)


def looks_like_pinyin(word: str) -> bool:
    """A word that splits into pinyin syllables and is not a common English word."""
    return split_syllables(word) is not None and word.lower() not in english_lookalikes()


def is_person_name(words: list[str]) -> bool:
    """Surname + one- or two-syllable given name ("Xi Jinping", "Peng Xiaoling")."""
    if len(words) != 2:
        return False
    surname, given = words
    given_parts = split_syllables(given)
    return (
        surname.lower() in surnames()
        and given_parts is not None
        and 1 <= len(given_parts) <= 2
        and surname[:1].isupper()
        and given[:1].isupper()
    )


DATA = Path(__file__).with_name("_data")
DERIVED = {
    "pinyin-syllables.txt": derive_syllables,
    "pinyin-surnames.txt": derive_surnames,
    "english-pinyin-lookalikes.txt": derive_english_lookalikes,
}


def _data(name: str) -> frozenset[str]:
    return frozenset((DATA / name).read_text("utf-8").split())


def write_data() -> None:
    """Regenerate the data files from the libraries."""
    from termguard.fileio import atomic_write

    DATA.mkdir(exist_ok=True)
    for name, derive in DERIVED.items():
        atomic_write(DATA / name, "".join(f"{word}\n" for word in sorted(derive())))


if __name__ == "__main__":
    write_data()
