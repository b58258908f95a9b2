"""Generate the scale benchmark's workload, deterministically.

    python benchmarks/generate.py OUTDIR [--segments 1000000] [--entries 10000]

Writes OUTDIR/corpus.txt (one English segment per line, ~30 words), OUTDIR/glossary.toml
(entries whose forbidden renderings are 1-5 invented words; ~1 hit per 20 segments) and
OUTDIR/renderings.txt (the forbidden renderings, one per line, for grep -F -f).
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

SEED = 20261129
CONSONANTS = "bcdfgklmnprstvz"
VOWELS = "aeiou"


def common_words(count: int = 3000) -> list[str]:
    from wordfreq import top_n_list

    return [w for w in top_n_list("en", count * 2) if w.isascii() and w.isalpha()][:count]


def invented_word(rng: random.Random) -> str:
    """A pronounceable non-word ending in a consonant cluster English and pinyin lack."""
    syllables = "".join(rng.choice(CONSONANTS) + rng.choice(VOWELS) for _ in range(rng.randint(2, 3)))
    return syllables + rng.choice(["xt", "vk", "zd", "qv", "wk"])


def renderings(rng: random.Random, entries: int) -> list[str]:
    seen: set[str] = set()
    result: list[str] = []
    while len(result) < entries:
        phrase = " ".join(invented_word(rng) for _ in range(rng.randint(1, 5)))
        if phrase not in seen:
            seen.add(phrase)
            result.append(phrase)
    return result


def write_glossary(path: Path, phrases: list[str]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for number, phrase in enumerate(phrases):
            out.write(
                f'[[entry]]\nid = "bench-{number}"\nsource = ["术语{number}"]\n'
                f'approved = ["approved rendering {number}"]\nforbidden = ["{phrase}"]\n'
                f'references = ["benchmark"]\n\n'
            )


def write_corpus(path: Path, rng: random.Random, segments: int, words: list[str], phrases: list[str]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for _ in range(segments):
            line = rng.choices(words, k=rng.randint(24, 36))
            if rng.random() < 0.05:
                line.insert(rng.randrange(len(line)), rng.choice(phrases))
            line[0] = line[0].capitalize()
            out.write(" ".join(line) + ".\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--segments", type=int, default=1_000_000)
    parser.add_argument("--entries", type=int, default=10_000)
    args = parser.parse_args()
    args.outdir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED)
    phrases = renderings(rng, args.entries)
    write_glossary(args.outdir / "glossary.toml", phrases)
    (args.outdir / "renderings.txt").write_text("\n".join(phrases) + "\n", encoding="utf-8")
    write_corpus(args.outdir / "corpus.txt", rng, args.segments, common_words(), phrases)


if __name__ == "__main__":
    main()
