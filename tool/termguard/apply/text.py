"""Put corrected paragraphs back into a plain-text or Markdown file, byte for byte elsewhere.

A text segment is the exact substring of the decoded file at ``Origin.offset``, so the
file is rebuilt by splicing: everything between segments (blank lines, CRLF line ends,
code fences, comments) and the byte-order mark stay exactly as they were.
"""

from __future__ import annotations

import codecs
import re

from termguard.apply import ApplyResult
from termguard.errors import InputError
from termguard.formats import Document, decode_bytes

_BLANK_LINES = re.compile(r"(?:[ \t]*(?:\r\n|\n|\r))*")
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def rewrite_text(document: Document, raw: bytes, result: ApplyResult) -> bytes:
    """The file's bytes with every corrected segment spliced in (a paragraph emptied is removed)."""
    text = decode_bytes(document.path, raw)
    bom, encoding = file_encoding(raw)
    spans = []
    for segment in document.segments:
        new = result.corrected.get(segment.id)
        if new is None:
            continue
        start = segment.origin.offset
        end = start + len(segment.target)
        if text[start:end] != segment.target:
            raise InputError(document.path, "the file changed while it was being corrected", segment.origin.line)
        if not new.strip():
            start, end = paragraph_span(text, start, end)
            new = ""
        spans.append((start, end, new))
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return bom + text.encode(encoding)


def paragraph_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span that deletes a paragraph cleanly: its line end and one side's blank lines."""
    if text.startswith("\r\n", end):
        end += 2
    elif text.startswith(("\n", "\r"), end):
        end += 1
    before = text[:start].splitlines(keepends=True)
    blank = 0
    while blank < len(before) and not before[-1 - blank].strip():
        blank += 1
    if blank < len(before):  # text precedes: drop the blank lines separating it from this paragraph
        start -= sum(len(line) for line in before[len(before) - blank :])
    else:  # the first paragraph: drop the blank lines after it instead
        end += _BLANK_LINES.match(text, end).end() - end
    return start, end


def file_encoding(raw: bytes) -> tuple[bytes, str]:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return bom, encoding
    return b"", "utf-8"
