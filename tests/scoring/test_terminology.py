"""Terminology metrics on small hand-computed fixtures, edge cases included."""

from __future__ import annotations

import pytest
from sacrebleu.metrics import TER

from termguard.scoring.terminology import (
    Consistency,
    ExactMatchAccuracy,
    ForbiddenRate,
    TermCorpus,
    TermWeightedTER,
    WindowOverlap,
    term_scores,
)  # fmt: skip
from termguard.termbase import Entry, Glossary

GLOSSARY = Glossary([
    Entry("wenshan-huihai", ("文山会海",), ("excessive documents and meetings",),
          ("Wenshan Huihai", "cultural mountain meeting sea")),
    Entry("produce-excessive", ("搞文山会海",), ("produce excessive documents and meetings",)),
    Entry("one-size-fits-all", ("一刀切",), ("one-size-fits-all approach", "one-size-fits-all"),
          ("cut with one knife",)),
    Entry("formalism", ("形式主义",), ("formalism",)),
])  # fmt: skip


def score(metric, hyps, refs=None, srcs=None):
    return metric.corpus_score(TermCorpus(GLOSSARY, hyps, refs, srcs))


class TestExactMatch:
    def test_correct_and_wrong_terms(self):
        result = score(ExactMatchAccuracy(),
                       ["Stop excessive documents and meetings.", "Do not cut with one knife."],
                       srcs=["整治文山会海。", "不搞一刀切。"])  # fmt: skip
        assert result.score == 50.0
        assert result.counts == {"correct": 1, "total": 2}

    def test_any_approved_rendering_counts_with_normalisation(self):
        result = score(ExactMatchAccuracy(), ["A One-Size-Fits-All policy and Excessive Documents And Meetings"],
                       srcs=["一刀切和文山会海"])  # fmt: skip
        assert result.score == 100.0

    def test_repeated_term_needs_one_rendering_per_occurrence(self):
        hyp = ["Excessive documents and meetings: Wenshan Huihai again."]
        result = score(ExactMatchAccuracy(), hyp, srcs=["文山会海，还是文山会海。"])
        assert result.counts == {"correct": 1, "total": 2}

    def test_overlapping_terms_count_once_as_the_longer(self):
        # 搞文山会海 contains 文山会海: one term, the longer entry's.
        result = score(ExactMatchAccuracy(), ["Do not produce excessive documents and meetings."],
                       srcs=["不得搞文山会海。"])  # fmt: skip
        assert result.counts == {"correct": 1, "total": 1}
        wrong = score(ExactMatchAccuracy(), ["Do not hold excessive documents and meetings."], srcs=["不得搞文山会海。"])
        assert wrong.counts == {"correct": 0, "total": 1}

    def test_no_terms_gives_no_score(self):
        result = score(ExactMatchAccuracy(), ["Hello."], srcs=["你好。"])
        assert result.score is None
        assert result.reason == "no glossary terms in the source"

    def test_without_source_the_metric_says_why(self):
        result = score(ExactMatchAccuracy(), ["excessive documents and meetings"])
        assert result.score is None
        assert "source" in result.reason


class TestWindowOverlap:
    HYP = ["We must reduce Wenshan Huihai and excessive documents and meetings now."]
    REF = ["We must cut excessive documents and meetings and excessive documents and meetings now."]
    SRC = ["我们要减少文山会海，反对文山会海。"]

    def test_window_2_best_pair(self):
        # ref occurrence 1: [must, cut | and, excessive]; hyp: [huihai, and | now] -> 1/4
        # ref occurrence 2: [meetings, and | now] -> and, now: 2/3 (best, kept)
        assert score(WindowOverlap(2), self.HYP, self.REF, self.SRC).score == pytest.approx(200 / 3)

    def test_window_3(self):
        # ref 2: [and, meetings, and | now] vs hyp [wenshan, huihai, and | now] -> 2/4
        # ref 1: [we, must, cut | and, excessive, documents] -> 1/6
        assert score(WindowOverlap(3), self.HYP, self.REF, self.SRC).score == 50.0

    def test_term_missing_from_hypothesis_scores_zero_and_segments_without_terms_are_left_out(self):
        hyps = ["They cut with one knife here.", "Nothing to see."]
        refs = ["They take a one-size-fits-all approach here.", "Nothing to see."]
        result = score(WindowOverlap(2), hyps, refs, ["他们搞一刀切。", "没什么。"])
        assert result.score == 0.0
        assert result.counts == {"segments": 1}

    def test_identical_context_scores_100(self):
        text = ["Opposing formalism is a long task."]
        assert score(WindowOverlap(2), text, text, ["反对形式主义是长期任务。"]).score == 100.0

    def test_no_terms(self):
        assert score(WindowOverlap(2), ["a b"], ["a b"], ["没什么"]).score is None


class TestTermWeightedTER:
    def test_term_words_weigh_double(self):
        # ref: we cut [excessive documents and meetings]: 2 + 4 x 2 = 10 weighted words.
        # hyp "we cut wenshan huihai": 2 substitutions + 2 deletions, all term words: 8.
        result = score(TermWeightedTER(2), ["we cut wenshan huihai"], ["we cut excessive documents and meetings"],
                       ["我们减少文山会海"])  # fmt: skip
        assert result.score == 80.0
        assert result.counts == {"weighted_edits": 8.0, "weighted_ref_length": 10.0}
        assert TER().corpus_score(["we cut wenshan huihai"], [["we cut excessive documents and meetings"]]).score \
            == pytest.approx(400 / 6)  # fmt: skip

    def test_edits_outside_terms_weigh_one(self):
        # "they" for "we": one substitution of a non-term word; weighted length 10.
        result = score(TermWeightedTER(2), ["they cut excessive documents and meetings"],
                       ["we cut excessive documents and meetings"], ["我们减少文山会海"])  # fmt: skip
        assert result.score == 10.0

    def test_weight_one_is_sacrebleu_ter(self):
        from termguard.scoring.inputs import read_segments, targets
        from tests.conftest import FIXTURES

        data = FIXTURES / "scoring"
        hyps = targets(read_segments(str(data / "mt.en.txt")))
        refs = targets(read_segments(str(data / "reference.en.txt")))
        srcs = targets(read_segments(str(data / "source.zh.txt")))
        ours = score(TermWeightedTER(1), hyps, refs, srcs).score
        assert ours == pytest.approx(TER().corpus_score(hyps, [refs]).score)
        assert score(TermWeightedTER(2), hyps, refs, srcs).score > ours  # the term errors weigh more

    @pytest.mark.parametrize("hyp, ref", [
        ("c d e a b", "a b c d e"),  # one shift
        ("the the cat on mat sat", "the cat sat on the mat"),
        ("", "a b c"),
        ("x y z", ""),
    ])  # fmt: skip
    def test_weight_one_equals_sacrebleu_ter_with_shifts_and_empty_sides(self, hyp, ref):
        ours = score(TermWeightedTER(1), [hyp], [ref], ["形式主义"]).score
        assert ours == pytest.approx(TER().corpus_score([hyp], [[ref]]).score)


class TestConsistency:
    def test_share_of_repeated_terms_rendered_one_way(self):
        hyps = [
            "Excessive documents and meetings hurt; one-size-fits-all too.",
            "Wenshan Huihai again, and a one-size-fits-all rule.",
            "Cut excessive documents and meetings. Formalism.",
        ]
        srcs = ["文山会海有害；一刀切也是。", "又是文山会海，又一刀切。", "减少文山会海。形式主义。"]
        # 文山会海: 3 occurrences, 2 renderings -> inconsistent; 一刀切: same twice -> consistent;
        # 形式主义 occurs once and is not counted.
        result = score(Consistency(), hyps, srcs=srcs)
        assert result.score == 50.0
        assert result.counts == {"consistent": 1, "repeated_terms": 2}

    def test_case_differences_are_the_same_rendering_and_missing_ones_are_not(self):
        same = score(Consistency(), ["Formalism here.", "and formalism there."], srcs=["形式主义", "形式主义"])
        assert same.score == 100.0
        missing = score(Consistency(), ["Formalism here.", "and box-ticking there."], srcs=["形式主义", "形式主义"])
        assert missing.score == 0.0

    def test_no_repeated_terms(self):
        assert score(Consistency(), ["Formalism."], srcs=["形式主义"]).score is None


class TestForbiddenRate:
    def test_per_thousand_words(self):
        hyps = ["Wenshan Huihai and cut with one knife are wrong here.", "ten more words " * 3 + "in this line"]
        # 2 forbidden renderings in 10 + 12 words.
        result = score(ForbiddenRate(), hyps)
        assert result.counts == {"forbidden": 2, "words": 22}
        assert result.score == pytest.approx(2000 / 22)

    def test_clean_text_and_no_source_needed(self):
        assert score(ForbiddenRate(), ["Excessive documents and meetings."]).score == 0.0


def test_every_metric_has_a_signature_naming_its_settings():
    scores = term_scores(GLOSSARY, ["formalism"], ["formalism"], ["形式主义"])
    signatures = {s.id: s.signature for s in scores}
    assert len(signatures) == 6
    assert signatures["term-ter"].startswith("metric:term-ter|weight:2|")
    assert "window:3" in signatures["window-overlap-3"]
    assert all("|gloss:4-" in s and "|version:" in s for s in signatures.values())
