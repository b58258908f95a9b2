"""Shared fixtures: the project paths, the shipped glossary, the shared reference data."""

from __future__ import annotations

from pathlib import Path

import pytest

from termguard.termbase import Glossary, load_glossary

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "burden-reduction.en.txt"
FIXTURES = Path(__file__).parent / "fixtures"
# ../shared/data beside the checkout, or beside a folder above it (git worktrees live deeper).
SHARED_DATA = next(
    (folder / "shared" / "data" for folder in ROOT.parents if (folder / "shared" / "data").is_dir()),
    ROOT.parent / "shared" / "data",
)


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory):
    """Tests (and the commands they start) keep their glossary caches to themselves:
    the user's cache is neither read nor pruned."""
    patch = pytest.MonkeyPatch()
    patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    yield
    patch.undo()


@pytest.fixture(scope="session")
def glossary() -> Glossary:
    return load_glossary()


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"reference data not present at {SHARED_DATA} (a clone outside the workplace)")
    return SHARED_DATA
