"""Shared fixtures: the project paths, the shipped glossary, the shared reference data."""

from __future__ import annotations

from pathlib import Path

import pytest

from termguard.termbase import Glossary, load_glossary

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "burden-reduction.en.txt"
FIXTURES = Path(__file__).parent / "fixtures"
# Beside the project, or beside the folder of git worktrees (``wt/NAME``).
SHARED_DATA = next((p for p in (ROOT.parent / "shared" / "data", ROOT.parents[1] / "shared" / "data") if p.is_dir()),
                   ROOT.parent / "shared" / "data")  # fmt: skip


@pytest.fixture(scope="session")
def glossary() -> Glossary:
    return load_glossary()


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"reference data not present at {SHARED_DATA} (a clone outside the workplace)")
    return SHARED_DATA
