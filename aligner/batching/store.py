"""A finished pair's Alignment as JSON, so the merged corpus can be rebuilt after a resume.

Floats go through `repr`, so an alignment read back writes byte-identical files.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..records import Alignment, Bead, Flag, Segment
from ..write.atomic import atomic_outputs


def to_json(alignment: Alignment) -> dict:
    segments = lambda segs: [[s.index, s.text, s.block, s.kind] for s in segs]  # noqa: E731
    return {
        "src_lang": alignment.src_lang, "tgt_lang": alignment.tgt_lang,
        "encoder": alignment.encoder, "mean_similarity": alignment.mean_similarity,
        "src": segments(alignment.src), "tgt": segments(alignment.tgt),
        "beads": [[list(b.src), list(b.tgt), float(b.score), [f.to_dict() for f in b.flags]]
                  for b in alignment.beads],
    }


def from_json(data: dict) -> Alignment:
    segments = lambda rows: tuple(Segment(*row) for row in rows)  # noqa: E731
    beads = tuple(Bead(tuple(src), tuple(tgt), score, tuple(Flag(**f) for f in flags))
                  for src, tgt, score, flags in data["beads"])
    return Alignment(segments(data["src"]), segments(data["tgt"]), beads, data["src_lang"],
                     data["tgt_lang"], data["encoder"], data["mean_similarity"])


def save(alignment: Alignment, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_outputs([path]) as (stream,):
        json.dump(to_json(alignment), stream, ensure_ascii=False)


def load(path: Path) -> Alignment:
    return from_json(json.loads(path.read_text(encoding="utf-8")))
