"""The options of a batch that every pair shares, and which of them change a pair's output."""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import UsageError
from ..limits import DEFAULT_MAX_CHARS, DEFAULT_MAX_MB
from .pairs import Pair


@dataclass(frozen=True)
class JobSpec:
    """Options shared by every pair (languages come with each pair)."""

    formats: tuple[str, ...] = ("tsv",)
    check: bool = False
    es_locale: str = "auto"
    encoder: str = "use"
    max_bead: int = 5
    presegmented: bool = False
    cache_dir: str | None = None
    input_format: str = "auto"
    max_input_mb: float = DEFAULT_MAX_MB
    max_sentence_chars: int = DEFAULT_MAX_CHARS
    timeout: float | None = None  # per pair; a pair over it fails alone, with no done-record

    def output_options(self, pair: Pair) -> dict:
        """Everything that changes a pair's output files (the cache only changes the speed, the
        size limit only whether a file is refused)."""
        return {"formats": list(self.formats), "check": self.check,
                "es_locale": self.es_locale if self.check else None, "encoder": self.encoder,
                "max_bead": self.max_bead, "presegmented": self.presegmented,
                "input_format": self.input_format, "max_sentence_chars": self.max_sentence_chars,
                "src_lang": pair.src_lang, "tgt_lang": pair.tgt_lang}

    def validate(self) -> None:
        """Raise UsageError now for an option every pair would fail on."""
        from ..checking import ES_LOCALES
        from ..embed import get_encoder
        from ..write import WRITERS

        unknown = [f for f in self.formats if f not in WRITERS]
        if unknown or not self.formats:
            raise UsageError(f"unknown output format {','.join(unknown) or '(none)'}; "
                             f"choose from: {', '.join(WRITERS)}")
        if self.max_sentence_chars < 1:
            raise UsageError("--max-sentence-chars must be at least 1")
        if self.max_bead < 2:
            raise UsageError("--max-bead must be at least 2")
        if self.es_locale not in ES_LOCALES:
            raise UsageError(f"--es-locale must be one of {', '.join(ES_LOCALES)}")
        get_encoder(self.encoder)  # checks the name; models load lazily, in the workers
