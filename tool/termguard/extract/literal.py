"""Kind ``literal-calque``: a target phrase that is the word-by-word gloss of a source word.

Needs the Chinese source. The source is segmented with jieba; for every word of two or
more characters that the glossary does not know, each character's CC-CEDICT glosses are
looked for, in order, in a short window of the target text: 文山会海 -> culture/writing,
mountain, meeting, sea -> "cultural mountain meeting sea". A window matches when every
character (all but one, for words of four or more) finds a distinct target word among
its glosses. It is exempt when the glosses of the whole word match it just as well
(政绩 -> "political achievements" is the dictionary's own rendering, not a calque).

Score: 0.55 + 0.1 per matched character (at most 0.95); the suggestion is the
dictionary's rendering of the whole word when it has one (文山会海 -> "a mountain of
paperwork and a sea of meetings").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from termguard.checks.context import CheckContext
from termguard.extract import dictionary
from termguard.extract.model import Hit
from termguard.extract.text import FUNCTION_WORDS, WORD
from termguard.model import Segment

KIND = "literal-calque"
HAN = frozenset(chr(c) for c in range(0x4E00, 0xA000))


def find(segments: Iterable[Segment], context: CheckContext) -> Iterator[Hit]:
    for segment in segments:
        if not segment.source:
            continue
        known = {segment.source[h.start : h.end] for h in context.source_hits(segment)}
        tokens = list(WORD.finditer(segment.target))
        found: list[Hit] = []
        for word, units in _source_terms(segment.source):
            if any(word in k for k in known):
                continue
            hit = _calque(segment, tokens, word, units)
            if hit and not any(hit.overlaps(f) for f in found):
                found.append(hit)
        yield from found


def _source_terms(source: str) -> list[tuple[str, list[str]]]:
    """jieba words of 2+ characters, longest first, with their characters as units. (Pairs
    of words are left out: phrases are rightly translated word by word.)"""
    words = [w for w, _ in dictionary.segment_words(source)]
    terms = [(w, list(w)) for w in words if len(w) >= 2]
    terms = [(w, u) for w, u in terms if all(c in HAN for c in w)]
    return sorted(terms, key=lambda t: (-len(t[0]), t[0]))


def _calque(segment: Segment, tokens: list, word: str, units: list[str]) -> Hit | None:
    needed = len(units) if len(units) < 4 else len(units) - 1
    char_stems = [dictionary.gloss_stems(u) or frozenset().union(*map(dictionary.gloss_stems, u)) for u in units]
    for first in range(len(tokens)):
        matched = _match_from(tokens, first, char_stems, len(units) + 2)
        if matched is None or len(matched) < max(needed, 2) or matched[-1] - matched[0] > len(units):
            continue
        start, end = tokens[matched[0]].start(), tokens[matched[-1]].end()
        if _dictionary_rendering(tokens[matched[0] : matched[-1] + 1], word, len(matched)):
            return None
        score = min(0.95, 0.55 + 0.1 * len(matched))
        return Hit(KIND, segment, start, end, score, f"word-by-word gloss of {word}",
                   source=word, suggestion=dictionary.suggestion(word))  # fmt: skip
    return None


def _match_from(tokens: list, first: int, char_stems: list[frozenset[str]], span: int) -> list[int] | None:
    """Indices of target words glossing the characters in order, starting at ``first``."""
    if dictionary.stem(tokens[first].group()) not in char_stems[0] and (
        len(char_stems) < 4 or dictionary.stem(tokens[first].group()) not in char_stems[1]
    ):
        return None
    matched: list[int] = []
    position = first
    limit = min(len(tokens), first + span + 2)
    skipped = 0
    for stems in char_stems:
        found = next((i for i in range(position, limit) if dictionary.stem(tokens[i].group()) in stems
                      and tokens[i].group().casefold() not in FUNCTION_WORDS), None)  # fmt: skip
        if found is None:
            skipped += 1
            continue
        matched.append(found)
        position = found + 1
    return matched if skipped <= 1 else None


def _dictionary_rendering(window: list, word: str, matched: int) -> bool:
    whole = dictionary.gloss_stems(word)
    content = [t.group() for t in window if t.group().casefold() not in FUNCTION_WORDS]
    return bool(whole) and sum(dictionary.stem(w) in whole for w in content) >= min(matched, len(content))
