"""Run the scale benchmark and print ratios against references run in the same command.

    python benchmarks/run.py [--segments 1000000] [--workdir /tmp/termguard-bench] [--repeat 3]

Measures (wall time and peak resident memory of whole processes):

- termguard check (the issue's command: default ``--jobs auto``, one process per core)
  vs ``LC_ALL=C grep -F -i -o -f RENDERINGS CORPUS`` (same hits);
- glossary growth: 100 vs 50,000 entries on the same corpus, twice: with the first
  50,000 renderings the corpus was made from (five times the hits: findings grow with
  the glossary), and with 49,900 entries that never occur added to the 100 (same hits:
  the cost of the glossary's size alone); and each glossary on a corpus of its own made
  as the issue's workload is (~1 hit per 20 segments: the same number of hits, spread
  over 100 or 50,000 terms);
- corpus growth: half the corpus vs the whole;
- ``--jobs 2`` vs ``--jobs 1``;
- glossary start-up: load + compile the shipped glossary, in-process.

These machines are noisy (the same command can take 12 s or 20 s ten minutes apart),
so every command runs once untimed, then ``--repeat`` rounds run every command back to
back; each ratio is computed within a round, and the median over rounds is printed.
The absolute times (medians) are printed for context only.
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


def timed(command: list[str], stdout: Path | None = None) -> tuple[float, int, float]:
    """Wall seconds, peak RSS (KiB) and CPU seconds (user + system, worker processes
    included) of one run of a command, via /usr/bin/time."""
    start = time.perf_counter()
    out = stdout.open("wb") if stdout else subprocess.DEVNULL
    result = subprocess.run(["/usr/bin/time", "-f", "%M %U %S", *command], stdout=out, stderr=subprocess.PIPE,
                            check=False)  # fmt: skip
    seconds = time.perf_counter() - start
    if stdout:
        out.close()
    if result.returncode not in (0, 1):
        sys.exit(f"failed: {' '.join(command)}\n{result.stderr.decode()[-2000:]}")
    peak, user, system = result.stderr.decode().strip().splitlines()[-1].split()
    return seconds, int(peak), float(user) + float(system)


def rounds(
    commands: dict[str, list[str]], repeat: int, outputs: dict[str, Path]
) -> dict[str, list[tuple[float, int, float]]]:
    """Every command once untimed (caches), then ``repeat`` interleaved timed rounds."""
    for command in commands.values():
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    results: dict[str, list[tuple[float, int, float]]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            results[name].append(timed(command, outputs.get(name)))
    return results


def generate(workdir: Path, segments: int, entries: int, absent: int = 0) -> Path:
    target = workdir / (f"{segments}-{entries}" + (f"+{absent}" if absent else ""))
    if not (target / "corpus.txt").exists():
        subprocess.run([sys.executable, str(HERE / "generate.py"), str(target), "--segments", str(segments),
                        "--entries", str(entries), "--absent", str(absent)], check=True)  # fmt: skip
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
            "g=termguard.load_glossary(); TermMatcher(g.entries, g.digest).compile(); print(time.perf_counter()-t)")  # fmt: skip
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
    half = base / "half.txt"
    if not half.exists():
        with corpus.open("rb") as source, half.open("wb") as out:
            for number, line in enumerate(source):
                if number >= args.segments // 2:
                    break
                out.write(line)
    small, large = generate(args.workdir, 1, 100), generate(args.workdir, 1, 50_000)
    sparse = generate(args.workdir, 1, 100, absent=49_900)
    own100, own50k = generate(args.workdir, args.segments, 100), generate(args.workdir, args.segments, 50_000)
    commands = {
        "grep": ["sh", "-c", f"LC_ALL=C grep -F -i -o -f {base / 'renderings.txt'} {corpus}"],
        "check": termguard(corpus, gloss),
        "jobs1": termguard(corpus, gloss, jobs=1),
        "jobs2": termguard(corpus, gloss, jobs=2),
        "glossary100": termguard(corpus, glossary_file(small)),
        "glossary50k": termguard(corpus, glossary_file(large)),
        "glossary50k-same-hits": termguard(corpus, glossary_file(sparse)),
        "own100": termguard(own100 / "corpus.txt", glossary_file(own100)),
        "own50k": termguard(own50k / "corpus.txt", glossary_file(own50k)),
        "half": termguard(half, gloss),
    }
    outputs = {"grep": base / "grep.out", "check": base / "termguard.json"}
    outputs |= {name: args.workdir / f"{name}.json"
                for name in ("glossary100", "glossary50k", "glossary50k-same-hits", "own100", "own50k")}  # fmt: skip
    runs = rounds(commands, args.repeat, outputs)
    seconds = {name: statistics.median(t for t, _, _ in found) for name, found in runs.items()}
    peak = {name: max(m for _, m, _ in found) for name, found in runs.items()}

    def ratio(numerator: str, denominator: str, field: int = 0) -> str:
        per_round = [a[field] / b[field] for a, b in zip(runs[numerator], runs[denominator])]
        return f"{statistics.median(per_round):.2f}x"

    def cpu(numerator: str, denominator: str) -> str:
        """The same ratio in CPU time (on this machine about as noisy as wall time: the
        noise is in how fast the CPU runs, not in waiting)."""
        return f"; CPU {ratio(numerator, denominator, 2)}"

    def findings(name: str) -> int:
        return len(json.loads(outputs[name].read_text("utf-8"))["findings"])

    grep_hits = sum(1 for _ in (base / "grep.out").open())
    report = json.loads((base / "termguard.json").read_text("utf-8"))
    tg_hits = sum(1 for f in report["findings"] if f["rule"] == "forbidden-rendering")
    rows: list[tuple[str, str, str]] = [
        ("check vs grep -F -i -o (target <= 2.0)", ratio("check", "grep"),
         f"termguard {seconds['check']:.1f}s / grep {seconds['grep']:.1f}s; "
         f"forbidden-rendering hits {tg_hits}, grep hits {grep_hits}"),
        ("--jobs 1 / --jobs 2 (target >= 1.7)", ratio("jobs1", "jobs2"),
         f"{seconds['jobs1']:.1f}s / {seconds['jobs2']:.1f}s on {os.cpu_count()} cores"),
        ("peak memory, 1 job (target < 500 MB)", f"{peak['jobs1'] / 1024:.0f} MB",
         f"default (auto) run: {peak['check'] / 1024:.0f} MB (parent)"),
        ("glossary 100 -> 50,000 entries (target <= 1.3)", ratio("glossary50k", "glossary100"),
         f"{seconds['glossary100']:.1f}s -> {seconds['glossary50k']:.1f}s; "
         f"findings {findings('glossary100')} -> {findings('glossary50k')}" + cpu("glossary50k", "glossary100")),
        ("  same hits: 100 + 49,900 absent entries", ratio("glossary50k-same-hits", "glossary100"),
         f"{seconds['glossary100']:.1f}s -> {seconds['glossary50k-same-hits']:.1f}s; "
         f"findings {findings('glossary100')} -> {findings('glossary50k-same-hits')}"
         + cpu("glossary50k-same-hits", "glossary100")),
        ("  each on its own corpus (~1 hit per 20 segments)", ratio("own50k", "own100"),
         f"{seconds['own100']:.1f}s -> {seconds['own50k']:.1f}s; "
         f"findings {findings('own100')} -> {findings('own50k')}" + cpu("own50k", "own100")),
        ("corpus x2 (target <= 2.1)", ratio("check", "half"),
         f"{seconds['half']:.1f}s -> {seconds['check']:.1f}s" + cpu("check", "half")),
        ("shipped glossary start-up, warm cache (target < 200 ms)", f"{startup_seconds(args.repeat) * 1000:.0f} ms", ""),
    ]  # fmt: skip
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'result':>9}  detail  (median of {args.repeat} interleaved rounds)")
    for name, result, detail in rows:
        print(f"{name:<{width}}  {result:>9}  {detail}")
    print("\nwall (CPU) seconds of each round (the spread shows how noisy the machine was):")
    for name, found in runs.items():
        print(f"  {name:<22} " + "  ".join(f"{t:6.1f} ({c:5.1f})" for t, _, c in found))


if __name__ == "__main__":
    main()
