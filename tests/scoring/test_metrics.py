"""Corpus scores equal the sacrebleu command line's; sentence chrF is worst first."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from sacrebleu.metrics import CHRF

from termguard.scoring.inputs import read_segments, targets
from termguard.scoring.metrics import corpus_scores, paired_comparison, sentence_chrf
from tests.conftest import FIXTURES

DATA = FIXTURES / "scoring"


def sacrebleu_cli(ref: str, hyp: str) -> list[dict]:
    """The sacrebleu command line's JSON output: name, score (4 decimals), signature."""
    command = [sys.executable, "-m", "sacrebleu", ref, "-i", hyp, "-m", "bleu", "chrf", "ter",
               "--chrf-word-order", "2", "-w", "4"]  # fmt: skip
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return json.loads(output)


@pytest.mark.parametrize("hyp", ["mt.en.txt", "mt-b.en.txt"])
def test_corpus_scores_equal_the_sacrebleu_command_line(hyp):
    ref = str(DATA / "reference.en.txt")
    ours = corpus_scores(targets(read_segments(str(DATA / hyp))), targets(read_segments(ref)))
    assert [s.name for s in ours] == ["BLEU", "chrF++", "TER"]
    cli = sacrebleu_cli(ref, str(DATA / hyp))
    assert [round(s.score, 4) for s in ours] == [r["score"] for r in cli]
    assert [s.signature for s in ours] == [r["signature"] for r in cli]


def test_blank_lines_and_trailing_spaces_are_read_as_sacrebleu_reads_them(tmp_path):
    ref = tmp_path / "ref.txt"
    hyp = tmp_path / "hyp.txt"
    ref.write_text("The cat sat on the mat.\n\nA second line here.\r\nLast one\n", encoding="utf-8")
    hyp.write_text("The cat sat on a mat.  \nsomething\nA second line.\r\nLast one", encoding="utf-8")
    ours = corpus_scores(targets(read_segments(str(hyp))), targets(read_segments(str(ref))))
    assert len(read_segments(str(hyp))) == 4
    assert [round(s.score, 4) for s in ours] == [r["score"] for r in sacrebleu_cli(str(ref), str(hyp))]


def test_signatures_are_sacrebleus():
    scores = corpus_scores(["a b c d"], ["a b c e"])
    signatures = {s.name: s.signature for s in scores}
    assert signatures["BLEU"].startswith("nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:")
    assert "nc:6|nw:2" in signatures["chrF++"]
    assert "tok:tercom" in signatures["TER"]


def test_confidence_interval_from_bootstrap():
    hyps = targets(read_segments(str(DATA / "mt.en.txt")))
    refs = targets(read_segments(str(DATA / "reference.en.txt")))
    scores = corpus_scores(hyps, refs, n_bootstrap=50)
    for score in scores:
        assert score.ci is not None and score.ci > 0
        assert "bs:50|seed:12345" in score.signature
    assert corpus_scores(hyps, refs)[0].ci is None


def test_sentence_chrf_worst_first():
    hyps = ["completely different words", "the cat sat on the mat", "the cat sat"]
    refs = ["the cat sat on the mat"] * 3
    scores, signature = sentence_chrf(hyps, refs)
    assert [s.index for s in scores] == [0, 2, 1]
    assert scores[-1].score == 100.0
    assert scores[1].score == CHRF().sentence_score(hyps[2], [refs[2]]).score
    assert "nw:0" in signature


def test_paired_bootstrap_gives_a_p_value_against_the_baseline():
    refs = targets(read_segments(str(DATA / "reference.en.txt")))
    a = targets(read_segments(str(DATA / "mt.en.txt")))
    b = targets(read_segments(str(DATA / "mt-b.en.txt")))
    result = paired_comparison([("a", a), ("b", b)], refs, n_samples=100)
    assert [s.p_value for s in result["a"]] == [None, None, None]
    assert all(s.p_value is not None and s.p_value < 0.05 for s in result["b"])
    assert round(result["a"][0].score, 4) == round(corpus_scores(a, refs)[0].score, 4)
