"""Standard translation-QA checks (pofilter/Xbench style): empty or copied targets,
doubled words, spacing, brackets and quotes, end punctuation, and outlying lengths."""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Sequence
from operator import eq

import regex

from termguard import pinyin
from termguard.checks.base import Check
from termguard.checks.chunk import ChunkView, word_tokens
from termguard.checks.context import CheckContext
from termguard.model import Finding, Segment, Severity

HAN = regex.compile(r"\p{Han}")
CJK = regex.compile(r"[\p{Han}\u3000-\u303f\uff00-\uffef]")
LATIN_WORD = regex.compile(r"(?<![\w'\u2019-])[A-Za-z]+(?![\w'\u2019-])")
DOUBLED_SPACE = regex.compile(r"(?<=\S)[ \u00a0]{2,}(?=\S)")

# Doubled words that are grammatical ("he had had enough", "that that is").
VALID_DOUBLES = frozenset(
    ["had", "that", "is", "do", "bye", "no", "so", "very", "many", "far", "knock", "bora", "walla", "pooh"]
)


def _trimmed_span(text: str) -> tuple[int, int]:
    start = len(text) - len(text.lstrip())
    return start, max(start, len(text.rstrip()))


class EmptyTranslation(Check):
    """A source segment with no translation.

    ## What it does
    Flags segments whose Chinese source has text and whose target is empty or only
    whitespace.

    ## Why it matters
    An empty target ships as a blank (or, in PO files, falls back to the Chinese): the
    reader gets nothing.

    ## Example
    ```
    source: 为基层减负
    target:
    ```
    Use instead:
    ```
    source: 为基层减负
    target: Reducing burdens at the primary level
    ```
    """

    id = "empty-translation"
    name = "Empty translation"
    default_severity = Severity.WARNING
    needs_source = True

    def check_segment(self, segment: Segment, context: CheckContext) -> Iterable[Finding]:
        if (segment.source or "").strip() and not segment.target.strip():
            yield self.finding(segment, 0, len(segment.target), "the source has text but the translation is empty")


class SameAsSource(Check):
    """The Chinese source copied into the target.

    ## What it does
    Flags a target identical to its source when the source contains Chinese
    characters. Pure numbers, URLs and codes (no Chinese) legitimately stay the same
    and are not flagged.

    ## Why it matters
    A copied source is an untranslated segment that empty-translation checks miss.

    ## Example
    ```
    source: 精文减会
    target: 精文减会
    ```
    Use instead:
    ```
    source: 精文减会
    target: streamlining documents and meetings
    ```

    ## False positives
    `untranslated-han` also reports the Chinese runs inside such a target; this rule
    says the whole segment was left untranslated.
    """

    id = "same-as-source"
    name = "Target same as source"
    default_severity = Severity.WARNING
    needs_source = True

    def check_segment(self, segment: Segment, context: CheckContext) -> Iterable[Finding]:
        source = (segment.source or "").strip()
        if source and HAN.search(source) and " ".join(segment.target.split()) == " ".join(source.split()):
            start, end = _trimmed_span(segment.target)
            yield self.finding(segment, start, end, "the translation is a copy of the Chinese source")


class RepeatedWord(Check):
    """The same word twice in a row ("the the").

    ## What it does
    Flags a word repeated immediately after itself, separated only by spaces. Doubles
    that are grammatical ("had had", "that that") and reduplicated Chinese names
    ("Yan Yan", both capitalised) are not flagged. Works without a source.

    ## Why it matters
    A doubled word is a typing or MT glitch a reader notices at once.

    ## Example
    ```
    reduce the the burden on community-level officials
    ```
    Use instead:
    ```
    reduce the burden on community-level officials
    ```
    """

    id = "repeated-word"
    name = "Repeated word"
    default_severity = Severity.WARNING
    lines_without_glossary = True

    def chunk_lines(self, view: ChunkView, context: CheckContext) -> set[int] | None:
        return view.repeated_word_lines

    def check_segment(self, segment: Segment, context: CheckContext) -> Iterable[Finding]:
        text = segment.target
        tokens = word_tokens(text)
        if not any(map(eq, tokens, tokens[1:])):  # cheap: no two equal neighbours at all
            return
        words = list(LATIN_WORD.finditer(text))
        for first, second in zip(words, words[1:]):
            gap = text[first.end() : second.start()]
            if not gap or gap.strip(" \t") or first.group().casefold() != second.group().casefold():
                continue
            if _valid_double(first.group(), second.group()):
                continue
            yield self.finding(
                segment, first.end(), second.end(),
                f"'{second.group()}' is repeated; delete the second one", [""],
            )  # fmt: skip


def _valid_double(first: str, second: str) -> bool:
    word = first.casefold()
    if word in VALID_DOUBLES:
        return True
    # "Yan Yan", "Tingting": capitalised doubles are names unless very common words.
    return first[:1].isupper() and second[:1].isupper() and pinyin.english_frequency(word) < 5.0


class Whitespace(Check):
    """Doubled spaces inside the target, or leading/trailing whitespace that differs
    from the source.

    ## What it does
    Flags two or more spaces between words (monolingual too; not when the source has
    them too, as in column-aligned help text) and, when a source
    exists, a target that starts or ends with whitespace the source does not have (or
    lacks whitespace the source has). Edge whitespace is not compared where the
    target's text begins or ends in Chinese (which uses no spaces).

    ## Why it matters
    Stray spaces show in layout; leading and trailing whitespace in software strings
    often carries meaning (concatenation) and must be kept as in the source.

    ## Example
    ```
    reduce  the burden
    ```
    Use instead:
    ```
    reduce the burden
    ```
    """

    id = "whitespace"
    name = "Whitespace"
    default_severity = Severity.NOTE
    lines_without_glossary = True

    def chunk_lines(self, view: ChunkView, context: CheckContext) -> set[int] | None:
        return view.doubled_space_lines

    def check_segment(self, segment: Segment, context: CheckContext) -> Iterable[Finding]:
        text = segment.target
        aligned = segment.source is not None and DOUBLED_SPACE.search(segment.source)
        for match in () if aligned else DOUBLED_SPACE.finditer(text):  # columns aligned in the source too
            yield self.finding(segment, match.start(), match.end(), "doubled space", [" "])
        if segment.source is None or not text.strip() or not segment.source.strip():
            return
        yield from self._edge(segment, lead=True)
        yield from self._edge(segment, lead=False)

    def _edge(self, segment: Segment, lead: bool) -> Iterable[Finding]:
        source, target = segment.source or "", segment.target
        source_space = _edge_space(source, lead)
        target_space = _edge_space(target, lead)
        if bool(source_space) == bool(target_space):
            return
        edge = target.strip()[:1] if lead else target.strip()[-1:]
        if CJK.match(edge):  # Chinese text uses no spaces around words or its punctuation
            return
        where = "leading" if lead else "trailing"
        if target_space:
            start = 0 if lead else len(target) - len(target_space)
            yield self.finding(
                segment, start, start + len(target_space),
                f"{where} whitespace the source does not have", [""],
            )  # fmt: skip
        else:
            at = 0 if lead else len(target)
            yield self.finding(segment, at, at, f"the source has {where} whitespace; the translation does not", [" "])


def _edge_space(text: str, lead: bool) -> str:
    stripped = text.lstrip() if lead else text.rstrip()
    return text[: len(text) - len(stripped)] if lead else text[len(stripped) :]


PAIRS = {
    "(": ")",
    "[": "]",
    "{": "}",
    "\u201c": "\u201d",
    "\u300a": "\u300b",
    "\uff08": "\uff09",
    "\u300c": "\u300d",
    "\u3010": "\u3011",
}
# List enumerators "1)", "a)", "iv)" close a bracket that never opened.
_BRACKET_CHARS = frozenset(PAIRS) | frozenset(PAIRS.values()) | {'"'}
ENUMERATOR = regex.compile(r"(?:^|(?<=\s))(?:\d{1,2}|[A-Za-z]|[ivxIVX]{1,4})\)")
EMOTICON = regex.compile(r"[:;]-?[()]")


class UnbalancedBrackets(Check):
    """A bracket or quotation mark opened and never closed (or closed and never opened).

    ## What it does
    Pairs (), [], {}, “”, 《》 and straight double quotes in the target and flags the
    ones left without a partner. Works without a source; when a source exists and has
    the same imbalance (a quotation spanning paragraphs), or the target has no letters
    (a translated quotation mark), the target is not flagged.
    Apostrophes (’) are never counted; list enumerators "1)" and emoticons are ignored.

    ## Why it matters
    A lost closing quote or bracket changes what is quoted and looks careless.

    ## Example
    ```
    the "last mile of implementation.
    ```
    Use instead:
    ```
    the "last mile" of implementation.
    ```
    """

    id = "unbalanced-brackets"
    name = "Unbalanced brackets or quotes"
    default_severity = Severity.WARNING
    lines_without_glossary = True

    def chunk_lines(self, view: ChunkView, context: CheckContext) -> set[int] | None:
        return view.lines_containing(set(_BRACKET_CHARS))

    def check_segment(self, segment: Segment, context: CheckContext) -> Iterable[Finding]:
        if _BRACKET_CHARS.isdisjoint(segment.target):
            return
        source_unbalanced = bool(unbalanced(segment.source)) if segment.source else False
        if source_unbalanced or not regex.search(r"[\p{L}\p{N}]", segment.target):
            return  # a paragraph-spanning quotation, or a string that is only punctuation
        for position in unbalanced(segment.target):
            char = segment.target[position]
            yield self.finding(segment, position, position + 1, f"unbalanced {char}")


def unbalanced(text: str) -> list[int]:
    """Positions of brackets and quotes without a partner."""
    ignored = {m.end() - 1 for m in ENUMERATOR.finditer(text)} | {m.end() - 1 for m in EMOTICON.finditer(text)}
    closers = {close: open_ for open_, close in PAIRS.items()}
    stacks: dict[str, list[int]] = {o: [] for o in PAIRS}
    bad: list[int] = []
    straight: list[int] = []
    for index, char in enumerate(text):
        if index in ignored:
            continue
        if char in PAIRS:
            stacks[char].append(index)
        elif char in closers:
            stack = stacks[closers[char]]
            if stack:
                stack.pop()
            else:
                bad.append(index)
        elif char == '"':
            straight.append(index)
    bad.extend(i for stack in stacks.values() for i in stack)
    if len(straight) % 2:
        bad.append(straight[-1])
    return sorted(bad)


SOURCE_END = "。！？!?.…"
TARGET_END = ".!?…"
ABBREVIATIONS = ("etc.", "Co.", "Ltd.", "Inc.", "No.", "Corp.", "Jr.", "St.", "a.m.", "p.m.")
CLOSERS = "\"'\u201d\u2019)]}\u300b\u300d\u300f\uff09\u3011"


class EndPunctuation(Check):
    """The source ends a sentence and the target does not, or the other way round.

    ## What it does
    Compares the last character of source and target after closing quotes and
    brackets: a source ending in 。！？ needs a target ending in . ! ? (a question mark
    for ？); a target ending in a full stop whose source (a heading) has no end
    punctuation is flagged too.

    ## Why it matters
    A missing full stop often means the engine cut the sentence short; a full stop on
    a heading is a style error.

    ## Example
    ```
    source: 要持续为基层减负。
    target: We must keep reducing burdens at the primary level
    ```
    Use instead:
    ```
    target: We must keep reducing burdens at the primary level.
    ```
    """

    id = "end-punctuation"
    name = "End punctuation"
    default_severity = Severity.WARNING
    needs_source = True

    def check_segment(self, segment: Segment, context: CheckContext) -> Iterable[Finding]:
        source = (segment.source or "").rstrip().rstrip(CLOSERS).rstrip()
        target = segment.target.rstrip().rstrip(CLOSERS).rstrip()
        if not source or not target or not HAN.search(source):
            return
        source_end, target_end = source[-1] in SOURCE_END, target[-1] in TARGET_END
        if source_end and not target_end:
            wanted = "?" if source[-1] in "？?" else "."
            yield self.finding(
                segment, len(target), len(target),
                f"the source ends with '{source[-1]}'; the translation has no end punctuation", [wanted],
            )  # fmt: skip
        elif source_end and source[-1] in "？?" and target[-1] != "?":
            yield self.finding(segment, len(target) - 1, len(target), "the source is a question", ["?"])
        elif target_end and not source_end and target[-1] == "." and not target.endswith(("..", *ABBREVIATIONS)):
            yield self.finding(
                segment, len(target) - 1, len(target),
                "the source has no end punctuation (a heading?); the translation ends with a full stop", [""],
            )  # fmt: skip


class LengthRatio(Check):
    """A translation much longer or shorter than the file's other translations.

    ## What it does
    Computes each segment's target/source length ratio (in characters, on the log
    scale) and flags segments whose ratio lies far from the file's median: a robust
    z-score (median and MAD, the MAD at least 0.15) above 3.5, roughly a ratio
    more than twice or less than half the median. Only files with at least 10 bilingual
    segments, and sources of at least 5 characters, are checked.

    ## Why it matters
    A translation a third of the usual length has usually dropped a clause; one three
    times as long has usually repeated or hallucinated.

    ## Example
    ```
    source: 上午，习近平来到九龙坡区谢家湾街道民主村社区，走进党群服务中心。
    target: In the morning.
    ```
    Use instead:
    ```
    target: In the morning, Xi Jinping came to the Minzhu Village community and walked
    into its Party-public service center.
    ```

    ## False positives
    Lists, headings and names vary naturally; the rule is off by default. Enable it with
    `--enable length-ratio`.
    """

    id = "length-ratio"
    name = "Unusual length ratio"
    default_severity = Severity.NOTE
    enabled_by_default = False
    needs_source = True
    MIN_SEGMENTS = 10
    MIN_SOURCE_CHARS = 5
    THRESHOLD = 3.5
    MIN_SPREAD = 0.15

    def check_document(self, segments: Sequence[Segment], context: CheckContext) -> Iterable[Finding]:
        measured = [
            (s, math.log(len(s.target.strip()) / len(s.source.strip())))
            for s in segments
            if s.source and len(s.source.strip()) >= self.MIN_SOURCE_CHARS and s.target.strip()
        ]
        if len(measured) < self.MIN_SEGMENTS:
            return
        logs = [value for _, value in measured]
        median = statistics.median(logs)
        # A floor on the spread: in a very uniform file, a ratio 2x off is still normal.
        mad = max(statistics.median(abs(v - median) for v in logs), self.MIN_SPREAD)
        typical = math.exp(median)
        for segment, value in measured:
            score = 0.6745 * (value - median) / mad
            if abs(score) > self.THRESHOLD:
                start, end = _trimmed_span(segment.target)
                kind = "long" if score > 0 else "short"
                yield self.finding(
                    segment, start, end,
                    f"translation unusually {kind}: {math.exp(value):.1f} characters per source "
                    f"character (file median {typical:.1f}); check for dropped or added text",
                )  # fmt: skip
