"""Precision on real, reviewed translations from ../shared/data (skipped when absent).

- 228 zh->en term pairs from a textbook on translating Chinese political discourse: all
  correct, so the term and number checks must raise nothing on them.
- ~14.6k reviewed zh_CN PO entries (git, coreutils, Django, GnuCash): placeholder, URL
  and e-mail checks are direction-neutral; the few findings left are mostly real bugs
  (stale translations), so they must stay rare.
"""

from __future__ import annotations

import csv

import polib
import pytest

from termguard import check_segments
from termguard.checks import CheckContext
from termguard.checks.numbers import NumberMismatch
from termguard.checks.placeholders import EmailMismatch, PlaceholderMismatch, UrlMismatch
from termguard.checks.terms import MissingTerm, TransliteratedTerm
from termguard.checks.transliteration import Pinyin
from termguard.engine import check_document
from termguard.model import Origin, Segment
from termguard.termbase import Glossary


def test_correct_political_terms_raise_no_term_or_number_finding(shared_data, glossary):
    path = shared_data / "glossary-understanding-contemporary-china" / "understanding_contemporary_china_terms.tsv"
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    segments = [Segment(f"t{i}", r["en"], Origin(str(path), i + 2), source=r["zh"]) for i, r in enumerate(rows)]
    checks = [MissingTerm(), TransliteratedTerm(), NumberMismatch(), Pinyin()]
    found = check_segments(segments, glossary, checks)
    assert len(rows) > 200
    assert [(f.segment.source, f.segment.target, f.message) for f in found] == []


@pytest.mark.parametrize(("checks", "at_most"), [((PlaceholderMismatch,), 20), ((UrlMismatch, EmailMismatch), 5)])
def test_verbatim_checks_are_rare_on_reviewed_po_files(shared_data, checks, at_most):
    context = CheckContext(Glossary())
    total = flagged = 0
    for path in sorted((shared_data / "po-zh_CN").glob("*.po")):
        entries = [e for e in polib.pofile(str(path)) if e.msgstr and not e.fuzzy and not e.obsolete]
        segments = [Segment(f"{i}", e.msgstr, Origin(str(path), e.linenum), source=e.msgid) for i, e in enumerate(entries)]
        total += len(segments)
        flagged += len(check_document(segments, context, [c() for c in checks]))
    assert total > 10_000
    assert flagged <= at_most
