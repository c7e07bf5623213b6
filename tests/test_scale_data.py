"""The inputs of the scale benchmark (benchmarks/scale_data.py): pairs cut from parallel
documents must stay parallel, keep an exact gold and have the requested lengths."""
from __future__ import annotations

import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import scale_data as S  # noqa: E402


def fake_doc(name: str, shapes: list[tuple[int, int]]) -> S.Doc:
    """A document whose sentences name their bead, so any pair can be checked for parallelism."""
    en, es, beads = [], [], []
    for k, (a, b) in enumerate(shapes):
        beads.append((tuple(range(len(en), len(en) + a)), tuple(range(len(es), len(es) + b))))
        en += [f"{name}.{k} en{i}" for i in range(a)]
        es += [f"{name}.{k} es{i}" for i in range(b)]
    return S.Doc(name, tuple(en), tuple(es), tuple(beads),
                 tuple(f"{name}:{s.split()[0]}" for s in en),
                 tuple(f"{name}:{s.split()[0]}" for s in es))


DOCS = [fake_doc("a", [(1, 1), (1, 2), (2, 1), (0, 1)] * 20),
        fake_doc("b", [(1, 1), (3, 3), (1, 0)] * 15),
        fake_doc("c", [(1, 1)] * 30)]


def assert_parallel(pair: S.Pair) -> None:
    """Gold beads tile both sides in order, and each pairs sentences of one original bead."""
    assert [i for src, _ in pair.gold for i in src] == list(range(len(pair.en)))
    assert [j for _, tgt in pair.gold for j in tgt] == list(range(len(pair.es)))
    for src, tgt in pair.gold:
        tags = {pair.en[i].split()[0] for i in src} | {pair.es[j].split()[0] for j in tgt}
        assert len(tags) == 1


def test_chunks_are_parallel_and_within_the_length_range():
    pairs = S.chunks(DOCS, 12, 20, 60, seed=3)
    assert len(pairs) == 12
    for pair in pairs:
        assert_parallel(pair)
        # a bead is at most 3 English sentences here, so the overshoot is at most 2
        assert 20 <= len(pair.en) <= 62


def test_chunks_depend_on_the_seed_only():
    assert S.chunks(DOCS, 5, 20, 60, seed=1) == S.chunks(DOCS, 5, 20, 60, seed=1)
    assert S.chunks(DOCS, 5, 20, 60, seed=1) != S.chunks(DOCS, 5, 20, 60, seed=2)


def test_a_long_pair_repeats_the_corpus_under_new_unit_ids():
    corpus_en = sum(len(d.en) for d in DOCS)
    pair = S.long_pair(DOCS, 3 * corpus_en + 10, seed=0)
    assert_parallel(pair)
    assert len(pair.en) >= 3 * corpus_en + 10
    by_pass: dict[str, set[str]] = {}
    for unit in pair.en_units:
        tag, _, rest = unit.partition("/")
        by_pass.setdefault(tag, set()).add(rest)
    assert sorted(by_pass) == ["p0", "p1", "p2", "p3"]
    # every full pass holds every unit of the corpus once
    assert by_pass["p0"] == by_pass["p1"] == by_pass["p2"]


def _doc_of(bead: S.Bead) -> str:
    return (bead.en_units + bead.es_units)[0].split("/")[1].split(":")[0]


def test_each_pass_shuffles_the_documents():
    stream = S.bead_stream(DOCS, seed=5)
    per_pass = sum(len(d.beads) for d in DOCS)
    orders = []
    for _ in range(6):
        docs = [_doc_of(next(stream)) for _ in range(per_pass)]
        orders.append(tuple(dict.fromkeys(docs)))
    assert all(sorted(order) == ["a", "b", "c"] for order in orders)
    assert len(set(orders)) > 1


def test_manifest_points_at_the_written_pairs(tmp_path):
    pairs = S.chunks(DOCS, 3, 20, 40, seed=0)
    manifest = S.write_manifest(pairs, tmp_path)
    with manifest.open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    assert [r["id"] for r in rows] == ["p0000", "p0001", "p0002"]
    for row, pair in zip(rows, pairs):
        assert (tmp_path / row["src"]).read_text(encoding="utf-8").splitlines() == pair.en
        assert (tmp_path / row["tgt"]).read_text(encoding="utf-8").splitlines() == pair.es


def test_the_shared_corpus_has_a_complete_gold(shared_data):
    docs = S.corpus(shared_data)
    assert {d.name.split("/")[0] for d in docs} >= {"bible-en-es", "eu-gdpr-en-es", "tatoeba"}
    for doc in docs:
        assert sorted(i for src, _ in doc.beads for i in src) == list(range(len(doc.en)))
        assert sorted(j for _, tgt in doc.beads for j in tgt) == list(range(len(doc.es)))
        assert len(doc.en_units) == len(doc.en) and len(doc.es_units) == len(doc.es)
