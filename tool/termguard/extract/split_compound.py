"""Kind ``split-compound``: a closed English compound written as two words.

Word-by-word output splits compounds English writes closed: "finger tip formalism"
for "fingertip formalism". Fires on two adjacent lower-case content words whose
concatenation is itself an English word at least as frequent as the rarer of the two
(wordfreq), e.g. "finger tip" -> "fingertip". Function words never count ("any one",
"every day"). Score 0.5; the suggestion is the closed form.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex

from termguard.checks.context import CheckContext
from termguard.extract.model import Hit
from termguard.extract.text import FUNCTION_WORDS, zipf
from termguard.model import Segment

KIND = "split-compound"
PAIR = regex.compile(r"(?<![\w-])([a-z]{3,})\s([a-z]{3,})(?![\w-])")
MIN_ZIPF = 2.5


def find(segments: Iterable[Segment], context: CheckContext) -> Iterator[Hit]:
    for segment in segments:
        for match in PAIR.finditer(segment.target, overlapped=True):
            first, second = match.group(1), match.group(2)
            if first in FUNCTION_WORDS or second in FUNCTION_WORDS:
                continue
            closed = first + second
            if zipf(closed) >= max(MIN_ZIPF, min(zipf(first), zipf(second)) - 2.0):
                yield Hit(KIND, segment, match.start(), match.end(), 0.5,
                          f"English writes '{closed}' as one word", suggestion=closed)  # fmt: skip
