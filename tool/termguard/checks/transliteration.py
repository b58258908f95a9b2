"""Checks for Chinese left in the English: characters, and romanised Chinese (pinyin)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex

from termguard import pinyin
from termguard.checks.base import Check
from termguard.checks.chunk import ChunkView, word_tokens
from termguard.checks.context import CheckContext
from termguard.checks.glossary import forbidden_hits
from termguard.formats.languages import is_chinese
from termguard.matching import TermHit
from termguard.model import Finding, Segment, Severity

HAN_RUN = regex.compile(
    r"(?<![\p{Han}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20])[\p{Han}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]*\p{Han}[\p{Han}\u3000-\u303f]*"
)
WORD = regex.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)?")

UNIT_WORDS = frozenset(
    ["district", "village", "county", "city", "province", "town", "township", "street", "subdistrict", "road", "avenue", "lane", "community", "prefecture", "region", "league", "banner", "mountain", "mountains", "river", "lake", "bay", "island", "port", "bridge", "temple", "park", "square", "hall", "palace", "gate", "dynasty", "airport", "station", "university", "hospital", "group", "company", "co", "corporation", "bank", "zone", "area", "plain", "plateau", "desert", "valley", "gorge", "pass", "canal", "sea", "strait", "peninsula", "basin", "reservoir", "dam", "garden", "village's", "residence", "campus", "school", "college", "institute", "museum", "market", "tower", "pavilion"]
)  # fmt: skip
TITLE_WORDS = frozenset(
    ["mr", "mrs", "ms", "miss", "dr", "prof", "professor", "president", "premier", "chairman", "chairwoman", "comrade", "secretary", "minister", "governor", "mayor", "director", "general", "commander", "ambassador", "spokesperson", "spokesman", "spokeswoman", "vice", "deputy", "reporter", "correspondent", "editor", "by", "photographer"]
)  # fmt: skip


class UntranslatedHan(Check):
    """Chinese characters left in the English translation.

    ## What it does
    Flags runs of Chinese (Han) characters in the target text.

    ## Why it matters
    Untranslated characters are unreadable to the English audience and usually mark a
    term the engine did not know.

    ## Example
    ```
    The campaign against 文山会海 continued.
    ```
    Use instead:
    ```
    The campaign against excessive documents and meetings continued.
    ```
    """

    id = "untranslated-han"
    name = "Untranslated Chinese characters"
    default_severity = Severity.ERROR
    lines_without_glossary = True

    def chunk_lines(self, view: ChunkView, context: CheckContext) -> set[int] | None:
        return view.non_ascii_lines

    def check_segment(self, segment: Segment, context: CheckContext) -> Iterable[Finding]:
        if segment.target.isascii() or is_chinese(segment.target_lang):
            return
        for match in HAN_RUN.finditer(segment.target):
            text = match.group()
            hits = [h for h in context.matcher.find_source(text) if h.end - h.start == len(text)]
            suggestions = [h.entry.approved[0] for h in hits]
            yield self.finding(
                segment, match.start(), match.end(),
                f"Chinese characters '{text}' left untranslated",
                suggestions, hits[0].entry.id if suggestions else None,
            )  # fmt: skip


class Pinyin(Check):
    """Romanised Chinese (pinyin) left in the translation instead of a translation.

    ## What it does
    Flags words or phrases made entirely of Hanyu Pinyin syllables that are not English
    words and not proper names: "Wenshan Huihai", "Jingwen Jianhui", "xiaokang".

    ## Why it matters
    Machine translation falls back to pinyin for terms it does not know; the English
    reader cannot understand them.

    ## Example
    ```
    Rectification of Wenshan Huihai continued.
    ```
    Use instead:
    ```
    Rectification of excessive documents and meetings continued.
    ```

    ## False positives
    Proper names are exempt: names in the gazetteer (provinces, prefectures, counties,
    districts), words of approved renderings ("Minzhu Village"), a name followed by a
    unit word (District, Village, County, Street, ...) or preceded by a title, and
    personal names (a common surname plus a one- or two-syllable given name). Common
    English words that happen to be syllables ("die", "gang", "pan") never fire. A phrase
    the glossary knows as a forbidden rendering is reported once, by
    `forbidden-rendering`; with a Chinese source, pinyin of a source word is reported
    by `transliterated-term`.
    """

    id = "pinyin"
    name = "Untranslated pinyin"
    default_severity = Severity.WARNING
    lines_without_glossary = True

    def chunk_lines(self, view: ChunkView, context: CheckContext) -> set[int] | None:
        words = view.word_set
        _classify(words)
        return view.lines_with_words(words & _pinyin_tokens)

    def check_segment(self, segment: Segment, context: CheckContext) -> Iterable[Finding]:
        for start, end in pinyin_phrases(segment, context):
            phrase = segment.target[start:end]
            yield self.finding(
                segment, start, end,
                f"'{phrase}' looks like untranslated pinyin; translate the term "
                "(or add the name to the gazetteer)",
            )  # fmt: skip


_word_kind: dict[str, int] = {}
"""Cache: 0 = not pinyin-like, 1 = one syllable, 2 = several syllables."""


def _kind_of(word: str) -> int:
    kind = _word_kind.get(word)
    if kind is None:
        parts = pinyin.split_syllables(word) if pinyin.looks_like_pinyin(word) else None
        kind = 0 if not parts else min(len(parts), 2)
        if len(_word_kind) < 500_000:
            _word_kind[word] = kind
    return kind


_seen_tokens: set[str] = set()
_pinyin_tokens: set[str] = set()
"""Words (:func:`word_tokens`) already classified, and those holding multi-syllable pinyin."""


def _may_hold_pinyin(text: str) -> bool:
    """Cheap test: does any word look like multi-syllable pinyin? (Most segments: no.)

    Works on :func:`word_tokens` with set operations, so a segment of known words costs
    a split and a set difference; only new words are looked at one by one.
    """
    tokens = set(word_tokens(text))
    _classify(tokens)
    return not _pinyin_tokens.isdisjoint(tokens)


def _classify(tokens: set[str]) -> None:
    for token in tokens - _seen_tokens:
        if any(_kind_of(word) == 2 for word in WORD.findall(token)):
            _pinyin_tokens.add(token)
        if len(_seen_tokens) < 1_000_000:
            _seen_tokens.add(token)


def pinyin_phrases(segment: Segment, context: CheckContext) -> Iterator[tuple[int, int]]:
    """Spans of romanised Chinese that are not proper names and not known forbidden
    renderings (those are the glossary's to report). Shared with the term extractor."""
    text = segment.target
    if not _may_hold_pinyin(text):
        return
    words = list(WORD.finditer(text))
    flagged: list = forbidden_hits(context.target_hits(segment))
    if segment.source is not None:  # with a source, transliterated-term reports these
        from termguard.checks.terms import transliterations

        flagged = [*flagged, *transliterations(segment, context)]
    for run in _pinyin_runs(text, words):
        start, end = words[run[0]].start(), words[run[-1]].end()
        if _is_exempt(text, words, run, context):
            continue
        if any(f[0] < end and start < f[1] for f in map(_span, flagged)):
            continue
        yield start, end


def _span(item: TermHit | tuple[int, int, str, object]) -> tuple[int, int]:
    return (item.start, item.end) if isinstance(item, TermHit) else (item[0], item[1])


def _pinyin_runs(text: str, words: list[regex.Match[str]]) -> list[list[int]]:
    """Maximal runs of adjacent pinyin-looking words with at least one of 2+ syllables."""
    runs: list[list[int]] = []
    current: list[int] = []
    for index, word in enumerate(words):
        token = word.group()
        joined = current and text[words[current[-1]].end() : word.start()] in (" ", "-")
        if _kind_of(token) and not _possessive_english(token):
            if current and not joined:
                runs.append(current)
                current = []
            current.append(index)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return [
        run for run in runs
        if any(_kind_of(words[i].group()) == 2 for i in run)
    ]  # fmt: skip


def _possessive_english(token: str) -> bool:
    return "'" in token or "\u2019" in token and not pinyin.split_syllables(token)


def _is_exempt(text: str, words: list[regex.Match[str]], run: list[int], context: CheckContext) -> bool:
    tokens = [words[i].group() for i in run]
    names = context.glossary.gazetteer
    lowered = [t.casefold() for t in tokens]
    if " ".join(lowered) in names or "".join(lowered) in names:
        return True
    if all(t in names or t in context.approved_words for t in lowered):
        return True
    if pinyin.is_person_name(tokens) or (len(tokens) == 1 and _preceded_by_surname(words, run)):
        return True
    after = run[-1] + 1
    if after < len(words) and text[words[run[-1]].end() : words[after].start()].strip(" -") == "":
        if words[after].group().casefold() in UNIT_WORDS and words[after].group()[:1].isupper():
            return True
    before = run[0] - 1
    return before >= 0 and words[before].group().casefold().rstrip(".") in TITLE_WORDS and tokens[0][:1].isupper()


def _preceded_by_surname(words: list[regex.Match[str]], run: list[int]) -> bool:
    before = run[0] - 1
    return before >= 0 and words[before].group().lower() in pinyin.surnames() and words[before].group()[:1].isupper()
