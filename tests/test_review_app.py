"""The review app's API through Starlette's TestClient: every operation, undo/redo, re-check
after the files change, export, the token, Host and Origin checks."""
from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import openpyxl
import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")
from click.testing import CliRunner  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402

from aligner.cli import main  # noqa: E402
from aligner.review import ReviewFileError, read_review  # noqa: E402
from aligner.reviewapp.server import allowed_hosts, create_app  # noqa: E402
from aligner.reviewapp.memo import MemoCheck, memoised  # noqa: E402
from aligner.reviewapp.session import Session, Settings  # noqa: E402

PAIR = Path(__file__).resolve().parent.parent / "corpora" / "divergent"
TOKEN = "test-token-0123456789"
BASE = "http://127.0.0.1:8765"
OPTIONS = {"presegmented": True}


@pytest.fixture
def files(tmp_path) -> tuple[Path, Path]:
    src, tgt = tmp_path / "doc.en.txt", tmp_path / "doc.es.txt"
    shutil.copy(PAIR / "en.sents", src)
    shutil.copy(PAIR / "es.sents", tgt)
    return src, tgt


def _session(files, use_encoder) -> Session:
    src, tgt = files
    return Session(Settings(src, tgt, src.with_name("doc.en.review.json"), OPTIONS), use_encoder)


@pytest.fixture
def session(files, use_encoder) -> Session:
    return _session(files, use_encoder)


@pytest.fixture
def client(session) -> TestClient:
    app = create_app(session, TOKEN, allowed_hosts("127.0.0.1", 8765))
    return TestClient(app, base_url=BASE, headers={"X-Review-Token": TOKEN})


def op(client, **body):
    response = client.post("/api/op", json={**body, "revision": client.get("/api/state").json()
                                            ["summary"]["revision"]})
    return response


def ok(client, **body) -> dict:
    response = op(client, **body)
    assert response.status_code == 200, response.text
    return response.json()


def state(client) -> dict:
    return client.get("/api/state").json()


def saved(session) -> dict:
    return json.loads(session.settings.review_path.read_text(encoding="utf-8"))


def first_flagged(client) -> int:
    return next(i for i, b in enumerate(state(client)["items"]) if b["flags"])


# ---- security --------------------------------------------------------------------------------

def test_every_request_needs_the_token(client):
    bare = TestClient(client.app, base_url=BASE)
    for path in ("/", "/static/review.js", "/static/review.css", "/api/state", "/api/export?format=tsv"):
        assert bare.get(path).status_code == 403, path
        assert bare.get(path, headers={"X-Review-Token": "wrong"}).status_code == 403
        assert bare.get(f"{path}{'&' if '?' in path else '?'}token={TOKEN}").status_code == 200, path
    assert bare.post("/api/op", json={"op": "undo"}).status_code == 403


def test_other_hosts_and_origins_are_refused(client):
    assert client.get("/api/state", headers={"Host": "evil.example:8765"}).status_code == 403
    assert client.get("/api/state", headers={"Host": "127.0.0.1:9999"}).status_code == 403
    assert client.get("/api/state", headers={"Host": "localhost:8765"}).status_code == 200
    refused = client.post("/api/op", json={"op": "merge", "bead": 0},
                          headers={"Origin": "http://evil.example"})
    assert refused.status_code == 403 and "other sites" in refused.json()["error"]
    assert len(state(client)["items"]) == 31  # nothing merged
    same = client.post("/api/op", json={"op": "merge", "bead": 0}, headers={"Origin": BASE})
    assert same.status_code == 200


def test_page_has_a_strict_csp_and_no_inline_script(client):
    page = client.get("/")
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp and "unsafe" not in csp
    assert page.headers["referrer-policy"] == "no-referrer"
    scripts = re.findall(r"<script[^>]*>(.*?)</script>", page.text, re.S)
    assert scripts and all(s.strip() == "" for s in scripts)
    assert f"review.js?token={TOKEN}" in page.text and "{token}" not in page.text
    assert client.get("/static/../session.py").status_code == 404
    assert client.get("/static/session.py").status_code == 404
    js = client.get("/static/review.js").text
    assert "innerHTML" not in js and "eval(" not in js


def test_allowed_hosts():
    assert allowed_hosts("127.0.0.1", 80) == {"127.0.0.1:80", "localhost:80"}
    assert allowed_hosts("192.168.1.5", 80) == {"192.168.1.5:80"}


def test_a_remote_host_needs_allow_remote(files):
    result = CliRunner().invoke(main, ["review", *map(str, files), "--host", "0.0.0.0",
                                       "--no-browser"])
    assert result.exit_code == 2 and "--allow-remote" in result.stderr


# ---- operations ------------------------------------------------------------------------------

def test_state_shows_beads_flags_and_progress(client):
    data = state(client)
    assert len(data["items"]) == 31 and data["src_name"] == "doc.en.txt"
    s = data["summary"]
    assert s["beads"] == 31 and s["reviewed"] == 0 and s["open"] == s["flags"] > 5
    assert {f["status"] for b in data["items"] for f in b["flags"]} == {"open"}
    assert any(b["doubtful"] for b in data["items"])  # the omitted sentence: a 1-0 bead


def test_dismiss_and_reopen_a_flag(client, session):
    i = first_flagged(client)
    before = state(client)["summary"]["open"]
    change = ok(client, op="dismiss", bead=i, flag=0, note="same date, other calendar")
    assert change["start"] == i and change["delete"] == 1
    flag = change["items"][0]["flags"][0]
    assert (flag["status"], flag["note"]) == ("dismissed", "same date, other calendar")
    assert change["summary"]["open"] == before - 1
    decision = saved(session)["flags"][0]
    assert decision["kind"] == flag["kind"] and decision["note"] == "same date, other calendar"
    assert decision["src_text"] == " ".join(t for _, t in change["items"][0]["src"])
    change = ok(client, op="reopen", bead=i, flag=0)
    assert change["items"][0]["flags"][0]["status"] == "open"
    assert saved(session)["flags"] == []


def test_confirm_then_release_a_bead(client, session):
    change = ok(client, op="confirm", bead=0)
    assert (change["start"], change["delete"], len(change["items"])) == (0, 1, 1)  # one redrawn
    assert change["items"][0]["status"] == "confirmed" and change["summary"]["reviewed"] == 1
    assert saved(session)["beads"][0]["status"] == "confirmed"
    change = ok(client, op="confirm", bead=0)
    assert change["items"][0]["status"] == "" and saved(session)["beads"] == []


def test_merge_split_and_undo_redo(client, session):
    items = state(client)["items"]
    change = ok(client, op="merge", bead=3)
    assert (change["start"], change["delete"], len(change["items"])) == (3, 2, 1)
    merged = change["items"][0]
    assert [i for i, _ in merged["src"]] == [3, 4] and merged["status"] == "made"
    assert len(state(client)["items"]) == 30
    assert saved(session)["beads"][0]["src_text"] == [t for _, t in items[3]["src"] + items[4]["src"]]
    change = ok(client, op="split", bead=3)
    assert [b["status"] for b in change["items"]] == ["made", "made"]
    assert len(state(client)["items"]) == 31 and len(saved(session)["beads"]) == 2
    ok(client, op="undo")
    assert len(state(client)["items"]) == 30 and len(saved(session)["beads"]) == 1
    ok(client, op="undo")
    assert state(client)["items"] == items and saved(session)["beads"] == []
    assert op(client, op="undo").status_code == 400
    ok(client, op="redo")
    assert len(state(client)["items"]) == 30 and state(client)["summary"]["can_redo"]


def test_shift_sentences_between_beads(client, session):
    ok(client, op="merge", bead=3)  # bead 3 now holds sentences 3 and 4 on each side
    change = ok(client, op="shift", bead=3, side="tgt", to="next")
    first, second = change["items"]
    assert [j for j, _ in first["tgt"]] == [3] and [j for j, _ in second["tgt"]] == [4, 5]
    change = ok(client, op="shift", bead=4, side="src", to="prev")
    first, second = change["items"]
    assert [i for i, _ in first["src"]] == [3, 4, 5] and second["src"] == []
    # a bead whose last sentence moves away disappears
    change = ok(client, op="shift", bead=4, side="tgt", to="prev")
    assert [[j for j, _ in b["tgt"]] for b in change["items"]] == [[3, 4], [5]]
    change = ok(client, op="shift", bead=4, side="tgt", to="prev")
    assert len(change["items"]) == 1 and [j for j, _ in change["items"][0]["tgt"]] == [3, 4, 5]
    assert len(state(client)["items"]) == 29
    assert op(client, op="shift", bead=0, side="tgt", to="prev").status_code == 400


@pytest.mark.parametrize("body, says", [
    ({"op": "fly"}, "unknown operation"),
    ({"op": "merge", "bead": 99}, "no bead 99"),
    ({"op": "merge", "bead": 30}, "no next bead"),
    ({"op": "split", "bead": 0}, "cannot be split"),
    ({"op": "dismiss", "bead": 0, "flag": 0}, "has no flag"),
    ({"op": "shift", "bead": 1, "side": "left", "to": "prev"}, "shift needs"),
])
def test_bad_operations_are_refused(client, body, says):
    response = op(client, **body)
    assert response.status_code == 400 and says in response.json()["error"]


def test_a_stale_page_is_told_to_reload(client):
    assert client.post("/api/op", json={"op": "merge", "bead": 0, "revision": -5}).status_code == 409
    assert client.post("/api/op", content=b"{nope").status_code == 400


# ---- persistence and re-check ----------------------------------------------------------------

def _dismiss_all_flags_but(client, keep: int) -> None:
    for i, bead in enumerate(state(client)["items"]):
        for k, _ in enumerate(bead["flags"]):
            if i != keep:
                ok(client, op="dismiss", bead=i, flag=k, note="fine")


def test_decisions_survive_a_restart_and_edits_on_disk(files, use_encoder, client, session):
    src, tgt = files
    fixed = first_flagged(client)  # the adoption year: 2021 against 2020
    assert "2020" in tgt.read_text(encoding="utf-8")
    _dismiss_all_flags_but(client, keep=fixed)
    ok(client, op="merge", bead=3)
    assert state(client)["summary"]["open"] >= 1
    restarted = _session(files, use_encoder)
    assert restarted.statuses()[3] == "made" and len(restarted.state.alignment.beads) == 30
    opened = [f for b in restarted.state.alignment.beads for f in b.open_flags]
    assert opened and all(i == fixed for i, b in enumerate(restarted.state.alignment.beads)
                          for f in b.open_flags)
    # the translator fixes the year and adds a sentence at the top of both files
    tgt.write_text("Nota preliminar.\n" + tgt.read_text(encoding="utf-8").replace(
        "8 de octubre de 2020", "8 de octubre de 2021"), encoding="utf-8")
    src.write_text("Preliminary note.\n" + src.read_text(encoding="utf-8"), encoding="utf-8")
    response = client.post("/api/recheck")
    assert response.status_code == 200
    data = response.json()
    # the two new lines, the edited one (and clause parts the checks compare): not all 62
    assert 3 <= data["timings"]["embedded"] < 10 < session.encoder.embedded
    # per-bead checks judge again only the beads whose text or score changed (the new first
    # bead, the fixed one, a bead beside the merge whose score its stretch changed), not all 31
    memo_checks = sum(isinstance(c, MemoCheck) for c in session.checks)
    assert 2 * memo_checks <= data["timings"]["judged"] <= 3 * memo_checks
    assert data["summary"]["stale"] == [] and data["summary"]["open"] == 0
    assert data["items"][4]["status"] == "made" and [i for i, _ in data["items"][4]["src"]] == [4, 5]
    result = CliRunner().invoke(main, ["check", str(src), str(tgt), "--presegmented",
                                       "--review", str(session.settings.review_path),
                                       "--fail-on", "low"])
    assert result.exit_code == 0, result.output
    assert "stale" not in result.stderr


def test_an_edited_sentence_leaves_its_decision_stale(files, client):
    src, tgt = files
    ok(client, op="merge", bead=3)
    tgt.write_text(tgt.read_text(encoding="utf-8").replace("Ambos Gobiernos reafirmaron",
                                                           "Los dos Gobiernos reafirmaron"),
                   encoding="utf-8")
    data = client.post("/api/recheck").json()
    assert len(data["summary"]["stale"]) == 1 and "made bead" in data["summary"]["stale"][0]
    assert all(b["status"] == "" for b in data["items"])
    ok(client, op="forget", stale=0)
    assert state(client)["summary"]["stale"] == []


def test_a_malformed_review_file_stops_the_start(files, use_encoder):
    files[0].with_name("doc.en.review.json").write_text("{oops", encoding="utf-8")
    with pytest.raises(ReviewFileError, match="not valid JSON"):
        _session(files, use_encoder)
    assert files[0].with_name("doc.en.review.json").read_text(encoding="utf-8") == "{oops"


def test_opening_a_pair_writes_no_file_until_a_decision(session):
    assert not session.settings.review_path.exists()


# ---- export ----------------------------------------------------------------------------------

def test_export_in_every_format(client):
    i = first_flagged(client)
    ok(client, op="dismiss", bead=i, flag=0, note="checked")
    for fmt in state(client)["exports"]:
        response = client.get(f"/api/export?format={fmt}")
        assert response.status_code == 200, fmt
        assert "attachment; filename=\"doc.en.reviewed." in response.headers["content-disposition"]
        assert response.content
    rows = [json.loads(line) for line in client.get("/api/export?format=jsonl").text.splitlines()]
    assert rows[i]["flags"][0]["status"] == "dismissed" and rows[i]["flags"][0]["note"] == "checked"
    book = openpyxl.load_workbook(io.BytesIO(client.get("/api/export?format=xlsx").content)).active
    assert book.cell(1, 10).value == "dismissed"
    assert "state=\"needs-review-translation\"" in client.get("/api/export?format=xliff").text
    assert client.get("/api/export?format=moses").status_code == 400
    assert read_review(Path(state(client)["review_file"])).flags


def test_a_repeated_bead_confirmed_once_is_confirmed_once(tmp_path, use_encoder):
    src, tgt = tmp_path / "thanks.en.txt", tmp_path / "thanks.es.txt"
    src.write_text("Thank you.\nThe meeting opened at nine.\nThank you.\n", encoding="utf-8")
    tgt.write_text("Gracias.\nLa reunión se abrió a las nueve.\nGracias.\n", encoding="utf-8")
    session = Session(Settings(src, tgt, tmp_path / "thanks.review.json", OPTIONS), use_encoder)
    session.apply({"op": "confirm", "bead": 2})
    assert session.statuses() == ["confirmed", "", ""]  # the first bead with that text
    session.apply({"op": "confirm", "bead": 2})
    assert session.statuses() == ["confirmed", "", "confirmed"]
    session.apply({"op": "confirm", "bead": 0})
    assert session.statuses() == ["confirmed", "", ""]
    assert len(read_review(tmp_path / "thanks.review.json").beads) == 1


def test_memoised_checks_give_the_same_flags(use_encoder):
    from aligner.api import align
    from aligner.checking import judge_alignment
    from aligner.diverge import build_checks

    alignment = align(PAIR / "en.sents", PAIR / "es.sents", presegmented=True, encoder=use_encoder)
    checks = memoised(build_checks())
    wrapped = [c for c in checks if isinstance(c, MemoCheck)]
    assert wrapped and len(wrapped) < len(checks)  # consistency and typography see the document
    plain = judge_alignment(alignment, encoder=use_encoder)
    for _ in range(2):
        memo = judge_alignment(alignment, checks=checks, encoder=use_encoder)
        assert [b.flags for b in memo.beads] == [b.flags for b in plain.beads]
    assert sum(c.judged for c in wrapped) == len(wrapped) * len(alignment.beads)  # once each


def test_the_command_prints_its_url_serves_and_stops_on_ctrl_c(files):
    import os
    import signal
    import subprocess
    import sys

    import httpx

    src, tgt = files
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    server = subprocess.Popen([sys.executable, "-m", "aligner.cli", "review", str(src), str(tgt),
                               "--presegmented", "--no-browser"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=env)
    try:
        line = server.stdout.readline().strip()
        assert re.fullmatch(r"aligner review: http://127\.0\.0\.1:\d+/\?token=[\w-]{20,}", line), line
        url = line.split(": ", 1)[1]
        page = httpx.get(url, timeout=30)
        assert page.status_code == 200 and "review.js" in page.text
        assert httpx.get(url.split("?")[0], timeout=30).status_code == 403
        token = url.split("token=")[1]
        items = httpx.get(url.split("/?")[0] + "/api/state", headers={"X-Review-Token": token},
                          timeout=30).json()["items"]
        assert len(items) == 31
    finally:
        server.send_signal(signal.SIGINT)
        assert server.wait(timeout=30) == 0
    assert "Traceback" not in server.stderr.read()


def test_the_command_refuses_a_malformed_review_file(files):
    bad = files[0].with_name("bad.review.json")
    bad.write_text('{"aligner_review": 7}', encoding="utf-8")
    result = CliRunner().invoke(main, ["review", *map(str, files), "--presegmented",
                                       "--review", str(bad), "--no-browser"])
    assert result.exit_code == 2 and "version 7" in result.stderr
    assert result.stderr.count("\n") == 1


def test_the_listening_socket_sends_without_nagle_delay():
    import socket

    from aligner.reviewapp.server import listen

    sock = listen("127.0.0.1", 0)
    try:
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
        assert sock.getsockname()[0] == "127.0.0.1" and sock.getsockname()[1] > 0
    finally:
        sock.close()


def test_the_page_learns_when_a_file_changes_on_disk(files, client):
    assert client.get("/api/changed").json() == {"changed": False}
    files[1].write_text(files[1].read_text(encoding="utf-8") + "Una frase más.\n", encoding="utf-8")
    assert client.get("/api/changed").json() == {"changed": True}
    client.post("/api/recheck")
    assert client.get("/api/changed").json() == {"changed": False}


def test_an_export_name_is_safe_in_a_header(files, use_encoder):
    odd = files[0].with_name('we"ird\nname.en.txt')
    shutil.copy(files[0], odd)
    session = Session(Settings(odd, files[1], files[0].with_name("odd.review.json"), OPTIONS),
                      use_encoder)
    assert session.export("tsv")[2] == "we_ird_name.en.reviewed.tsv"
