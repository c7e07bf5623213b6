"""The options of a batch that every pair shares, and which of them change a pair's output."""
from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError
from ..limits import DEFAULT_MAX_BEAD, DEFAULT_MAX_CHARS, DEFAULT_MAX_MB
from .pairs import Pair


@dataclass(frozen=True)
class JobSpec:
    """Options shared by every pair (languages come with each pair)."""

    formats: tuple[str, ...] = ("tsv",)
    check: bool = False
    es_locale: str = "auto"
    encoder: str = "use"
    max_bead: int = DEFAULT_MAX_BEAD
    presegmented: bool = False
    cache_dir: str | None = None
    input_format: str = "auto"
    max_input_mb: float = DEFAULT_MAX_MB
    max_sentence_chars: int = DEFAULT_MAX_CHARS
    timeout: float | None = None  # per pair; a pair over it fails alone, with no done-record
    glossaries: tuple[str, ...] = ()
    profile: str | None = None  # a check profile (TOML); with check only

    def check_settings(self):
        """The profile and the checks it selects, read once per process (and again when a
        file's content changes)."""
        return _settings(self.profile, self.glossaries, _digest(self.profile, self.glossaries))

    def output_options(self, pair: Pair) -> dict:
        """Everything that changes a pair's output files (the cache only changes the speed, the
        size limit only whether a file is refused)."""
        return {**self.shared_options(), "src_lang": pair.src_lang, "tgt_lang": pair.tgt_lang}

    def shared_options(self) -> dict:
        """What output_options says for every pair alike."""
        return {"formats": list(self.formats), "check": self.check,
                "es_locale": self.es_locale if self.check else None, "encoder": self.encoder,
                "max_bead": self.max_bead, "presegmented": self.presegmented,
                "input_format": self.input_format, "max_sentence_chars": self.max_sentence_chars,
                **({"settings": _digest(self.profile, self.glossaries)} if self.check else {})}

    def validate(self) -> None:
        """Raise UsageError now for an option every pair would fail on."""
        from ..checking import ES_LOCALES
        from ..embed import get_encoder
        from ..write import WRITERS

        unknown = [f for f in self.formats if f not in WRITERS]
        if unknown or not self.formats:
            raise UsageError(f"unknown output format {','.join(unknown) or '(none)'}; "
                             f"choose from: {', '.join(WRITERS)}")
        if "parquet" in self.formats:
            from ..write.parquet import require_pyarrow

            require_pyarrow()
        if self.max_sentence_chars < 1:
            raise UsageError("--max-sentence-chars must be at least 1")
        if self.max_bead < 2:
            raise UsageError("--max-bead must be at least 2")
        if self.es_locale not in ES_LOCALES:
            raise UsageError(f"--es-locale must be one of {', '.join(ES_LOCALES)}")
        get_encoder(self.encoder)  # checks the name; models load lazily, in the workers
        if (self.glossaries or self.profile) and not self.check:
            raise UsageError("--glossary and --profile need --check")
        if self.check:
            self.check_settings()  # a bad profile or glossary fails the batch before any pair


@functools.lru_cache(maxsize=4)
def _settings(profile: str | None, glossaries: tuple[str, ...], digest: str):
    from ..diverge import build_checks
    from ..profile import Profile, load_profile
    from ..terms import read_glossaries

    settings = load_profile(profile) if profile else Profile()
    glossary = read_glossaries([*settings.glossaries, *glossaries])
    return settings, build_checks(settings.checks, glossary)


def _digest(profile: str | None, glossaries: tuple[str, ...]) -> str:
    """What the check settings say, by content: an edited glossary redoes every pair."""
    from ..profile import load_profile

    paths = [*((profile,) if profile else ()), *glossaries,
             *(load_profile(profile).glossaries if profile else ())]
    sha = hashlib.sha256()
    for path in paths:
        try:
            content = Path(path).read_bytes()
        except OSError:
            content = b""  # reading it again says why, in one line
        sha.update(path.encode("utf-8") + b"\0" + content + b"\0")
    return sha.hexdigest()
