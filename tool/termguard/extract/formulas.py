"""Kind ``number-formula``: numbered slogans rendered word for word.

Chinese policy slogans count things ("一老一小", "两学一做", "一网通办"). Official English
keeps the count with plural nouns ("four reductions", "Three Stricts and Three
Earnests", "two upholds"); machine translation renders the characters one by one:
"one old and one young", "two learning one doing", "one network to do everything".

Fires on two numeral-led chunks coordinated within a clause ("one X and one Y",
"one X, one Y", "two X one Y") unless every chunk is numeral + plural noun (the official
shape) or capitalised as a name ("Two Studies, One Action"), and on a quoted phrase that starts with a numeral and is not numeral + plural
noun ("one meter connected"). Score 0.8 for coordinated chunks, 0.6 for a quoted
numeral phrase.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex

from termguard.checks.context import CheckContext
from termguard.extract.model import Hit
from termguard.extract.text import NUMBERS, QUOTED, is_plural_noun
from termguard.model import Segment

KIND = "number-formula"
_NUM = "(?:" + "|".join(NUMBERS) + ")"
_HEAD_NOT = r"(?!(?:or|to|of|by|and|in|on|at|the|a|an|for|with|more|less|than|per|after|before)\b)"
_CHUNK = rf"\b{_NUM}\s+(?!{_NUM}\b){_HEAD_NOT}[A-Za-z][\w'-]*(?:\s+(?!{_NUM}\b)(?!and\b)[a-z][\w'-]*){{0,3}}?"
COORDINATED = regex.compile(
    rf"(?i)(?<!\w)(?P<first>{_CHUNK})(?P<rest>(?:(?:\s*,\s*|\s+and\s+|\s+)(?:{_CHUNK}))+)(?=\s*[,.;:\"\u201d)]|\s+and\b|$)"
)
CHUNK_HEAD = regex.compile(rf"(?i)\b{_NUM}\s+([A-Za-z][\w'-]*)")


def find(segments: Iterable[Segment], context: CheckContext) -> Iterator[Hit]:
    for segment in segments:
        text = segment.target
        taken: list[tuple[int, int]] = []
        for match in COORDINATED.finditer(text):
            if _official_shape(match.group()):
                continue
            taken.append(match.span())
            yield Hit(KIND, segment, match.start(), match.end(), 0.8, "coordinated numbered chunks")
        for match in QUOTED.finditer(text):
            inner = match.group(1).strip()
            start = match.start(1) + match.group(1).index(inner)
            end = start + len(inner)
            if any(s < end and start < e for s, e in taken):
                continue
            if regex.match(rf"(?i){_NUM}\s+\w+", inner) and len(inner.split()) >= 2 and not _official_shape(inner):
                yield Hit(KIND, segment, start, end, 0.6, "quoted phrase built on a numeral")


def _official_shape(phrase: str) -> bool:
    """Every numeral is followed by a plural noun ("three stricts and three earnests"), or
    the formula is capitalised as a name ("Two Studies, One Action")."""
    heads = CHUNK_HEAD.findall(phrase)
    if heads and all(h[:1].isupper() for h in heads) and phrase[:1].isupper():
        return True
    return bool(heads) and all(is_plural_noun(h) for h in heads)
