"""What every check's findings share (``Check.finding``)."""

from __future__ import annotations

from termguard.checks.glossary import ForbiddenRendering
from termguard.model import Origin, Segment, Severity


def _finding(suggestions):
    segment = Segment("s1", "Wenshan Huihai", Origin("a.txt", 1))
    return ForbiddenRendering().finding(segment, 0, 14, "m", suggestions, "e1")


def test_suggestions_keep_their_order_without_repeats():
    assert _finding(("a", "b", "a")).suggestions == ("a", "b")
    assert _finding(["x", "x"]).suggestions == ("x",)
    assert _finding(iter(["p", "q"])).suggestions == ("p", "q")
    assert _finding(("only",)).suggestions == ("only",) and _finding(()).suggestions == ()


def test_a_finding_takes_the_checks_severity_unless_told_otherwise():
    finding = _finding(())
    assert finding.severity is Severity.ERROR and finding.rule == "forbidden-rendering" and finding.entry_id == "e1"
    segment = finding.segment
    assert ForbiddenRendering().finding(segment, 0, 1, "m", severity=Severity.NOTE).severity is Severity.NOTE
