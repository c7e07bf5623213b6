"""aligner.check: align two documents, then judge every bead for disagreements."""
from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace

from .api import Source, align
from .diverge import BeadText, Check, Context, build_checks, judge_document
from .diverge.numbers import detect_decimal_mark
from .embed import Encoder, get_encoder
from .errors import UsageError
from .profile import Profile
from .records import SEVERITIES, Alignment, Bead, Flag
from .review import apply_flag_decisions, warn_stale
from .terms import read_glossaries

ES_LOCALES = ("auto", "mx", "es")


def check(src: Source, tgt: Source, *, es_locale: str | None = None,
          checks: tuple[Check, ...] | None = None, profile: Profile | None = None,
          glossaries: Sequence[str | os.PathLike] = (), **align_options) -> Alignment:
    """Align `src` with `tgt` (same options as `aligner.align`) and fill every bead's flags.

    `profile` (see aligner.profile) selects the checks, their severities, glossaries and
    ignore patterns; `glossaries` add to its glossaries; an explicit `es_locale` or `checks`
    wins over it. With `review=` (aligner.review.Review) the reviewed beads stay fixed and the
    flags it dismissed come back dismissed, with their notes; stale decisions are
    StaleDecisionWarnings.
    """
    profile = profile or Profile()
    es_locale = es_locale or profile.es_locale or "auto"
    if es_locale not in ES_LOCALES:
        raise UsageError(f"--es-locale must be one of {', '.join(ES_LOCALES)}")
    if checks is None:
        glossary = read_glossaries([*profile.glossaries, *glossaries])
        checks = build_checks(profile.checks, glossary)
    alignment = align(src, tgt, **align_options)
    encoder = align_options.get("encoder", "use")
    if isinstance(encoder, str):  # the one align just loaded: get_encoder keeps it per process
        encoder = get_encoder(encoder, align_options.get("cache_dir"), align_options.get("workers", 1))
    judged = judge_alignment(alignment, es_locale=es_locale, checks=checks, encoder=encoder,
                             profile=profile)
    review = align_options.get("review")
    if review is None:
        return judged
    judged, stale = apply_flag_decisions(judged, review)
    warn_stale(stale)
    return judged


def judge_alignment(alignment: Alignment, *, es_locale: str = "auto",
                    checks: tuple[Check, ...] | None = None,
                    encoder: Encoder | None = None, profile: Profile | None = None) -> Alignment:
    """Flags for an alignment already made (for example one read back from JSONL). With the
    `encoder` that made it, checks may also compare parts of a bead by meaning; a `profile`
    restyles severities and drops the flags of ignored beads."""
    ctx = check_context(alignment, es_locale, encoder)
    flags = judge_beads(alignment, alignment.beads, ctx, checks, profile)
    beads = tuple(replace(b, flags=f) for b, f in zip(alignment.beads, flags))
    return replace(alignment, beads=beads)


def check_context(alignment: Alignment, es_locale: str = "auto",
                  encoder: Encoder | None = None) -> Context:
    """What the checks know of the whole document: languages, decimal marks, the encoder."""
    return Context(
        embed=encoder.encode if encoder is not None else None,
        src_lang=alignment.src_lang, tgt_lang=alignment.tgt_lang, es_locale=es_locale,
        src_decimal=detect_decimal_mark([s.text for s in alignment.src], alignment.src_lang),
        tgt_decimal=detect_decimal_mark([s.text for s in alignment.tgt], alignment.tgt_lang),
    )


def judge_beads(alignment: Alignment, beads: Sequence[Bead], ctx: Context,
                checks: tuple[Check, ...] | None = None,
                profile: Profile | None = None) -> list[tuple[Flag, ...]]:
    """The flags of `beads` (of `alignment`'s sentences), the checks seeing only these beads:
    the review app re-judges one edited bead this way without judging the whole document."""
    texts = [BeadText(alignment.src_text(b), alignment.tgt_text(b), b.score, b.src, b.tgt)
             for b in beads]
    flags = judge_document(texts, ctx, checks if checks is not None else build_checks())
    if profile is not None:
        flags = [_profiled(profile, text, found) for text, found in zip(texts, flags)]
    return [tuple(f) for f in flags]


def _profiled(profile: Profile, text: BeadText, flags: list[Flag]) -> list[Flag]:
    if flags and profile.ignores(text.src_text, text.tgt_text):
        return []
    return [profile.restyle(f) for f in flags]


def reaches(alignment: Alignment, severity: str) -> bool:
    """True when some open flag is at least as severe as `severity` (what `check --fail-on`
    gates): a flag a reviewer dismissed no longer fails a build."""
    floor = SEVERITIES.index(severity)
    return any(SEVERITIES.index(f.severity) >= floor for b in alignment.beads
               for f in b.open_flags)
