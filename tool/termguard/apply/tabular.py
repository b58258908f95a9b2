"""Put corrected targets back into CSV and TSV files, byte for byte elsewhere.

The reader records where each target cell starts; the cell is spliced in place (quotes
doubled inside a quoted cell, the cell quoted when the new text needs it), so the
delimiter, quoting, line ends and every other cell stay exactly as they were.
"""

from __future__ import annotations

from termguard.apply import ApplyResult, Skip
from termguard.apply.text import file_encoding
from termguard.formats import Document, decode_bytes


def rewrite_tabular(document: Document, raw: bytes, result: ApplyResult) -> tuple[bytes, list[Skip]]:
    text = decode_bytes(document.path, raw)
    delimiter = "\t" if document.path.lower().endswith(".tsv") else ","
    spans = []
    skipped = []
    for segment in document.segments:
        new = result.corrected.get(segment.id)
        if new is None:
            continue
        start = segment.origin.offset
        quoted = text[start - 1 : start] == '"'
        old = segment.target.replace('"', '""') if quoted else segment.target
        if text[start : start + len(old)] != old:
            skipped.append(Skip(f"{document.path}:{segment.origin.line}", "apply", segment.target[:40],
                                "its cell was not found where the reader saw it"))  # fmt: skip
            continue
        if quoted:
            value = new.replace('"', '""')
        elif any(char in new for char in (delimiter, '"', "\n", "\r")):
            value = '"' + new.replace('"', '""') + '"'
        else:
            value = new
        spans.append((start, start + len(old), value))
    for start, end, value in sorted(spans, reverse=True):
        text = text[:start] + value + text[end:]
    bom, encoding = file_encoding(raw)
    return bom + text.encode(encoding), skipped
