"""The pre-commit hooks in ``.pre-commit-hooks.yaml``.

The fast tests validate the manifest with pre-commit's own schema and run the hook the
way pre-commit does (entry + the staged files its ``files`` pattern selects) in a
temporary repository. ``pre-commit try-repo`` itself builds a virtualenv and installs
termguard's dependencies from PyPI (43 s on an idle machine, 97 s under load), so it runs only
with TERMGUARD_SLOW_TESTS=1.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from pre_commit.clientlib import load_manifest

from tests.conftest import ROOT

MANIFEST = ROOT / ".pre-commit-hooks.yaml"
BAD = "They studied the Gongzuo Zuofeng of cadres.\n"
GOOD = "Xi Jinping visited Chongqing.\n"


@pytest.fixture(scope="module")
def hooks() -> dict[str, dict]:
    return {hook["id"]: hook for hook in load_manifest(str(MANIFEST))}


def test_manifest_defines_both_hooks(hooks):
    assert set(hooks) == {"termguard-check", "termguard-glossary-lint"}
    assert hooks["termguard-glossary-lint"]["entry"] == "termguard glossary lint"
    assert hooks["termguard-glossary-lint"]["pass_filenames"] is False
    pattern = re.compile(hooks["termguard-check"]["files"])
    chosen = ["a.po", "b.pot", "c.xlf", "d.xliff", "e.tmx", "f.txt", "g/h.md"]
    assert all(pattern.search(name) for name in chosen)
    assert not any(pattern.search(name) for name in ["setup.py", "glossary.toml", "x.mdx", "po.json"])


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                          cwd=repo, check=True, capture_output=True, text=True)  # fmt: skip
    return done.stdout


def run_hook(hook: dict, repo: Path) -> subprocess.CompletedProcess[str]:
    """What pre-commit runs: the entry with the staged files that match ``files``."""
    staged = git(repo, "diff", "--cached", "--name-only").split()
    files = [name for name in staged if re.search(hook["files"], name)]
    program, *arguments = shlex.split(hook["entry"])
    assert program == "termguard"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "tool")}
    command = [sys.executable, "-m", "termguard", *arguments, *hook["args"], *files]
    return subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=120)


def test_check_hook_fails_a_commit_with_a_term_error_and_passes_a_clean_one(hooks, tmp_path):
    git(tmp_path, "init", "-q")
    (tmp_path / "notes.md").write_text(BAD, "utf-8")
    (tmp_path / "script.py").write_text("print('Gongzuo Zuofeng')\n", "utf-8")
    git(tmp_path, "add", ".")
    failed = run_hook(hooks["termguard-check"], tmp_path)
    assert failed.returncode == 1
    assert failed.stdout.startswith("notes.md:1:18: warning[pinyin] 'Gongzuo Zuofeng'")
    assert "script.py" not in failed.stdout

    (tmp_path / "notes.md").write_text(GOOD, "utf-8")
    git(tmp_path, "add", ".")
    passed = run_hook(hooks["termguard-check"], tmp_path)
    assert (passed.returncode, passed.stderr) == (0, "")


@pytest.mark.skipif(not os.environ.get("TERMGUARD_SLOW_TESTS"), reason="installs from PyPI (45-100 s); set TERMGUARD_SLOW_TESTS=1")
def test_pre_commit_try_repo_runs_the_hook(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / "notes.md").write_text(BAD, "utf-8")
    git(repo, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "termguard-check", "--all-files"]
    done = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "notes.md:1:18: warning[pinyin] 'Gongzuo Zuofeng'" in done.stdout
