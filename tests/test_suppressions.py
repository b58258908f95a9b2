"""Inline suppressions: Markdown comment markers and PO translator comments (Segment.suppressed)."""

from __future__ import annotations

import json

from termguard.checks import CheckContext, select
from termguard.cli import main
from termguard.engine import check_document
from termguard.model import Origin, Segment

MARKDOWN = """# Report

<!-- termguard: ignore forbidden-rendering -->
We pursue Chinese style modernization, says the Gongzuo Zuofeng memo.

We pursue Chinese style modernization again.

<!-- termguard: ignore -->
The Wenshan Huihai must end.
"""


def test_markdown_marker_silences_the_next_paragraph_only(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "doc.md").write_text(MARKDOWN, "utf-8")
    code = main(["check", "doc.md", "--format", "json"])
    found = [(f["line"], f["rule"], f["matched"]) for f in json.loads(capsys.readouterr().out)["findings"]]
    assert found == [
        (4, "pinyin", "Gongzuo Zuofeng"),
        (6, "forbidden-rendering", "Chinese style modernization"),
    ]
    assert code == 1


def segment(target: str, suppressed: frozenset[str] = frozenset()) -> Segment:
    origin = Origin("messages.po", 12, 8, 300, entry="文山会海")
    return Segment("messages.po:12", target, origin, source="要坚决整治文山会海", suppressed=suppressed)


def rules_found(seg: Segment, glossary) -> list[str]:
    return [f.rule for f in check_document([seg], CheckContext(glossary), select())]


def test_suppressed_rule_on_a_po_entry_is_dropped(glossary):
    text = "We must rectify the Wenshan Huihai, said the Gongzuo Zuofeng memo."
    assert {"forbidden-rendering", "pinyin"} <= set(rules_found(segment(text), glossary))
    remaining = rules_found(segment(text, frozenset({"pinyin"})), glossary)
    assert "forbidden-rendering" in remaining and "pinyin" not in remaining
    assert rules_found(segment(text, frozenset({"all"})), glossary) == []
