"""The segment pane: flagged span, neighbouring findings and the Chinese source."""

from __future__ import annotations

from termguard.model import Finding, Origin, Segment, Severity
from termguard.tui.widgets.details import FLAGGED_STYLE, NEIGHBOUR_STYLE, segment_text


def test_segment_text_marks_the_span_its_neighbours_and_shows_the_source():
    segment = Segment("a:1", "Rectify Wenshan Huihai at Xiejiawan Street.", Origin("a.txt", 1), source="整治文山会海")
    flagged = Finding("forbidden-rendering", Severity.ERROR, segment, 8, 22, "wrong")
    neighbour = Finding("forbidden-rendering", Severity.ERROR, segment, 36, 42, "wrong")
    text = segment_text(flagged, [neighbour])
    assert text.plain.startswith("源  整治文山会海\n\nRectify Wenshan Huihai")
    offset = text.plain.index("Rectify")
    styled = {(span.start - offset, span.end - offset, str(span.style)) for span in text.spans}
    assert (8, 22, FLAGGED_STYLE) in styled
    assert (36, 42, NEIGHBOUR_STYLE) in styled
