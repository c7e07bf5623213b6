"""What every divergence check implements: look at one bead's two sides, return flags."""
from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from ..records import Flag


@dataclass(frozen=True)
class Context:
    """Document-level facts a check may need to judge one bead.

    es_locale: 'auto' (decide from the document's own usage), 'mx' (25.1 / 5,046 like English)
    or 'es' (25,1 / 5.046). `tgt_decimal` / `src_decimal` hold the decimal mark resolved for the
    whole document ('.' or ','), or None when the document gives no evidence.
    `embed` turns texts into unit-length vectors with the encoder that made the alignment, for
    checks that compare parts of a bead (clauses, list items) by meaning; None when there is
    no encoder (an alignment read back from a file, the perturbation benchmark), and a check
    that needs it then falls back to what the words alone show.
    """

    src_lang: str = "en"
    tgt_lang: str = "es"
    es_locale: str = "auto"
    src_decimal: str | None = None
    tgt_decimal: str | None = None
    embed: Callable[[Sequence[str]], np.ndarray] | None = field(default=None, compare=False, hash=False)


@dataclass(frozen=True)
class BeadText:
    """The two sides of one bead as a check sees them (an empty string for an empty side)."""

    src_text: str
    tgt_text: str
    score: float = 1.0
    src_ids: tuple[int, ...] = ()
    tgt_ids: tuple[int, ...] = ()


class Check(ABC):
    """One kind of disagreement (figures, commitments, omissions ...)."""

    name: str = ""

    @abstractmethod
    def judge(self, bead: BeadText, ctx: Context) -> list[Flag]:
        """Return the flags this check raises for `bead` (empty list when both sides agree)."""

    def judge_document(self, beads: Sequence[BeadText], ctx: Context) -> list[list[Flag]]:
        """The flags of every bead of one document, in order.

        Per-bead checks keep this default. A check that needs the whole document (a term
        rendered two ways, an encoder call batched over all candidate beads) overrides it.
        """
        return [self.judge(bead, ctx) for bead in beads]
