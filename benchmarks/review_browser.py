"""The review page in headless Chromium: time to first render and to the last bead at 2,000
beads, one key's round trip as the reviewer sees it, and the README screenshot.

    python benchmarks/review_browser.py [--beads 2000] [--screenshot docs/review.png]

A real uvicorn server on loopback serves a session of the synthetic document of
review_app.py; Chromium is Debian's (apt-get install chromium chromium-driver), driven by
selenium with every background fetch off (report_screenshot.headless_chromium). The browser
test starts its servers with `serve_in_thread` from here. Writes
benchmarks/results/review_browser.json.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from aligner.reviewapp.server import allowed_hosts, create_app, listen  # noqa: E402
from aligner.reviewapp.session import Session, Settings  # noqa: E402


def _sibling(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def serve_in_thread(session: Session, token: str = "browser-token"):
    """A uvicorn server for `session` on a free loopback port: (page URL, stop function)."""
    import uvicorn

    sock = listen("127.0.0.1", 0)
    port = sock.getsockname()[1]
    app = create_app(session, token, allowed_hosts("127.0.0.1", port))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)

    def stop():
        server.should_exit = True
        thread.join()

    return f"http://127.0.0.1:{port}/?token={token}", stop


def wait_ready(driver, timeout: float = 60.0) -> None:
    """Until the page has drawn the state it fetched (body[data-ready])."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, timeout).until(
        lambda d: d.execute_script("return document.body.dataset.ready === '1'"))


def first_render_ms(driver, url: str) -> float:
    """From navigation start to the beads drawn and laid out (two animation frames later)."""
    driver.get(url)
    wait_ready(driver)
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now())));")


def last_bead_ms(driver) -> float:
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "const t0 = performance.now();"
        "const rows = document.querySelectorAll('section.bead');"
        "rows[rows.length - 1].scrollIntoView({block: 'end'});"
        "requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)));")


def key_round_trip_ms(driver, key: str, undo: bool = True) -> float:
    """Press `key`; the page's own measure from the key to the redrawn page (its request, the
    server's work, the splice and the next frame), without selenium's polling."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.support.ui import WebDriverWait

    driver.execute_script("document.getElementById('status').textContent = ''")
    ActionChains(driver).send_keys(key).perform()
    WebDriverWait(driver, 10, poll_frequency=0.002).until(
        lambda d: d.find_element("id", "status").text.endswith("done"))
    elapsed = float(driver.execute_script("return document.body.dataset.lastOpMs"))
    if undo:
        driver.execute_script("document.getElementById('status').textContent = ''")
        ActionChains(driver).send_keys("u").perform()
        WebDriverWait(driver, 10, poll_frequency=0.002).until(
            lambda d: d.find_element("id", "status").text.endswith("done"))
    return elapsed


def screenshot(url: str, png: Path, profile: Path) -> None:
    """The page of the divergent pair with a bead under focus and one flag dismissed."""
    from selenium.webdriver.common.action_chains import ActionChains

    driver = _sibling("report_screenshot").headless_chromium(profile)
    try:
        driver.get(url)
        wait_ready(driver)
        ActionChains(driver).send_keys("n").perform()
        png.parent.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(png))
    finally:
        driver.quit()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--beads", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--screenshot", type=Path, default=None)
    parser.add_argument("--out", type=Path,
                        default=ROOT / "benchmarks" / "results" / "review_browser.json")
    args = parser.parse_args()
    from aligner.embed import get_encoder

    shots = _sibling("report_screenshot")
    encoder = get_encoder("use")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if args.screenshot:
            for side in ("en", "es"):
                shutil.copy(ROOT / "corpora" / "divergent" / f"{side}.sents", tmp / f"communique.{side}.txt")
            small = Session(Settings(tmp / "communique.en.txt", tmp / "communique.es.txt",
                                     tmp / "communique.review.json", {"presegmented": True}), encoder)
            flagged = [i for i, b in enumerate(small.state.alignment.beads) if b.flags]
            small.apply({"op": "dismiss", "bead": flagged[1], "flag": 0, "note": "same amount"})
            url, stop = serve_in_thread(small)
            try:
                screenshot(url, args.screenshot, tmp / "shot-profile")
            finally:
                stop()
            print(f"wrote {args.screenshot}")
        src, tgt = _sibling("review_app").synthetic_pair(tmp, args.beads)
        session = Session(Settings(src, tgt, tmp / "doc.review.json", {"presegmented": True}),
                          encoder)
        url, stop = serve_in_thread(session)
        driver = shots.headless_chromium(tmp / "profile")
        try:
            renders = [first_render_ms(driver, url) for _ in range(3)]
            to_last = [last_bead_ms(driver) for _ in range(3)]
            driver.execute_script("window.scrollTo(0, 0)")
            driver.execute_script("document.querySelectorAll('section.bead')[1].click()")
            keys = {key: [key_round_trip_ms(driver, key) for _ in range(args.repeat)]
                    for key in ("c", "m", "]")}
        finally:
            driver.quit()
            stop()
    results = {"beads": len(session.state.alignment.beads),
               "first_render_ms": round(statistics.median(renders)),
               "scroll_to_last_bead_ms": round(statistics.median(to_last)),
               "key_round_trip_ms": {k: {"median": round(statistics.median(v), 1),
                                         "max": round(max(v), 1)} for k, v in keys.items()}}
    print(f"{results['beads']} beads in headless Chromium")
    print(f"{'measure':<34} {'ms':>8}")
    print(f"{'first render (median of 3)':<34} {results['first_render_ms']:>8}")
    print(f"{'scroll to the last bead':<34} {results['scroll_to_last_bead_ms']:>8}")
    for key, row in results["key_round_trip_ms"].items():
        print(f"{'key ' + key + ' to redrawn (median)':<34} {row['median']:>8}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
