"""Checks that read the Chinese source to judge the terms of the target: a glossary term
left out, a source word transliterated instead of translated, one term or one sentence
translated two ways in a file."""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache

import regex

from termguard import pinyin
from termguard.checks.base import Check
from termguard.checks.context import CheckContext
from termguard.checks.glossary import forbidden_hits
from termguard.matching import TermHit, normalize
from termguard.matching.normalize import normalize_term
from termguard.model import Finding, Segment, Severity
from termguard.termbase import Entry

WORD = regex.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)?")
HAN_WORD = regex.compile(r"\p{Han}{2,}")
NAME_TAGS = frozenset(["place", "person", "name"])
# Between the words of a rendering: closed up ("grassroots"), a space, or a space with one
# auxiliary or article ("data are entered once" for "data entered once").
TOKEN = regex.compile(r"[\w']+")
STOPWORDS = frozenset(["a", "an", "the", "and", "or", "of", "to", "for", "in", "on", "at", "by", "with", "it", "its", "all"])
GAP = r"(?:[ ](?:is|are|was|were|be|been|being|has|have|had|the|a|an|its|their)[ ]|[ ]?)"


# --- missing-term -------------------------------------------------------------------


def checkable(entry: Entry) -> bool:
    """Entries whose approved renderings are exhaustive enough to require one: reviewed
    entries with literal forbidden renderings (a term MT is known to get wrong), that
    are not names. Entries with only context-dependent (regex) errors have source terms
    with several senses (街道 "subdistrict" or "street"); entries without forbidden
    renderings are reference entries kept for consistency."""
    return entry.status == "approved" and bool(entry.forbidden) and not NAME_TAGS & set(entry.tags)


@lru_cache(maxsize=4096)
def rendering_pattern(rendering: str) -> regex.Pattern[str]:
    """A rendering as a pattern over normalised text: words may be closed up
    ("grass-roots" = "grassroots") or have an auxiliary or article between them, and the
    last word may be inflected (-s, -es, -ed, -ing)."""
    words = normalize_term(rendering).split(" ")
    parts = [regex.escape(w) for w in words[:-1]] + [_inflected(words[-1])]
    return regex.compile(r"(?<!\w)" + GAP.join(parts) + r"(?!\w)")


def _inflected(word: str) -> str:
    if not word.isalpha() or len(word) < 3:
        return regex.escape(word)
    if word.endswith("e"):
        return regex.escape(word[:-1]) + "(?:e|es|ed|ing)"
    if word.endswith("y") and word[-2] not in "aeiou":
        return regex.escape(word[:-1]) + "(?:y|ies|ied|ying)"
    return regex.escape(word) + "(?:s|es|ed|ing)?"


def has_approved(entry: Entry, target: str) -> bool:
    folded = normalize(target)[0]
    if any(rendering_pattern(r).search(folded) for r in entry.approved):
        return True
    tokens = TOKEN.findall(folded)
    return any(_content_words_near(r, tokens) for r in entry.approved)


def _content_words_near(rendering: str, tokens: list[str]) -> bool:
    """The rendering's content words, loosely stemmed, close together in the target:
    "oversimplified, one-size-fits-all approaches" has "oversimplified approaches"."""
    stems = [_stem(w) for w in TOKEN.findall(normalize_term(rendering)) if w not in STOPWORDS]
    if not stems:
        return False
    positions = []
    for stem in stems:
        found = [i for i, token in enumerate(tokens) if token.startswith(stem)]
        if not found:
            return False
        positions.append(found)
    window = 3 * len(stems) + 3
    starts = sorted({p for found in positions for p in found})
    return any(all(any(start <= p < start + window for p in found) for found in positions) for start in starts)


def _stem(word: str) -> str:
    return word if len(word) <= 4 else word[: max(4, len(word) - 3)]


class MissingTerm(Check):
    """A glossary term of the source without an approved rendering in the target.

    ## What it does
    For each glossary term found in the Chinese source, looks for one of the entry's
    approved renderings in the target, ignoring case and hyphens, allowing an auxiliary
    or article between its words ("data are entered once") and simple inflection of the
    last word ("single reporting forms"); failing that, its content words close
    together ("oversimplified, one-size-fits-all approaches"). If none is there, the
    finding suggests the approved rendering. The span is the whole target: where the
    term went is unknown, so the suggestion names the rendering to use rather than a
    replacement for the span.

    ## Why it matters
    A term translated with an unofficial paraphrase, or dropped, is invisible to checks
    that only look for known wrong renderings.

    ## Example
    ```
    source: 打好减负组合拳
    target: deliver a series of punches to reduce burdens
    ```
    Use instead:
    ```
    target: deliver a combination of measures to reduce burdens
    ```

    ## False positives
    Only entries whose renderings are close to exhaustive are checked: reviewed entries
    with literal forbidden renderings that are not names (tag `place`/`person`). A term
    the target renders with a forbidden rendering (`forbidden-rendering`), leaves in
    Chinese (`untranslated-han`) or transliterates (`transliterated-term`) is reported
    by that rule alone. A correct paraphrase is still reported, hence a warning.
    """

    id = "missing-term"
    name = "Missing glossary term"
    default_severity = Severity.WARNING
    fixable = False
    needs_source = True

    def check_segment(self, segment: Segment, context: CheckContext) -> Iterable[Finding]:
        source_hits = context.source_hits(segment)
        wrong = {h.entry.id for h in forbidden_hits(context.target_hits(segment))}
        satisfied = [h for h in source_hits if has_approved(h.entry, segment.target)]
        reported: set[str] = set()
        for hit in source_hits:
            entry = hit.entry
            if entry.id in reported or entry.id in wrong or not checkable(entry):
                continue
            if any(h.entry.id == entry.id for h in satisfied) or _covered(hit, satisfied):
                continue
            if hit.rendering in segment.target or transliteration_runs(segment.target, _syllables(hit.rendering)):
                continue
            reported.add(entry.id)
            start, end = _whole(segment.target)
            yield self.finding(
                segment, start, end,
                f"the source has {hit.rendering}; the translation has none of its approved renderings "
                f"(use '{entry.approved[0]}')",
                entry.approved, entry.id,
            )  # fmt: skip


def _covered(hit: TermHit, satisfied: list[TermHit]) -> bool:
    """A term inside a longer source term whose rendering is present (基层 in 为基层减负)."""
    return any(s.start <= hit.start and hit.end <= s.end and s.entry.id != hit.entry.id for s in satisfied)


def _whole(text: str) -> tuple[int, int]:
    start = len(text) - len(text.lstrip())
    return start, max(start, len(text.rstrip()))


# --- transliterated-term ------------------------------------------------------------


def transliteration_runs(text: str, syllables: str, words: list[regex.Match[str]] | None = None) -> list[list[int]]:
    """Word-index runs of ``text`` that spell ``syllables`` (toneless pinyin, no spaces)
    in any spacing, hyphenation or case: "Wenshan Huihai", "Wenshan-Huihai",
    "wenshanhuihai"."""
    if not syllables:
        return []
    words = words if words is not None else list(WORD.finditer(text))
    runs = []
    for first in range(len(words)):
        spelled = ""
        for last in range(first, len(words)):
            if last > first and text[words[last - 1].end() : words[last].start()] not in (" ", "-"):
                break
            spelled += words[last].group().lower().replace("'", "").replace("\u2019", "")
            if not syllables.startswith(spelled):
                break
            if spelled == syllables:
                runs.append(list(range(first, last + 1)))
                break
    return runs


@cache
def _segmenter():  # type: ignore[no-untyped-def]
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


def is_place_name(word: str) -> bool:
    """jieba's dictionary tags the word as a place name (ns): 枫桥, 延安, 井冈山."""
    import jieba.posseg

    _segmenter()
    return str(jieba.posseg.dt.word_tag_tab.get(word, "")).startswith("ns")


def source_words(source: str) -> list[str]:
    """Chinese words of two or more characters in the source, longest first (jieba's
    search mode also gives the words inside compounds: 小康社会 -> 小康, 社会)."""
    words = []
    for chunk in HAN_WORD.findall(source):
        found = _segmenter().lcut_for_search(chunk, HMM=False)
        words.extend(w for w in found if len(w) >= 2 and HAN_WORD.fullmatch(w))
    return sorted(dict.fromkeys(words), key=len, reverse=True)


def transliterations(segment: Segment, context: CheckContext) -> list[tuple[int, int, str, Entry | None]]:
    """Spans of the target that transliterate a source word: (start, end, word, entry).

    Glossary terms come first (their entry gives the suggestion), then the other words of
    the source. Names are exempt by the rules of the `pinyin` check, and spans already
    reported by `forbidden-rendering` are left to it.
    """
    from termguard.checks.transliteration import _is_exempt, _pinyin_runs

    text = segment.target
    words = list(WORD.finditer(text))
    flagged = [(h.start, h.end) for h in forbidden_hits(context.target_hits(segment))]
    open_words = {
        i for run in _pinyin_runs(text, words)
        if not _is_exempt(text, words, run, context)
        and not any(s < words[run[-1]].end() and words[run[0]].start() < e for s, e in flagged)
        for i in run
    }  # fmt: skip
    if not open_words:
        return []  # nothing pinyin-like left to explain: skip segmenting the source
    found: list[tuple[int, int, str, Entry | None]] = []
    glossary_terms = [
        (h.rendering, h.entry) for h in context.source_hits(segment) if not _is_name_entry(h.entry, h.rendering)
    ]
    _collect(glossary_terms, text, words, flagged, found, context)
    if any(not any(s <= words[i].start() < e for s, e, *_ in found) for i in open_words):
        other_words: list[tuple[str, Entry | None]] = [(w, None) for w in source_words(segment.source or "")]
        _collect(other_words, text, words, flagged, found, context, places=True)
    return found


def _collect(
    terms: list[tuple[str, Entry | None]],
    text: str,
    words: list[regex.Match[str]],
    flagged: list[tuple[int, int]],
    found: list[tuple[int, int, str, Entry | None]],
    context: CheckContext,
    places: bool = False,
) -> None:
    from termguard.checks.transliteration import _is_exempt

    for term, entry in terms:
        for run in transliteration_runs(text, _syllables(term), words):
            start, end = words[run[0]].start(), words[run[-1]].end()
            if places and text[start].isupper() and is_place_name(term):
                continue  # 枫桥经验 "the Fengqiao experience": a capitalised place name
            if any(s < end and start < e for s, e, *_ in found) or any(s < end and start < e for s, e in flagged):
                continue
            if not all(pinyin.looks_like_pinyin(words[i].group()) for i in run):
                continue
            if _is_exempt(text, words, run, context):
                continue
            found.append((start, end, term, entry))


@lru_cache(maxsize=65536)
def _syllables(term: str) -> str:
    return pinyin.syllables_of(term)


def _is_name_entry(entry: Entry, term: str) -> bool:
    """Place and person names stay in pinyin: 民主村 -> "Minzhu Village"."""
    if NAME_TAGS & set(entry.tags):
        return True
    spelled = [regex.sub(r"[^a-z]", "", a.lower()) for a in entry.approved]
    stems = {_syllables(term), _syllables(term[:-1]) if len(term) >= 3 else ""} - {""}
    return any(stem in a for stem in stems for a in spelled)


class TransliteratedTerm(Check):
    """A Chinese word of the source left in the target as pinyin.

    ## What it does
    Computes the toneless pinyin of the source's glossary terms and of its other words
    (segmented with jieba) and flags the target where it spells one of them, in any
    spacing, hyphenation or case ("Wenshan Huihai", "Wenshan-Huihai",
    "wenshanhuihai"). For glossary terms the approved rendering is the suggestion.

    ## Why it matters
    Unlike the monolingual `pinyin` check, this one knows from the source that the
    pinyin is a transliteration of that very word, so it also catches pinyin that
    happens to look English-like in part, and it can say what to write instead.

    ## Example
    ```
    source: 整治文山会海
    target: rectify Wenshanhuihai
    ```
    Use instead:
    ```
    target: rectify excessive documents and meetings
    ```

    ## False positives
    Proper names stay in pinyin and are exempt by the `pinyin` check's rules:
    gazetteer names (Chongqing, Jiulongpo), words of approved renderings (Minzhu),
    surname + given name (Xi Jinping), a name followed by a unit word (Xiejiawan
    Subdistrict) or preceded by a title; capitalised pinyin of a word jieba's
    dictionary knows as a place name (枫桥经验 "the Fengqiao experience"); glossary
    entries that are names (tagged
    `place`, or whose approved rendering contains the pinyin, 民主村 -> "Minzhu
    Village") are exempt too. One span gets one finding: a glossary forbidden
    rendering is reported by `forbidden-rendering`; when a source exists this rule
    reports the span instead of `pinyin`.
    """

    id = "transliterated-term"
    name = "Transliterated term"
    default_severity = Severity.ERROR
    needs_source = True

    def check_segment(self, segment: Segment, context: CheckContext) -> Iterable[Finding]:
        for start, end, term, entry in transliterations(segment, context):
            spelled = segment.target[start:end]
            if entry is not None:
                message = f"'{spelled}' transliterates {term}; use '{entry.approved[0]}'"
                yield self.finding(segment, start, end, message, entry.approved, entry.id)
            else:
                yield self.finding(segment, start, end, f"'{spelled}' transliterates {term}; translate it")


# --- inconsistent-translation -------------------------------------------------------


class InconsistentTranslation(Check):
    """One source term, or one source sentence, translated two ways in a file.

    ## What it does
    Across the segments of a file: (1) for each glossary term of the source, collects
    the approved renderings used in the targets of the segments that contain it and
    flags those that differ from the most common one ("grass-roots" in one sentence,
    "primary level" in the next, for the same 基层); (2) flags the segments whose source
    repeats another exactly but whose translation differs from the most common one (on
    a tie, the one with fewer forbidden renderings), suggesting that translation.

    ## Why it matters
    A reader takes two renderings for two concepts; translation memories and
    terminology managers expect one translation per source.

    ## Example
    ```
    source: 为基层减负       target: reducing burdens at the primary level
    source: 基层干部         target: grass-roots officials
    ```
    Use instead:
    ```
    source: 基层干部         target: primary-level officials
    ```

    ## False positives
    Spelling variants of one rendering ("grassroots"/"grass-roots") are left to
    `inconsistent-rendering`, forbidden renderings to `forbidden-rendering`. Segments
    without a source are ignored.
    """

    id = "inconsistent-translation"
    name = "Inconsistent translation"
    default_severity = Severity.WARNING
    needs_source = True

    def check_document(self, segments: Sequence[Segment], context: CheckContext) -> Iterable[Finding]:
        bilingual = [s for s in segments if s.source is not None]
        yield from self._terms(bilingual, context)
        yield from self._sentences(bilingual, context)

    def _terms(self, segments: list[Segment], context: CheckContext) -> Iterable[Finding]:
        uses: dict[str, list[tuple[Segment, TermHit]]] = defaultdict(list)
        for segment in segments:
            entries = {h.entry.id for h in context.source_hits(segment)}
            for hit in _outermost_approved(context.target_hits(segment)):
                if hit.entry.id in entries:
                    uses[hit.entry.id].append((segment, hit))
        for occurrences in uses.values():
            counts = Counter(hit.rendering for _, hit in occurrences)
            if len(counts) < 2:
                continue
            entry = occurrences[0][1].entry
            preferred = max(counts, key=lambda r: (counts[r], -entry.approved.index(r)))
            for segment, hit in occurrences:
                if hit.rendering != preferred:
                    yield self.finding(
                        segment, hit.start, hit.end,
                        f"{entry.label} is rendered '{preferred}' elsewhere in this file "
                        f"({counts[preferred]}x); use one rendering",
                        [preferred], entry.id,
                    )  # fmt: skip

    def _sentences(self, segments: list[Segment], context: CheckContext) -> Iterable[Finding]:
        by_source: dict[str, list[Segment]] = defaultdict(list)
        for segment in segments:
            source = " ".join((segment.source or "").split())
            if source and segment.target.strip():
                by_source[source].append(segment)
        for group in by_source.values():
            counts = Counter(" ".join(s.target.split()) for s in group)
            if len(counts) < 2:
                continue
            # The most common translation; on a tie, the one with fewer known-wrong renderings.
            wrong = {" ".join(s.target.split()): len(forbidden_hits(context.target_hits(s))) for s in group}
            preferred = max(counts, key=lambda t: (counts[t], -wrong[t], -_first_index(group, t)))
            for segment in group:
                if " ".join(segment.target.split()) != preferred:
                    start, end = _whole(segment.target)
                    yield self.finding(
                        segment, start, end,
                        f"the same source is translated differently elsewhere in this file: '{preferred}'",
                        [preferred],
                    )  # fmt: skip


def _first_index(group: list[Segment], target: str) -> int:
    return next(i for i, s in enumerate(group) if " ".join(s.target.split()) == target)


def _outermost_approved(hits: list[TermHit]) -> list[TermHit]:
    approved = [h for h in hits if h.kind == "approved"]
    return [h for h in approved if not any(o.contains(h) and o.entry is h.entry for o in approved)]
