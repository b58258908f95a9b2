"""Numbers that differ between the Chinese source and the English target.

Chinese numbers (三十, 百分之三十, 两千, 1.2万, 三成, 二〇二四年) are read with ``cn2an``;
English numbers are digits with separators and scale words (12,000, 12 000, 1.2
million, 30 percent, 14th) or number words (two thousand, fifteen, first).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex

from termguard.checks.base import Check
from termguard.checks.context import CheckContext
from termguard.model import Finding, Segment, Severity

FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")

# Source side: Arabic numbers (with a Chinese scale or percent sign), Chinese numerals.
SOURCE_ARABIC = regex.compile(
    r"(?<![A-Za-z0-9.])(?<![A-Za-z]-)(\d+(?:,\d{3})*(?:\.\d+)?)\s*(万亿|万|亿|千|百)?\s*([%％])?(?![A-Za-z0-9])"
)
CHINESE_NUMERAL = regex.compile(r"[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?")
SCALES = {"百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000, "万亿": 10**12}
CHINESE_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
VAGUE_BEFORE = ("数", "几", "成")  # 数十 "dozens", 几百 "a few hundred", 成千上万 "thousands"
VAGUE_AFTER = ("来", "几")  # 十来个, 十几 "ten-odd"
NOT_NUMBERS = ("十分", "万一", "一一", "千万")  # "very", "in case", "one by one", "must"

# Target side.
TARGET_NUMBER = regex.compile(
    r"(?<![A-Za-z0-9.])(?<![A-Za-z]-)"
    r"(\d{1,3}(?:(?:,|[ \u00a0\u202f](?=\d{3}(?!\d)))\d{3}(?!\d))+|\d+)(\.\d+)?"
    r"(?:(st|nd|rd|th)|\s*(%|percent|per cent))?"
    r"(?:\s+(thousand|million|billion|trillion))?(?![A-Za-z0-9])",
    regex.IGNORECASE,
)
ENGLISH_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12}
WORD_NUMBERS = {
    w: i
    for i, w in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "both": 2, "twice": 2, "half": 0.5, "dozen": 12, "single": 1, "once": 1, "hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "decade": 10, "centenary": 100, "centennial": 100, "century": 100}
ORDINALS = {
    w: i
    for i, w in enumerate(
        ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"]
    )
} | {"thirtieth": 30, "fortieth": 40, "fiftieth": 50, "hundredth": 100}
MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
    )
}
WORD = regex.compile(r"[A-Za-z]+")


@dataclass(frozen=True, slots=True)
class Number:
    """A number found in a text: its value(s) and where it is."""

    values: frozenset[float]
    """Values that count as the same number (三成 is 30 percent or 3 in 10)."""
    text: str
    start: int
    end: int
    required: bool = True
    """Source: must appear in the target. Target: must appear in the source."""


def source_numbers(text: str) -> list[Number]:
    """Numbers in a Chinese text. Single Chinese numerals (一, 三, 十) and idioms are
    not required in the target (一刀切, 三严三实), but they license target numbers."""
    text = text.translate(FULLWIDTH_DIGITS)
    found = [_arabic(m) for m in SOURCE_ARABIC.finditer(text)]
    for match in CHINESE_NUMERAL.finditer(text):
        number = _chinese(text, match)
        if number is not None:
            found.append(number)
    found.sort(key=lambda n: n.start)
    return found


def _arabic(match: regex.Match[str]) -> Number:
    value = float(match.group(1).replace(",", ""))
    if match.group(2):
        value *= SCALES[match.group(2)]
    return Number(_close(value), match.group(), match.start(), match.end())


def _chinese(text: str, match: regex.Match[str]) -> Number | None:
    run, start, end = match.group(), match.start(), match.end()
    # 1.2万, 3亿: the scale belongs to the Arabic number before it.
    if start and text[start - 1].isdigit() and run in SCALES:
        return None
    if text[end : end + 2] == "分之":  # the 百 of 百分之三十 (percent)
        return None
    value = _chinese_value(run, text[end : end + 1])
    if value is None:
        return _digit_names(run, start, end)
    before, after = text[max(0, start - 3) : start], text[end : end + 1]
    vague = before.endswith(VAGUE_BEFORE) or after in VAGUE_AFTER or run in NOT_NUMBERS
    required = len(run) >= 2 and not vague and run not in NOT_NUMBERS
    values = {value}
    if before.endswith("百分之"):
        start -= 3
    elif after == "成" and value < 10:
        values = {value * 10, value}
        end += 1
        required = not vague
    return Number(_close(*values), text[start:end], start, end, required)


def _digit_names(run: str, start: int, end: int) -> Number | None:
    """Numerals read digit by digit in names (五四 "May 4th", 九二共识 "1992 Consensus"):
    never required, but they account for the target's numbers."""
    digits = [CHINESE_DIGITS[c] for c in run if c in CHINESE_DIGITS]
    if not digits:
        return None
    values = {float(d) for d in digits}
    if len(digits) == len(run):
        joined = int("".join(map(str, digits)))
        values |= {float(joined)} | ({1900.0 + joined, 2000.0 + joined} if len(run) == 2 else set())
    return Number(_close(*values), run, start, end, required=False)


def _chinese_value(run: str, after: str) -> float | None:
    import cn2an

    if after == "年" and len(run) == 4 and all(c in CHINESE_DIGITS for c in run):
        return float("".join(str(CHINESE_DIGITS[c]) for c in run))  # 二〇二四年
    if run.endswith("五") and len(run) == 3 and run[0] == "十":
        run = run[:2]  # 十四五 = the 14th Five-Year Plan
    try:
        return float(cn2an.cn2an(run.replace("两", "二").replace("〇", "零"), "strict"))
    except (ValueError, KeyError, IndexError):
        return None


def _close(*values: float) -> frozenset[float]:
    return frozenset(round(v, 6) for v in values)


def target_numbers(text: str) -> list[Number]:
    """Numbers in an English text: digits (required to be in the source) and number
    words, ordinals and month names (which may stand for a source number but are never
    required: "one" is also a pronoun, "first" an adverb)."""
    found: list[Number] = []
    for match in TARGET_NUMBER.finditer(text):
        value = float(regex.sub(r"[,\s\u00a0\u202f]", "", match.group(1)) + (match.group(2) or ""))
        if match.group(5):
            value *= ENGLISH_SCALES[match.group(5).lower()]
        found.append(Number(_close(value), match.group(), match.start(), match.end()))
    words = list(WORD.finditer(text))
    for index, word in enumerate(words):
        lowered = word.group().lower()
        value = WORD_NUMBERS.get(lowered, ORDINALS.get(lowered))
        if value is None and word.group()[:1].isupper():
            value = MONTHS.get(lowered)  # "May", not the verb "may"
        if value is None:
            continue
        end = word.end()
        if index + 1 < len(words) and words[index + 1].group().lower() in ENGLISH_SCALES:
            if text[word.end() : words[index + 1].start()].strip() == "":
                value *= ENGLISH_SCALES[words[index + 1].group().lower()]
                end = words[index + 1].end()
        found.append(Number(_close(value), text[word.start() : end], word.start(), end, required=False))
    found.sort(key=lambda n: n.start)
    return found


class NumberMismatch(Check):
    """A number of the source missing in the target, or a number in the target that the
    source does not have.

    ## What it does
    Reads the numbers of the Chinese source (digits, 三十, 百分之三十, 两千, 1.2万,
    三成, 二〇二四年, 第十四) and of the English target (30, 30%, 30 percent, 12,000,
    12 000, 1.2 million, two thousand, 14th, April) and compares them by value. A
    source number no target number equals is missing; a target number written in
    digits that no source number equals is extra.

    ## Why it matters
    A wrong figure, year or date in a translated government text misinforms as surely
    as a wrong term, and no fluency check catches it.

    ## Example
    ```
    source: 减少会议30%，文件压减1.2万件。
    target: Meetings were cut by 13% and documents by 12,000.
    ```
    Use instead:
    ```
    target: Meetings were cut by 30% and documents by 12,000.
    ```

    ## False positives
    Single Chinese numerals and set phrases (一刀切, 三严三实, 十分, 数十) are not
    required in the target, since they are usually words, not figures; they still
    account for target numbers ("first", "3"), as do numerals read digit by digit in
    names (五四 "May 4th", 九二共识 "1992 Consensus"). Months may be written as names
    (4月22日 = April 22). Number words in the target ("one", "first") are never
    reported as extra.
    """

    id = "number-mismatch"
    name = "Number mismatch"
    default_severity = Severity.ERROR
    fixable = False
    needs_source = True

    def check_segment(self, segment: Segment, context: CheckContext) -> Iterable[Finding]:
        source = source_numbers(segment.source or "")
        target = target_numbers(segment.target)
        target_values = set().union(*(n.values for n in target)) if target else set()
        source_values = set().union(*(n.values for n in source)) if source else set()
        missing = [n for n in source if n.required and not n.values & target_values]
        for number in target:
            if not number.required or number.values & source_values:
                continue
            if missing:  # a changed number: one finding, at the target's number
                replaced = missing.pop(0)
                suggestion = [replaced.text] if replaced.text.isascii() else []
                message = f"'{number.text}' does not match the source's '{replaced.text}'"
                yield self.finding(segment, number.start, number.end, message, suggestion)
            else:
                yield self.finding(
                    segment, number.start, number.end,
                    f"'{number.text}' is not in the source ({_listing(source)})",
                )  # fmt: skip
        for number in missing:
            start, end = _whole(segment.target)
            yield self.finding(segment, start, end, f"the source number '{number.text}' is missing in the translation")


def _listing(numbers: list[Number]) -> str:
    shown = [n.text for n in numbers if n.required]
    return "source numbers: " + ", ".join(shown) if shown else "the source has no numbers"


def _whole(text: str) -> tuple[int, int]:
    start = len(text) - len(text.lstrip())
    return start, max(start, len(text.rstrip()))
