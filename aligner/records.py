"""The records that flow through the pipeline: read -> segment -> embed -> align -> diverge -> write.

Every stage takes and returns these frozen dataclasses, so a notebook can stop at any stage,
look at the records and feed them to the next one.
"""
from __future__ import annotations

from dataclasses import dataclass, field

BLOCK_KINDS = ("heading", "paragraph", "item", "line")
FLAG_KINDS = ("figure", "commitment", "omission", "addition", "terminology", "consistency",
              "untranslated", "name", "typography")
SEVERITIES = ("low", "medium", "high")


@dataclass(frozen=True)
class Block:
    """A structural unit of a document: a heading, a paragraph, a list item or a bare line.

    Sentences never cross a block boundary.
    """

    kind: str
    text: str


@dataclass(frozen=True)
class Document:
    """A document as read from disk: its language and its blocks in order."""

    lang: str
    blocks: tuple[Block, ...]
    path: str | None = None


@dataclass(frozen=True)
class Segment:
    """One sentence (or one presegmented line); `index` is its 0-based position in the document."""

    index: int
    text: str
    block: int = 0
    kind: str = "paragraph"


@dataclass(frozen=True)
class Flag:
    """A disagreement found between the two sides of a bead. `status` is "open", or
    "dismissed" when a review file (aligner.review) says a person judged it a false alarm."""

    kind: str
    severity: str
    message: str
    src_evidence: str = ""
    tgt_evidence: str = ""
    status: str = "open"
    note: str = ""  # the reviewer's reason for dismissing it

    @property
    def is_open(self) -> bool:
        return self.status != "dismissed"

    @property
    def headline(self) -> str:
        """One line for notes and cells: "high figure: amount differs ..."; a dismissed flag
        says so, with the reviewer's note."""
        line = f"{self.severity} {self.kind}: {self.message}"
        if not self.is_open:
            line += f" [dismissed{': ' + self.note if self.note else ''}]"
        return line

    def to_dict(self) -> dict:
        out = {
            "kind": self.kind,
            "severity": self.severity,
            "message": self.message,
            "src_evidence": self.src_evidence,
            "tgt_evidence": self.tgt_evidence,
            "status": self.status,
        }
        if self.note:
            out["note"] = self.note
        return out


@dataclass(frozen=True)
class Bead:
    """Aligned sentence indices of each side (either side may be empty) and a confidence in [0, 1]."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float
    flags: tuple[Flag, ...] = ()

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.src), len(self.tgt)

    @property
    def open_flags(self) -> tuple[Flag, ...]:
        """The flags nobody has dismissed yet."""
        return tuple(f for f in self.flags if f.is_open)

    @property
    def worst_severity(self) -> str | None:
        """The most severe of the bead's open flags, None when it has none: a dismissed flag
        no longer colours a row."""
        return max((f.severity for f in self.open_flags), key=SEVERITIES.index, default=None)


@dataclass(frozen=True)
class Alignment:
    """The result of aligning two segmented documents."""

    src: tuple[Segment, ...]
    tgt: tuple[Segment, ...]
    beads: tuple[Bead, ...]
    src_lang: str = "en"
    tgt_lang: str = "es"
    encoder: str = ""
    mean_similarity: float = field(default=float("nan"))
    src_path: str | None = None  # where each side was read from, for reports (None for lists)
    tgt_path: str | None = None

    def src_text(self, bead: Bead) -> str:
        return " ".join(self.src[i].text for i in bead.src)

    def tgt_text(self, bead: Bead) -> str:
        return " ".join(self.tgt[j].text for j in bead.tgt)

    def records(self) -> list[dict]:
        """The JSONL output contract, one dict per bead in document order."""
        return [
            {
                "src": list(b.src),
                "tgt": list(b.tgt),
                "src_text": self.src_text(b),
                "tgt_text": self.tgt_text(b),
                "score": round(float(b.score), 4),
                "flags": [f.to_dict() for f in b.flags],
            }
            for b in self.beads
        ]
