"""Checks for text that must pass through translation unchanged: placeholders, markup,
URLs and e-mail addresses."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import regex

from termguard.checks.base import Check
from termguard.checks.context import CheckContext
from termguard.model import Finding, Segment, Severity

PRINTF = regex.compile(
    r"%%|%\((?P<name>\w+)\)[-+0#]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]"
    r"|(?<![\d%])%(?:\d+\$)?[-+0#]*(?:\d+|\*)?(?:\.\d+)?(?:hh|ll|[hlLqjzt])?[diouxXeEfFgGcrsap@]"
)
ICU_COMPLEX = regex.compile(r"\{\s*(\w+)\s*,\s*(plural|select|selectordinal)\s*,")
BRACE = regex.compile(
    r"\{\s*([A-Za-z_][A-Za-z0-9_.]*|\d+)\s*"
    r"(?:,\s*(number|date|time|spellout|ordinal|duration|choice)\s*(?:,[^{}]*)?)?(?::[^{}]*)?\}"
)
TAG = regex.compile(r"</?([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*(/?)>")
ATTRIBUTE = regex.compile(r"([\w:.-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
TRANSLATABLE_ATTRIBUTES = frozenset(["alt", "title", "placeholder", "aria-label", "label", "equiv-text", "disp"])
# XLIFF 1.2/2.0 inline codes and HTML elements that are markup even without attributes.
KNOWN_TAGS = frozenset(
    ["x", "g", "bx", "ex", "ph", "bpt", "ept", "it", "mrk", "pc", "sc", "ec", "sm", "em", "br", "hr", "img", "wbr",
     "b", "i", "u", "s", "strong", "small", "sub", "sup", "code", "kbd", "span", "p", "a", "li", "ul", "ol", "tt"]
)  # fmt: skip
SELECTOR = regex.compile(r"(?:=\d+|\w+)\s*\{")


@dataclass(frozen=True, slots=True)
class Placeholder:
    """A placeholder found in a text: its canonical form (for comparing) and span."""

    key: str
    kind: str
    start: int
    end: int


def placeholders(text: str) -> list[Placeholder]:
    """Printf, brace/ICU placeholders and markup tags in ``text``, in order."""
    found: list[Placeholder] = []
    masked = _scan_icu(text, found)
    for match in BRACE.finditer(masked):
        key = "{" + match.group(1) + (f", {match.group(2)}" if match.group(2) else "") + "}"
        found.append(Placeholder(key, "brace", match.start(), match.end()))
    for match in PRINTF.finditer(masked):
        if match.group() != "%%":
            # "%2$s %1$s" reorders "%s %s" (gettext positional arguments): compare without the position.
            key = regex.sub(r"^%\d+\$", "%", match.group())
            found.append(Placeholder(key, "printf", match.start(), match.end()))
    for match in TAG.finditer(masked):
        if _is_markup(match, masked):
            found.append(Placeholder(_tag_key(match), "tag", match.start(), match.end()))
    found.sort(key=lambda p: p.start)
    return found


def _scan_icu(text: str, found: list[Placeholder]) -> str:
    """Record ICU plural/select arguments and blank out their syntax (the sub-messages
    are translatable text; placeholders inside them are still scanned)."""
    chars = list(text)
    for match in ICU_COMPLEX.finditer(text):
        close = _matching_brace(text, match.start())
        if close is None:
            continue
        found.append(Placeholder(f"{{{match.group(1)}, {match.group(2)}}}", "icu", match.start(), close + 1))
        for index in (*range(match.start(), match.end()), close):
            chars[index] = " "
        for selector in SELECTOR.finditer(text, match.end(), close):
            for index in range(selector.start(), selector.end()):
                chars[index] = " "
            inner_close = _matching_brace(text, selector.end() - 1)
            if inner_close is not None:
                chars[inner_close] = " "
    return "".join(chars)


def _matching_brace(text: str, open_at: int) -> int | None:
    depth = 0
    for index in range(open_at, len(text)):
        if text[index] == "{":
            depth += 1
        elif text[index] == "}":
            depth -= 1
            if depth == 0:
                return index
    return None


def _is_markup(match: regex.Match[str], text: str) -> bool:
    """Tags, not metavariables: "git add <path>" translates "<path>", but "<b>...</b>",
    "<x id="1"/>", "<br>" and tags with attributes are markup."""
    name = match.group(1)
    if match.group().startswith("</") or match.group(2) or match.group(3) or name.lower() in KNOWN_TAGS:
        return True
    return f"</{name}>" in text


def _tag_key(match: regex.Match[str]) -> str:
    closing = match.group().startswith("</")
    attributes = sorted(
        (name, first or second)
        for name, first, second in ATTRIBUTE.findall(match.group(2) or "")
        if name.casefold() not in TRANSLATABLE_ATTRIBUTES
    )
    body = "".join(f' {n}="{v}"' for n, v in attributes)
    return f"<{'/' if closing else ''}{match.group(1)}{body}{'/' if match.group(3) else ''}>"


class PlaceholderMismatch(Check):
    """A placeholder or markup tag of the source missing, added or changed in the target.

    ## What it does
    Compares, as multisets, the placeholders of source and target: printf (`%s`,
    `%d`, `%1$s`, `%(name)s`), brace (`{name}`, `{0}`), ICU plural/select arguments
    (`{count, plural, ...}`: the argument and its type, not the translatable
    sub-messages) and markup: HTML/XML tags and XLIFF inline codes (`<x id="1"/>`,
    `<g id="2">...</g>`), compared by name and attributes (translatable `alt`/`title`
    attributes excluded). A target placeholder that replaces a source one of the same
    kind is reported as changed, with the source form as the suggestion.

    ## Why it matters
    A lost or altered placeholder crashes the program that fills it in or drops the
    value from the message; a lost tag breaks the document's markup.

    ## Example
    ```
    source: 已为 %(count)d 个社区减负
    target: Burdens reduced for %(num)d communities
    ```
    Use instead:
    ```
    target: Burdens reduced for %(count)d communities
    ```

    ## False positives
    A percent sign after a digit ("30% of") is a percentage, not a placeholder. Order
    changes are allowed, including gettext's positional form (`%s ... %s` translated
    `%2$s ... %1$s`), and a named placeholder may be repeated. Angle-bracket metavariables of usage strings ("git add <path>",
    translated "<路径>") are not markup: a tag counts only if it has attributes, is
    closed in the same text, self-closes, or is a known XLIFF/HTML element.
    """

    id = "placeholder-mismatch"
    name = "Placeholder mismatch"
    default_severity = Severity.ERROR
    fixable = False
    needs_source = True

    def check_segment(self, segment: Segment, context: CheckContext) -> Iterable[Finding]:
        source = _counted(placeholders(segment.source or ""))
        target = _counted(placeholders(segment.target))
        missing = list((Counter(p.key for p in source) - Counter(p.key for p in target)).elements())
        extra_keys = Counter(p.key for p in target) - Counter(p.key for p in source)
        kinds = {p.key: p.kind for p in source}
        for placeholder in reversed(target):
            if not extra_keys[placeholder.key]:
                continue
            extra_keys[placeholder.key] -= 1
            replaced = next((m for m in missing if kinds[m] == placeholder.kind), None)
            if replaced is not None:
                missing.remove(replaced)
                message = f"placeholder '{placeholder.key}' should be '{replaced}' as in the source"
                yield self.finding(segment, placeholder.start, placeholder.end, message, [replaced])
            else:
                message = f"'{placeholder.key}' is not in the source; remove it"
                yield self.finding(segment, placeholder.start, placeholder.end, message, [""])
        for key in missing:
            end = len(segment.target.rstrip())
            yield self.finding(segment, end, end, f"'{key}' from the source is missing in the translation")


def _counted(found: list[Placeholder]) -> list[Placeholder]:
    """Named placeholders may repeat ("%(name)s ... %(name)s"): count each name once."""
    seen: set[str] = set()
    kept = []
    for placeholder in found:
        named = placeholder.kind in ("brace", "icu") or placeholder.key.startswith("%(")
        if named and placeholder.key in seen:
            continue
        seen.add(placeholder.key)
        kept.append(placeholder)
    return kept


URL = regex.compile(r"(?i)(?<![A-Za-z0-9./])(?:https?://|ftp://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")
EMAIL = regex.compile(r"(?i)(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
TRAILING = ".,;:!?)]}'\""


def _spans(pattern: regex.Pattern[str], text: str) -> list[tuple[str, int, int]]:
    found = []
    for match in pattern.finditer(text):
        value = regex.split(r"&(?:lt|gt|quot|apos|#\d+);?", match.group())[0]
        while value and value[-1] in TRAILING and not (value[-1] == ")" and "(" in value):
            value = value[:-1]
        found.append((value.casefold() if "@" in value else value, match.start(), match.start() + len(value)))
    return found


class _VerbatimMismatch(Check):
    """Shared logic: items that must appear in the target exactly as in the source."""

    pattern: regex.Pattern[str]
    noun: str
    needs_source = True
    default_severity = Severity.WARNING
    fixable = False

    def check_segment(self, segment: Segment, context: CheckContext) -> Iterable[Finding]:
        source = _spans(self.pattern, segment.source or "")
        target = _spans(self.pattern, segment.target)
        missing = Counter(v for v, _, _ in source) - Counter(v for v, _, _ in target)
        extra = Counter(v for v, _, _ in target) - Counter(v for v, _, _ in source)
        wanted = list(missing.elements())
        for value, start, end in target:
            if not extra[value]:
                continue
            extra[value] -= 1
            if wanted:  # added addresses alone are often deliberate (a local contact)
                replacement = wanted.pop(0)
                message = f"{self.noun} '{value}' differs from the source's '{replacement}'"
                yield self.finding(segment, start, end, message, [replacement])
        for value in wanted:
            end = len(segment.target.rstrip())
            yield self.finding(segment, end, end, f"{self.noun} '{value}' from the source is missing")


class UrlMismatch(_VerbatimMismatch):
    """A URL of the source missing or changed in the target.

    ## What it does
    Compares the web addresses (http, https, ftp, www.) of source and target: a source
    URL missing in the target is reported, and a target URL that replaces a source one
    is reported with the source URL as the suggestion.

    ## Why it matters
    Machine translation sometimes translates or "corrects" parts of URLs, which breaks
    the links.

    ## Example
    ```
    source: 详见 https://www.gov.cn/zhengce/
    target: See https://www.gov.cn/policy/
    ```
    Use instead:
    ```
    target: See https://www.gov.cn/zhengce/
    ```
    """

    id = "url-mismatch"
    name = "URL mismatch"
    default_severity = Severity.WARNING
    pattern = URL
    noun = "URL"


class EmailMismatch(_VerbatimMismatch):
    """An e-mail address of the source missing or changed in the target.

    ## What it does
    Compares the e-mail addresses of source and target (case-insensitively): a source
    address missing or changed in the target is reported.

    ## Why it matters
    A changed address sends the reader's mail nowhere.

    ## Example
    ```
    source: 联系邮箱：jianfu@cq.gov.cn
    target: Contact e-mail: jianfu@cq.gov.com
    ```
    Use instead:
    ```
    target: Contact e-mail: jianfu@cq.gov.cn
    ```
    """

    id = "email-mismatch"
    name = "E-mail address mismatch"
    default_severity = Severity.WARNING
    pattern = EMAIL
    noun = "e-mail address"
