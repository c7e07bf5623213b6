"""numba kernels of the aligner: banded sentence similarities and the dynamic programme.

Multi-sentence beads are scored without embedding any concatenation: the cosine of two spans'
summed unit vectors expands by bilinearity into sums of sentence-level cosines,

    cos(sum x_k, sum y_l) = sum_kl x_k.y_l / sqrt(sum_kk' x_k.x_k' * sum_ll' y_l.y_l')

so one banded cross-similarity matrix plus the similarities between neighbouring sentences of
each side score every bead shape in O(a*b) additions.
"""
from __future__ import annotations

import math

import numpy as np

from .jit import kernel

# Dot products stay in numpy (BLAS) outside these kernels: numba's np.dot needs scipy at run time.

NEG = -1e18


@kernel
def top_means(sb, slo, m, k):
    """Mean of the k highest similarities of every source row and every target column."""
    n, width = sb.shape
    row = np.zeros(n, dtype=np.float32)
    best_t = np.full((m, k), -2.0, dtype=np.float32)
    for i in range(n):
        best = np.full(k, -2.0, dtype=np.float32)
        for w in range(width):
            v = sb[i, w]
            if v != v:
                continue
            _insert(best, v)
            _insert(best_t[slo[i] + w], v)
        row[i] = _mean_valid(best)
    col = np.zeros(m, dtype=np.float32)
    for l in range(m):
        col[l] = _mean_valid(best_t[l])
    return row, col


@kernel
def _insert(best, v):
    # keep `best` as the k largest values seen, smallest first
    if v <= best[0]:
        return
    best[0] = v
    i = 0
    while i + 1 < best.shape[0] and best[i] > best[i + 1]:
        best[i], best[i + 1] = best[i + 1], best[i]
        i += 1


@kernel
def _mean_valid(best):
    total, count = 0.0, 0
    for v in best:
        if v > -2.0:
            total += v
            count += 1
    return total / count if count else 0.0


@kernel
def span_cos(sb, slo, gs, gt, i0, i1, j0, j1):
    """Cosine between the summed unit vectors of src[i0:i1] and tgt[j0:j1]; NaN outside the band."""
    return band_dot(sb, slo, i0, i1, j0, j1) / math.sqrt(
        _span_norm2(gs, i0, i1) * _span_norm2(gt, j0, j1))


@kernel
def band_dot(sb, slo, i0, i1, j0, j1):
    """The dot product of src[i0:i1] and tgt[j0:j1]'s summed unit vectors; NaN outside the band."""
    dot = 0.0
    for k in range(i0, i1):
        # a row's band cells are one run from slo[k], NaN after it: its two ends decide
        w0, w1 = j0 - slo[k], j1 - 1 - slo[k]
        if w0 < 0 or w1 >= sb.shape[1] or sb[k, w1] != sb[k, w1]:
            return np.nan
        for w in range(w0, w1 + 1):
            dot += sb[k, w]
    return dot


@kernel
def span_norms(g, reach):
    """norms[k, a] = the length of the sum of the a unit vectors from k (0 where k + a > n),
    computed once so the programme does not redo it for every bead that starts at k."""
    n = g.shape[0]
    norms = np.zeros((n, reach))
    for k in range(n):
        for a in range(1, min(reach, n - k + 1)):
            norms[k, a] = math.sqrt(_span_norm2(g, k, k + a))
    return norms


@kernel
def _span_norm2(g, i0, i1):
    total = 0.0
    for k in range(i0, i1):
        total += 1.0
        for k2 in range(k + 1, i1):
            total += 2.0 * g[k, k2 - k]
    return max(total, 1e-12)


@kernel
def bead_gain(sb, slo, ns, nt, hs, ht, cls, clt, os, ot, fs, ft, i0, i1, j0, j1, p):
    """The score the programme maximises for one bead ending at lattice corner (i1, j1);
    ns/nt are span_norms, cls/clt the sides' cumulated lengths. Without hub terms and layout
    (empty hs, fs) the programme calls plain_gain instead, which runs a quarter faster."""
    a, b = i1 - i0, j1 - j0
    if a == 0 or b == 0:
        return plain_gain(sb, slo, ns, nt, cls, clt, os, ot, i0, i1, j0, j1, p)
    dot = band_dot(sb, slo, i0, i1, j0, j1)
    if dot != dot:
        return NEG
    if hs.shape[0] > 0:
        for k in range(i0, i1):
            dot -= b * hs[k]
        for l in range(j0, j1):
            dot -= a * ht[l]
    cos = dot / (ns[i0, a] * nt[j0, b])
    src_len, tgt_len = cls[i1] - cls[i0], clt[j1] - clt[j0]
    gain = gain_of(cos, a, b, src_len, tgt_len, os[i1 - 1], ot[j1 - 1], p)
    if fs.shape[0] == 0:
        return gain
    if _all_headings(fs, i0, i1) and _all_headings(ft, j0, j1):
        # headings are rephrased freely ("Funding" -> "Disposiciones relativas a la financiación
        # ..."): their lengths say nothing
        gain += length_cost(src_len, tgt_len, p)
    return gain - structure_cost(fs, ft, i0, i1, j0, j1, p)


@kernel
def plain_gain(sb, slo, ns, nt, cls, clt, os, ot, i0, i1, j0, j1, p):
    """bead_gain without hub terms or layout."""
    a, b = i1 - i0, j1 - j0
    if a == 0:
        return skip_gain(ot[j0], p)
    if b == 0:
        return skip_gain(os[i0], p)
    dot = band_dot(sb, slo, i0, i1, j0, j1)
    if dot != dot:
        return NEG
    cos = dot / (ns[i0, a] * nt[j0, b])
    return gain_of(cos, a, b, cls[i1] - cls[i0], clt[j1] - clt[j0], os[i1 - 1], ot[j1 - 1], p)


@kernel
def _all_headings(f, k0, k1):
    for k in range(k0, k1):
        if f[k, 1] == 0.0:
            return False
    return True


@kernel
def structure_cost(fs, ft, i0, i1, j0, j1, p):
    """What a bead pays for disagreeing with the documents' layout (structure.py columns).

    p[7] per block boundary one side crosses and the other does not (a bead that merely ends a
    block on one side only pays nothing: a sentence inserted at the end of a paragraph is no
    error); p[8] when only one side holds a heading, and again for each side that mixes a
    heading with body text; p[9] is earned when both sides open with the same label and paid
    when their labels differ. All zeros without layout.
    """
    cross, heads_s, heads_t = 0.0, 0.0, 0.0
    for k in range(i0, i1):
        heads_s += fs[k, 1]
        if k + 1 < i1:
            cross += fs[k, 0]
    for l in range(j0, j1):
        heads_t += ft[l, 1]
        if l + 1 < j1:
            cross -= ft[l, 0]
    cost = p[7] * abs(cross)
    cost += p[8] * (abs(min(heads_s, 1.0) - min(heads_t, 1.0))
                    + _mixed(heads_s, i1 - i0) + _mixed(heads_t, j1 - j0))
    label_s, label_t = fs[i0, 2], ft[j0, 2]
    if label_s > 0.0 and label_t > 0.0:
        cost += -p[9] if label_s == label_t else p[9]
    return cost


@kernel
def gain_of(cos, a, b, src_len, tgt_len, src_open, tgt_open, p):
    """The score of an a-b bead whose sides have cosine `cos`; p holds the tuned parameters.

    p = [skip, tau, length_weight, size_penalty, length_ratio, length_smooth, open_penalty, ...]
    A bead of n sentences earns n/2 times its similarity above tau (so a path's score does not
    depend on how it groups sentences), minus a squared log length-ratio penalty and a penalty
    per sentence beyond a 1-1 bead. A sentence that ends open (":", ";", ",") leads into what
    follows, so a bead should not end with one on one side only.
    """
    mismatch = abs(src_open - tgt_open)
    return ((a + b) / 2.0 * (cos - p[1]) - length_cost(src_len, tgt_len, p) - p[3] * (a + b - 2)
            - p[6] * mismatch)


@kernel
def length_cost(src_len, tgt_len, p):
    """The squared log ratio of a bead's lengths to the documents' ratio, weighted."""
    ratio = math.log((tgt_len + p[5]) / (p[4] * (src_len + p[5])))
    return p[2] * ratio * ratio


@kernel
def _mixed(heads, size):
    # a heading sharing its bead with body text on the same side
    return 1.0 if 0.0 < heads < size else 0.0


@kernel
def skip_gain(open_end, p):
    """An unaligned sentence earns `skip`, less when it ends open (it should join a neighbour)."""
    return p[0] - p[6] * open_end


@kernel
def run_dp(lo, hi, shapes, sb, slo, ns, nt, hs, ht, cls, clt, os, ot, fs, ft, p):
    """Best monotone path through the band; returns the chosen shape index at every cell."""
    n = lo.shape[0] - 1
    plain = hs.shape[0] == 0 and fs.shape[0] == 0
    width = 0
    for i in range(n + 1):
        width = max(width, hi[i] - lo[i] + 1)
    score = np.full((n + 1, width), NEG)
    back = np.full((n + 1, width), -1, dtype=np.int8)
    score[0, 0 - lo[0]] = 0.0
    for i in range(n + 1):
        for j in range(lo[i], hi[i] + 1):
            if i == 0 and j == 0:
                continue
            best, arg = NEG, -1
            for s in range(shapes.shape[0]):
                a, b = shapes[s, 0], shapes[s, 1]
                pi, pj = i - a, j - b
                if pi < 0 or pj < lo[pi] or pj > hi[pi]:
                    continue
                prev = score[pi, pj - lo[pi]]
                if prev <= NEG:
                    continue
                if plain:
                    g = plain_gain(sb, slo, ns, nt, cls, clt, os, ot, pi, i, pj, j, p)
                else:
                    g = bead_gain(sb, slo, ns, nt, hs, ht, cls, clt, os, ot, fs, ft, pi, i, pj, j, p)
                if g <= NEG:
                    continue
                if prev + g > best:
                    best, arg = prev + g, s
            score[i, j - lo[i]] = best
            back[i, j - lo[i]] = arg
    return back


@kernel
def trace(back, lo, shapes, m):
    """Walk the back-pointers from (n, m) to (0, 0); returns bead corners in document order."""
    n = back.shape[0] - 1
    corners = [(n, m)]
    i, j = n, m
    while i > 0 or j > 0:
        s = back[i, j - lo[i]]
        if s < 0:
            break
        i -= shapes[s, 0]
        j -= shapes[s, 1]
        corners.append((i, j))
    corners.reverse()
    return corners
