"""TERMINOLOGY: a glossary term in the English of a bead requires one of its Spanish
renderings in the Spanish of that bead, and a forbidden rendering is always a flag.

Matching goes through aligner.terms (stems, articles dropped, longest term first), so
inflection and agreement ("acuerdos", "del Entendimiento", "comprometidas") never read as a
missing rendering. On the Spanish side accepted and forbidden renderings are found in one pass,
so a forbidden word inside a longer accepted rendering is not reported.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field

from ..records import Flag
from ..terms import Glossary, TermIndex
from .base import BeadText, Check, Context


def _quoted(terms: tuple[str, ...]) -> str:
    return " or ".join(f"«{t}»" for t in terms)


@dataclass(frozen=True)
class TerminologyCheck(Check):
    glossary: Glossary = field(hash=False)
    severity: str = "medium"
    forbidden_severity: str = "medium"
    name: str = "terminology"

    @functools.cached_property
    def _indexes(self) -> tuple[TermIndex, TermIndex]:
        entries = self.glossary.entries
        en = TermIndex("en", ((k, t, e.case_sensitive) for k, e in enumerate(entries) for t in e.en))
        # key 2k: an accepted rendering of entry k, 2k + 1: a forbidden one
        es = TermIndex("es", [(2 * k + bad, t, e.case_sensitive) for k, e in enumerate(entries)
                              for bad, terms in ((0, e.es), (1, e.forbidden)) for t in terms])
        return en, es

    def judge(self, bead: BeadText, ctx: Context) -> list[Flag]:
        if (ctx.src_lang, ctx.tgt_lang) != ("en", "es") or not bead.tgt_text.strip():
            return []
        en_index, es_index = self._indexes
        required = {m.key: m for m in en_index.find(bead.src_text)} if bead.src_text else {}
        found = es_index.find(bead.tgt_text)
        rendered = {m.key // 2 for m in found if m.key % 2 == 0}
        flags = []
        for key, match in required.items():
            entry = self.glossary.entries[key]
            if key not in rendered and entry.es:
                note = f" ({entry.note})" if entry.note else ""
                flags.append(Flag("terminology", self.severity,
                                  f"«{match.text}» should be rendered as {_quoted(entry.es)}{note}",
                                  match.text, ""))
        for m in found:
            if m.key % 2:
                entry = self.glossary.entries[m.key // 2]
                src = required.get(m.key // 2)
                flags.append(Flag("terminology", self.forbidden_severity,
                                  f"forbidden rendering «{m.text}» of «{entry.en[0]}»"
                                  + (f": use {_quoted(entry.es)}" if entry.es else ""),
                                  src.text if src else "", m.text))
        return flags
