"""inconsistent-rendering: spelling variants of one rendering within a document."""

from __future__ import annotations

from termguard.checks.consistency import InconsistentRendering
from termguard.checks.context import CheckContext
from termguard.model import Origin, Segment
from termguard.termbase import Entry, Glossary


def segments(*texts: str) -> list[Segment]:
    return [Segment(f"s{i}", t, Origin("doc.txt", i + 1)) for i, t in enumerate(texts)]


def glossary(**fields) -> Glossary:
    base = {"id": "grassroots", "source": ("基层",), "approved": ("grass-roots",), "references": ("x",)}
    base.update(fields)
    return Glossary([Entry(**base)])


def run(gloss: Glossary, *texts: str) -> list[tuple[str, tuple[str, ...]]]:
    found = InconsistentRendering().check_document(segments(*texts), CheckContext(gloss))
    return [(f.matched, f.suggestions) for f in found]


def test_minority_spellings_are_flagged_with_the_majority_form():
    result = run(glossary(), "the grass-roots level", "grass-roots officials", "the grassroots level", "Grass roots matter")
    assert result == [("grassroots", ("grass-roots",)), ("Grass roots", ("Grass-roots",))]


def test_one_spelling_throughout_is_clean():
    assert run(glossary(), "the grass-roots level", "Grass-roots officials") == []


def test_case_inside_a_title_counts():
    gloss = glossary(id="gs", approved=("General Secretary",), tags=("title",))
    assert run(gloss, "General Secretary Xi", "General Secretary Xi", "the general secretary") == [
        ("general secretary", ("General Secretary",))
    ]


def test_case_alone_does_not_count_for_ordinary_terms():
    gloss = glossary(id="people", approved=("the people",))
    assert run(gloss, "serve the people", "THE PEOPLE rejoiced") == []


def test_a_rendering_inside_a_longer_term_is_not_counted():
    gloss = Glossary([
        Entry("people", ("人民",), ("the people",), references=("x",)),
        Entry("prc", ("中华人民共和国",), ("the People's Republic of China",), references=("x",)),
    ])  # fmt: skip
    found = InconsistentRendering().check_document(
        segments("serve the people", "the People's Republic of China"), CheckContext(gloss)
    )
    assert list(found) == []


def test_two_different_approved_renderings_are_both_fine():
    gloss = glossary(id="cc", approved=("CPC Central Committee", "Central Committee of the CPC"))
    assert run(gloss, "the CPC Central Committee said", "the Central Committee of the CPC said") == []
