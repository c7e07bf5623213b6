"""Mine the Spanish renderings of English commitment cues (and the English renderings of Spanish
ones) from aligned translation units, and write the reviewed lexicons the checker loads
(aligner/diverge/lexicons/*.tsv).

Why mining: the cue lexicons of conditions.py / polarity.py / modality.py were typed one
false alarm at a time, so every faithful rendering nobody had seen yet ("as appropriate" =
"según corresponda", "regardless of" = "sin importar") raised a flag. Aligned units show
which renderings translators actually use.

Method. A *unit* is one gold bead of a faithful set (GDPR, UN SDG, UDHR, Bible verses without
Jonah, FLORES and Tatoeba lines): its two sides are translations of each other, so a cue on
one side and its rendering on the other co-occur in the same unit far more often than chance.
For each seed cue (a phrase of one language, SEEDS below) and each word n-gram of 1-4 words of
the other language (n-grams do not cross punctuation; text lower-cased, NFC), over the N
units of the seed's universe:

    a = units whose cue side holds the seed, b = units whose other side holds the n-gram,
    c = units holding both.

Score: Dunning's log-likelihood ratio G2 of the 2x2 table (a, b, c, N). It is the usual test
for word association in parallel text because it stays reliable for the rare events cues are
(a few dozen units out of thousands), where chi-square and pointwise mutual information
over-reward a pair seen twice; Dice 2c/(a+b) and P(rendering | cue) = c/a are reported beside
it to read the strength of the link.

Only n-grams near the cue count as co-occurring: translations keep the order of a text's parts
roughly, so a rendering starts within WINDOW (a quarter of the text) of the cue's relative
position; without this, the topic words of a long GDPR paragraph associate with every cue in it.

Automatic acceptance: c >= MIN_BOTH, observed c above the expectation a*b/N, G2 >= MIN_G2
(10.83 = p < 0.001 for one degree of freedom), P(rendering | cue) >= MIN_SHARE,
P(cue | rendering) = c/b >= MIN_PRECISION (a rendering that predicts the cue less than one
time in five is a general word, not a rendering), the n-gram is not made of function words only, and it is not a piece of a longer candidate that holds most of
its occurrences (c_long >= 0.8 c_short: the longer phrase is the rendering, the piece would also
match elsewhere). At most TOP_K per seed, by G2.

Review rule (the ACCEPT table below): a candidate is accepted when, read in the units it
shares with the cue, it renders the cue itself and nothing else: a function-word phrase with
the cue's meaning ("según proceda" for "as appropriate"). Rejected: topic vocabulary that
merely shares units with the cue ("responsable" next to "where applicable" in the GDPR), pieces
of passages the GDPR repeats verbatim (they co-occur three or four times by repetition, not by
translation), and open words that would fire far outside the cue's sense. Candidates the
review has not seen (new data) come out "rejected" too: nothing is loaded unreviewed. Seeds
whose own language is covered by morphology rules (the modal verbs "shall", "may", ...) or by
the hand lexicons (plain negations) are mined for the record, marked `report`, and not loaded.

The data hold few renderings of some seeds ("free of", "sin importar" occur once or twice):
the hand lexicons keep those, with the mined files adding what the data support.

Deterministic: counts do not depend on the order of the units, ties are broken by the n-gram
text, and there is no randomness, so a rerun on the same data writes the same bytes.
Usage: python benchmarks/mine_cues.py --data /work/shared/data [--out aligner/diverge/lexicons]
"""
from __future__ import annotations

import argparse
import json
import math
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "aligner" / "diverge" / "lexicons"

MIN_BOTH = 3
MIN_G2 = 10.83
MIN_SHARE = 0.05
MIN_PRECISION = 0.2
WINDOW = 0.25
TOP_K = 15
MAX_N = 4
COLUMNS = ("group", "direction", "label", "cue", "rendering", "both", "cue_units", "rendering_units",
           "units", "p_rendering_given_cue", "g2", "dice", "status")


@dataclass(frozen=True)
class Seed:
    """A cue phrase of `lang` whose renderings in the other language are mined.

    `label` is the lexicon label the accepted renderings get; `pattern` a regex over
    lower-cased text; `load` False for seeds mined only for the record."""

    group: str
    lang: str
    label: str
    cue: str
    pattern: str
    load: bool = True


def _phrase(cue: str) -> str:
    return r"(?<!\w)" + r"\s+".join(re.escape(w) for w in cue.split()) + r"(?!\w)"


def _seeds(group: str, lang: str, label: str, cues: Iterable[str], load: bool = True) -> list[Seed]:
    return [Seed(group, lang, label, cue, _phrase(cue), load) for cue in cues]


SEEDS: tuple[Seed, ...] = tuple(
    _seeds("conditions", "en", "appropriate",
           ("as appropriate", "where applicable", "where appropriate", "if necessary", "as necessary",
            "where possible", "where necessary", "if appropriate", "as the case may be"))
    + _seeds("conditions", "en", "exception", ("unless",))
    + _seeds("conditions", "en", "proviso", ("provided that",))
    + _seeds("conditions", "en", "reservation", ("subject to",))
    + _seeds("conditions", "en", "accordance", ("in accordance with",), load=False)
    + _seeds("conditions", "en", "prejudice", ("without prejudice to",))
    + _seeds("conditions", "en", "regardless", ("notwithstanding", "regardless of", "irrespective of"))
    + _seeds("conditions", "es", "appropriate", ("en su caso", "cuando proceda", "según proceda",
                                                 "según corresponda"))
    + _seeds("conditions", "es", "regardless", ("independientemente de", "con independencia de",
                                                "sin importar"))
    + _seeds("negation", "en", "free", ("free of", "free from"))
    + _seeds("negation", "en", "regardless", ("regardless of", "irrespective of"))
    + _seeds("negation", "en", "no-longer", ("no longer",))
    + [Seed("negation", "en", "neither-nor", "neither ... nor", r"(?<!\w)neither(?!\w).*(?<!\w)nor(?!\w)", False)]
    + _seeds("negation", "en", "strong", ("without", "not", "never", "no"), load=False)
    + _seeds("negation", "es", "free", ("libre de", "libres de"))
    + _seeds("negation", "es", "strong", ("sin", "ni", "nunca", "nadie", "ningún", "ya no"), load=False)
    + _seeds("modality", "en", "intention", ("intend to", "intends to", "aim to", "aims to", "seek to",
                                             "seeks to", "endeavour to", "strive to"))
    + _seeds("modality", "en", "obligation", ("commit to", "committed to", "undertake to"))
    + _seeds("modality", "en", "modal", ("shall", "should", "must", "may", "will"), load=False)
)

STOPWORDS = {
    "en": frozenset("""a an the of to in on at by for with from and or but as is are was were be been being it its
        this that these those which who whom whose what there their they them he she his her him we our you your
        i me my so such than then also any all each every other some more most very can could may might must
        shall should will would do does did has have had not no if where when how up out into over under about""".split()),
    "es": frozenset("""a al de del el la los las lo un una unos unas y e o u que en con por para se su sus es son
        fue ser era como más muy le les me mi nos este esta estos estas ese esa esos esas ha han hay ya pero sino
        cual cuales quien quienes cuyo cuya donde cuando si también otro otra otros otras todo toda todos todas
        sobre entre sin ni no tan tanto""".split()),
}

# The review: (seed cue, rendering) pairs read in the units they share and accepted as
# renderings (rule in the docstring); every other candidate of a loaded seed is rejected.
ACCEPT: frozenset[tuple[str, str]] = frozenset({
    ("as appropriate", "según proceda"), ("where applicable", "en su caso"),
    ("where appropriate", "cuando proceda"), ("where appropriate", "si procede"),
    ("if necessary", "en caso necesario"), ("where possible", "cuando sea posible"),
    ("where necessary", "cuando sea necesario"), ("unless", "salvo que"), ("unless", "a menos que"),
    ("provided that", "siempre que"), ("subject to", "sujeto a"), ("subject to", "sujetas a"),
    ("subject to", "a reserva de"), ("without prejudice to", "sin perjuicio de"),
    ("regardless of", "independientemente de"), ("irrespective of", "independientemente de"),
    ("en su caso", "where applicable"), ("en su caso", "where relevant"),
    ("cuando proceda", "where appropriate"), ("según proceda", "as appropriate"),
    ("independientemente de", "irrespective of"), ("independientemente de", "regardless of whether"),
    ("no longer", "dejado de"),
    ("aims to", "tenga por objeto"), ("intends to", "proyecte"),
})

_BREAK = re.compile(r"[,;:.()\[\]!?¡¿«»\"“”‘’—–]")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def normalise(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower()


def positioned_ngrams(text: str, max_n: int = MAX_N) -> dict[str, list[float]]:
    """Word n-grams of 1..max_n words (not crossing punctuation) -> the relative positions
    (start offset / text length) where they occur."""
    grams: dict[str, list[float]] = {}
    size = max(len(text), 1)
    start = 0
    for piece in _BREAK.split(text):  # every separator is one character
        toks = [(m.group(), (start + m.start()) / size) for m in _WORD.finditer(piece)]
        for n in range(1, max_n + 1):
            for i in range(len(toks) - n + 1):
                grams.setdefault(" ".join(t for t, _ in toks[i:i + n]), []).append(toks[i][1])
        start += len(piece) + 1
    return grams


def ngrams(text: str, max_n: int = MAX_N) -> set[str]:
    return set(positioned_ngrams(text, max_n))


def g2(a: int, b: int, c: int, n: int) -> float:
    """Dunning's log-likelihood ratio for the 2x2 table of cue (a units), rendering (b) and
    both (c) among n units."""
    cells = ((c, a, b), (a - c, a, n - b), (b - c, n - a, b), (n - a - b + c, n - a, n - b))
    total = 0.0
    for observed, row, col in cells:
        if observed > 0:
            total += observed * math.log(observed * n / (row * col))
    return 2 * total


@dataclass(frozen=True)
class Candidate:
    seed: Seed
    rendering: str
    both: int
    cue_units: int
    rendering_units: int
    units: int
    g2: float

    @property
    def share(self) -> float:
        return self.both / self.cue_units

    @property
    def dice(self) -> float:
        return 2 * self.both / (self.cue_units + self.rendering_units)


def _function_only(gram: str, lang: str) -> bool:
    return all(w in STOPWORDS[lang] for w in gram.split())


@dataclass(frozen=True)
class Unit:
    """One aligned unit, normalised, with the positioned n-grams of each side."""

    text: dict[str, str]
    grams: dict[str, dict[str, list[float]]]


def prepare(units: Iterable[tuple[str, str]]) -> list[Unit]:
    prepared = []
    for en, es in units:
        text = {"en": normalise(en), "es": normalise(es)}
        prepared.append(Unit(text, {lang: positioned_ngrams(t) for lang, t in text.items()}))
    return prepared


def mine_seed(seed: Seed, units: list[Unit]) -> list[Candidate]:
    """All candidates of `seed` passing the automatic rule, best first."""
    other = "es" if seed.lang == "en" else "en"
    cue_rx = re.compile(seed.pattern)
    df, co, n, a = Counter(), Counter(), 0, 0
    for unit in units:
        own, theirs = unit.text[seed.lang], unit.text[other]
        grams = unit.grams[other]
        n += 1
        df.update(grams.keys())
        spots = [m.start() / max(len(own), 1) for m in cue_rx.finditer(own)]
        if spots:
            a += 1
            co.update(g for g, where in grams.items()
                      if any(abs(p - s) <= WINDOW for p in where for s in spots))
    found = []
    for gram, c in co.items():
        b = df[gram]
        if (c < MIN_BOTH or c * n <= a * b or c / a < MIN_SHARE or c / b < MIN_PRECISION
                or _function_only(gram, other)):
            continue
        score = g2(a, b, c, n)
        if score >= MIN_G2:
            found.append(Candidate(seed, gram, c, a, b, n, score))
    return _drop_pieces(found)


def _drop_pieces(found: list[Candidate]) -> list[Candidate]:
    """Keep the longer phrase when a shorter candidate occurs mostly inside it."""
    kept = []
    for cand in found:
        inside = (o for o in found if o.rendering != cand.rendering
                  and f" {cand.rendering} " in f" {o.rendering} " and o.both >= 0.8 * cand.both)
        if next(inside, None) is None:
            kept.append(cand)
    kept.sort(key=lambda c: (-c.g2, c.rendering))
    return kept[:TOP_K]


def status(cand: Candidate, accept: frozenset[tuple[str, str]]) -> str:
    if not cand.seed.load:
        return "report"
    return "accepted" if (cand.seed.cue, cand.rendering) in accept else "rejected"


def rows(candidates: Iterable[Candidate], accept: frozenset[tuple[str, str]]) -> Iterator[tuple[str, ...]]:
    for c in candidates:
        s = c.seed
        yield (s.group, f"{s.lang}>{'es' if s.lang == 'en' else 'en'}", s.label, s.cue, c.rendering,
               str(c.both), str(c.cue_units), str(c.rendering_units), str(c.units),
               f"{c.share:.3f}", f"{c.g2:.2f}", f"{c.dice:.3f}", status(c, accept))


def write_tsv(path: Path, lines: Iterable[tuple[str, ...]]) -> None:
    body = "\n".join("\t".join(line) for line in [COLUMNS, *lines]) + "\n"
    path.write_text(body, encoding="utf-8")


def mine(units: Iterable[tuple[str, str]], seeds: Iterable[Seed], out: Path,
         accept: frozenset[tuple[str, str]] = ACCEPT) -> dict[str, int]:
    """Write one TSV per seed group into `out`; returns the number of rows per file."""
    prepared = prepare(units)
    by_group: dict[str, list[tuple[str, ...]]] = {}
    for seed in seeds:
        by_group.setdefault(seed.group, []).extend(rows(mine_seed(seed, prepared), accept))
    out.mkdir(parents=True, exist_ok=True)
    for group, lines in by_group.items():
        write_tsv(out / f"{group}.tsv", lines)
    return {group: len(lines) for group, lines in by_group.items()}


# --- reading the aligned units -------------------------------------------------------------

def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def gold_units(en_path: Path, es_path: Path, gold_path: Path) -> Iterator[tuple[str, str]]:
    en, es = _lines(en_path), _lines(es_path)
    for line in _lines(gold_path):
        if line.strip():
            left, right = (json.loads(side) for side in line.split(":"))
            if left and right:
                yield " ".join(en[i] for i in left), " ".join(es[k] for k in right)


def read_units(data: Path) -> list[tuple[str, str]]:
    units: list[tuple[str, str]] = []
    for folder, skip in (("eu-gdpr-en-es", ()), ("un-sdg-en-es", ()), ("udhr-en-es", ()), ("bible-en-es", ("JON",))):
        for gold in sorted((data / folder).glob("*.en-es")):
            stem = gold.name[: -len(".en-es")]
            if stem not in skip:
                units.extend(gold_units(gold.with_name(stem + ".en"), gold.with_name(stem + ".es"), gold))
    for en_name, es_name in (("flores200-devtest-en-es/flores200-devtest.en", "flores200-devtest-en-es/flores200-devtest.es"),
                             ("tatoeba-spa-eng/tatoeba.spa-eng.eng", "tatoeba-spa-eng/tatoeba.spa-eng.spa")):
        units.extend(zip(_lines(data / en_name), _lines(data / es_name)))
    return units


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    try:
        units = read_units(args.data)
    except OSError as exc:
        print(f"error: cannot read the aligned units: {exc}", file=sys.stderr)
        return 2
    counts = mine(units, SEEDS, args.out)
    print(f"{len(units)} units; rows written: " + ", ".join(f"{g} {n}" for g, n in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
