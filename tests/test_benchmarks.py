"""The benchmark workload is what the runner's ratios claim it is."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from termguard.checks import CheckContext, select
from termguard.engine import check_document
from termguard.formats import read_document
from termguard.termbase import load_glossary

GENERATE = Path(__file__).resolve().parents[1] / "benchmarks" / "generate.py"


def _generate(folder: Path, *options: str) -> Path:
    subprocess.run([sys.executable, str(GENERATE), str(folder), "--segments", "4000", *options], check=True)
    return folder


@pytest.fixture(scope="module")
def workloads(tmp_path_factory):
    root = tmp_path_factory.mktemp("bench")
    return {
        "base": _generate(root / "base", "--entries", "300"),
        "small": _generate(root / "small", "--entries", "20"),
        "sparse": _generate(root / "sparse", "--entries", "20", "--absent", "500"),
    }


def _forbidden_hits(corpus: Path, glossary: Path) -> list[tuple[int, str]]:
    context = CheckContext(load_glossary([str(glossary)], default=False))
    findings = check_document(read_document(str(corpus)).segments, context, select(only=["forbidden-rendering"]))
    return [(f.line, f.matched) for f in findings]


def test_the_same_seed_gives_the_same_first_renderings(workloads):
    base = (workloads["base"] / "renderings.txt").read_text().splitlines()
    small = (workloads["small"] / "renderings.txt").read_text().splitlines()
    assert small == base[:20]
    assert (workloads["small"] / "corpus.txt").read_bytes() != (workloads["base"] / "corpus.txt").read_bytes()


def test_absent_entries_grow_the_glossary_but_not_the_hits(workloads):
    sparse = workloads["sparse"] / "glossary.toml"
    assert len(load_glossary([str(sparse)], default=False).entries) == 520
    corpus = workloads["base"] / "corpus.txt"
    hits = _forbidden_hits(corpus, sparse)
    assert hits and hits == _forbidden_hits(corpus, workloads["small"] / "glossary.toml")
    assert len(_forbidden_hits(corpus, workloads["base"] / "glossary.toml")) > len(hits)
