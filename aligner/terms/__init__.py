"""Terminology: glossaries read from CSV/TSV/xlsx/TBX, and finding their terms in text
through Spanish and English inflection (Snowball stemmers)."""
from __future__ import annotations

from .glossary import Entry, Glossary, read_glossaries, read_glossary
from .matcher import Match, TermIndex, term_tokens

__all__ = ["Entry", "Glossary", "Match", "TermIndex", "read_glossaries", "read_glossary",
           "term_tokens"]
