"""The sample article against its reviewer's answer key (tests/fixtures/*.key.toml)."""

from __future__ import annotations

import tomllib

import pytest
import regex

from termguard import check_segments, read_segments
from termguard.model import Severity
from tests.conftest import FIXTURES

KEYS = [
    FIXTURES / "burden-reduction.key.toml",  # the sample article and its reviewer's answer key
    FIXTURES / "heldout" / "governance-mt.key.toml",  # a different article with typical MT errors
    FIXTURES / "heldout" / "society-mt.key.toml",
]


def _load(key_path):
    key = tomllib.loads(key_path.read_text("utf-8"))
    return key, (FIXTURES / key["file"]).resolve()


ROWS = [(path, row) for path in KEYS for row in _load(path)[0]["row"]]
CORRECT = [(path, phrase) for path in KEYS for phrase in
           _load(path)[0]["correct"]["names"] + _load(path)[0]["correct"]["phrases"]]  # fmt: skip
_cache: dict = {}


def findings_for(key_path, glossary):
    if key_path not in _cache:
        _cache[key_path] = check_segments(read_segments([str(_load(key_path)[1])]), glossary)
    return _cache[key_path], _load(key_path)[1].read_text("utf-8")


def _spans(text: str, row: dict) -> list[tuple[int, int]]:
    """Where the row's text occurs in the sample (restricted to its context, if given)."""
    if "context" in row:
        spans = []
        for match in regex.finditer(regex.escape(row["context"]), text):
            inner = text.find(row["text"], match.start(), match.end())
            spans.append((inner, inner + len(row["text"])))
        return spans
    return [(m.start(), m.end()) for m in regex.finditer(rf"(?<!\w){regex.escape(row['text'])}(?!\w)", text)]


@pytest.mark.parametrize("key_path, row", ROWS, ids=[f"{p.stem[:12]}-{r['text'][:30]}" for p, r in ROWS])
def test_every_term_error_is_flagged_with_a_fitting_suggestion(key_path, row, glossary):
    findings, text = findings_for(key_path, glossary)
    spans = _spans(text, row)
    assert spans, f"{row['text']!r} is not in the sample"
    for start, end in spans:
        hits = [
            f for f in findings
            if f.segment.origin.offset + f.start <= start and end <= f.segment.origin.offset + f.end
            and f.severity in (Severity.ERROR, Severity.WARNING)
        ]  # fmt: skip
        assert hits, f"{row['text']!r} at offset {start} not flagged"
        assert any(row["suggestion"].casefold() in s.casefold() for f in hits for s in f.suggestions), (
            f"{row['text']!r}: suggestions {[f.suggestions for f in hits]} lack {row['suggestion']!r}"
        )


@pytest.mark.parametrize("key_path, phrase", CORRECT, ids=[f"{p.stem[:12]}-{ph}" for p, ph in CORRECT])
def test_names_and_correct_renderings_are_not_flagged(key_path, phrase, glossary):
    findings, text = findings_for(key_path, glossary)
    occurrences = [m.start() for m in regex.finditer(rf"(?<!\w){regex.escape(phrase)}(?!\w)", text)]
    assert occurrences, phrase
    for start in occurrences:
        end = start + len(phrase)
        overlapping = [
            f for f in findings
            if f.rule != "duplicate-segment"
            and f.segment.origin.offset + f.start < end and start < f.segment.origin.offset + f.end
        ]  # fmt: skip
        assert not overlapping, f"{phrase!r} flagged: {[f.message for f in overlapping]}"


def test_duplicated_captions_are_flagged(glossary):
    findings, _ = findings_for(KEYS[0], glossary)
    duplicates = [f for f in findings if f.rule == "duplicate-segment"]
    assert [f.line for f in duplicates] == [18, 28, 68]
