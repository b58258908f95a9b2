"""Kill ``termguard review`` with SIGKILL mid-session: every decision made is in the review file."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import signal
import struct
import subprocess
import sys
import termios
import threading
import time

import pytest

from tests.conftest import ROOT, SAMPLE

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")


class Terminal:
    """A child process on a pseudo-terminal, its output collected by a thread."""

    def __init__(self, args: list[str], cwd, env: dict[str, str]) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 36, 120, 0, 0))
        self.process = subprocess.Popen(args, cwd=cwd, env=env, stdin=slave, stdout=slave, stderr=slave,
                                        start_new_session=True)  # fmt: skip
        os.close(slave)
        self.output = bytearray()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self.master, 65536)
            except OSError:
                return
            if not data:
                return
            self.output.extend(data)

    def send(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)
        os.close(self.master)


def wait_for(condition, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.05)


def decisions(path) -> list[dict]:
    if not path.exists():
        return []
    return json.loads(path.read_text(encoding="utf-8"))["decisions"]


def test_sigkill_loses_no_decision(tmp_path):
    sample = tmp_path / "sample.en.txt"
    shutil.copy(SAMPLE, sample)
    original = sample.read_bytes()
    review = tmp_path / "sample.en.txt.review.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "tool"), "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "36"}
    terminal = Terminal([sys.executable, "-m", "termguard", "review", str(sample), "--reviewer", "kill-test"],
                        tmp_path, env)  # fmt: skip
    try:
        wait_for(lambda: b"decided" in terminal.output)
        terminal.send("x")  # reject the first finding
        wait_for(lambda: len(decisions(review)) == 1)
        terminal.send("\r")  # accept the first suggestion of the next one
        wait_for(lambda: len(decisions(review)) == 2)
        terminal.send("X")  # allow-list the third
        wait_for(lambda: len(decisions(review)) == 3)
    finally:
        terminal.kill()
    assert terminal.process.returncode == -signal.SIGKILL
    data = json.loads(review.read_text(encoding="utf-8"))
    assert [d["decision"] for d in data["decisions"]] == ["rejected", "accepted", "rejected"]
    assert {d["reviewer"] for d in data["decisions"]} == {"kill-test"}
    assert len(data["allow"]) == 1
    assert sample.read_bytes() == original, "review never modifies the input"
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")], "no temporary file left behind"
