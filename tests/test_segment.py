"""Sentence segmentation: per-phenomenon cases, the gold test set, and the corpora's .sents files."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aligner.read import read, read_string
from aligner.segment import segment, split_sentences
from aligner.segment.evaluate import boundaries, load_gold, score
from aligner.segment.prefixes import apply_edits, rules_language

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "segmentation"
CORPORA = ROOT / "corpora"

CASES = {
    "acronym": [
        ("en", ["The U.S. delegation met the U.N. envoy in Washington, D.C. on Monday.", "Talks resume in May."]),
        ("en", ["The deal was welcomed by the U.S.", "The EU said it would study it."]),
        ("es", ["La delegación de EE. UU. llegó el lunes.", "Las FF. AA. desfilaron."]),
        ("es", ["El acuerdo fue recibido por EE. UU.", "La UE lo estudiará."]),
    ],
    "title": [
        ("en", ["Mr. Smith, Dr. Lee and Amb. Patel spoke.", "Prof. Ahmed closed."]),
        ("es", ["El Sr. Pérez, la Sra. Gómez, la Dra. Ruiz y el Lic. Torres firmaron.", "Nadie más habló."]),
    ],
    "initials": [("en", ["The report by J. R. Smith was adopted.", "It is public."])],
    "numbered abbreviation": [
        ("en", ["Resolution No. 5 and Art. 12 apply.", "See p. 3."]),
        ("es", ["Véanse el art. 5, los arts. 6 y 7 y la Ley núm. 12.", "Es firme."]),
    ],
    "etc and e.g.": [
        ("en", ["Food, fuel, etc. are exempt, e.g. bread.", "Fuel, water, etc.", "The list is annexed."]),
        ("es", ["Sectores, p. ej. la pesca, etc. quedan exentos.", "Alimentos, agua, etc.", "La lista figura en el anexo."]),
    ],
    "time": [("en", ["It opened at 9 a.m. on Monday.", "Voting closed at 6 p.m.", "Results follow."])],
    "numbers": [
        ("en", ["Growth was 25.1 percent, or 5,046 jobs and 5 046 firms.", "Costs hit $25.1 billion, US$ 3.5 and €4.2."]),
        ("es", ["Creció un 25,1 %, con 5.046 empleos y 1,25 dólares por hora.", "El año 2024 será similar."]),
    ],
    "ellipsis": [
        ("en", ["Talks dragged on...", "The parties agreed.", "They waited… and waited.", "It is open…", "Others disagree."]),
        ("es", ["Dijo «difíciles... pero constructivas».", "Siguió abierto…", "Varias delegaciones protestaron."]),
    ],
    "quotes": [
        ("en", ['He called it "historic."', 'She asked: "Who pays?"', "Nobody answered."]),
        ("es", ["«No aceptaremos retrasos», dijo.", "«El plazo se mantiene».", "Lo calificó de “histórico”."]),
    ],
    "inverted marks": [
        ("es", ["¿Qué?", "Nada."]),
        ("es", ["¿Es el fin?", "¡En absoluto!", "Se preguntó ¿cuánto más?, sin respuesta."]),
    ],
    "colon and semicolon": [("en", ["Three aims: health; education; and climate; all agreed."])],
    "labels": [
        ("en", ["1. The Parties shall cooperate.", "They shall report."]),
        ("es", ["IV. La Conferencia se reunirá.", "Decidirá por consenso."]),
        ("es", ["a) La Secretaría informará."]),
    ],
    "no final punctuation": [("en", ["Final Provisions of the Agreement"])],
    "era": [
        ("en", ["It began in 400 A.D. and lasted until 1100 A.D.", "Its status declined."]),
        ("es", ["Empezó en el 400 a. C. y duró hasta el 1100 d. C.", "Durante el siglo XII decayó."]),
        ("es", ["Data del 5.000 a.C.", "Como disciplina es reciente."]),
    ],
    "spanish no": [("es", ["Dijo que no.", "El ministro salió."])],
}


@pytest.mark.parametrize(
    "lang, sentences", [case for cases in CASES.values() for case in cases],
    ids=[f"{name}-{i}" for name, cases in CASES.items() for i in range(len(cases))],
)
def test_phenomenon(lang, sentences):
    assert split_sentences(" ".join(sentences), lang) == sentences


def test_whitespace_is_normalised_but_nbsp_kept():
    assert split_sentences("  One  line\nwrapped.\n\nTwo ", "en") == ["One line wrapped.", "Two"]
    assert split_sentences("It was 5\u00a0046 people.", "en") == ["It was 5\u00a0046 people."]


def test_empty_text_has_no_sentences():
    assert split_sentences(" \n ", "es") == []


def test_other_languages_use_library_rules_else_english():
    assert rules_language("fr") == "fr" and rules_language("es-MX") == "es"
    assert rules_language("zz") == "en" and rules_language("spanish") == "en"
    assert split_sentences("M. Dupont est venu. Il a parlé.", "fr") == ["M. Dupont est venu.", "Il a parlé."]
    assert split_sentences("Mr. Smith came. He left.", "zz") == ["Mr. Smith came.", "He left."]


def test_prefix_edits_remove_add_and_mark():
    edited = apply_edits({"etc": False, "No": False}, "-etc\nNo #NUMERIC_ONLY#\nInc #TERMINAL#\n# comment\n")
    assert edited.entries == {"No": True, "Inc": False}
    assert edited.terminal == frozenset({"Inc"})


def test_segment_numbers_across_blocks_and_never_crosses_them():
    doc = read_string("Article 1\n\nThe Parties agree. They act\n\n1. First item. More.\n2. Second", "en")
    segs = segment(doc)
    assert [s.index for s in segs] == list(range(len(segs)))
    assert [(s.text, s.block, s.kind) for s in segs] == [
        ("Article 1", 0, "heading"),
        ("The Parties agree.", 1, "paragraph"),
        ("They act", 1, "paragraph"),
        ("1. First item.", 2, "item"),
        ("More.", 2, "item"),
        ("2. Second", 3, "item"),
    ]


def test_headings_are_never_split():
    doc = read_string("# Part I. General Provisions\n\nText.", "en", "markdown")
    assert [s.text for s in segment(doc)] == ["Part I. General Provisions", "Text."]


def test_boundaries_ignore_spacing():
    assert boundaries(["Ab c.", " De."]) == boundaries(["Ab c. ", "De."]) == {4}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_gold_set_f1(lang):
    gold = load_gold(GOLD / f"{lang}.txt")
    assert len(gold) >= 60
    result = score(gold, lambda t: split_sentences(t, lang))
    assert result.f1 >= 0.98, result


def _corpus_docs() -> list:
    """One pytest.param per corpora/<name>/<lang>.{md,txt} that has a <lang>.sents beside it."""
    params = []
    for folder in sorted(p for p in CORPORA.glob("*") if p.is_dir()):
        for lang in ("en", "es"):
            docs = [folder / f"{lang}{ext}" for ext in (".md", ".txt") if (folder / f"{lang}{ext}").is_file()]
            sents = folder / f"{lang}.sents"
            if docs and sents.is_file():
                params.append(pytest.param(docs[0], sents, lang, id=f"{folder.name}/{docs[0].name}"))
    return params or [pytest.param(None, None, None, marks=pytest.mark.skip(reason="no corpora with .sents yet"))]


@pytest.mark.parametrize("doc, sents, lang", _corpus_docs())
def test_corpus_segmentation_matches_sents_file(doc, sents, lang):
    expected = [line.strip() for line in sents.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert [s.text for s in segment(read(doc, lang))] == expected


_PIECES = ["The", "U.S.", "EE.", "UU.", "Sr.", "etc.", "1.", "(a)", "a.m.", "…", "...", "¿Qué?", "¡Ya!", "«Sí».",
           "25.1", "5,046", "$3.5", "No.", "5", "d.", "C.", "Inc.", "El", "la", "said.", '"Why?"', "[...]", "x"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=25), st.sampled_from(["en", "es", "fr", "zz"]))
def test_segmentation_loses_and_invents_nothing(words, lang):
    text = " ".join(words)
    sentences = split_sentences(text, lang)
    assert " ".join(sentences) == text
    assert all(s and s == s.strip() for s in sentences)
