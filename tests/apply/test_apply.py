"""The apply stage: verified edits, deterministic overlaps, stale spans refused."""

from __future__ import annotations

from termguard.apply import Edit, correct, edits_from_suggestions, plan, resolve_overlaps
from termguard.engine import check_segments
from termguard.formats.text import read_text
from termguard.model import Finding, Origin, Segment, Severity


def segment(text: str, line: int = 1, offset: int = 0, path: str = "a.txt") -> Segment:
    return Segment(f"{path}:{line}", text, Origin(path, line, 1, offset))


def edit(seg: Segment, word: str, replacement: str, priority: int = 0) -> Edit:
    start = seg.target.index(word)
    return Edit(seg, start, start + len(word), word, replacement, "forbidden-rendering", priority)


def test_edits_are_applied_right_to_left_so_offsets_stay_valid():
    seg = segment("The Wenshan Huihai and the Wenshan Huihai again.")
    first = Edit(seg, 4, 18, "Wenshan Huihai", "excessive documents and meetings", "r")
    second = Edit(seg, 27, 41, "Wenshan Huihai", "excessive documents and meetings", "r")
    result = plan([seg], [first, second])
    assert result.text_for(seg) == (
        "The excessive documents and meetings and the excessive documents and meetings again."
    )
    assert result.skipped == []


def test_stale_span_is_skipped_and_reported_never_applied():
    old = segment("The Wenshan Huihai must go.")
    stale = edit(old, "Wenshan Huihai", "excessive documents and meetings")
    now = segment("The Wenshan meetings must go.")  # the file changed since the review
    result = plan([now], [stale])
    assert result.corrected == {}
    assert [s.matched for s in result.skipped] == ["Wenshan Huihai"]
    assert "changed since the review" in result.skipped[0].reason
    assert "'Wenshan meeti" in result.skipped[0].reason


def test_edit_for_a_paragraph_no_longer_in_the_file_is_skipped():
    gone = segment("Wenshan Huihai.", line=9, offset=100)
    result = plan([segment("Other text.")], [edit(gone, "Wenshan Huihai", "x")])
    assert result.corrected == {} and "not in the file" in result.skipped[0].reason


def test_overlap_earlier_decided_wins_and_the_other_is_reported():
    seg = segment("President of the State Council")
    early = edit(seg, "State", "People's Republic of China", priority=0)
    later_longer = edit(seg, "President of the State Council", "Premier", priority=1)
    kept, lost = resolve_overlaps([later_longer, early])
    assert kept == [early]
    assert [s.matched for s in lost] == ["President of the State Council"]


def test_overlap_with_equal_priority_the_longer_wins_regardless_of_order():
    seg = segment("President of the State Council")
    short = edit(seg, "State", "X")
    long = edit(seg, "President of the State Council", "Premier")
    for order in ([short, long], [long, short]):
        result = plan([seg], order)
        assert result.text_for(seg) == "Premier"
        assert [s.matched for s in result.skipped] == ["State"]


def test_a_deleted_duplicate_paragraph_supersedes_edits_inside_it_silently():
    seg = segment("Wenshan Huihai again.")
    delete = Edit(seg, 0, len(seg.target), seg.target, "", "duplicate-segment")
    inner = edit(seg, "Wenshan Huihai", "excessive documents and meetings")
    result = plan([seg], [inner, delete])
    assert result.text_for(seg) == "" and result.skipped == []


def finding(seg: Segment, word: str, suggestion: str, severity=Severity.ERROR) -> Finding:
    start = seg.target.index(word)
    return Finding("forbidden-rendering", severity, seg, start, start + len(word), "m", (suggestion,))


def test_suggestions_respect_the_threshold_and_capitalise_only_sentence_starts():
    seg = segment("Wenshan Huihai again, and grass roots. The Wenshan Huihai.")
    error = finding(seg, "Wenshan Huihai", "excessive documents and meetings")
    start = seg.target.rindex("Wenshan Huihai")
    mid = Finding("forbidden-rendering", Severity.ERROR, seg, start, start + 14, "m", ("excessive meetings",))
    warning = finding(seg, "grass roots", "grassroots", Severity.WARNING)
    only_errors = edits_from_suggestions([error, warning, mid], Severity.ERROR)
    assert [e.replacement for e in only_errors] == ["Excessive documents and meetings", "excessive meetings"]
    both = plan([seg], edits_from_suggestions([error, warning, mid], Severity.WARNING))
    assert both.text_for(seg) == "Excessive documents and meetings again, and grassroots. The excessive meetings."


def test_correct_with_real_checks_fixes_every_error(glossary):
    text = "The Wenshan Huihai must end.\n\nCadres visited Democratic Village.\n"
    segments = read_text("a.txt", text)
    findings = check_segments(segments, glossary)
    assert findings
    result = correct([_doc(segments)], findings, accept=Severity.ERROR)
    fixed = [result.text_for(s) for s in segments]
    assert "Wenshan Huihai" not in fixed[0] and "excessive documents and meetings" in fixed[0]
    again = check_segments([Segment(s.id, t, s.origin) for s, t in zip(segments, fixed)], glossary)
    assert [f for f in again if f.severity is Severity.ERROR] == []


def _doc(segments):
    from termguard.formats import Document

    return Document("a.txt", segments, "txt")
