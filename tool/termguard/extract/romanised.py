"""Kind ``romanised``: Chinese left in pinyin that is neither a name nor in the glossary.

The spans come from the ``pinyin`` check's own rules (``checks.transliteration``): the
extractor only groups repeated occurrences and ranks them. Score: 0.9 for a phrase of two
or more words ("Wenshan Huihai"), 0.75 for a single word of three or more syllables,
0.6 otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from termguard import pinyin
from termguard.checks.context import CheckContext
from termguard.checks.transliteration import pinyin_phrases
from termguard.extract.model import Hit
from termguard.model import Segment

KIND = "romanised"


def find(segments: Iterable[Segment], context: CheckContext) -> Iterator[Hit]:
    for segment in segments:
        for start, end in pinyin_phrases(segment, context):
            words = segment.target[start:end].replace("-", " ").split()
            syllables = sum(len(pinyin.split_syllables(w) or ()) for w in words)
            score = 0.9 if len(words) > 1 else 0.75 if syllables >= 3 else 0.6
            yield Hit(KIND, segment, start, end, score, "romanised Chinese, not a known name")
