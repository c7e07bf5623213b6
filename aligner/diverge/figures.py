"""The figures check: numbers, amounts, percentages, dates that one side states differently or not at all."""
from __future__ import annotations

import math
from collections import Counter

from ..records import Flag
from .base import BeadText, Check, Context
from .compare import Pairing, pair_quantities
from .dates import WEEKDAY_NAMES
from .direction import direction_flags, unanchored_flags
from .labels import Label, find_labels, label_flags, pair_labels
from .numbers import decimal_for
from .quantities import Quantity, extract_quantities
from .units import CURRENCY_WORD_RE, currency_code

# Figures whose loss changes what a sentence commits to.
_HEAVY = ("amount", "percent", "pp", "date")


def _num(v: float) -> str:
    if abs(v) >= 1e6:
        exp = int(math.floor(math.log10(abs(v)) / 3) * 3)
        return f"{round(v / 10 ** exp, 6):g}e{exp}"
    return f"{round(v, 6):g}"


def _date_parts(v: float, unit: str) -> tuple[int | None, int | None, int | None]:
    n = int(v)
    return {
        "ymd": (n // 10000, n // 100 % 100, n % 100), "ym": (n // 100, n % 100, None),
        "md": (None, n // 100, n % 100), "year": (n, None, None), "decade": (None, None, None),
        "yq": (n // 10, None, None), "q": (None, None, None), "time": (None, None, None),
        "weekday": (None, None, None),
    }[unit]


def _century(first_year: int) -> str:
    n = first_year // 100 + 1
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix} century"


def _show_date(v: float, unit: str) -> str:
    n = int(v)
    return {
        "ymd": f"{n // 10000}-{n // 100 % 100:02d}-{n % 100:02d}", "ym": f"{n // 100}-{n % 100:02d}",
        "md": f"--{n // 100:02d}-{n % 100:02d}", "yq": f"{n // 10}-Q{n % 10}", "q": f"Q{n}",
        "decade": f"{n}s", "century": _century(n), "year": str(n), "time": f"{n // 60:02d}:{n % 60:02d}",
        "weekday": WEEKDAY_NAMES.get(n, str(n)),
    }[unit]


def show(q: Quantity, near: Quantity | None = None) -> str:
    """The normalised value of `q`; of several readings, the one closest to `near`."""
    v = q.values[0]
    if near is not None and len(q.values) > 1:
        v = min(q.values, key=lambda x: min(abs(math.log(abs(x) + 1e-12) - math.log(abs(y) + 1e-12)) for y in near.values))
    if q.kind == "date":
        return _show_date(v, q.unit)
    body = _num(v)
    if q.kind == "percent":
        return body + "%"
    if q.kind == "pp":
        return body + " pp"
    if q.kind == "ref":
        return f"{q.unit} {body}".strip()
    if q.kind == "approx":
        return "~" + body
    return f"{body} {q.unit}".strip() + ("x" if q.kind == "factor" else "")


# Mentions with no year/month/day to compare part by part: equal values or nothing.
_PARTLESS = ("time", "decade", "q", "weekday")


def _dates_agree(a: Quantity, b: Quantity) -> bool:
    """A date said more or less precisely on each side ("October 2021" / "8 de octubre de 2021")."""
    if a.unit == b.unit or a.unit in _PARTLESS or b.unit in _PARTLESS:
        return a.unit == b.unit and bool(set(a.values) & set(b.values))
    return any(
        all(x is None or y is None or x == y for x, y in zip(_date_parts(va, a.unit), _date_parts(vb, b.unit)))
        for va in a.values for vb in b.values
    )


# Two approximate figures this close may be the same estimate rounded differently ("about
# 25 million" / "unos 30 millones"); further apart, the hedge does not explain the gap.
APPROX_RATIO = 1.5


def _near(a: Quantity, b: Quantity) -> bool:
    """Close, and one of them a round figure: "hasta 12.340" is no rounding of "to 12,430"."""
    return any(x == y or (x > 0 and y > 0 and max(x, y) / min(x, y) <= APPROX_RATIO and (_round(x) or _round(y)))
               for x in a.values for y in b.values)


def _round(value: float) -> bool:
    """At most two significant digits: 30, 25 million, 1.5, 0.25."""
    digits = f"{value:.10g}".replace(".", "").replace("-", "").split("e")[0].strip("0")
    return len(digits) <= 2


def _differ_flag(a: Quantity, b: Quantity) -> Flag:
    label = a.kind if a.kind == b.kind else "figure"
    dates = a.kind == b.kind == "date"
    # "about 1.25" may be "1.3", but never in another currency or unit
    vague = (dates and _dates_agree(a, b)) or (
        (a.approx or b.approx) and a.unit == b.unit and (dates or _near(a, b)))
    what = "precision differs" if vague and a.kind == b.kind == "date" else "differs"
    return Flag("figure", "low" if vague else "high", f"{label} {what}: {show(a, b)} vs {show(b, a)}", a.text, b.text)


def _weak(q: Quantity) -> bool:
    """A lone 'one'/'first'/'1 year' is so often rephrased away ("infants" = "menores de 1 año",
    "one census" = "un censo") that its absence on the other side says nothing."""
    return q.kind not in _HEAVY and all(v == 1 for v in q.values)


def _missing_flag(q: Quantity, side: str, other: str) -> Flag:
    # Vague amounts and ordinal words ("the first subparagraph" = "el párrafo primero" or just
    # "este párrafo") are often restructured, so their absence is only worth a look.
    # Small numbers in words hide in "both", "another", "twice" ("dos encargados").
    # A weekday one side names may be "the Sabbath", "yesterday" or nothing on the other.
    vague = q.approx or q.kind == "approx" or (q.wordy and (q.kind == "ordinal" or max(q.values) <= 2)) \
        or q.unit == "weekday"
    severity = "low" if vague else "high" if q.kind in _HEAVY else "medium"
    message = f"{q.kind} missing in {other}: {show(q)}"
    return Flag("figure", severity, message, q.text if side == "src" else "", q.text if side == "tgt" else "")


def _repeated(q: Quantity, pairs: list[tuple[Quantity, Quantity]], side: int) -> bool:
    """`q` restates a figure its side already matched ("Article 9(2) as well as Article 9(3)"
    = "artículo 9, apartados 2 y 3"): a repetition, not a figure of its own."""
    return any(set(q.values) & set(pair[side].values) for pair in pairs)


def compare(src: list[Quantity], tgt: list[Quantity]) -> list[Flag]:
    return _pairing_flags(pair_quantities(src, tgt))


def _pairing_flags(pairing: Pairing) -> list[Flag]:
    flags = [_differ_flag(a, b) for a, b in pairing.differ]
    flags += [_missing_flag(q, "src", "target") for q in pairing.src_only
              if not _weak(q) and not _repeated(q, pairing.same, 0)]
    flags += [_missing_flag(q, "tgt", "source") for q in pairing.tgt_only
              if not _weak(q) and not _repeated(q, pairing.same, 1)]
    return flags


class FiguresCheck(Check):
    """Flags figures that differ between the two sides of a bead, or appear on one side only."""

    name = "figures"

    def judge(self, bead: BeadText, ctx: Context) -> list[Flag]:
        # A side with no text is an omission, which is another check's business.
        if not bead.src_text.strip() or not bead.tgt_text.strip():
            return []
        src, tgt = quantities(bead.src_text, ctx.src_lang, ctx), quantities(bead.tgt_text, ctx.tgt_lang, ctx)
        labels = pair_labels(find_labels(bead.src_text), find_labels(bead.tgt_text))
        # Labels the two sides share are compared as labels, not again as numbers or references.
        src, tgt = _unlabelled(src, [a for a, _ in labels]), _unlabelled(tgt, [b for _, b in labels])
        pairing = pair_quantities(src, tgt)
        paired = _pairing_flags(pairing)
        reversed_ = direction_flags(bead.src_text, bead.tgt_text, ctx.src_lang, ctx.tgt_lang, src, tgt, pairing.same)
        if not reversed_ and not any(f.severity == "high" for f in paired):
            reversed_ = unanchored_flags(bead.src_text, bead.tgt_text, ctx.src_lang, ctx.tgt_lang)
        return label_flags(labels) + paired + reversed_ + _currency_flags(bead, src, tgt)


def quantities(text: str, lang: str, ctx: Context) -> list[Quantity]:
    """The quantities of one side of a bead, read with the decimal mark its document uses."""
    document_mark = ctx.src_decimal if lang == ctx.src_lang else ctx.tgt_decimal
    return extract_quantities(text, lang, decimal_for(lang, document_mark, ctx.es_locale))


def _unlabelled(quantities: list[Quantity], labels: list[Label]) -> list[Quantity]:
    return [q for q in quantities if not any(q.start < lab.end and lab.start < q.end for lab in labels)]


def _bare_currencies(text: str, quantities: list[Quantity]) -> Counter:
    """Currencies a side names beyond those of its amounts."""
    named = Counter(currency_code(m.group()) for m in CURRENCY_WORD_RE.finditer(text))
    named.subtract(q.unit for q in quantities if q.kind == "amount")
    return +named


def _currency_flags(bead: BeadText, src: list[Quantity], tgt: list[Quantity]) -> list[Flag]:
    """"in United States dollars" rendered "en euros": a currency changed with no amount to show it.

    Only when both sides name a currency of their own: one named on one side only is too often
    rephrased away ("Dollar value" = "Valor monetario").
    """
    s, t = _bare_currencies(bead.src_text, src), _bare_currencies(bead.tgt_text, tgt)
    if not s or not t or set(s) == set(t):
        return []
    return [Flag("figure", "high", f"currency differs: {'/'.join(sorted(s))} vs {'/'.join(sorted(t))}")]
