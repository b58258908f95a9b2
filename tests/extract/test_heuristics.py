"""Each extraction heuristic on positive and negative examples of real-looking text."""

from __future__ import annotations

import pytest

from termguard.checks.context import CheckContext
from termguard.extract import extract, find_hits
from termguard.model import Origin, Segment
from termguard.termbase import Glossary


def segments(*texts: str, sources: tuple[str, ...] | None = None) -> list[Segment]:
    return [
        Segment(str(i), text, Origin("t.txt", i + 1, offset=i * 1000), source=sources[i] if sources else None)
        for i, text in enumerate(texts)
    ]


def kinds_found(text: str, kind: str, glossary: Glossary | None = None, source: str | None = None) -> list[str]:
    context = CheckContext(glossary or Glossary())
    segs = segments(text, sources=(source,) if source else None)
    return [h.text for h in find_hits(segs, context, [kind])]


@pytest.mark.parametrize(("text", "expected"), [
    ('focusing on key groups such as "one old and one young", the community', "one old and one young"),
    ('the city promoted "two learning one doing" in all units', "two learning one doing"),
    ('with the help of "one meter connected" intelligent reports', "one meter connected"),
])  # fmt: skip
def test_number_formula_finds_word_for_word_slogans(text, expected):
    assert expected in kinds_found(text, "number-formula")


@pytest.mark.parametrize("text", [
    'carried out the "four reductions" action in Shanghai',
    "the Three Stricts and Three Earnests campaign",
    "the three stricts and three earnests education",
    "the Two Studies, One Action education campaign",
    "one or two days later, one by one, two or three officials",
    "one hundred thousand people attended",
])  # fmt: skip
def test_number_formula_spares_official_formulas_and_ordinary_counts(text):
    assert kinds_found(text, "number-formula") == []


def test_parallel_structure_finds_couplets_but_not_ordinary_coordination():
    assert kinds_found("A thousand threads on the top and a needle on the bottom.", "parallel-structure")
    for text in (
        "reducing the burden on the grass-roots level and improving the efficiency of grass-roots governance",
        "supervision, inspection and assessment",
        "the rights and responsibilities of the grassroots",
    ):
        assert kinds_found(text, "parallel-structure") == [], text


def test_title_case_finds_slogans_not_bodies_or_documents():
    slogan = 'in the section of "Deepening Load Reduction and Efficiency Increase" that we should'
    assert kinds_found(slogan, "title-case") == ["Deepening Load Reduction and Efficiency Increase"]
    for text in (
        "chairman of the Central Military Commission, met the Political Bureau of the CPC Central Committee",
        "the newly revised Regulations on Disciplinary Measures of the Communist Party of China include",
        "from the Notice on Solving the Prominent Problems of Formalism, which proposed",
        "a reporter from Xinhua News Agency",
        "Xi Jinping inspected Minzhu Village, Xiejiawan Street, Jiulongpo District",
    ):
        assert kinds_found(text, "title-case") == [], text


def test_split_compound_finds_closed_compounds_only():
    assert kinds_found('rectification of "finger tip formalism"', "split-compound") == ["finger tip"]
    assert kinds_found("every day, any one of them, high-quality development", "split-compound") == []


def test_romanised_spares_names_in_the_gazetteer_and_people(glossary):
    assert kinds_found("Promote Jiceng Jianfu everywhere.", "romanised", glossary) == ["Jiceng Jianfu"]
    text = "Xi Jinping visited Minzhu Village in Jiulongpo District, Chongqing, with Peng Xiaoling."
    assert kinds_found(text, "romanised", glossary) == []


def test_quoted_phrase_alone_is_weak_evidence():
    context = CheckContext(Glossary())
    candidates = extract(segments('the "last mile" of implementation'), context)
    assert [c.kind for c in candidates] == ["quoted-phrase"]
    assert candidates[0].score < 0.5


def test_literal_calque_against_the_source():
    found = kinds_found(
        "free grass-roots cadres from cultural mountain meeting sea and red tape",
        "literal-calque", source="让基层干部从文山会海中解脱出来",
    )
    assert found == ["cultural mountain meeting sea"]
    context = CheckContext(Glossary())
    hit = find_hits(segments("from cultural mountain meeting sea", sources=("从文山会海中",)), context, ["literal-calque"])[0]
    assert hit.source == "文山会海" and "mountain of paperwork" in (hit.suggestion or "")


@pytest.mark.parametrize(("source", "target"), [
    ("要树立正确政绩观。", "We should establish a correct view of political achievements."),
    ("推动高质量发展。", "Promote high-quality development."),
    ("中央军事委员会主席", "Chairman of the Central Military Commission"),
    ("中共中央政治局", "Political Bureau of the CPC Central Committee"),
])  # fmt: skip
def test_literal_calque_spares_dictionary_renderings(source, target):
    assert kinds_found(target, "literal-calque", source=source) == []


def test_bilingual_pairs_and_variant_renderings():
    sources = ("加强党的作风建设。", "作风建设永远在路上。", "推进作风建设常态化。", "改进工作作风建设。")
    targets = (
        "Strengthen the Party's conduct improvement.",
        "Conduct improvement is always on the way.",
        "Make conduct improvement a regular practice.",
        "Improve the style building of work.",
    )
    context = CheckContext(Glossary())
    candidates = extract(segments(*targets, sources=sources), context, ["bilingual-pair", "variant-rendering"])
    pairs = {(c.kind, c.source, c.text.casefold()) for c in candidates}
    assert ("bilingual-pair", "作风", "conduct improvement") in pairs  # jieba: 作风 / 建设
    variants = {c.text.casefold() for c in candidates if c.kind == "variant-rendering" and c.source == "建设"}
    assert variants == {"conduct improvement", "improve the style building"}


def test_termhood_ranks_recurring_phrases_but_makes_no_note():
    texts = ["The burden reduction work matters.", "We push burden reduction work.", "The burden reduction work goes on."]
    candidates = extract(segments(*texts), CheckContext(Glossary()), ["termhood"])
    assert candidates[0].text.casefold() == "burden reduction work"
    assert all(c.score < 0.5 for c in candidates)


def test_glossary_renderings_are_not_candidates(glossary):
    text = 'rectify "formalism and bureaucracy" and Wenshan Huihai'
    assert extract(segments(text), CheckContext(glossary)) == []


def test_ranking_is_deterministic():
    texts = ['"one old and one young"', '"two learning one doing"', "Jingwen Jianhui", '"one window accepts"'] * 2
    first = [(c.kind, c.text, c.score) for c in extract(segments(*texts), CheckContext(Glossary()))]
    again = [(c.kind, c.text, c.score) for c in extract(segments(*reversed(texts)), CheckContext(Glossary()))]
    assert first == again
    assert [c[1] for c in first if c[2] == first[0][2]] == sorted(c[1] for c in first if c[2] == first[0][2])
