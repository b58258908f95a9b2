"""The source-aware checks on a small bilingual PO file with the sample article's errors.

Each entry of tests/fixtures/burden-reduction.zh-en.po says in a ``#. expect:`` comment
which rules must fire on it; no other rule may. Segments are built with polib directly,
independent of termguard's PO reader.
"""

from __future__ import annotations

import polib
import pytest

from termguard import check_segments
from termguard.model import Origin, Segment
from tests.conftest import FIXTURES

PO = FIXTURES / "burden-reduction.zh-en.po"


def _segments() -> list[tuple[Segment, set[str]]]:
    pairs = []
    for index, entry in enumerate(polib.pofile(str(PO))):
        expected = entry.comment.removeprefix("expect:").split("(")[0].split()
        segment = Segment(f"po:{index}", entry.msgstr, Origin(str(PO), entry.linenum), source=entry.msgid)
        pairs.append((segment, set(expected) - {"nothing"}))
    return pairs


CASES = _segments()


@pytest.fixture(scope="module")
def fired(glossary) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for finding in check_segments([s for s, _ in CASES], glossary):
        found.setdefault(finding.segment.id, set()).add(finding.rule)
    return found


@pytest.mark.parametrize(("segment", "expected"), CASES, ids=[s.target[:40] or s.source for s, _ in CASES])
def test_expected_rules_fire_and_no_others(segment, expected, fired):
    assert fired.get(segment.id, set()) == expected


def test_the_fixture_covers_the_key_errors():
    targets = " ".join(s.target for s, _ in CASES)
    for error in ("Wenshan Huihai", "Association for the Reduction of Fine Arts", "one meter connected", "Xiejiawan Street"):
        assert error in targets
    assert sum(1 for _, expected in CASES if not expected) >= 2
