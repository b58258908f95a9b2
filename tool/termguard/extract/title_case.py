"""Kind ``title-case``: a slogan set in Title Case inside a sentence.

Machine translation copies the emphasis of a quoted Chinese slogan into capitals:
'in the section of "Deepening Load Reduction and Efficiency Increase"'. Names of bodies
and documents are Title Case too and correct ("Central Military Commission", "Political
Bureau", "Regulations on ...", "Notice on ..."), so a phrase is exempt when one of its
words is a body, document or place head noun, when it contains an acronym or a
romanised name, or when it starts the sentence. A phrase starting with an -ing verb
or made of nominalisations joined by "and" is the slogan shape.

Score: 0.45, +0.2 inside quotation marks, +0.15 when it starts with an -ing form.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex

from termguard import pinyin
from termguard.checks.context import CheckContext
from termguard.extract.model import Hit
from termguard.extract.text import is_title_word, word_set
from termguard.model import Segment

KIND = "title-case"
LINKS = frozenset({"and", "of", "for", "on", "the", "in", "to", "with", "a", "an", "at", "by"})
HEAD_NOUNS = word_set(
    "committee commission bureau agency association council congress assembly conference department ministry "
    "office administration government court procuratorate army force forces navy party league federation "
    "union society academy institute university college school hospital bank company corporation group center "
    "centre station network daily news times press xinhua service services "
    "regulations regulation notice opinions opinion measures law laws rules rule provisions decision decisions "
    "plan outline program programme guidelines guideline report resolution constitution charter act code "
    "initiative strategy white paper thought theory declaration statement communique "
    "village street district county city province town township region area zone square road river mountain "
    "lake sea bay island park hall palace museum bridge subdistrict community prefecture "
    "day year festival games expo forum summit olympics cup award prize"
)  # fmt: skip
RUN = regex.compile(r"[A-Z][\w'-]*(?:\s+(?:(?:and|of|for|on|the|in|to|with|a|an|at|by)\s+)*[A-Z][\w'-]*)+")
SENTENCE_START = regex.compile(r"(?:^|[.!?:;\u2014\u2026]\s*|[\"\u201c(]\s*)$")
QUOTE_BEFORE = regex.compile(r"[\"\u201c]\s*$")


def find(segments: Iterable[Segment], context: CheckContext) -> Iterator[Hit]:
    for segment in segments:
        text = segment.target
        for match in RUN.finditer(text):
            words = match.group().split()
            if len(words) < 3 or _exempt(words, context):
                continue
            before = text[: match.start()]
            quoted = bool(QUOTE_BEFORE.search(before))
            if SENTENCE_START.search(before) and not quoted:
                continue
            if not quoted and not _mid_sentence(before):
                continue
            score = 0.45 + (0.2 if quoted else 0) + (0.15 if words[0].lower().endswith("ing") else 0)
            yield Hit(KIND, segment, match.start(), match.end(), score, "Title Case phrase that names no body or document")


def _mid_sentence(before: str) -> bool:
    tail = before.rstrip().split()
    return bool(tail) and tail[-1][:1].islower()


def _exempt(words: list[str], context: CheckContext) -> bool:
    content = [w for w in words if w.lower() not in LINKS]
    if any(w.lower().strip("'\u2019s") in HEAD_NOUNS or w.lower() in HEAD_NOUNS for w in content):
        return True
    if any(w.isupper() or any(c.isdigit() for c in w) for w in content):
        return True
    names = context.glossary.gazetteer
    if any(w.lower() in names or pinyin.looks_like_pinyin(w) for w in content):
        return True
    return not all(is_title_word(w) for w in content)
