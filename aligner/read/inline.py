"""Markdown inline markup reduced to the text a reader sees.

Every rule runs in time linear in the text: a rule whose span could run on to the end of the
text either excludes its own opening bracket from the span (so each character is scanned from
one opener at most) or is a paired rule, applied by `sub_paired`. Plain `re.sub` rescanned the
rest of the text from every opener that had no closer: 80 kB of "**a " or "[a" took 20-30 s.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_ESCAPABLE = "\\`*_{}[]()#+-.!|>~"
# Escaped characters are parked in a private-use plane so emphasis rules cannot see them.
_PARK = 0xF0000
_ESCAPE = re.compile(r"\\([" + re.escape(_ESCAPABLE) + r"])")
_PARKED = re.compile(f"[{chr(_PARK)}-{chr(_PARK + 0x7F)}]")


@dataclass(frozen=True)
class _Rule:
    """`pattern` replaced by `repl`; `opener` is set when it is a paired rule (see sub_paired)."""

    pattern: re.Pattern[str]
    repl: str
    opener: re.Pattern[str] | None = None


def _paired(opener: str, rest: str, repl: str, flags: int = 0) -> _Rule:
    return _Rule(re.compile(opener + rest, flags), repl, re.compile(opener, flags))


COMMENT = _paired(r"<!--", r".*?-->", "", re.S)
_RULES: tuple[_Rule, ...] = (
    COMMENT,
    _Rule(re.compile(r"(`+)(.+?)\1"), r"\2"),
    _paired(r"!\[[^\]\[]*\]\(", r"[^)]*\)", ""),
    _Rule(re.compile(r"\[\^[^\]\[]+\]"), ""),
    _paired(r"\[([^\]\[]+)\]\(", r"[^)]*\)", r"\1"),
    _Rule(re.compile(r"\[([^\]\[]+)\]\[[^\]\[]*\]"), r"\1"),
    _Rule(re.compile(r"<((?:https?|mailto):[^<>\s]+)>"), r"\1"),
    _paired(r"</?[A-Za-z]", r"[^>]*>", ""),
    _paired(r"\*\*(?=\S)", r"(.+?)(?<=\S)\*\*", r"\1"),
    _paired(r"__(?=\S)", r"(.+?)(?<=\S)__", r"\1"),
    _paired(r"(?<![\w*])\*(?=[^\s*])", r"(.+?)(?<=[^\s*])\*(?![\w*])", r"\1"),
    _paired(r"(?<![\w_])_(?=\S)", r"(.+?)(?<=\S)_(?![\w_])", r"\1"),
    _Rule(re.compile(r"~~(.+?)~~"), r"\1"),
)


def sub_paired(rule: _Rule, text: str) -> str:
    """`rule.pattern.sub(rule.repl, text)` for a paired rule: an opener, then a span up to a closer
    whose validity does not depend on where the span opened. An opener that finds no closer then
    means no later opener can find one (its candidate closers are a subset), so the search stops.

    Spans without re.S cannot cross a newline, which would break that argument: lines are
    handled one by one.
    """
    if rule.opener is None:
        return rule.pattern.sub(rule.repl, text)
    if not rule.pattern.flags & re.S and "\n" in text:
        return "\n".join(sub_paired(rule, line) for line in text.split("\n"))
    out, pos = [], 0
    while (found := rule.opener.search(text, pos)) is not None:
        m = rule.pattern.match(text, found.start())
        if m is None:
            break
        out += (text[pos:m.start()], m.expand(rule.repl))
        pos = m.end()
    return "".join(out) + text[pos:]


def strip_inline(text: str) -> str:
    """Drop emphasis, code ticks, link targets, images, footnote refs and HTML tags; keep the words."""
    text = _ESCAPE.sub(lambda m: chr(_PARK + ord(m.group(1))), text)
    for rule in _RULES:
        text = sub_paired(rule, text)
    return _PARKED.sub(lambda m: chr(ord(m.group(0)) - _PARK), text)
