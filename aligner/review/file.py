"""The review file: a translator's decisions on one document pair, kept beside the drafts.

JSON, one decision an object, written atomically and in a stable order so that it diffs well
in git. Every decision is keyed by text, never by position: a bead decision by the sentences of
its two sides, a flag decision by its kind, its evidence and the text of its bead. Adding or
editing a sentence elsewhere moves every position but leaves those texts alone, so no decision
is lost or applied to the wrong bead (a position-keyed suppression silently is).
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path

from ..errors import InputError
from ..write.atomic import atomic_outputs

FORMAT_VERSION = 1
BEAD_STATUSES = ("confirmed", "made")  # made: merged, split or shifted by hand
FLAG_STATUSES = ("dismissed",)
SUFFIX = ".review.json"

_SPACE = re.compile(r"\s+")


class ReviewFileError(InputError):
    """A review file that is not valid JSON or not in this format."""


def normalise(text: str) -> str:
    """What a decision's texts are compared by: NFKC (so a no-break space or a composed accent
    typed differently still matches), runs of whitespace as one space, no ends."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class DocumentRef:
    """Which file a review was made on, and its content hash then."""

    path: str
    sha256: str


@dataclass(frozen=True)
class BeadDecision:
    """A bead a person confirmed or made: the sentences of each side, in order."""

    status: str
    src_text: tuple[str, ...]
    tgt_text: tuple[str, ...]
    at: str = ""

    @property
    def key(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        return tuple(map(normalise, self.src_text)), tuple(map(normalise, self.tgt_text))


@dataclass(frozen=True)
class FlagDecision:
    """A flag a person dismissed, with the texts of the bead it was raised on."""

    kind: str
    src_evidence: str
    tgt_evidence: str
    src_text: str
    tgt_text: str
    note: str = ""
    at: str = ""
    status: str = "dismissed"

    @property
    def key(self) -> tuple[str, ...]:
        return flag_key(self.kind, self.src_evidence, self.tgt_evidence, self.src_text,
                        self.tgt_text)

    @property
    def bead_key(self) -> tuple[str, str]:
        return normalise(self.src_text), normalise(self.tgt_text)


def flag_key(kind: str, src_evidence: str, tgt_evidence: str, src_text: str,
             tgt_text: str) -> tuple[str, ...]:
    return (kind, *map(normalise, (src_evidence, tgt_evidence, src_text, tgt_text)))


@dataclass(frozen=True)
class Review:
    """Every decision on one pair. Beads are kept in document order (anchors are found in that
    order); flags in the order they were dismissed."""

    src: DocumentRef | None = None
    tgt: DocumentRef | None = None
    beads: tuple[BeadDecision, ...] = ()
    flags: tuple[FlagDecision, ...] = ()

    def bead_decision(self, src_text, tgt_text) -> BeadDecision | None:
        key = tuple(map(normalise, src_text)), tuple(map(normalise, tgt_text))
        return next((d for d in self.beads if d.key == key), None)

    def flag_decision(self, key: tuple[str, ...]) -> FlagDecision | None:
        return next((d for d in self.flags if d.key == key), None)

    def without_flag(self, key: tuple[str, ...]) -> "Review":
        return replace(self, flags=tuple(d for d in self.flags if d.key != key))

    def with_flag(self, decision: FlagDecision) -> "Review":
        return replace(self, flags=self.without_flag(decision.key).flags + (decision,))


def document_ref(path: str | os.PathLike, base: str | os.PathLike | None = None) -> DocumentRef:
    """The file's path (relative to `base`, the review file's folder, when it lies below it)
    and the SHA-256 of its bytes."""
    path = Path(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    shown = path
    if base is not None:
        try:
            shown = path.resolve().relative_to(Path(base).resolve())
        except ValueError:
            pass
    return DocumentRef(shown.as_posix(), digest)


def default_path(src: str | os.PathLike) -> Path:
    """`<SRC stem>.review.json` beside SRC: statement.en.docx -> statement.en.review.json."""
    src = Path(src)
    return src.with_name(src.stem + SUFFIX)


# ---- reading ---------------------------------------------------------------------------------

def read_review(path: str | os.PathLike) -> Review:
    """The review in `path`; a ReviewFileError (one line) when it is missing, not JSON or not
    this format."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ReviewFileError(f"{path}: no such review file") from None
    except (OSError, UnicodeDecodeError) as err:
        raise ReviewFileError(f"{path}: cannot read the review file ({err})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise ReviewFileError(f"{path}: not valid JSON (line {err.lineno}: {err.msg})") from None
    try:
        return from_dict(data)
    except _Malformed as err:
        raise ReviewFileError(f"{path}: not an aligner review file ({err})") from None


class _Malformed(ValueError):
    pass


def from_dict(data: object) -> Review:
    if not isinstance(data, dict) or "aligner_review" not in data:
        raise _Malformed('no "aligner_review" version')
    if data["aligner_review"] != FORMAT_VERSION:
        raise _Malformed(f'version {data["aligner_review"]!r}, expected {FORMAT_VERSION}')
    beads = tuple(_bead(b, n) for n, b in enumerate(_list(data, "beads")))
    flags = tuple(_flag(f, n) for n, f in enumerate(_list(data, "flags")))
    return Review(_ref(data.get("src"), "src"), _ref(data.get("tgt"), "tgt"), beads, flags)


def _list(data: dict, name: str) -> list:
    value = data.get(name, [])
    if not isinstance(value, list):
        raise _Malformed(f'"{name}" is not a list')
    return value


def _ref(value: object, name: str) -> DocumentRef | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise _Malformed(f'"{name}" is not an object')
    return DocumentRef(_str(value, "path", name), _str(value, "sha256", name))


def _str(item: dict, name: str, where: str) -> str:
    value = item.get(name, "")
    if not isinstance(value, str):
        raise _Malformed(f'{where}: "{name}" is not a string')
    return value


def _texts(item: dict, name: str, where: str) -> tuple[str, ...]:
    value = item.get(name)
    if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
        raise _Malformed(f'{where}: "{name}" is not a list of sentences')
    return tuple(value)


def _status(item: object, where: str, statuses: tuple[str, ...]) -> str:
    """The entry's status, after checking the entry is an object with a known one."""
    if not isinstance(item, dict):
        raise _Malformed(f"{where} is not an object")
    status = _str(item, "status", where)
    if status not in statuses:
        raise _Malformed(f'{where}: status {status!r} is not one of {", ".join(statuses)}')
    return status


def _bead(item: object, n: int) -> BeadDecision:
    where = f"beads[{n}]"
    status = _status(item, where, BEAD_STATUSES)
    decision = BeadDecision(status, _texts(item, "src_text", where), _texts(item, "tgt_text", where),
                            _str(item, "at", where))
    if not decision.src_text and not decision.tgt_text:
        raise _Malformed(f"{where} has no sentence on either side")
    return decision


def _flag(item: object, n: int) -> FlagDecision:
    where = f"flags[{n}]"
    status = _status(item, where, FLAG_STATUSES)
    if not _str(item, "kind", where):
        raise _Malformed(f'{where} has no "kind"')
    return FlagDecision(*(_str(item, name, where) for name in
                          ("kind", "src_evidence", "tgt_evidence", "src_text", "tgt_text",
                           "note", "at")), status=status)


# ---- writing ---------------------------------------------------------------------------------

def to_dict(review: Review) -> dict:
    out: dict = {"aligner_review": FORMAT_VERSION}
    for name, ref in (("src", review.src), ("tgt", review.tgt)):
        if ref is not None:
            out[name] = {"path": ref.path, "sha256": ref.sha256}
    out["beads"] = [{"status": d.status, "src_text": list(d.src_text), "tgt_text": list(d.tgt_text),
                     "at": d.at} for d in review.beads]
    out["flags"] = [{"status": d.status, "kind": d.kind, "src_evidence": d.src_evidence,
                     "tgt_evidence": d.tgt_evidence, "src_text": d.src_text,
                     "tgt_text": d.tgt_text, "note": d.note, "at": d.at} for d in review.flags]
    return out


def dumps(review: Review) -> str:
    return json.dumps(to_dict(review), ensure_ascii=False, indent=2) + "\n"


def write_review(path: str | os.PathLike, review: Review) -> None:
    """Replace `path` with `review` in one rename: a crash leaves the old file or the new."""
    text = dumps(review)
    with atomic_outputs([path]) as (stream,):
        stream.write(text)
