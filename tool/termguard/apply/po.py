"""Put corrected msgstrs back into a PO file through polib.

Headers, comments, flags, references, obsolete entries and the order of entries are kept;
the file is written the way polib writes it (its line wrapping).
"""

from __future__ import annotations

from termguard.apply import ApplyResult, Skip
from termguard.apply.text import file_encoding
from termguard.formats import Document, decode_bytes
from termguard.formats.po import parse


def rewrite_po(document: Document, raw: bytes, result: ApplyResult) -> tuple[bytes, list[Skip]]:
    text = decode_bytes(document.path, raw)
    catalog = parse(document.path, text)
    segments = {segment.id: segment for segment in document.segments}
    skipped: list[Skip] = []
    for entry in catalog:
        if entry.obsolete:
            continue
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt is not None else entry.msgid
        plural = bool(entry.msgid_plural and entry.msgstr_plural)
        forms = sorted(entry.msgstr_plural, key=int) if plural else [None]
        for form in forms:
            segment_id = f"{document.path}:{key}" + (f"[{int(form)}]" if form is not None else "")
            new = result.corrected.get(segment_id)
            if new is None:
                continue
            current = entry.msgstr_plural[form] if form is not None else entry.msgstr
            if current != segments[segment_id].target:
                skipped.append(Skip(f"{document.path}:{entry.linenum}", "apply", current[:40],
                                    "the entry changed while it was being corrected"))  # fmt: skip
            elif form is not None:
                entry.msgstr_plural[form] = new
            else:
                entry.msgstr = new
    bom, encoding = file_encoding(raw)
    output = catalog.__unicode__().rstrip("\n") + text[len(text.rstrip("\n")) :]  # the file's own ending
    return bom + output.encode(encoding), skipped
