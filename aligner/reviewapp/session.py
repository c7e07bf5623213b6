"""One review session: a document pair, its checked alignment, the review, undo and redo.

Every operation makes a new immutable State (alignment + review), so undo is a stack of
states, and writes the review file at once. Only the beads an operation touches are
re-judged (the checks see those beads alone); a re-check re-reads both documents, re-aligns
around the reviewed beads and judges the whole document again, embedding only new text.
"""
from __future__ import annotations

import io
import os
import re
import time
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from threading import RLock

import numpy as np

from ..aligning.anchored import lone_score, pair_score
from ..checking import check, check_context, judge_beads
from ..diverge import build_checks
from ..embed import Encoder
from ..embed.memo import MemoEncoder
from ..errors import UsageError
from ..profile import Profile
from ..records import Alignment, Bead, Flag
from ..review import (BeadDecision, FlagDecision, Review, Stale, StaleDecisionWarning,
                      document_ref, normalise, read_review, write_review)
from ..review.apply import mark_flags
from ..review.file import flag_key, now
from ..terms import read_glossaries
from ..write import WRITERS
from ..write.base import StreamWriter
from ..write.xlsx import workbook_bytes
from .memo import MemoCheck, memoised

WEAK_SCORE = 0.5  # below this a bead is doubtful, as in the HTML report
NEAR = 25  # sentences either side of the same relative position a lone sentence is compared with
# What the page can export: every writer that makes one file (moses makes two)
# the single-file formats: text streams and the workbook (moses writes two files, parquet is
# for corpora, which `aligner batch` writes)
EXPORTS = tuple(name for name, writer in WRITERS.items() if issubclass(writer, StreamWriter) or name == "xlsx")
MEDIA = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
         "html": "text/html", "jsonl": "application/x-ndjson", "tsv": "text/tab-separated-values",
         "csv": "text/csv", "tmx": "application/xml", "xliff": "application/xliff+xml",
         "text": "text/plain"}
SUFFIX = {"text": ".txt", "xliff": ".xlf"}


class OperationError(UsageError):
    """An operation that does not apply (merging the last bead, splitting a 1-1 ...)."""


@dataclass(frozen=True)
class Settings:
    """What `aligner review` was started with."""

    src: Path
    tgt: Path
    review_path: Path
    align_options: dict = field(default_factory=dict)
    es_locale: str | None = None
    profile: Profile = field(default_factory=Profile)
    glossaries: tuple[str, ...] = ()


@dataclass(frozen=True)
class State:
    alignment: Alignment
    review: Review


BeadKey = tuple[tuple[str, ...], tuple[str, ...]]


def flat(key: BeadKey) -> str:
    """A bead key joined with separators no normalised sentence contains."""
    return "\x1e".join(key[0]) + "\x1d" + "\x1e".join(key[1])


class Session:
    """The state of one review and the operations on it; thread-safe (one lock)."""

    def __init__(self, settings: Settings, encoder: Encoder):
        self.settings = settings
        self.encoder = MemoEncoder(encoder)
        self.es_locale = settings.es_locale or settings.profile.es_locale or "auto"
        glossary = read_glossaries([*settings.profile.glossaries, *settings.glossaries])
        self.checks = memoised(build_checks(settings.profile.checks, glossary))
        self.lock = RLock()
        path = settings.review_path
        review = read_review(path) if path.exists() else Review()
        self.undo: list[State] = []
        self.redo: list[State] = []
        self.revision = 0
        self.notices: list[str] = []
        self.stale_beads: list[Stale] = []
        self.timings: dict[str, float] = {}
        self._statuses: dict = {}
        self.state = State(Alignment((), (), ()), review)
        self._recheck()

    # ---- reading the documents ---------------------------------------------------------------

    def recheck(self) -> None:
        """Re-read both documents and re-align around the reviewed beads (undo starts afresh:
        the earlier states hold the earlier texts)."""
        with self.lock:
            self._recheck()

    def _recheck(self) -> None:
        started, embedded = time.perf_counter(), self.encoder.embedded
        judged = self._judged()
        stamps = self._stamps()
        s = self.settings
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            alignment = check(s.src, s.tgt, es_locale=self.es_locale, checks=self.checks,
                              profile=s.profile, encoder=self.encoder, review=self.state.review,
                              **s.align_options)
        self.stale_beads = [w.message.stale for w in caught
                            if issubclass(w.category, StaleDecisionWarning)
                            and isinstance(w.message.stale.decision, BeadDecision)]
        self.notices = [str(w.message) for w in caught
                        if not issubclass(w.category, StaleDecisionWarning)]
        self.ctx = check_context(alignment, self.es_locale, self.encoder)
        self.norm_src = [normalise(x.text) for x in alignment.src]
        self.norm_tgt = [normalise(x.text) for x in alignment.tgt]
        self.src_emb = self.encoder.encode([x.text for x in alignment.src])
        self.tgt_emb = self.encoder.encode([x.text for x in alignment.tgt])
        review = replace(self.state.review, src=document_ref(s.src, s.review_path.parent),
                         tgt=document_ref(s.tgt, s.review_path.parent))
        self.state = State(alignment, review)
        self.stamps = stamps
        self._texts: dict = {}
        self._keys: dict = {}
        self._statuses: dict = {}
        self.undo.clear()
        self.redo.clear()
        self.revision += 1
        self.timings = {"recheck_s": time.perf_counter() - started,
                        "embedded": self.encoder.embedded - embedded,
                        "judged": self._judged() - judged}
        if review.beads or review.flags:
            self._save(review)

    def _stamps(self) -> tuple:
        """What tells a changed file cheaply: size and modification time of both documents."""
        out = []
        for path in (self.settings.src, self.settings.tgt):
            try:
                info = path.stat()
                out.append((info.st_size, info.st_mtime_ns))
            except OSError:
                out.append(None)
        return tuple(out)

    def files_changed(self) -> bool:
        """True when a document changed on disk since the last (re-)check."""
        return self._stamps() != self.stamps

    def _judged(self) -> int:
        """Bead judgments the per-bead checks really made so far (not from memory)."""
        return sum(c.judged for c in self.checks if isinstance(c, MemoCheck))

    # ---- what the page shows -----------------------------------------------------------------

    def key(self, bead: Bead) -> str:
        """The bead's decision key as one string (see `flat`): strings keep their hash, so
        matching 2,000 beads against the decisions after each operation stays cheap."""
        span = (bead.src, bead.tgt)
        if span not in self._keys:
            self._keys[span] = flat((tuple(self.norm_src[i] for i in bead.src),
                                     tuple(self.norm_tgt[j] for j in bead.tgt)))
        return self._keys[span]

    def statuses(self, state: State | None = None) -> list[str]:
        """The review status of every bead: confirmed, made, or "" (aligned by the DP). A
        decision covers the first bead with its text, as the aligner anchors it: a repeated
        heading confirmed once is confirmed once."""
        state = state or self.state
        cached = self._statuses.get(id(state))
        if cached is None or cached[0] is not state:
            matched = _first_matches(state.review.beads, map(self.key, state.alignment.beads))
            cached = (state, [d.status if d else "" for d in matched])
            if len(self._statuses) > 4:  # the states an operation compares, no more
                self._statuses.clear()
            self._statuses[id(state)] = cached
        return cached[1]

    def bead_text(self, bead: Bead) -> tuple[str, str]:
        """The normalised texts of a bead's two sides, remembered until the next re-check
        (the page's summary asks for every bead's after each operation)."""
        span = (bead.src, bead.tgt)
        if span not in self._texts:
            a = self.state.alignment
            self._texts[span] = (normalise(a.src_text(bead)), normalise(a.tgt_text(bead)))
        return self._texts[span]

    def stale(self) -> list[Stale]:
        """Bead decisions the last re-check could not place, and dismissals whose bead is gone."""
        texts = {self.bead_text(b) for b in self.state.alignment.beads}
        flags = [Stale(d, "no bead has this text any more") for d in self.state.review.flags
                 if d.bead_key not in texts]
        kept = {d.key for d in self.state.review.beads}  # not yet forgotten by the translator
        return [s for s in self.stale_beads if s.decision.key in kept] + flags

    # ---- operations --------------------------------------------------------------------------

    def apply(self, op: dict) -> None:
        """Run one operation of the page: {"op": name, ...arguments}."""
        name = op.get("op")
        handler = getattr(self, f"_op_{name}", None) if isinstance(name, str) else None
        if handler is None:
            raise OperationError(f"unknown operation {name!r}")
        with self.lock:
            handler(op)

    def _op_undo(self, op: dict) -> None:
        if not self.undo:
            raise OperationError("nothing to undo")
        self.redo.append(self.state)
        self._set(self.undo.pop())

    def _op_redo(self, op: dict) -> None:
        if not self.redo:
            raise OperationError("nothing to redo")
        self.undo.append(self.state)
        self._set(self.redo.pop())

    def _op_dismiss(self, op: dict) -> None:
        i, bead, flag = self._flag(op)
        note = op.get("note", "")
        if not isinstance(note, str):
            raise OperationError("a note is text")
        a = self.state.alignment
        decision = FlagDecision(flag.kind, flag.src_evidence, flag.tgt_evidence, a.src_text(bead),
                                a.tgt_text(bead), note.strip(), now())
        self._commit_flags(i, self.state.review.with_flag(decision))

    def _op_reopen(self, op: dict) -> None:
        i, bead, flag = self._flag(op)
        a = self.state.alignment
        key = flag_key(flag.kind, flag.src_evidence, flag.tgt_evidence, a.src_text(bead),
                       a.tgt_text(bead))
        self._commit_flags(i, self.state.review.without_flag(key))

    def _op_forget(self, op: dict) -> None:
        """Drop a stale decision from the file once the translator has re-judged it."""
        stale = self.stale()
        n = op.get("stale")
        if not isinstance(n, int) or not 0 <= n < len(stale):
            raise OperationError("no such stale decision")
        gone = stale[n].decision
        review = self.state.review
        review = replace(review, beads=tuple(d for d in review.beads if d is not gone),
                         flags=tuple(d for d in review.flags if d is not gone))
        self._commit(State(self.state.alignment, review))

    def _op_confirm(self, op: dict) -> None:
        """Confirm a bead; on a bead already confirmed or made, hand it back to the aligner."""
        i = self._index(op, "bead")
        bead = self.state.alignment.beads[i]
        review = self.state.review
        decided = self._decisions_of(range(i, i + 1))
        if decided:
            beads = tuple(d for d in review.beads if id(d) not in decided)
        else:
            a = self.state.alignment
            decision = BeadDecision("confirmed", tuple(a.src[k].text for k in bead.src),
                                    tuple(a.tgt[k].text for k in bead.tgt), now())
            beads = review.beads + (decision,)
        self._commit(State(self.state.alignment,
                           self._ordered(replace(review, beads=beads), self.state.alignment.beads)))

    def _op_merge(self, op: dict) -> None:
        i = self._index(op, "bead")
        beads = self.state.alignment.beads
        if i + 1 >= len(beads):
            raise OperationError("the last bead has no next bead to merge with")
        a, b = beads[i], beads[i + 1]
        self._rebead(i, 2, [(a.src + b.src, a.tgt + b.tgt)])

    def _op_split(self, op: dict) -> None:
        i = self._index(op, "bead")
        bead = self.state.alignment.beads[i]
        parts = max(len(bead.src), len(bead.tgt))
        if parts < 2:
            raise OperationError("a bead of one sentence a side cannot be split")
        self._rebead(i, 1, [(bead.src[k:k + 1], bead.tgt[k:k + 1]) for k in range(parts)])

    def _op_shift(self, op: dict) -> None:
        """InterText's shift: the first sentence of a side to the previous bead ("prev") or
        the last one to the next bead ("next")."""
        i = self._index(op, "bead")
        side, way = op.get("side"), op.get("to")
        if side not in ("src", "tgt") or way not in ("prev", "next"):
            raise OperationError('shift needs side "src" or "tgt" and to "prev" or "next"')
        beads = self.state.alignment.beads
        other = i - 1 if way == "prev" else i + 1
        moved = getattr(beads[i], side)
        if not 0 <= other < len(beads) or not moved:
            raise OperationError(f"bead {i + 1} has no {side} sentence to shift that way")
        lo, hi = (i - 1, i) if way == "prev" else (i, i + 1)
        keep = moved[1:] if way == "prev" else moved[:-1]
        sentence = moved[:1] if way == "prev" else moved[-1:]
        target = getattr(beads[other], side)
        target = target + sentence if way == "prev" else sentence + target
        new = {i: keep, other: target}
        pieces = [(new[k] if side == "src" else beads[k].src, new[k] if side == "tgt" else beads[k].tgt)
                  for k in (lo, hi)]
        self._rebead(lo, 2, [p for p in pieces if p[0] or p[1]])

    # ---- operation helpers -------------------------------------------------------------------

    def _index(self, op: dict, name: str) -> int:
        value = op.get(name)
        if not isinstance(value, int) or isinstance(value, bool) \
                or not 0 <= value < len(self.state.alignment.beads):
            raise OperationError(f"no bead {value!r}")
        return value

    def _flag(self, op: dict) -> tuple[int, Bead, Flag]:
        i = self._index(op, "bead")
        bead = self.state.alignment.beads[i]
        k = op.get("flag")
        if not isinstance(k, int) or isinstance(k, bool) or not 0 <= k < len(bead.flags):
            raise OperationError(f"bead {i + 1} has no flag {k!r}")
        return i, bead, bead.flags[k]

    def _commit_flags(self, i: int, review: Review) -> None:
        """The review with a flag decision changed, and bead i's flags marked by it."""
        a = self.state.alignment
        bead = a.beads[i]
        decisions = {d.key: d for d in review.flags}
        marked = replace(bead, flags=mark_flags(bead.flags, a.src_text(bead), a.tgt_text(bead),
                                                decisions))
        beads = a.beads[:i] + (marked,) + a.beads[i + 1:]
        self._commit(State(replace(a, beads=beads), review))

    def _rebead(self, start: int, count: int, pieces: Sequence[tuple[tuple[int, ...], tuple[int, ...]]]) -> None:
        """Replace beads[start:start + count] by beads made by hand from `pieces`: judged,
        recorded as made, the dismissals of the beads they replace carried over where the
        same flag comes back."""
        a = self.state.alignment
        old = a.beads[start:start + count]
        made = [Bead(s, t, self._score(s, t)) for s, t in pieces]
        judged = [replace(b, flags=f) for b, f in
                  zip(made, judge_beads(a, made, self.ctx, self.checks, self.settings.profile))]
        review = self._carry(self.state.review, start, old, judged)
        decisions = {d.key: d for d in review.flags}
        marked = tuple(replace(b, flags=mark_flags(b.flags, a.src_text(b), a.tgt_text(b), decisions))
                       for b in judged)
        beads = a.beads[:start] + marked + a.beads[start + count:]
        self._commit(State(replace(a, beads=beads), self._ordered(review, beads)))

    def _decisions_of(self, positions: range) -> set[int]:
        """The ids of the bead decisions that cover the beads at `positions`."""
        matched = _first_matches(self.state.review.beads, map(self.key, self.state.alignment.beads))
        return {id(matched[k]) for k in positions if matched[k] is not None}

    def _carry(self, review: Review, start: int, old: Sequence[Bead],
               new: Sequence[Bead]) -> Review:
        a = self.state.alignment
        decided = self._decisions_of(range(start, start + len(old)))
        old_texts = {self.bead_text(b) for b in old}
        kept_beads = tuple(d for d in review.beads if id(d) not in decided)
        made = tuple(BeadDecision("made", tuple(a.src[k].text for k in b.src),
                                  tuple(a.tgt[k].text for k in b.tgt), now()) for b in new)
        leaving = [d for d in review.flags if d.bead_key in old_texts]
        flags = [d for d in review.flags if d.bead_key not in old_texts]
        for bead in new:
            for f in bead.flags:
                match = next((d for d in leaving if (d.kind, normalise(d.src_evidence),
                              normalise(d.tgt_evidence)) == (f.kind, normalise(f.src_evidence),
                                                             normalise(f.tgt_evidence))), None)
                if match is not None:
                    leaving.remove(match)
                    flags.append(replace(match, src_text=a.src_text(bead), tgt_text=a.tgt_text(bead)))
        return replace(review, beads=kept_beads + made, flags=tuple(flags))

    def _ordered(self, review: Review, beads: Sequence[Bead]) -> Review:
        """Bead decisions in document order (as the aligner looks for them), unplaced ones last."""
        matched = _first_matches(review.beads, map(self.key, beads))
        placed = [d for d in matched if d is not None]
        taken = {id(d) for d in placed}
        rest = [d for d in review.beads if id(d) not in taken]
        return replace(review, beads=tuple(placed) + tuple(rest))

    def _score(self, src: tuple[int, ...], tgt: tuple[int, ...]) -> float:
        """As the aligner scores: the cosine of the two sides, or for a sentence left alone
        how unlike the other side's sentences around it (NEAR either way) it is."""
        if src and tgt:
            return pair_score(self.src_emb, self.tgt_emb, src, tgt)
        if src:
            return lone_score(self.src_emb[src[0]], self._near(self.tgt_emb, src[0], self.src_emb))
        return lone_score(self.tgt_emb[tgt[0]], self._near(self.src_emb, tgt[0], self.tgt_emb))

    @staticmethod
    def _near(other: np.ndarray, k: int, own: np.ndarray) -> np.ndarray:
        at = round(k * len(other) / max(len(own), 1))
        return other[max(0, at - NEAR):at + NEAR]

    def _commit(self, state: State) -> None:
        self.undo.append(self.state)
        self.redo.clear()
        self._set(state)

    def _set(self, state: State) -> None:
        if state.review != self.state.review:
            self._save(state.review)
        self.state = state
        self.revision += 1

    def _save(self, review: Review) -> None:
        write_review(self.settings.review_path, review)

    # ---- export ------------------------------------------------------------------------------

    def export(self, fmt: str) -> tuple[bytes, str, str]:
        """The reviewed alignment in `fmt`: its bytes, media type and a file name."""
        if fmt not in EXPORTS:
            raise OperationError(f"cannot export {fmt!r}; choose one of {', '.join(EXPORTS)}")
        alignment = self.state.alignment
        if fmt == "xlsx":
            data = workbook_bytes(alignment)
        else:
            writer: StreamWriter = WRITERS[fmt]()  # every format but xlsx and moses is a stream
            stream = io.StringIO()
            writer.dump(alignment, stream)
            data = stream.getvalue().encode("utf-8")
        suffix = SUFFIX.get(fmt, f".{fmt}")
        stem = os.path.basename(self.settings.src).rsplit(".", 1)[0]
        # the name goes into a header: nothing but plain file-name characters
        stem = re.sub(r"[^\w.-]+", "_", stem, flags=re.ASCII) or "alignment"
        name = stem + ".reviewed" + suffix
        return data, MEDIA[fmt], name


def _first_matches(decisions: Sequence[BeadDecision], keys) -> list[BeadDecision | None]:
    """For each bead key in document order, the decision it takes, if any: decisions with
    one text go to the beads with that text in turn, each to one bead."""
    if not decisions:
        return [None for _ in keys]
    waiting: dict[str, list[BeadDecision]] = {}
    for d in reversed(decisions):
        waiting.setdefault(flat(d.key), []).append(d)
    return [waiting[k].pop() if waiting.get(k) else None for k in keys]
