"""Glossaries for machine-translation engines, so approved renderings are used up front.

- DeepL (``--to deepl``): CSV, one ``source,target,zh,en`` entry per line, no header
  (DeepL's documented glossary CSV: source phrase first, optionally followed by the
  source and target language codes). DeepL allows one target per source term, so each
  Chinese term maps to the entry's suggested (first) approved rendering.
- Google Cloud Translation (``--to google``): a unidirectional glossary, a two-column CSV
  (source, target) with no header row, as the v3 ``GlossaryInputConfig`` documents.

Terms that occur in two entries are written once (the first entry wins), since both
engines reject duplicate source terms.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from termguard.termbase.model import Entry


def _pairs(entries: list[Entry]) -> Iterator[tuple[str, str]]:
    seen: set[str] = set()
    for entry in entries:
        if entry.status != "approved":
            continue
        for term in entry.source:
            if term not in seen:
                seen.add(term)
                yield term, entry.approved[0]


def export_deepl(entries: list[Entry]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for source, target in _pairs(entries):
        writer.writerow([source, target, "zh", "en"])
    return out.getvalue()


def export_google(entries: list[Entry]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for source, target in _pairs(entries):
        writer.writerow([source, target])
    return out.getvalue()
