"""Fixtures for the review UI: a copy of the sample, its findings, a state over a temp review file."""

from __future__ import annotations

import shutil

import pytest

from termguard.checks import select
from termguard.review import ReviewStore
from termguard.review.session import ReviewSession
from termguard.tui.state import ReviewState
from tests.conftest import ROOT, SAMPLE


@pytest.fixture
def sample(tmp_path):
    path = tmp_path / "sample.en.txt"
    shutil.copy(SAMPLE, path)
    return path


@pytest.fixture
def glossary_copy(tmp_path):
    """A writable copy of the shipped glossary file (add-to-glossary writes here)."""
    path = tmp_path / "burden-reduction.toml"
    shutil.copy(ROOT / "glossary" / "burden-reduction.toml", path)
    return path


@pytest.fixture
def session(sample, glossary_copy):
    return ReviewSession([str(sample)], select(), [str(glossary_copy)], default_glossary=False)


@pytest.fixture
def review_path(tmp_path):
    return tmp_path / "sample.en.txt.review.json"


@pytest.fixture
def state(session, review_path):
    return ReviewState(session.findings(), ReviewStore.load(review_path, ["sample.en.txt"]), reviewer="tester")
