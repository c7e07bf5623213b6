"""Speed of `aligner review` on a 2,000-bead document: start, page state, every operation's
server round trip, and a re-check after a one-sentence edit.

    python benchmarks/review_app.py [--beads 2000] [--repeat 15] [--encoder use] [--uvicorn]

The document is every presegmented pair in corpora/ repeated until it has about --beads beads,
every line of a copy ending in its copy number, so no two beads share a text (a real
document's beads seldom do, and a decision covers the first bead with its text). Operations go through Starlette's
TestClient (in-process HTTP, JSON both ways) or, with --uvicorn, through a real uvicorn server
on loopback and httpx. Each operation runs --repeat times on different beads, each followed by
undo, so the document stays the same size; the table shows median and 95th percentile ms.
Writes benchmarks/results/review_app.json.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from aligner.embed import get_encoder  # noqa: E402
from aligner.reviewapp.server import allowed_hosts, create_app, listen  # noqa: E402
from aligner.reviewapp.session import Session, Settings  # noqa: E402

TOKEN = "benchmark-token"


def synthetic_pair(folder: Path, beads: int) -> tuple[Path, Path]:
    pairs = sorted(p.parent for p in (ROOT / "corpora").glob("*/en.sents"))
    en, es = [], []
    copy = 0
    while len(en) < beads:
        copy += 1
        for pair in pairs:
            en_lines = (pair / "en.sents").read_text(encoding="utf-8").splitlines()
            es_lines = (pair / "es.sents").read_text(encoding="utf-8").splitlines()
            en += [f"{line} ({copy})" for line in en_lines]
            es += [f"{line} ({copy})" for line in es_lines]
    src, tgt = folder / "doc.en.txt", folder / "doc.es.txt"
    src.write_text("\n".join(en) + "\n", encoding="utf-8")
    tgt.write_text("\n".join(es) + "\n", encoding="utf-8")
    return src, tgt


def client_for(session: Session, real: bool):
    """A callable (method, path, json) -> response, and a closer."""
    if not real:
        from starlette.testclient import TestClient

        client = TestClient(create_app(session, TOKEN, allowed_hosts("127.0.0.1", 8000)),
                            base_url="http://127.0.0.1:8000", headers={"X-Review-Token": TOKEN})
        return client, client.close
    import httpx
    import uvicorn

    sock = listen("127.0.0.1", 0)
    port = sock.getsockname()[1]
    app = create_app(session, TOKEN, allowed_hosts("127.0.0.1", port))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    client = httpx.Client(base_url=f"http://127.0.0.1:{port}", headers={"X-Review-Token": TOKEN},
                          timeout=300)

    def close():
        client.close()
        server.should_exit = True
        thread.join()

    return client, close


def timed(call) -> tuple[float, object]:
    started = time.perf_counter()
    result = call()
    return (time.perf_counter() - started) * 1000, result


def operations(session: Session, repeat: int) -> list[tuple[str, callable]]:
    """(name, bead -> op body) for every operation, with beads it applies to."""
    beads = session.state.alignment.beads
    flagged = [i for i, b in enumerate(beads) if b.flags]
    multi = [i for i, b in enumerate(beads) if max(len(b.src), len(b.tgt)) > 1]
    plain = [i for i, b in enumerate(beads[:-1]) if b.src and b.tgt]
    step = max(1, len(plain) // repeat)
    spread = plain[::step][:repeat]
    return [
        ("dismiss", [{"op": "dismiss", "bead": i, "flag": 0, "note": "x"} for i in flagged[:repeat]]),
        ("confirm", [{"op": "confirm", "bead": i} for i in spread]),
        ("merge", [{"op": "merge", "bead": i} for i in spread]),
        ("split", [{"op": "split", "bead": i} for i in multi[:repeat]]),
        ("shift", [{"op": "shift", "bead": i + 1, "side": "tgt", "to": "prev"} for i in spread]),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--beads", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--encoder", default="use")
    parser.add_argument("--uvicorn", action="store_true", help="a real server instead of TestClient")
    parser.add_argument("--out", type=Path, default=None,
                        help="default: results/review_app.json (review_app_uvicorn.json)")
    args = parser.parse_args()
    name = "review_app_uvicorn.json" if args.uvicorn else "review_app.json"
    args.out = args.out or ROOT / "benchmarks" / "results" / name
    with tempfile.TemporaryDirectory() as tmp:
        src, tgt = synthetic_pair(Path(tmp), args.beads)
        encoder = get_encoder(args.encoder)
        started = time.perf_counter()
        session = Session(Settings(src, tgt, Path(tmp) / "doc.review.json",
                                   {"presegmented": True}), encoder)
        start_s = time.perf_counter() - started
        client, close = client_for(session, args.uvicorn)
        try:
            results = run(session, client, args.repeat, tgt)
        finally:
            close()
    results = {"beads": len(session.state.alignment.beads), "sentences": [
        len(session.state.alignment.src), len(session.state.alignment.tgt)],
        "transport": "uvicorn+httpx" if args.uvicorn else "TestClient", "encoder": args.encoder,
        "start_s": round(start_s, 2), **results}
    print_table(results)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


def run(session: Session, client, repeat: int, tgt: Path) -> dict:
    state_ms, response = timed(lambda: client.get("/api/state"))
    out = {"state_ms": round(state_ms, 1), "state_kb": round(len(response.content) / 1024),
           "ops": {}}
    for name, bodies in operations(session, repeat):
        times = []
        for body in bodies:
            ms, response = timed(lambda: client.post("/api/op", json=body))
            assert response.status_code == 200, response.text
            times.append(ms)
            undo_ms, _ = timed(lambda: client.post("/api/op", json={"op": "undo"}))
            out["ops"].setdefault("undo", []).append(undo_ms)
            redo_ms, _ = timed(lambda: client.post("/api/op", json={"op": "redo"}))
            out["ops"].setdefault("redo", []).append(redo_ms)
            client.post("/api/op", json={"op": "undo"})
        out["ops"][name] = times
    out["ops"] = {name: {"n": len(t), "median_ms": round(statistics.median(t), 1),
                         "p95_ms": round(sorted(t)[max(0, int(len(t) * 0.95) - 1)], 1),
                         "max_ms": round(max(t), 1)} for name, t in out["ops"].items()}
    lines = tgt.read_text(encoding="utf-8").splitlines()
    lines[len(lines) // 2] = lines[len(lines) // 2].rstrip(".") + ", según se acordó."
    tgt.write_text("\n".join(lines) + "\n", encoding="utf-8")
    recheck_ms, response = timed(lambda: client.post("/api/recheck"))
    timings = response.json()["timings"]
    out["recheck_after_one_edit_s"] = round(recheck_ms / 1000, 2)
    out["recheck_embedded"] = timings["embedded"]
    out["recheck_judged"] = timings["judged"]
    return out


def print_table(results: dict) -> None:
    print(f"{results['beads']} beads ({results['sentences'][0]} + {results['sentences'][1]} "
          f"sentences), {results['transport']}, encoder {results['encoder']}")
    print(f"start (read, embed, align, check): {results['start_s']:.2f} s")
    print(f"GET /api/state: {results['state_ms']:.0f} ms, {results['state_kb']} kB")
    print(f"{'operation':<10} {'n':>3} {'median ms':>10} {'p95 ms':>8} {'max ms':>8}")
    for name, row in results["ops"].items():
        print(f"{name:<10} {row['n']:>3} {row['median_ms']:>10.1f} {row['p95_ms']:>8.1f} "
              f"{row['max_ms']:>8.1f}")
    print(f"re-check after a one-sentence edit: {results['recheck_after_one_edit_s']:.2f} s, "
          f"{results['recheck_embedded']} texts embedded, {results['recheck_judged']} bead "
          "judgments made by per-bead checks (the rest from memory)")


if __name__ == "__main__":
    main()
