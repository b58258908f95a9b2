"""The data model: positions, fingerprints and pickling (findings cross processes)."""

from __future__ import annotations

import pickle

import pytest

from termguard.model import Finding, Origin, Segment, Severity


def full_finding(occurrence: int = 2) -> Finding:
    origin = Origin("po/x.po", 12, 3, 480, "ctx\x04msgid")
    segment = Segment("po/x.po:12", "the Street office", origin, "街道办", True, frozenset({"all"}), 7, "zh-CN", "en")
    return Finding("forbidden-rendering", Severity.WARNING, segment, 4, 10, "use Subdistrict", ("Subdistrict",),
                   "jiedao", occurrence)  # fmt: skip


@pytest.mark.parametrize("protocol", [2, pickle.DEFAULT_PROTOCOL, pickle.HIGHEST_PROTOCOL])
def test_a_finding_pickles_with_every_field(protocol):
    finding = full_finding()
    copy = pickle.loads(pickle.dumps(finding, protocol=protocol))
    assert copy == finding
    assert copy.occurrence == 2 and copy.severity is Severity.WARNING
    assert copy.segment == finding.segment and copy.segment.origin == finding.segment.origin
    assert copy.fingerprint == finding.fingerprint


def test_findings_of_one_segment_share_it_after_unpickling():
    first = full_finding(0)
    second = Finding("pinyin", Severity.NOTE, first.segment, 0, 3, "m")
    a, b = pickle.loads(pickle.dumps([first, second]))
    assert a.segment is b.segment


def test_the_occurrence_changes_the_fingerprint_and_line_numbers_do_not():
    finding = full_finding()
    moved = Finding(finding.rule, finding.severity, Segment(finding.segment.id, finding.segment.target,
                    Origin("./po/x.po", 99)), finding.start, finding.end, finding.message,
                    entry_id=finding.entry_id, occurrence=2)  # fmt: skip
    assert moved.fingerprint != finding.fingerprint  # the source differs
    same_source = Finding(moved.rule, moved.severity, Segment("id", "the  Street\toffice", Origin("./po/x.po", 99),
                          "街道办"), 5, 11, "m", entry_id="jiedao", occurrence=2)  # fmt: skip
    assert same_source.fingerprint == finding.fingerprint
    assert Finding(**{**_fields(same_source), "occurrence": 1}).fingerprint != finding.fingerprint


def _fields(finding: Finding) -> dict[str, object]:
    return {name: getattr(finding, name) for name in Finding.__dataclass_fields__}


def test_input_errors_cross_process_boundaries_intact():
    from termguard.errors import GlossaryError, InputError

    for error in (InputError("a.txt", "not valid UTF-8", 7), InputError("b.po", "empty file"),
                  GlossaryError("g.toml", "no approved rendering", "wenshan", 12)):  # fmt: skip
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is type(error) and str(copy) == str(error)
        assert (copy.path, copy.line, copy.detail) == (error.path, error.line, error.detail)
