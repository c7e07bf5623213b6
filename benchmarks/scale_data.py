"""Large English/Spanish inputs for the scale benchmark, cut from the shared evaluation data.

The shared data hold about 8.8k English sentences with a gold alignment (six Bible books, the
SDG framework, the GDPR, the UDHR, FLORES devtest, Tatoeba).  Bigger inputs repeat them: each
pass over the corpus takes its documents in a new seeded order, and everything is cut only at
gold bead boundaries, so both sides always stay parallel and the gold stays exact.
"""
from __future__ import annotations

import csv
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from aligner.goldfile import BeadIds, read_beads, read_unit_ids

# (folder, glob of the gold files); every set except Tatoeba has `<stem>.en/.es/.en-es`.
_GOLD_SETS = (
    ("bible-en-es", "*.en-es"),
    ("un-sdg-en-es", "*.en-es"),
    ("eu-gdpr-en-es", "*.en-es"),
    ("udhr-en-es", "*.en-es"),
    ("flores200-devtest-en-es", "flores200-devtest.en-es"),
)


@dataclass(frozen=True)
class Doc:
    """One parallel document: sentences, gold beads and the gold unit of every sentence."""

    name: str
    en: tuple[str, ...]
    es: tuple[str, ...]
    beads: tuple[BeadIds, ...]
    en_units: tuple[str, ...]
    es_units: tuple[str, ...]


def _lines(path: Path) -> tuple[str, ...]:
    return tuple(path.read_text(encoding="utf-8").splitlines())


def _units(path: Path, name: str, n: int) -> tuple[str, ...]:
    # Sets with sentence-level gold have no unit files: every sentence is its own unit.
    if path.exists():
        return tuple(f"{name}:{u}" for u in read_unit_ids(path))
    return tuple(f"{name}:{i}" for i in range(n))


def _gold_doc(folder: Path, stem: str) -> Doc:
    en, es = _lines(folder / f"{stem}.en"), _lines(folder / f"{stem}.es")
    name = f"{folder.name}/{stem}"
    return Doc(name, en, es, tuple(read_beads(folder / f"{stem}.en-es")),
               _units(folder / f"{stem}.unitid.en", name, len(en)),
               _units(folder / f"{stem}.unitid.es", name, len(es)))


def _tatoeba(data: Path) -> Doc:
    folder = data / "tatoeba-spa-eng"
    en, es = _lines(folder / "tatoeba.spa-eng.eng"), _lines(folder / "tatoeba.spa-eng.spa")
    name = "tatoeba"
    return Doc(name, en, es, tuple(((i,), (i,)) for i in range(len(en))),
               _units(Path("-"), name, len(en)), _units(Path("-"), name, len(es)))


def corpus(data: Path) -> list[Doc]:
    """Every English/Spanish document with a gold alignment, in a fixed order."""
    docs = []
    for folder, pattern in _GOLD_SETS:
        for gold in sorted((data / folder).glob(pattern)):
            docs.append(_gold_doc(data / folder, gold.name[:-len(".en-es")]))
    docs.append(_tatoeba(data))
    return docs


@dataclass(frozen=True)
class Bead:
    """One gold bead with its sentences, detached from its document."""

    en: tuple[str, ...]
    es: tuple[str, ...]
    en_units: tuple[str, ...]
    es_units: tuple[str, ...]


def _beads(doc: Doc, tag: str) -> Iterator[Bead]:
    # `tag` keeps the unit ids of two copies of one document apart.
    for src, tgt in doc.beads:
        yield Bead(tuple(doc.en[i] for i in src), tuple(doc.es[j] for j in tgt),
                   tuple(f"{tag}{doc.en_units[i]}" for i in src),
                   tuple(f"{tag}{doc.es_units[j]}" for j in tgt))


def bead_stream(docs: list[Doc], seed: int) -> Iterator[Bead]:
    """Endless beads: pass after pass over the corpus, documents shuffled anew each pass."""
    rng = random.Random(seed)
    passes = 0
    while True:
        order = list(docs)
        rng.shuffle(order)
        for doc in order:
            yield from _beads(doc, f"p{passes}/")
        passes += 1


@dataclass
class Pair:
    """A parallel pair assembled from consecutive beads, with its gold in index form."""

    en: list[str]
    es: list[str]
    gold: list[BeadIds]
    en_units: list[str]
    es_units: list[str]

    @classmethod
    def empty(cls) -> Pair:
        return cls([], [], [], [], [])

    def add(self, bead: Bead) -> None:
        self.gold.append((tuple(range(len(self.en), len(self.en) + len(bead.en))),
                          tuple(range(len(self.es), len(self.es) + len(bead.es)))))
        self.en += bead.en
        self.es += bead.es
        self.en_units += bead.en_units
        self.es_units += bead.es_units


def take(stream: Iterator[Bead], en_sentences: int) -> Pair:
    """The next beads of `stream` until the English side reaches `en_sentences` (may overshoot
    by less than one bead)."""
    pair = Pair.empty()
    while len(pair.en) < en_sentences:
        pair.add(next(stream))
    return pair


def chunks(docs: list[Doc], count: int, low: int, high: int, seed: int) -> list[Pair]:
    """`count` pairs of a random length in [low, high] English sentences."""
    rng = random.Random(seed)
    stream = bead_stream(docs, seed)
    return [take(stream, rng.randint(low, high)) for _ in range(count)]


def long_pair(docs: list[Doc], en_sentences: int, seed: int) -> Pair:
    return take(bead_stream(docs, seed), en_sentences)


def _write_lines(path: Path, lines: list[str]) -> None:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def write_pair(pair: Pair, folder: Path, stem: str) -> tuple[Path, Path]:
    """`<stem>.en` and `<stem>.es`, one sentence a line (presegmented input)."""
    folder.mkdir(parents=True, exist_ok=True)
    en, es = folder / f"{stem}.en", folder / f"{stem}.es"
    _write_lines(en, pair.en)
    _write_lines(es, pair.es)
    return en, es


def write_manifest(pairs: list[Pair], folder: Path) -> Path:
    """The pairs as files plus a `manifest.csv` (src, tgt, id; paths relative to it)."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for k, pair in enumerate(pairs):
        en, es = write_pair(pair, folder / "pairs", f"p{k:04d}")
        rows.append((en.relative_to(folder).as_posix(), es.relative_to(folder).as_posix(),
                     f"p{k:04d}"))
    manifest = folder / "manifest.csv"
    with manifest.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(("src", "tgt", "id"))
        writer.writerows(rows)
    return manifest
