"""Run the scale benchmark and print ratios against references run in the same command.

    python benchmarks/run.py [--segments 1000000] [--workdir /tmp/termguard-bench] [--repeat 3]

Measures (wall time and peak resident memory of whole processes, median of --repeat runs):

- termguard check (the issue's command: default ``--jobs auto``, one process per core)
  vs ``LC_ALL=C grep -F -i -o -f RENDERINGS CORPUS`` (same hits);
- glossary growth: 100 vs 50,000 entries on the same corpus;
- corpus growth: half the corpus vs the whole;
- ``--jobs 2`` vs ``--jobs 1``;
- glossary start-up: load + compile the shipped glossary, in-process.

These machines are noisy, so every figure that matters is a ratio of two runs made
back to back here; the absolute times are printed for context only.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def timed(command: list[str], repeat: int, stdout: Path | None = None) -> tuple[float, int]:
    """Median wall seconds and max peak RSS (KiB) of a command, via /usr/bin/time, after
    one untimed warm-up run (it fills the glossary cache and the page cache)."""
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    times, peaks = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        out = stdout.open("wb") if stdout else subprocess.DEVNULL
        result = subprocess.run(["/usr/bin/time", "-f", "%M", *command], stdout=out, stderr=subprocess.PIPE, check=False)
        times.append(time.perf_counter() - start)
        if stdout:
            out.close()
        if result.returncode not in (0, 1):
            sys.exit(f"failed: {' '.join(command)}\n{result.stderr.decode()[-2000:]}")
        peaks.append(int(result.stderr.decode().strip().splitlines()[-1]))
    return statistics.median(times), max(peaks)


def generate(workdir: Path, segments: int, entries: int) -> Path:
    target = workdir / f"{segments}-{entries}"
    if not (target / "corpus.txt").exists():
        subprocess.run([sys.executable, str(HERE / "generate.py"), str(target),
                        "--segments", str(segments), "--entries", str(entries)], check=True)  # fmt: skip
    return target


def glossary_file(folder: Path) -> str:
    """The TBX export of the generated glossary when TBX import is available, else the TOML."""
    tbx = folder / "glossary.tbx"
    if not tbx.exists():
        export = subprocess.run(["termguard", "glossary", "export", "--to", "tbx", "-o", str(tbx),
                                 str(folder / "glossary.toml")], capture_output=True, check=False)  # fmt: skip
        if export.returncode != 0:
            return str(folder / "glossary.toml")
    return str(tbx)


def termguard(corpus: Path, glossary: str, jobs: int | None = None) -> list[str]:
    """The issue's command (default ``--jobs auto``), or with ``--jobs N``."""
    command = ["termguard", "check", str(corpus), "--glossary", glossary, "--no-default-glossary",
               "--format", "json", "--quiet", "--fail-on", "never"]  # fmt: skip
    return command + (["--jobs", str(jobs)] if jobs else [])


def startup_seconds(repeat: int) -> float:
    code = ("import time; t=time.perf_counter(); import termguard; from termguard.matching import TermMatcher;"
            "g=termguard.load_glossary(); TermMatcher(g.entries); print(time.perf_counter()-t)")  # fmt: skip
    subprocess.run([sys.executable, "-c", code], capture_output=True, check=True)  # warm the cache
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
            for _ in range(repeat)]  # fmt: skip
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--segments", type=int, default=1_000_000)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/termguard-bench"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not shutil.which("termguard"):
        sys.exit("install termguard first: pip install -e .")
    base = generate(args.workdir, args.segments, 10_000)
    corpus = base / "corpus.txt"
    gloss = glossary_file(base)
    rows: list[tuple[str, str, str]] = []

    grep_time, grep_mem = timed(["sh", "-c", f"LC_ALL=C grep -F -i -o -f {base / 'renderings.txt'} {corpus}"],
                                args.repeat, base / "grep.out")  # fmt: skip
    tg_time, tg_mem = timed(termguard(corpus, gloss), args.repeat, base / "termguard.json")
    grep_hits = sum(1 for _ in (base / "grep.out").open())
    report = json.loads((base / "termguard.json").read_text("utf-8"))
    tg_hits = sum(1 for f in report["findings"] if f["rule"] == "forbidden-rendering")
    rows.append(("check vs grep -F -i -o (target <= 2.0)", f"{tg_time / grep_time:.2f}x",
                 f"termguard {tg_time:.1f}s / grep {grep_time:.1f}s; forbidden-rendering hits {tg_hits}, grep hits {grep_hits}"))  # fmt: skip

    jobs1_time, jobs1_mem = timed(termguard(corpus, gloss, jobs=1), args.repeat)
    jobs2_time, jobs2_mem = timed(termguard(corpus, gloss, jobs=2), args.repeat)
    rows.append(("--jobs 1 / --jobs 2 (target >= 1.7)", f"{jobs1_time / jobs2_time:.2f}x",
                 f"{jobs1_time:.1f}s / {jobs2_time:.1f}s on {os.cpu_count()} cores"))  # fmt: skip
    rows.append(("peak memory, 1 job (target < 500 MB)", f"{jobs1_mem / 1024:.0f} MB",
                 f"default (auto) run: {tg_mem / 1024:.0f} MB (parent)"))  # fmt: skip

    small = generate(args.workdir, 1, 100)
    large = generate(args.workdir, 1, 50_000)
    small_time, _ = timed(termguard(corpus, glossary_file(small)), args.repeat)
    large_time, _ = timed(termguard(corpus, glossary_file(large)), args.repeat)
    rows.append(("glossary 100 -> 50,000 entries (target <= 1.3)", f"{large_time / small_time:.2f}x",
                 f"{small_time:.1f}s -> {large_time:.1f}s"))  # fmt: skip

    half = base / "half.txt"
    if not half.exists():
        with corpus.open("rb") as source, half.open("wb") as out:
            for number, line in enumerate(source):
                if number >= args.segments // 2:
                    break
                out.write(line)
    half_time, _ = timed(termguard(half, gloss), args.repeat)
    rows.append(("corpus x2 (target <= 2.1)", f"{tg_time / half_time:.2f}x", f"{half_time:.1f}s -> {tg_time:.1f}s"))

    rows.append(("shipped glossary start-up, warm cache (target < 200 ms)", f"{startup_seconds(args.repeat) * 1000:.0f} ms", ""))

    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'result':>9}  detail")
    for name, result, detail in rows:
        print(f"{name:<{width}}  {result:>9}  {detail}")


if __name__ == "__main__":
    main()
