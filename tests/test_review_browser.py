"""The review page in a real browser, driven by the keyboard: Debian's headless Chromium through
selenium against a real uvicorn server, no network.

One translator's session: dismiss a flag, merge two beads, shift a sentence out and back,
reload (persisted), restart the server (persisted), fix one disagreement in the Spanish file
and add a sentence at the top of both, re-check (the dismissal and the merge stay, the fixed
flag is gone, nothing is stale); `check --review` then passes once every flag left is
dismissed.
"""
from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAIR = ROOT / "corpora" / "divergent"


def _module(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tools():
    pytest.importorskip("selenium", reason="selenium is not installed (pip install '.[test]')")
    pytest.importorskip("uvicorn")
    shots = _module("report_screenshot")
    for binary in (shots.CHROMIUM, shots.CHROMEDRIVER):
        if not binary.exists():
            pytest.skip(f"{binary} is missing (apt-get install chromium chromium-driver)")
    return shots, _module("review_browser")


def _rows(driver):
    return driver.find_elements("css selector", "section.bead")


def _press(driver, tools, keys: str) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.support.ui import WebDriverWait

    for key in keys:
        driver.execute_script("document.getElementById('status').textContent = ''")
        ActionChains(driver).send_keys(key).perform()
        if key in "dmcsu[]{}U":
            WebDriverWait(driver, 20).until(
                lambda d: d.find_element("id", "status").text.endswith("done")
                or "error" in d.find_element("id", "status").get_attribute("class"))
            assert "error" not in driver.find_element("id", "status").get_attribute("class"), \
                driver.find_element("id", "status").text


def _shape(row) -> str:
    return row.find_element("css selector", ".pos .shape").text


def _focused(driver) -> int:
    return next(i for i, r in enumerate(_rows(driver)) if "focus" in r.get_attribute("class").split())


def _flag_states(row) -> list[str]:
    return [next(c for c in f.get_attribute("class").split() if c in ("open", "dismissed"))
            for f in row.find_elements("css selector", ".flag")]


def test_a_review_session_end_to_end(tools, tmp_path, use_encoder):
    from click.testing import CliRunner
    from selenium.webdriver.common.action_chains import ActionChains

    from aligner.cli import main
    from aligner.reviewapp.session import Session, Settings

    shots, browser = tools
    src, tgt = tmp_path / "doc.en.txt", tmp_path / "doc.es.txt"
    shutil.copy(PAIR / "en.sents", src)
    shutil.copy(PAIR / "es.sents", tgt)
    review = tmp_path / "doc.en.review.json"

    def start():
        return browser.serve_in_thread(Session(Settings(src, tgt, review, {"presegmented": True}),
                                               use_encoder))

    url, stop = start()
    driver = shots.headless_chromium(tmp_path / "profile")
    try:
        driver.get(url)
        browser.wait_ready(driver)
        assert len(_rows(driver)) == 31
        assert driver.find_element("id", "progress").text.startswith("Beads reviewed 0 / 31")
        assert "merge with next" in driver.find_element("id", "keys").text
        # n: the first open flag (the year, which will be fixed in the file); n again: the next
        _press(driver, tools, "n")
        year = _focused(driver)
        assert "2020" in _rows(driver)[year].text
        _press(driver, tools, "n")
        amount = _focused(driver)
        assert amount > year and _flag_states(_rows(driver)[amount])[0] == "open"
        driver.execute_script("document.getElementById('status').textContent = ''")
        ActionChains(driver).send_keys("d").perform()
        note = driver.find_element("css selector", ".note input")
        note.send_keys("checked with the translator\n")
        from selenium.webdriver.support.ui import WebDriverWait

        WebDriverWait(driver, 20).until(
            lambda d: d.find_element("id", "status").text == "dismiss done")
        assert _flag_states(_rows(driver)[amount])[0] == "dismissed"
        assert "checked with the translator" in _rows(driver)[amount].text
        # merge beads 4 and 5 (0-based 3 and 4), shift the Spanish out to the next bead and back
        _press(driver, tools, "k" * (amount - 3))
        assert _focused(driver) == 3
        _press(driver, tools, "m")
        assert len(_rows(driver)) == 30 and _shape(_rows(driver)[3]) == "2–2"
        _press(driver, tools, "]")
        assert _shape(_rows(driver)[3]) == "2–1" and _shape(_rows(driver)[4]) == "1–2"
        _press(driver, tools, "j[")
        assert _shape(_rows(driver)[3]) == "2–2" and _shape(_rows(driver)[4]) == "1–1"
        driver.save_screenshot(str(tmp_path / "review.png"))
        assert (tmp_path / "review.png").stat().st_size > 10_000

        def persisted(merged: int = 3, beads: int = 30, open_before_fix: bool = True):
            rows = _rows(driver)
            assert len(rows) == beads and _shape(rows[merged]) == "2–2"
            assert "made" in rows[merged].text
            dismissed = [r for r in rows if "dismissed" in _flag_states(r)]
            assert len(dismissed) == 1 and "checked with the translator" in dismissed[0].text
            adoption = next(r for r in rows if "adopted on October 8, 2021" in r.text)
            assert ("open" in _flag_states(adoption)) == open_before_fix

        driver.refresh()
        browser.wait_ready(driver)
        persisted()
        stop()
        url, stop = start()
        driver.get(url)
        browser.wait_ready(driver)
        persisted()
        # the translator fixes the year and adds a sentence at the top of both files
        tgt.write_text("Nota preliminar.\n" + tgt.read_text(encoding="utf-8").replace(
            "8 de octubre de 2020", "8 de octubre de 2021"), encoding="utf-8")
        src.write_text("Preliminary note.\n" + src.read_text(encoding="utf-8"), encoding="utf-8")
        WebDriverWait(driver, 20).until(lambda d: d.find_element("id", "changed").is_displayed())
        ActionChains(driver).send_keys("R").perform()
        WebDriverWait(driver, 60).until(
            lambda d: d.find_element("id", "status").text.startswith("re-checked"))
        assert driver.find_elements("css selector", "#stale li") == []
        assert not driver.find_element("id", "changed").is_displayed()
        persisted(merged=4, beads=31, open_before_fix=False)  # one bead further down
        # every flag left is judged a false alarm: click its bead, d, a note, Enter
        while "open flags 0 /" not in driver.find_element("id", "progress").text:
            row = next(r for r in _rows(driver) if "open" in _flag_states(r))
            row.find_element("css selector", ".pos").click()
            driver.execute_script("document.getElementById('status').textContent = ''")
            ActionChains(driver).send_keys("d").perform()
            driver.find_element("css selector", ".note input").send_keys("fine\n")
            WebDriverWait(driver, 20).until(
                lambda d: d.find_element("id", "status").text.endswith("done"))
    finally:
        driver.quit()
        stop()
    result = CliRunner().invoke(main, ["check", str(src), str(tgt), "--presegmented",
                                       "--review", str(review), "--fail-on", "low"])
    assert result.exit_code == 0, result.output
    assert "stale" not in result.stderr


def test_hostile_document_text_is_shown_not_run(tools, tmp_path, use_encoder):
    from aligner.reviewapp.session import Session, Settings

    shots, browser = tools
    src, tgt = tmp_path / "h.en.txt", tmp_path / "h.es.txt"
    src.write_text('Fees rose by 5% <script>window.pwned = 1</script> in 2023 '
                   '<img src=x onerror="window.pwned = 2">.\nThe meeting ended.\n', encoding="utf-8")
    tgt.write_text('Las tasas subieron un 6 % <a href="javascript:window.pwned=3">aquí</a> en 2023 '
                   '" onmouseover="window.pwned = 4".\nLa reunión terminó.\n', encoding="utf-8")
    session = Session(Settings(src, tgt, tmp_path / "h.review.json", {"presegmented": True}),
                      use_encoder)
    url, stop = browser.serve_in_thread(session)
    driver = shots.headless_chromium(tmp_path / "profile")
    try:
        driver.get(url)
        browser.wait_ready(driver)
        first = _rows(driver)[0]
        first.click()
        assert "<script>window.pwned = 1</script>" in first.text
        assert '<a href="javascript:window.pwned=3">' in first.text
        assert driver.find_elements("css selector", "main script, main img, main a") == []
        assert driver.execute_script("return window.pwned === undefined")
        assert "open" in _flag_states(first)  # 5% against 6 %: flagged, evidence marked
        assert first.find_elements("css selector", "mark")
    finally:
        driver.quit()
        stop()
