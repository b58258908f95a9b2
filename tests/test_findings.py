"""Findings packed for the trip between processes, and the list the report receives."""

from __future__ import annotations

import pickle
from collections import Counter

from termguard.findings import FindingList, Piece
from termguard.model import Finding, Origin, Segment, Severity, pack_findings, packed_severities, unpack_findings


def _pickled(findings: list[Finding], texts: list[bytes | None]) -> Piece:
    """A piece as it arrives from a worker process."""
    packed = pack_findings(findings)
    return Piece(texts=texts, pickled=pickle.dumps(packed), severities=packed_severities(packed), count=len(findings))


def _findings() -> list[Finding]:
    shared = Segment("a.txt:3", "Cut the Wenshan Huihai  now", Origin("a.txt", 3, 1, 40), index=2)
    bilingual = Segment("u1", "one meter connected", Origin("b.po", 9, 1, 0, "msgid"), "一表通", True,
                        frozenset({"whitespace"}), 7, "zh-CN", "en")  # fmt: skip
    return [
        Finding("forbidden-rendering", Severity.ERROR, shared, 8, 22, "wrong", ("excessive meetings",), "wenshan"),
        Finding("whitespace", Severity.NOTE, shared, 22, 24, "doubled space", occurrence=1),
        Finding("forbidden-rendering", Severity.WARNING, bilingual, 0, 19, "literal", ("one-form system",), "ybt"),
    ]


def test_packed_findings_unpack_equal_and_share_their_segments_again():
    findings = _findings()
    packed = pickle.loads(pickle.dumps(pack_findings(findings)))
    again = unpack_findings(packed)
    assert again == findings
    assert [f.occurrence for f in again] == [0, 1, 0]
    assert [f.fingerprint for f in again] == [f.fingerprint for f in findings]
    assert again[0].segment is again[1].segment
    assert len(packed[0]) == 2  # each segment packed once


def test_severities_are_counted_from_packed_rows():
    assert packed_severities(pack_findings(_findings())) == Counter(
        {Severity.ERROR: 1, Severity.NOTE: 1, Severity.WARNING: 1})  # fmt: skip


def test_a_finding_list_is_its_pieces_in_order_unpacked_once():
    findings = _findings()
    pieces = [_pickled(findings[:2], [b"t0", b"t1"]), Piece(findings[2:])]
    listed = FindingList(pieces)
    assert len(listed) == 3 and listed.severity_counts() == Counter(f.severity for f in findings)
    assert list(listed) == findings and listed[2] is findings[2]
    assert listed[0] is listed[0]  # unpacked once, not on every access


def test_texts_come_from_where_findings_were_rendered_else_from_render():
    findings = _findings()
    listed = FindingList([_pickled(findings[:2], [b"t0", None]), Piece(findings[2:])])
    assert list(listed.rendered(lambda f: f"render {f.entry_id}".encode())) == [b"t0\nrender None", b"render ybt"]


def test_joined_files_stay_a_plain_list_unless_some_come_in_pieces():
    findings = _findings()
    assert FindingList.joined([findings[:1], findings[1:]]) == findings
    joined = FindingList.joined([findings[:1], FindingList([_pickled(findings[1:], [b"a", b"b"])])])
    assert isinstance(joined, FindingList) and list(joined) == findings
    assert list(joined.rendered(lambda f: b"r")) == [b"r", b"a\nb"]


def test_a_piece_from_a_worker_is_counted_and_written_without_unpickling_its_findings():
    """A JSON run's parent only adds up severities and writes blocks: the findings'
    pickle (here one that cannot load) is never opened."""
    piece = Piece(block=b'{"a":1}\n{"b":2}', pickled=b"not a pickle", severities=Counter({Severity.ERROR: 2}), count=2)
    listed = FindingList([piece, Piece([])])
    assert len(listed) == 2 and listed.severity_counts() == Counter({Severity.ERROR: 2})
    assert list(listed.rendered(lambda f: b"never")) == [b'{"a":1}\n{"b":2}']
    assert piece.texts == [b'{"a":1}', b'{"b":2}']


def test_a_pickled_piece_unpacks_on_first_use():
    findings = _findings()
    piece = Piece(pickled=pickle.dumps(pack_findings(findings)), severities=Counter(), count=3)
    assert piece.findings() == findings and piece.findings() is piece.findings()
