"""SPANISH TYPOGRAPHY (low): what a Spanish proofreader marks even when the meaning is right.

Per bead: an opening ¿ or ¡ without its closing mark (or the reverse) in one sentence, and
unbalanced «» or “” quotes. Per document: a number convention that contradicts the one the
document uses elsewhere — a grouped decimal written 1,000.5 next to 1.000,5, or "12%" in a
document that otherwise writes "12 %" (or the reverse). The document's own majority decides,
so both the Mexican and the Peninsular conventions pass when they are kept.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..records import Flag
from .base import BeadText, Check, Context

_URL = re.compile(r"(?:https?://|www\.)\S+")
_POINT_DECIMAL = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+\.\d+(?![\d.,])")  # 1,000.5
_COMMA_DECIMAL = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+,\d+(?![\d.,])")  # 1.000,5
_PERCENT_SPACED = re.compile(r"\d[\u00a0\u202f ]%")
_PERCENT_TIGHT = re.compile(r"\d%")
_PAIRS = (("¿", "?"), ("¡", "!"))
_QUOTES = (("«", "»"), ("“", "”"))


def _pairing(text: str) -> list[str]:
    problems = []
    text = _URL.sub(" ", text)
    for opener, closer in _PAIRS:
        if opener not in text and closer not in text:
            continue
        # A sentence may legitimately open its question mid-way ("Si viene, ¿qué hará?"), so
        # only the counts within one stretch between sentence marks are compared.
        for piece in re.split(r"(?<=[.…])\s+", text):
            if piece.count(opener) != piece.count(closer):
                problems.append(f"unpaired {opener}…{closer}")
                break
    for opener, closer in _QUOTES:
        if text.count(opener) != text.count(closer):
            problems.append(f"unbalanced {opener}…{closer} quotes")
    return problems


@dataclass(frozen=True)
class TypographyCheck(Check):
    severity: str = "low"
    name: str = "typography"

    def judge(self, bead: BeadText, ctx: Context) -> list[Flag]:
        return self.judge_document([bead], ctx)[0]

    def judge_document(self, beads: Sequence[BeadText], ctx: Context) -> list[list[Flag]]:
        if ctx.tgt_lang != "es":
            return [[] for _ in beads]
        texts = [b.tgt_text for b in beads]
        minority = _minorities(texts)
        out = []
        for text in texts:
            flags = [Flag("typography", self.severity, p, "", _excerpt(text)) for p in _pairing(text)]
            for pattern, message in minority:
                hit = pattern.search(text)
                if hit:
                    flags.append(Flag("typography", self.severity, message, "", hit.group(0)))
            out.append(flags)
        return out


def _minorities(texts: Sequence[str]) -> list[tuple[re.Pattern[str], str]]:
    """The conventions the document uses less often than their rival, with what to say."""
    out = []
    rivals = ((_POINT_DECIMAL, _COMMA_DECIMAL, "decimal point where the document writes 1.000,5"),
              (_COMMA_DECIMAL, _POINT_DECIMAL, "decimal comma where the document writes 1,000.5"),
              (_PERCENT_TIGHT, _PERCENT_SPACED, "no space before % where the document writes 12 %"),
              (_PERCENT_SPACED, _PERCENT_TIGHT, "space before % where the document writes 12%"))
    counts = {p: sum(len(p.findall(t)) for t in texts) for p in (_POINT_DECIMAL, _COMMA_DECIMAL,
                                                                  _PERCENT_TIGHT, _PERCENT_SPACED)}
    for mine, theirs, message in rivals:
        if 0 < counts[mine] < counts[theirs]:
            out.append((mine, message))
    return out


def _excerpt(text: str) -> str:
    return text if len(text) <= 200 else text[:199] + "…"
