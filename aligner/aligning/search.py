"""Find the best sequence of beads between two embedded documents (coarse-to-fine, banded DP)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..records import Bead
from . import kernels
from .band import Band, band_around, coarsen, full_band
from .params import AlignParams
from .structure import paired


@dataclass(frozen=True)
class Side:
    """One document as the aligner sees it: unit embeddings, character lengths, which
    sentences end open (1.0 after ":", ";" or ",", else 0.0; None when unknown) and its layout
    (structure.structure_of; None for presegmented lines)."""

    emb: np.ndarray
    lengths: np.ndarray
    open_end: np.ndarray | None = None
    structure: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.emb)

    @property
    def opens(self) -> np.ndarray:
        return np.zeros(len(self.emb)) if self.open_end is None else self.open_end

    def coarser(self) -> "Side":
        emb, lengths = coarsen(self.emb, self.lengths)
        # a merged pair ends the way its second sentence ends; the coarse path only places the
        # band, so it goes without layout
        return Side(emb, lengths, self.opens[1::2] if len(self) % 2 == 0
                    else np.append(self.opens[1::2], self.opens[-1]))


OPEN_ENDINGS = (":", ";", ",")


def open_ends(texts: list[str]) -> np.ndarray:
    """1.0 for a sentence that ends with a mark leading into the next one, else 0.0."""
    return np.array([1.0 if t.rstrip().endswith(OPEN_ENDINGS) else 0.0 for t in texts])


@dataclass(frozen=True)
class Lattice:
    """The banded similarities the DP and the bead scores read from."""

    sb: np.ndarray
    slo: np.ndarray
    gs: np.ndarray
    gt: np.ndarray
    ms: np.ndarray
    mt: np.ndarray
    hs: np.ndarray
    ht: np.ndarray


def align_embeddings(src: Side, tgt: Side, params: AlignParams = AlignParams()) -> list[Bead]:
    """Align two documents given their sentence embeddings and lengths."""
    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        return [Bead((i,), (), 1.0) for i in range(n)] + [Bead((), (j,), 1.0) for j in range(m)]
    corners, lattice = _search(src, tgt, params)
    return _beads(corners, lattice, src, tgt)


def _search(src: Side, tgt: Side, params: AlignParams):
    n, m = len(src), len(tgt)
    if (n + 1) * (m + 1) <= params.full_limit or min(n, m) < 4:
        band = full_band(n, m)
    else:
        coarse_src, coarse_tgt = src.coarser(), tgt.coarser()
        coarse, _ = _search(coarse_src, coarse_tgt, params)
        path = [(min(2 * i, n), min(2 * j, m)) for i, j in coarse]
        band = band_around(path, n, m, params.band_width)
    lattice = _lattice(src, tgt, band, params)
    shapes = params.shapes()
    fs, ft = paired(src.structure, tgt.structure, n, m)
    reach = params.max_bead
    back = kernels.run_dp(band.lo, band.hi, shapes, lattice.sb, lattice.slo,
                          kernels.span_norms(lattice.gs, reach), kernels.span_norms(lattice.gt, reach),
                          lattice.hs, lattice.ht, _cumulated(src.lengths), _cumulated(tgt.lengths),
                          src.opens, tgt.opens, fs, ft, params.vector(src.lengths, tgt.lengths))
    return kernels.trace(back, band.lo, shapes, m), lattice


def _cumulated(lengths: np.ndarray) -> np.ndarray:
    return np.concatenate([[0.0], np.cumsum(lengths, dtype=np.float64)])


def _lattice(src: Side, tgt: Side, band: Band, params: AlignParams) -> Lattice:
    n, m, reach = len(src), len(tgt), params.max_bead
    # sentence k is used by cells (i, j) with i in (k, k + reach] and j - reach < l < j
    slo = np.maximum(band.lo[1:] - reach, 0)
    shi = np.minimum(band.hi[np.minimum(np.arange(n) + reach, n)], m)
    width = int((shi - slo).max())
    sb = _cross_sims(src.emb, tgt.emb, slo, shi, width)
    gs = _neighbour_sims(src.emb, reach)
    gt = _neighbour_sims(tgt.emb, reach)
    ms, mt = kernels.top_means(sb, slo, m, params.neighbours)
    hs, ht = _hub_terms(sb, slo, m, params)
    return Lattice(sb, slo, gs, gt, ms, mt, hs, ht)


def _hub_terms(sb: np.ndarray, slo: np.ndarray, m: int,
               params: AlignParams) -> tuple[np.ndarray, np.ndarray]:
    """CSLS hubness correction, hs[k] + ht[l] to subtract from src[k] . tgt[l]: each sentence's
    mean similarity to its `hub_k` nearest neighbours on the other side (within the band),
    halved (CSLS / 2 keeps the scale of a cosine) and weighted by `hubness`. Empty when off,
    which the programme reads as "no correction"."""
    if params.hubness == 0.0:
        return np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.float32)
    rs, rt = kernels.top_means(sb, slo, m, params.hub_k)
    weight = np.float32(params.hubness / 2)
    return weight * rs, weight * rt


def _cross_sims(src: np.ndarray, tgt: np.ndarray, slo: np.ndarray, shi: np.ndarray,
                width: int, block: int = 256) -> np.ndarray:
    """sb[k, l - slo[k]] = src[k] . tgt[l] for l in [slo[k], shi[k]); NaN elsewhere.

    Rows go through BLAS a block at a time, so memory stays at one band, not an N x M matrix.
    """
    n = len(src)
    out = np.full((n, max(width, 1)), np.nan, dtype=np.float32)
    for r0 in range(0, n, block):
        r1 = min(n, r0 + block)
        c0, c1 = int(slo[r0:r1].min()), int(shi[r0:r1].max())
        sims = src[r0:r1] @ tgt[c0:c1].T
        for k in range(r0, r1):
            out[k, :shi[k] - slo[k]] = sims[k - r0, slo[k] - c0:shi[k] - c0]
    return out


def _neighbour_sims(emb: np.ndarray, reach: int) -> np.ndarray:
    """g[k, t] = emb[k] . emb[k + t] for t in 1..reach-1 (0 past the end); g[k, 0] = 1."""
    out = np.zeros((len(emb), max(reach, 1)), dtype=np.float32)
    out[:, 0] = 1.0
    for t in range(1, reach):
        out[:-t, t] = np.einsum("ij,ij->i", emb[:-t], emb[t:])
    return out


def _beads(corners, lattice: Lattice, src: Side, tgt: Side) -> list[Bead]:
    beads = []
    for (i0, j0), (i1, j1) in zip(corners, corners[1:]):
        score = _confidence(lattice, i0, i1, j0, j1)
        beads.append(Bead(tuple(range(i0, i1)), tuple(range(j0, j1)), score))
    return beads


def _confidence(lat: Lattice, i0: int, i1: int, j0: int, j1: int) -> float:
    """Cosine of the bead's two sides; for an unaligned sentence, how unlike its neighbours it is."""
    if i1 > i0 and j1 > j0:
        cos = kernels.span_cos(lat.sb, lat.slo, lat.gs, lat.gt, i0, i1, j0, j1)
        return float(np.clip(cos, 0.0, 1.0))
    best = lat.ms[i0] if i1 > i0 else lat.mt[j0]
    return float(np.clip(1.0 - best, 0.0, 1.0))
