"""Check profiles: a TOML file, kept in git next to the drafts, that says which checks run, how
severe each kind (or rule) is, which glossaries apply, the Spanish locale, the --fail-on level
and which passages to ignore.

    # aligner.toml
    checks = ["figures", "commitments", "omissions", "terminology", "names"]  # default: all
    glossaries = ["glossary.csv"]          # relative to this file
    es_locale = "mx"
    fail_on = "high"
    [severity]
    typography = "medium"                  # a kind ...
    "omission:fragment" = "low"            # ... or a kind and words of its message
    [ignore]
    src = ['^Photo:']                      # regular expressions on the English of a bead
    tgt = ['^Foto:']

`check --profile FILE`, else `aligner.toml` in the working folder, else beside SRC. Unknown keys
are an error naming the key: a misspelt setting that silently does nothing would pass a CI gate
it was meant to tighten. Read with the standard library's tomllib (tomli on Python 3.10).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import InputError
from .diverge import CHECK_NAMES
from .records import FLAG_KINDS, SEVERITIES, Flag

KEYS = ("checks", "glossaries", "es_locale", "fail_on", "severity", "ignore")
PROFILE_NAME = "aligner.toml"


@dataclass(frozen=True)
class Profile:
    checks: tuple[str, ...] = CHECK_NAMES
    glossaries: tuple[str, ...] = ()
    es_locale: str | None = None
    fail_on: str | None = None
    severity: dict[str, str] = field(default_factory=dict, hash=False)
    ignore_src: tuple[str, ...] = ()
    ignore_tgt: tuple[str, ...] = ()
    path: str | None = None

    def restyle(self, flag: Flag) -> Flag:
        """The flag with the severity the profile gives its rule or kind."""
        for key, severity in self.severity.items():
            kind, _, words = key.partition(":")
            if flag.kind == kind and (not words or words.lower() in flag.message.lower()):
                return replace(flag, severity=severity)
        return flag

    def ignores(self, src_text: str, tgt_text: str) -> bool:
        return any(re.search(p, src_text) for p in self.ignore_src) or \
            any(re.search(p, tgt_text) for p in self.ignore_tgt)

    def settings(self) -> dict:
        """The effective settings, for --show-profile."""
        return {"profile": self.path or "(none: defaults)", "checks": list(self.checks),
                "glossaries": list(self.glossaries), "es_locale": self.es_locale or "auto",
                "fail_on": self.fail_on or "medium", "severity": dict(self.severity),
                "ignore": {"src": list(self.ignore_src), "tgt": list(self.ignore_tgt)}}


def find_profile(explicit: str | os.PathLike | None, src: object = None) -> Profile:
    """The profile given, else aligner.toml in the working folder or beside SRC, else defaults."""
    if explicit is not None:
        return load_profile(explicit)
    candidates = [Path.cwd() / PROFILE_NAME]
    if isinstance(src, (str, os.PathLike)):
        candidates.append(Path(src).resolve().parent / PROFILE_NAME)
    for path in candidates:
        if path.is_file():
            return load_profile(path)
    return Profile()


def _toml():
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib
    return tomllib


def load_profile(path: str | os.PathLike) -> Profile:
    path = Path(path)
    name = str(path)
    toml = _toml()
    try:
        data = toml.loads(path.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        raise InputError(f"{name}: profile not found") from None
    except (UnicodeDecodeError, toml.TOMLDecodeError) as exc:
        raise InputError(f"{name}: not a valid TOML profile ({exc})") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read the profile ({exc.strerror})") from None
    return _profile(data, path)


def _profile(data: dict, path: Path) -> Profile:
    name = str(path)
    unknown = [k for k in data if k not in KEYS]
    if unknown:
        raise InputError(f"{name}: unknown profile key {unknown[0]!r} (known: {', '.join(KEYS)})")
    checks = _strings(data, "checks", name, CHECK_NAMES)
    severity = data.get("severity", {})
    if not isinstance(severity, dict):
        raise InputError(f"{name}: severity must be a table of kind = level")
    for key, level in severity.items():
        if key.partition(":")[0] not in FLAG_KINDS:
            raise InputError(f"{name}: unknown flag kind {key.partition(':')[0]!r} in [severity] "
                             f"(known: {', '.join(FLAG_KINDS)})")
        if level not in SEVERITIES:
            raise InputError(f"{name}: severity of {key!r} must be low, medium or high")
    ignore = data.get("ignore", {})
    if not isinstance(ignore, dict) or any(k not in ("src", "tgt") for k in ignore):
        raise InputError(f"{name}: [ignore] takes src and tgt, lists of regular expressions")
    ignores = {side: _strings(ignore, side, name) for side in ("src", "tgt")}
    for pattern in ignores["src"] + ignores["tgt"]:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise InputError(f"{name}: bad ignore pattern {pattern!r} ({exc})") from None
    return Profile(
        checks=checks if "checks" in data else CHECK_NAMES,
        glossaries=tuple(str(path.parent / g) for g in _strings(data, "glossaries", name)),
        es_locale=_choice(data, "es_locale", ("auto", "mx", "es"), name),
        fail_on=_choice(data, "fail_on", SEVERITIES, name),
        severity=dict(severity), ignore_src=ignores["src"], ignore_tgt=ignores["tgt"], path=name)


def _strings(data: dict, key: str, name: str, allowed: tuple[str, ...] | None = None) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(f"{name}: {key} must be a list of strings")
    bad = [v for v in value if allowed is not None and v not in allowed]
    if bad:
        raise InputError(f"{name}: unknown {key[:-1]} {bad[0]!r} (known: {', '.join(allowed)})")
    return tuple(value)


def _choice(data: dict, key: str, allowed: tuple[str, ...], name: str) -> str | None:
    value = data.get(key)
    if value is not None and value not in allowed:
        raise InputError(f"{name}: {key} must be one of {', '.join(allowed)}")
    return value
