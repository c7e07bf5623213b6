"""Mine the common-word vocabularies the names check uses to tell a person's name from a
capitalised common word ("the Joint Task Force", "Monday").

A word counts as common in a language when the aligned data writes it in lower case somewhere:
names of people are written with capitals everywhere, so they never enter. Sources: every
`*.unit.*` / `*.verse.*` text and Tatoeba in ../shared/data, and the corpora/ pairs. FLORES
devtest is left out on purpose: its news and wiki sentences are where the names check's false
flags are measured (benchmarks/qa_checks.py), so they must not have shaped the lists.

Deterministic: words sorted, one per line. Rerun after the data changes:
    python benchmarks/mine_vocabulary.py [--data ../shared/data]
"""
from __future__ import annotations

import argparse
import gzip
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "aligner" / "diverge" / "lexicons"
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
LEFT_OUT = ("flores200-devtest-en-es",)


def sources(data: Path, lang: str) -> list[Path]:
    suffix = {"en": ("en", "eng"), "es": ("es", "spa")}[lang]
    files = [p for p in sorted(data.glob("*/*")) if p.is_file() and p.parent.name not in LEFT_OUT
             and p.suffix.lstrip(".") in suffix and (".unit." in p.name or ".verse." in p.name
                                                     or p.name.startswith("tatoeba"))]
    return files + sorted(ROOT.glob(f"corpora/*/{lang}.sents"))


def lower_words(paths: list[Path]) -> set[str]:
    words: set[str] = set()
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            words.update(w for w in _WORD.findall(line.split("\t", 1)[-1]) if w.islower())
    return words


def write(words: set[str], path: Path) -> None:
    # mtime=0 keeps the gzip bytes identical between runs
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        out.write(("\n".join(sorted(words)) + "\n").encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"no data under {args.data}; nothing to do")
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    for lang in ("en", "es"):
        paths = sources(args.data, lang)
        words = lower_words(paths)
        write(words, OUT / f"common-words.{lang}.txt.gz")
        print(f"{lang}: {len(words)} lower-case words from {len(paths)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
