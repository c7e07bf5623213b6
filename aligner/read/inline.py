"""Markdown inline markup reduced to the text a reader sees."""
from __future__ import annotations

import re

_ESCAPABLE = "\\`*_{}[]()#+-.!|>~"
# Escaped characters are parked in a private-use plane so emphasis rules cannot see them.
_PARK = 0xF0000
_ESCAPE = re.compile(r"\\([" + re.escape(_ESCAPABLE) + r"])")
_PARKED = re.compile(f"[{chr(_PARK)}-{chr(_PARK + 0x7F)}]")

_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"<!--.*?-->", re.S), ""),
    (re.compile(r"(`+)(.+?)\1"), r"\2"),
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),
    (re.compile(r"\[\^[^\]]+\]"), ""),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),
    (re.compile(r"</?[A-Za-z][^>]*>"), ""),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"~~(.+?)~~"), r"\1"),
)


def strip_inline(text: str) -> str:
    """Drop emphasis, code ticks, link targets, images, footnote refs and HTML tags; keep the words."""
    text = _ESCAPE.sub(lambda m: chr(_PARK + ord(m.group(1))), text)
    for pattern, repl in _RULES:
        text = pattern.sub(repl, text)
    return _PARKED.sub(lambda m: chr(ord(m.group(0)) - _PARK), text)
