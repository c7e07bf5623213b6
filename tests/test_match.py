"""`aligner match`: pairing the documents of two folders, by a fake encoder (translations are
words spelled backwards) and by the real one on the corpora/ pairs."""
from __future__ import annotations

import csv
import random
import shutil
import zlib
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

import aligner
from aligner.cli import main
from aligner.embed import Encoder
from aligner.errors import InputError, UsageError
from aligner.matching import match
from aligner.matching import candidates as C
from aligner.matching.assign import Scored, assign
from aligner.matching.scoring import pair_score

CORPORA = Path(__file__).resolve().parent.parent / "corpora"


class BackwardsEncoder(Encoder):
    """A bag of hashed words where a word and its reversal are the same word: a "Spanish"
    sentence written backwards word by word translates the English one exactly."""

    name = "backwards-test"
    dim = 64

    def _encode(self, texts):
        out = np.zeros((len(texts), self.dim))
        for row, text in enumerate(texts):
            for word in text.lower().replace(".", " ").split():
                key = min(word, word[::-1])
                out[row] += np.random.default_rng(zlib.crc32(key.encode())).normal(size=self.dim)
        return out


def _words(rng: random.Random, n: int) -> list[str]:
    return ["".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(3))
            for _ in range(n)]


def _document(rng: random.Random, vocab: list[str], sentences: int = 6) -> list[list[str]]:
    return [rng.sample(vocab, 8) for _ in range(sentences)]


def _write(path: Path, doc: list[list[str]], backwards: bool = False) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [" ".join(w[::-1] if backwards else w for w in words) for words in doc]
    path.write_text("\n\n".join(line.capitalize() + "." for line in lines) + "\n", encoding="utf-8")


@pytest.fixture
def folders(tmp_path):
    """Six translated documents under shuffled names (two in a sub-folder on the target
    side), plus one document on each side with no counterpart. Returns the folders and the
    expected pairs."""
    rng = random.Random(7)
    vocab = _words(rng, 400)
    en, es = tmp_path / "en", tmp_path / "es"
    targets = [f"t{n}.txt" for n in range(6)]
    rng.shuffle(targets)
    targets[0], targets[1] = f"sub/{targets[0]}", f"sub/{targets[1]}"
    expected = {}
    for n, target in enumerate(targets):
        doc = _document(rng, vocab)
        _write(en / f"doc{n}.txt", doc)
        _write(es / target, doc, backwards=True)
        expected[f"doc{n}.txt"] = target
    _write(en / "zz-alone.txt", _document(rng, vocab))
    _write(es / "aa-alone.txt", _document(rng, vocab), backwards=True)
    return en, es, expected


def test_a_permutation_is_recovered_and_the_distractors_left_out(folders):
    en, es, expected = folders
    result = match(en, es, encoder=BackwardsEncoder())
    assert {p.src_label: p.tgt_label for p in result.pairs} == expected
    assert all(p.score == 1.0 for p in result.pairs)
    alone = {(u.side, u.label): u for u in result.unmatched}
    assert set(alone) == {("src", "zz-alone.txt"), ("tgt", "aa-alone.txt")}
    assert all(u.reason == "no counterpart" and u.best_score < 0.55 for u in alone.values())


def test_the_manifest_lists_pairs_and_the_unmatched_file_the_rest(folders, tmp_path):
    en, es, expected = folders
    manifest = tmp_path / "manifest.csv"
    match(en, es, manifest, encoder=BackwardsEncoder())
    rows = list(csv.DictReader(manifest.open(encoding="utf-8")))
    assert list(rows[0]) == ["src", "tgt", "id", "score"]
    assert {r["src"]: r["tgt"] for r in rows} == {f"en/{s}": f"es/{t}" for s, t in expected.items()}
    assert [r["id"] for r in rows] == [f"doc{n}" for n in range(6)]
    alone = list(csv.DictReader((tmp_path / "manifest.unmatched.csv").open(encoding="utf-8")))
    assert [(r["side"], r["path"], r["reason"]) for r in alone] == [
        ("src", "en/zz-alone.txt", "no counterpart"), ("tgt", "es/aa-alone.txt", "no counterpart")]


def test_a_document_matching_nothing_well_enough_is_never_forced(folders):
    en, es, _ = folders
    result = match(en, es, encoder=BackwardsEncoder(), min_score=1.0)
    assert len(result.pairs) == 6  # exact translations still reach 1.0
    for path in es.rglob("t*.txt"):  # now half of every target is another text
        text = path.read_text(encoding="utf-8").split("\n\n")
        path.write_text("\n\n".join(text[:3] + ["Quite another sentence here."] * 3),
                        encoding="utf-8")
    result = match(en, es, encoder=BackwardsEncoder(), min_score=0.8)
    assert result.pairs == () and len(result.unmatched) == 14


def test_duplicates_tie_and_go_to_the_first_by_name(tmp_path):
    rng = random.Random(3)
    doc = _document(rng, _words(rng, 200))
    for name in ("b.txt", "a.txt", "c.txt"):
        _write(tmp_path / "en" / name, doc)
    _write(tmp_path / "es" / "only.txt", doc, backwards=True)
    result = match(tmp_path / "en", tmp_path / "es", encoder=BackwardsEncoder())
    assert [(p.src_label, p.tgt_label) for p in result.pairs] == [("a.txt", "only.txt")]
    assert [u.label for u in result.unmatched] == ["b.txt", "c.txt"]


def test_assignment_is_one_to_one_best_first_with_ties_by_position():
    found = assign([Scored(0, 0, 0.9, 0.5), Scored(1, 0, 0.95, 0.5), Scored(1, 1, 0.9, 0.5),
                    Scored(0, 1, 0.9, 0.5), Scored(2, 2, 0.4, 0.9)], min_score=0.5)
    assert [(c.src, c.tgt) for c in found] == [(0, 1), (1, 0)]
    tied = assign([Scored(1, 0, 0.9, 0.5), Scored(0, 0, 0.9, 0.5)], 0.5)
    assert [(c.src, c.tgt) for c in tied] == [(0, 0)]


def test_candidates_equal_brute_force_whatever_the_block_size(monkeypatch):
    rng = np.random.default_rng(0)
    a = C._unit(rng.normal(size=(50, 16)).astype(np.float32))
    b = C._unit(rng.normal(size=(70, 16)).astype(np.float32))
    sims = a @ b.T
    want = {(i, int(j)) for i in range(50) for j in np.argsort(-sims[i])[:3]}
    want |= {(int(i), j) for j in range(70) for i in np.argsort(-sims[:, j])[:3]}
    assert C.top_candidates(a, b, 3) == want
    monkeypatch.setattr(C, "BLOCK_ROWS", 7)
    assert C.top_candidates(a, b, 3) == want


def test_candidate_ties_go_to_the_lower_index_whatever_the_block_size(monkeypatch):
    a = np.ones((1, 4), dtype=np.float32)
    b = np.ones((40, 4), dtype=np.float32)  # every target equally similar
    assert C.top_candidates(a, b, 2) == {(0, j) for j in range(40)}  # each target's best
    assert C.top_candidates(b, a, 2) == {(i, 0) for i in range(40)}
    rows, cols = C._best_per_row(np.ones((2, 6)), 2)
    assert list(zip(rows, cols)) == [(0, 0), (0, 1), (1, 0), (1, 1)]
    ties = np.random.default_rng(1).integers(0, 3, size=(30, 20)).astype(np.float32)
    a, b = ties, np.eye(20, dtype=np.float32)  # a @ b.T == ties: many equal similarities
    want = {(i, int(j)) for i in range(30) for j in np.argsort(-ties[i], kind="stable")[:3]}
    want |= {(int(i), j) for j in range(20) for i in np.argsort(-ties[:, j], kind="stable")[:3]}
    for block in (1, 7, 1024):
        monkeypatch.setattr(C, "BLOCK_ROWS", block)
        assert C.top_candidates(a, b, 3) == want


def test_sentence_score_is_the_share_of_characters_with_a_mutual_counterpart():
    eye = np.eye(6, dtype=np.float32)
    ones = np.ones(6)
    assert pair_score(eye, eye, 0.9, ones, ones) == 1.0
    # a document against its half: 3 + 3 of 9 sentences
    assert pair_score(eye, eye[:3], 0.9, ones, ones[:3]) == pytest.approx(6 / 9)
    assert pair_score(eye[:3], eye[3:], 0.9, ones[:3], ones[3:]) == 0.0
    long_first = np.array([10.0, 1, 1, 1, 1, 1])
    assert pair_score(eye, eye[:1], 0.9, long_first, ones[:1]) == pytest.approx(11 / 16)
    # one sentence that resembles two: only the one it resembles most counts, once
    hub = np.array([[1.0, 0.0], [0.8, 0.6]], dtype=np.float32)
    assert pair_score(hub[:1], hub, 0.5, ones[:1], ones[:2]) == pytest.approx(2 / 3)


def test_document_vectors_weigh_sentences_by_length():
    long, short = np.array([[1.0, 0.0]]), np.array([[0.0, 1.0]])
    (row,) = C.document_vectors([(np.vstack([long, short]), np.array([30.0, 10.0]))])
    assert row[0] == pytest.approx(3 * row[1])


def test_a_document_that_fails_to_read_is_listed_and_the_rest_goes_on(folders):
    en, es, expected = folders
    (en / "broken.docx").write_bytes(b"not a zip file at all")
    result = match(en, es, encoder=BackwardsEncoder())
    assert {p.src_label: p.tgt_label for p in result.pairs} == expected
    broken = [u for u in result.unmatched if u.label == "broken.docx"]
    assert len(broken) == 1 and "broken.docx" in broken[0].reason
    assert broken[0].reason != "no counterpart"


def test_hidden_files_and_folders_are_not_documents(folders):
    en, es, expected = folders
    _write(en / ".cache" / "x.txt", [["bakado"] * 8])
    (en / ".notes.txt").write_text("Hidden.", encoding="utf-8")
    result = match(en, es, encoder=BackwardsEncoder())
    assert {u.label for u in result.unmatched} == {"zz-alone.txt", "aa-alone.txt"}


@pytest.mark.parametrize("case", ["empty", "binaries", "same", "nested", "missing"])
def test_bad_folders_are_one_clear_error(tmp_path, folders, case):
    en, es, _ = folders
    empty = tmp_path / "empty"
    empty.mkdir()
    binaries = tmp_path / "bin"
    binaries.mkdir()
    for n in range(3):
        (binaries / f"b{n}.bin").write_bytes(bytes(range(256)) * 8)
    src, tgt, error = {"empty": (en, empty, InputError), "binaries": (binaries, es, InputError),
                       "same": (en, en, UsageError), "nested": (es, es / "sub", UsageError),
                       "missing": (en, tmp_path / "nowhere", InputError)}[case]
    with pytest.raises(error):
        match(src, tgt, encoder=BackwardsEncoder())
    result = CliRunner().invoke(main, ["match", str(src), str(tgt), "-o", str(tmp_path / "m.csv")])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.output.count("\n") == 1 and result.output.startswith("aligner: error:")
    assert not (tmp_path / "m.csv").exists()


def test_engines_and_worker_counts_give_the_same_match(folders, tmp_path):
    en, es, _ = folders
    one = match(en, es, tmp_path / "one.csv", encoder=BackwardsEncoder())
    two = match(en, es, tmp_path / "two.csv", encoder=BackwardsEncoder(), workers=2)
    assert one == two
    assert (tmp_path / "one.csv").read_bytes() == (tmp_path / "two.csv").read_bytes()


@pytest.mark.dask
def test_the_dask_engine_gives_the_same_match(folders, tmp_path):
    pytest.importorskip("distributed")
    en, es, _ = folders
    local = match(en, es, encoder=BackwardsEncoder())
    assert match(en, es, encoder=BackwardsEncoder(), engine="dask", workers=2) == local


def test_bad_options_are_refused(folders):
    en, es, _ = folders
    for options in ({"min_score": 1.5}, {"candidates": 0}, {"workers": 0},
                    {"engine": "spark"}, {"scheduler": "tcp://x:1"}):
        with pytest.raises(UsageError):
            match(en, es, encoder=BackwardsEncoder(), **options)


# (folder, English file, Spanish file): mixed formats, one document per text (`divergent`
# shares its English with security-communique, so it stays out)
SHUFFLED = [("atlantic-fisheries-statement", "en.md", "es.md"),
            ("health-cooperation-mou", "en.txt", "es.txt"),
            ("migration-ministerial", "en.md", "es.md"),
            ("screening-press-release", "en.md", None),
            ("security-communique", "en.docx", "es.html"),
            ("trade-investment-statement", None, "es.pdf")]


@pytest.fixture(scope="module")
def shuffled_corpora(tmp_path_factory):
    """corpora/ pairs under meaningless names, in mixed formats; one English document and one
    Spanish document have no counterpart."""
    root = tmp_path_factory.mktemp("shuffled")
    (root / "en").mkdir()
    (root / "es").mkdir()
    codes = random.Random(5).sample(range(100, 1000), len(SHUFFLED))
    expected = {}
    for n, ((name, en, es), code) in enumerate(zip(SHUFFLED, codes)):
        src = tgt = None
        if en:
            src = f"doc{n}{Path(en).suffix}"
            shutil.copy(CORPORA / name / en, root / "en" / src)
        if es:
            tgt = f"x{code}{Path(es).suffix}"
            shutil.copy(CORPORA / name / es, root / "es" / tgt)
        if src and tgt:
            expected[src] = tgt
    return root, expected


def test_real_encoder_pairs_shuffled_corpora_and_batch_runs_next(shuffled_corpora):
    root, expected = shuffled_corpora
    runner = CliRunner()
    result = runner.invoke(main, ["match", str(root / "en"), str(root / "es"),
                                  "-o", str(root / "manifest.csv")])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader((root / "manifest.csv").open(encoding="utf-8")))
    assert {Path(r["src"]).name: Path(r["tgt"]).name for r in rows} == expected
    assert all(float(r["score"]) > 0.9 for r in rows)
    alone = list(csv.DictReader((root / "manifest.unmatched.csv").open(encoding="utf-8")))
    assert sorted(r["side"] for r in alone) == ["src", "tgt"]
    assert all(float(r["best_score"] or 0) < 0.3 for r in alone)
    summary = aligner.batch(root / "manifest.csv", root / "out")
    assert (summary["status"] == "ok").all() and len(summary) == len(expected)


def test_batch_match_does_both_and_reuses_the_embeddings(shuffled_corpora, tmp_path):
    root, expected = shuffled_corpora
    result = CliRunner().invoke(main, ["batch", str(root / "en"), str(root / "es"), "--match",
                                       "--out", str(tmp_path / "out"), "--quiet",
                                       "--cache-dir", str(tmp_path / "cache")])
    assert result.exit_code == 0, result.output
    assert f"{len(expected)} document pairs" in result.output
    summary = __import__("pandas").read_csv(tmp_path / "out" / "summary.csv")
    assert len(summary) == len(expected) and (summary["embedded"] == 0).all()
    assert (tmp_path / "out" / "match.unmatched.csv").is_file()
    assert (tmp_path / "out" / "corpus.tsv").is_file()


def test_batch_match_needs_two_folders(tmp_path):
    result = CliRunner().invoke(main, ["batch", str(tmp_path), "--match", "--out",
                                       str(tmp_path / "out")])
    assert result.exit_code == 2 and "--match takes two folders" in result.output


def test_the_manifest_must_be_what_batch_reads(folders, tmp_path):
    en, es, _ = folders
    with pytest.raises(UsageError, match=r"\.csv or \.tsv"):
        match(en, es, tmp_path / "pairs.txt", encoder=BackwardsEncoder())
    with pytest.raises(UsageError, match="no folder"):
        match(en, es, tmp_path / "nowhere" / "pairs.csv", encoder=BackwardsEncoder())
    match(en, es, tmp_path / "pairs.tsv", encoder=BackwardsEncoder())
    assert (tmp_path / "pairs.tsv").read_text(encoding="utf-8").startswith("src\ttgt\tid\tscore\n")
    assert (tmp_path / "pairs.unmatched.tsv").is_file()


def test_batch_match_with_nothing_to_pair_is_one_clear_error(tmp_path):
    for side, text in (("en", "The council met in Brussels today to discuss the budget."),
                       ("es", "Mañana lloverá en toda la costa norte del país.")):
        (tmp_path / side).mkdir()
        (tmp_path / side / "a.txt").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", str(tmp_path / "en"), str(tmp_path / "es"),
                                       "--match", "--out", str(tmp_path / "out")])
    assert result.exit_code == 2 and "no document pairs found" in result.output
    assert not (tmp_path / "out" / "summary.csv").exists()
    assert (tmp_path / "out" / "match.unmatched.csv").read_text(encoding="utf-8").count("\n") == 3
