"""The HTML report in a real browser: Debian's headless Chromium through selenium, no network.

What only a browser can tell: flagged rows look different, the CSS-only filters hide the right
rows, hostile document text does not run, and the page renders to a screenshot.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DIVERGENT = ROOT / "corpora" / "divergent"
# Appended to both sides of the divergent pair: aligned with each other, with a figure flag.
HOSTILE_EN = ('Fees rose by 5% <script>window.pwned = 1; alert(1)</script> in 2023 '
              '<img src=x onerror="window.pwned = 2">.')
HOSTILE_ES = ('Las tasas subieron un 6 % <a href="javascript:window.pwned=3">aquí</a> '
              'en 2023 " onmouseover="window.pwned = 4".')


def _screenshot_module():
    spec = importlib.util.spec_from_file_location("report_screenshot",
                                                  ROOT / "benchmarks" / "report_screenshot.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def shots():
    pytest.importorskip("selenium", reason="selenium is not installed (pip install '.[test]')")
    module = _screenshot_module()
    for binary in (module.CHROMIUM, module.CHROMEDRIVER):
        if not binary.exists():
            pytest.skip(f"{binary} is missing (apt-get install chromium chromium-driver)")
    return module


@pytest.fixture(scope="module")
def report(shots, tmp_path_factory) -> Path:
    """`aligner check` on the divergent pair (one sentence a line) plus a hostile sentence."""
    folder = tmp_path_factory.mktemp("pair")
    for name, extra in (("en.sents", HOSTILE_EN), ("es.sents", HOSTILE_ES)):
        text = (DIVERGENT / name).read_text(encoding="utf-8").rstrip("\n")
        (folder / name).write_text(f"{text}\n{extra}\n", encoding="utf-8")
    out = folder / "report.html"
    # one sentence a line: the Markdown reader would drop the tags this test is about
    code = shots.check_report(folder / "en.sents", folder / "es.sents", out, "--presegmented")
    assert code == 1 and out.stat().st_size > 0
    return out


@pytest.fixture(scope="module")
def browser(shots, report, tmp_path_factory):
    driver = shots.headless_chromium(tmp_path_factory.mktemp("profile"))
    try:
        driver.get(report.resolve().as_uri())
        yield driver
    finally:
        driver.quit()


def _rows(driver):
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, "section.bead")


def _show(driver, ident: str) -> None:
    from selenium.webdriver.common.by import By

    driver.find_element(By.CSS_SELECTOR, f"label[for={ident}]").click()


def test_flagged_rows_are_highlighted(browser):
    rows = _rows(browser)
    flagged = [r for r in rows if "flagged" in r.get_attribute("class").split()]
    plain = [r for r in rows if r not in flagged]
    assert flagged and plain
    plain_colours = {r.value_of_css_property("background-color") for r in plain}
    assert len(plain_colours) == 1
    for row in flagged:
        assert row.value_of_css_property("background-color") not in plain_colours
    marks = [m for r in flagged for m in r.find_elements("tag name", "mark")]
    assert marks and all(m.value_of_css_property("background-color") not in plain_colours
                         for m in marks)


def test_filters_hide_the_other_rows(browser):
    from selenium.webdriver.common.by import By

    rows = _rows(browser)
    kinds = [set(r.get_attribute("class").split()) for r in rows]
    expectations = {
        "f-flagged": lambda c: "flagged" in c,
        "f-high": lambda c: "sev-high" in c,
        "f-medium": lambda c: bool(c & {"sev-high", "sev-medium"}),
        "f-commitment": lambda c: "k-commitment" in c,
        "f-all": lambda c: True,
    }
    for ident, keeps in expectations.items():
        _show(browser, ident)
        assert browser.find_element(By.ID, ident).is_selected()
        shown = [r.is_displayed() for r in rows]
        assert shown == [keeps(c) for c in kinds], ident
    assert 0 < sum(expectations["f-flagged"](c) for c in kinds) < len(rows)


def test_hostile_text_shows_as_text_and_never_runs(browser):
    from selenium.common.exceptions import NoAlertPresentException

    assert browser.execute_script("return window.pwned === undefined")
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018 (the property access is the check)
    page = browser.find_element("tag name", "main").text
    assert "<script>window.pwned = 1; alert(1)</script>" in page
    assert '<a href="javascript:window.pwned=3">aquí</a>' in page
    assert browser.execute_script(
        "return document.querySelectorAll('main script, main img, main a[href^=javascript]')"
        ".length") == 0


def test_chart_marker_jumps_to_its_bead(browser):
    from selenium.webdriver.common.by import By

    marker = browser.find_elements(By.CSS_SELECTOR, "svg.chart a.pt")[-1]
    target = marker.get_dom_attribute("href").removeprefix("#")
    marker.click()
    assert browser.execute_script("return location.hash") == f"#{target}"
    row = browser.find_element(By.ID, target)
    top = browser.execute_script("return arguments[0].getBoundingClientRect().top", row)
    assert 0 <= top < browser.execute_script("return innerHeight")


def test_screenshot_is_a_png(browser, tmp_path):
    png = tmp_path / "report.png"
    browser.execute_script("window.scrollTo(0, 0)")
    assert browser.save_screenshot(str(png))
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000
