"""Generate the scale benchmark's workload, deterministically.

    python benchmarks/generate.py OUTDIR [--segments 1000000] [--entries 10000] [--absent 0]

Writes OUTDIR/corpus.txt (one English segment per line, ~30 words), OUTDIR/glossary.toml
(entries whose forbidden renderings are 1-5 invented words; ~1 hit per 20 segments) and
OUTDIR/renderings.txt (the forbidden renderings, one per line, for grep -F -f).

The same seed gives the same first renderings whatever ``--entries`` is, so a glossary of
100 entries holds the first 100 of the 10,000 the corpus is made from. ``--absent N``
adds N entries whose renderings occur in no corpus (their words end in letters no
generated word ends in): a larger glossary with the same hits.
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


ENDINGS = ["xt", "vk", "zd", "qv", "wk"]
ABSENT_ENDINGS = ["jq", "qj", "xj", "jx", "qz"]
"""Endings of the words of renderings that occur in no corpus."""


def invented_word(rng: random.Random, endings: list[str] = ENDINGS) -> str:
    """A pronounceable non-word ending in a consonant cluster English and pinyin lack."""
    syllables = "".join(rng.choice(CONSONANTS) + rng.choice(VOWELS) for _ in range(rng.randint(2, 3)))
    return syllables + rng.choice(endings)


def renderings(rng: random.Random, entries: int, endings: list[str] = ENDINGS) -> list[str]:
    seen: set[str] = set()
    result: list[str] = []
    while len(result) < entries:
        phrase = " ".join(invented_word(rng, endings) for _ in range(rng.randint(1, 5)))
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
    parser.add_argument("--absent", type=int, default=0, help="entries whose renderings occur in no corpus")
    args = parser.parse_args()
    args.outdir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED)
    phrases = renderings(rng, args.entries)
    absent = renderings(random.Random(SEED + 1), args.absent, ABSENT_ENDINGS)
    write_glossary(args.outdir / "glossary.toml", phrases + absent)
    (args.outdir / "renderings.txt").write_text("\n".join(phrases) + "\n", encoding="utf-8")
    write_corpus(args.outdir / "corpus.txt", rng, args.segments, common_words(), phrases)


if __name__ == "__main__":
    main()
