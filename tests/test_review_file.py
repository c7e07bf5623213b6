"""The review file and how its decisions come back on a fresh alignment: anchors, dismissed
flags, stale decisions, a malformed file."""
from __future__ import annotations

import json
import warnings

import numpy as np
import pytest

from aligner.aligning.anchored import align_anchored
from aligner.aligning.search import Side, align_embeddings
from aligner.api import align
from aligner.embed import Encoder
from aligner.records import Alignment, Bead, Flag, Segment
from aligner.review import (BeadDecision, FlagDecision, Review, ReviewFileError,
                            StaleDecisionWarning, apply_flag_decisions, default_path,
                            document_ref, find_anchors, normalise, read_review, write_review)
from aligner.review.file import dumps


def _decision(status="confirmed", src=("One.",), tgt=("Uno.",)):
    return BeadDecision(status, tuple(src), tuple(tgt), "2026-12-03T10:00:00Z")


def _flag_decision(**changes):
    fields = dict(kind="figure", src_evidence="$25.1 billion",
                  tgt_evidence="25.100 millones de dólares", src_text="It cost $25.1 billion.",
                  tgt_text="Costó 25.100 millones de dólares.", note="same amount",
                  at="2026-12-03T10:00:00Z")
    return FlagDecision(**{**fields, **changes})


def _segments(texts):
    return tuple(Segment(i, t, i) for i, t in enumerate(texts))


# ---- the file --------------------------------------------------------------------------------

def test_round_trip_keeps_every_field(tmp_path):
    src = tmp_path / "statement.en.txt"
    src.write_text("One.\n", encoding="utf-8")
    review = Review(document_ref(src, tmp_path), None,
                    (_decision(), _decision("made", ("A.", "B."), ("AB.",))),
                    (_flag_decision(),))
    path = tmp_path / "r.review.json"
    write_review(path, review)
    assert read_review(path) == review
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["aligner_review"] == 1
    assert data["src"] == {"path": "statement.en.txt",
                           "sha256": review.src.sha256} and len(review.src.sha256) == 64
    assert data["flags"][0]["status"] == "dismissed"
    assert data["beads"][1] == {"status": "made", "src_text": ["A.", "B."], "tgt_text": ["AB."],
                                "at": "2026-12-03T10:00:00Z"}
    assert {p.name for p in tmp_path.iterdir()} == {"statement.en.txt", "r.review.json"}


def test_write_is_atomic_and_diffable(tmp_path, monkeypatch):
    path = tmp_path / "r.review.json"
    write_review(path, Review(beads=(_decision(),)))
    before = path.read_text(encoding="utf-8")
    assert before == dumps(Review(beads=(_decision(),)))
    assert "\n  " in before  # indented: one field a line, so git diffs show the decision

    def broken(temp, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("aligner.write.atomic.os.replace", broken)
    with pytest.raises(Exception, match="cannot write"):
        write_review(path, Review())
    monkeypatch.undo()
    assert path.read_text(encoding="utf-8") == before
    assert [p.name for p in tmp_path.iterdir()] == ["r.review.json"]


@pytest.mark.parametrize("text, says", [
    ("{not json", "not valid JSON"),
    ("[1, 2]", "not an aligner review file"),
    ('{"aligner_review": 2}', "version 2"),
    ('{"aligner_review": 1, "beads": {}}', '"beads" is not a list'),
    ('{"aligner_review": 1, "beads": [{"status": "maybe", "src_text": [], "tgt_text": []}]}',
     "status 'maybe'"),
    ('{"aligner_review": 1, "beads": [{"status": "made", "src_text": [], "tgt_text": []}]}',
     "no sentence"),
    ('{"aligner_review": 1, "beads": [{"status": "made", "src_text": "A.", "tgt_text": []}]}',
     "not a list of sentences"),
    ('{"aligner_review": 1, "flags": [{"status": "dismissed", "kind": 3}]}', "not a string"),
    ('{"aligner_review": 1, "flags": [{"status": "open", "kind": "figure"}]}', "status 'open'"),
])
def test_a_malformed_file_is_one_line(tmp_path, text, says):
    path = tmp_path / "bad.review.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ReviewFileError) as err:
        read_review(path)
    assert says in str(err.value) and "\n" not in str(err.value)
    assert str(path) in str(err.value)


def test_a_missing_file_is_an_error(tmp_path):
    with pytest.raises(ReviewFileError, match="no such review file"):
        read_review(tmp_path / "none.review.json")


def test_default_path_is_beside_src():
    assert default_path("drafts/statement.en.docx").as_posix() == "drafts/statement.en.review.json"


def test_texts_compare_after_unicode_and_space_normalisation():
    assert normalise("  It\u00a0cost\n $25.1   billion. ") == "It cost $25.1 billion."
    assert normalise("Me\u0301xico") == normalise("México")
    assert _flag_decision(src_text="It  cost\u00a0$25.1 billion.").key == _flag_decision().key


# ---- bead decisions become anchors ----------------------------------------------------------

SRC = ["Title.", "First point.", "Second point.", "Third point.", "Closing."]
TGT = ["Título.", "Primer punto y segundo punto.", "Tercer punto.", "Cierre."]


def test_anchors_follow_their_text_when_sentences_are_added():
    review = Review(beads=(_decision("made", SRC[1:3], TGT[1:2]),
                           _decision("confirmed", SRC[4:5], TGT[3:4])))
    anchors, stale = find_anchors(review, _segments(SRC), _segments(TGT))
    assert anchors == [((1, 2), (1,)), ((4,), (3,))] and stale == []
    # a sentence added at the top of both files moves every position, not the decisions
    anchors, stale = find_anchors(review, _segments(["New."] + SRC), _segments(["Nuevo."] + TGT))
    assert anchors == [((2, 3), (2,)), ((5,), (4,))] and stale == []


def test_an_edited_sentence_makes_its_decision_stale():
    review = Review(beads=(_decision("made", SRC[1:3], TGT[1:2]), _decision("confirmed", SRC[4:5], TGT[3:4])))
    edited = TGT[:1] + ["Primer punto, y segundo punto."] + TGT[2:]
    anchors, stale = find_anchors(review, _segments(SRC), _segments(edited))
    assert anchors == [((4,), (3,))]
    assert len(stale) == 1 and stale[0].decision == review.beads[0]
    line = stale[0].line()
    assert "made bead" in line and "First point. Second point." in line
    assert "target text is no longer in the document" in line and "\n" not in line


def test_a_decision_out_of_document_order_is_stale():
    review = Review(beads=(_decision("confirmed", SRC[4:5], TGT[3:4]),
                           _decision("made", SRC[1:3], TGT[1:2])))
    anchors, stale = find_anchors(review, _segments(SRC), _segments(TGT))
    assert anchors == [((4,), (3,))]
    assert "before an earlier decision" in stale[0].reason


def _sides(n: int, m: int, pairs: dict[int, list[int]], seed: int = 0):
    """Random unit vectors; target j is the normalised sum of the source sentences it translates."""
    rng = np.random.default_rng(seed)
    src = rng.normal(size=(n, 32))
    src /= np.linalg.norm(src, axis=1, keepdims=True)
    tgt = rng.normal(size=(m, 32)) * 0.2
    for j, sources in pairs.items():
        tgt[j] += src[sources].sum(axis=0)
    tgt /= np.linalg.norm(tgt, axis=1, keepdims=True)
    lengths = np.full(n, 40.0), np.full(m, 40.0)
    return (Side(src.astype(np.float32), lengths[0]), Side(tgt.astype(np.float32), lengths[1]))


def _covers(beads, n, m):
    srcs = [i for b in beads for i in b.src]
    tgts = [j for b in beads for j in b.tgt]
    return srcs == list(range(n)) and tgts == list(range(m))


def test_the_dp_aligns_around_fixed_beads():
    src, tgt = _sides(12, 12, {j: [j] for j in range(12)})
    free = align_embeddings(src, tgt)
    assert [(b.src, b.tgt) for b in free] == [((k,), (k,)) for k in range(12)]
    # a person says 3+4 go with 3 and 4 with nothing... as a 2-1 and a 0-1: kept as given
    anchors = [((3, 4), (3,)), ((), (4,))]
    beads = align_anchored(src, tgt, anchors)
    shapes = [(b.src, b.tgt) for b in beads]
    assert ((3, 4), (3,)) in shapes and ((), (4,)) in shapes
    assert shapes[:3] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    assert shapes[-7:] == [((k,), (k,)) for k in range(5, 12)]
    assert _covers(beads, 12, 12)
    merged = next(b for b in beads if b.src == (3, 4))
    assert 0.3 < merged.score < 1.0


def test_a_one_sided_anchor_splits_a_bead_the_dp_made_across_it():
    # target 2 translates sources 2 and 3 together, but a person says 3 is untranslated
    src, tgt = _sides(6, 5, {0: [0], 1: [1], 2: [2, 3], 3: [4], 4: [5]})
    assert ((2, 3), (2,)) in [(b.src, b.tgt) for b in align_embeddings(src, tgt)]
    beads = align_anchored(src, tgt, [((3,), ())])
    shapes = [(b.src, b.tgt) for b in beads]
    assert ((2,), (2,)) in shapes and ((3,), ()) in shapes
    assert shapes.index(((3,), ())) == shapes.index(((2,), (2,))) + 1
    assert _covers(beads, 6, 5)


def test_anchors_out_of_order_are_refused():
    src, tgt = _sides(5, 5, {j: [j] for j in range(5)})
    with pytest.raises(ValueError, match="out of order"):
        align_anchored(src, tgt, [((3,), (3,)), ((1,), (1,))])
    with pytest.raises(ValueError, match="run of sentences"):
        align_anchored(src, tgt, [((1, 3), (1,))])


class WordEncoder(Encoder):
    """Bag of words over a tiny bilingual lexicon: a sentence and its translation match."""

    name = "word-test"
    LEXICON = {"title": 0, "título": 0, "first": 1, "primer": 1, "second": 2, "segundo": 2,
               "third": 3, "tercer": 3, "closing": 4, "cierre": 4, "point": 5, "punto": 5,
               "new": 6, "nuevo": 6}

    @property
    def dim(self) -> int:
        return 8

    def _encode(self, texts):
        out = np.full((len(texts), 8), 0.05)
        for row, text in enumerate(texts):
            for word in text.lower().replace(".", " ").split():
                if word in self.LEXICON:
                    out[row, self.LEXICON[word]] += 1
        return out


def test_align_keeps_reviewed_beads_and_warns_stale(tmp_path):
    kept = _decision("made", SRC[1:2], ())
    gone = _decision("confirmed", ["Vanished."], ["Desaparecida."])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = align(SRC, TGT, encoder=WordEncoder(), review=Review(beads=(kept, gone)))
    shapes = [(b.src, b.tgt) for b in result.beads]
    assert ((1,), ()) in shapes and ((2,), (1,)) in shapes
    stale = [w.message for w in caught if issubclass(w.category, StaleDecisionWarning)]
    assert len(stale) == 1 and "Vanished." in str(stale[0]) and stale[0].stale.decision == gone


# ---- flag decisions --------------------------------------------------------------------------

def _alignment(src_texts, tgt_texts, beads):
    return Alignment(_segments(src_texts), _segments(tgt_texts), tuple(beads))


def test_a_dismissed_flag_matches_by_kind_evidence_and_bead_text():
    figure = Flag("figure", "high", "amount differs", "$25.1 billion", "25.100 millones de dólares")
    other = Flag("figure", "high", "year differs", "2021", "2020")
    alignment = _alignment(["Intro.", "It cost $25.1 billion."],
                           ["Introducción.", "Costó 25.100 millones de dólares."],
                           [Bead((0,), (0,), 0.9), Bead((1,), (1,), 0.8, (figure, other))])
    judged, stale = apply_flag_decisions(alignment, Review(flags=(_flag_decision(),)))
    assert stale == []
    flags = judged.beads[1].flags
    assert (flags[0].status, flags[0].note) == ("dismissed", "same amount")
    assert flags[1].status == "open" and judged.beads[1].open_flags == (flags[1],)
    assert flags[0].to_dict()["status"] == "dismissed" and flags[0].to_dict()["note"] == "same amount"
    assert "[dismissed: same amount]" in flags[0].headline
    # another bead with the same evidence but other text is not covered by the decision
    elsewhere = _alignment(["It cost $25.1 billion in 2020."], ["Costó 25.100 millones de dólares."],
                           [Bead((0,), (0,), 0.8, (figure,))])
    judged, stale = apply_flag_decisions(elsewhere, Review(flags=(_flag_decision(),)))
    assert judged.beads[0].flags[0].status == "open"
    assert len(stale) == 1 and "no bead has this text" in stale[0].line()


def test_a_dismissal_whose_flag_is_gone_is_not_stale():
    alignment = _alignment(["It cost $25.1 billion."], ["Costó 25.100 millones de dólares."],
                           [Bead((0,), (0,), 0.9)])
    judged, stale = apply_flag_decisions(alignment, Review(flags=(_flag_decision(),)))
    assert stale == [] and judged.beads[0].flags == ()
