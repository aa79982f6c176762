"""The site in a real headless Chromium, served by ``provenance serve``: what a reader's eyes get.

Arabic cells must sit right to left and Latin ones left to right, the chain must run from the
publisher (right) to the origin (left), and the two copies of a reused passage must stand side by
side. Screenshots land in ``test-artifacts/`` for a person to look at.

Needs Chromium (Debian's ``chromium``, which ``scripts/test.sh`` installs) and the ``playwright``
package; without them these tests are skipped, except under CI, where they fail.
"""

import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from provenance.publish import Site

from .conftest import CORPUS, ROOT

ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


def _require_browser():
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing = "the playwright package"
    else:
        missing = None if CHROMIUM else "a chromium binary"
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests need {missing} (scripts/test.sh installs it)")
        pytest.skip(f"no {missing}")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """``provenance serve`` on a free port, with the database it builds from corpus/."""
    db = tmp_path_factory.mktemp("browser") / "provenance.db"
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    command = [str(Path(sys.executable).parent / "provenance"), "serve", "--db", str(db), "--port", str(port),
               "--corpus", str(CORPUS)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            urllib.request.urlopen(url + "/-/versions.json", timeout=1)
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail("provenance serve did not start:\n" + (process.stdout.read() if process.stdout else ""))
            time.sleep(0.3)
    yield url, db
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def page(server):
    _require_browser()
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        yield page
        browser.close()


def visit(page, url: str, name: str) -> None:
    response = page.goto(url)
    assert response is not None and response.status == 200, url
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


# Where a cell's text sits inside the cell's content box.
TEXT_BOX = """(cell) => {
  const range = document.createRange(); range.selectNodeContents(cell);
  const text = range.getBoundingClientRect(), box = cell.getBoundingClientRect(), style = getComputedStyle(cell);
  return {left: text.left - box.left - parseFloat(style.paddingLeft),
          right: box.right - parseFloat(style.paddingRight) - text.right};
}"""


def test_the_home_page_reads_right_to_left(server, page):
    url, _ = server
    visit(page, url + "/", "home")
    assert page.evaluate("document.fonts.check('16px \"Noto Naskh Arabic\"')")
    arabic = page.locator(".metadata-description p[dir=rtl]").first
    box = arabic.evaluate(TEXT_BOX)
    assert box["right"] < 2  # flush with the right edge
    assert page.locator("form.prov-search input[type=search]").count() == 1


def test_arabic_cells_are_right_to_left_and_latin_cells_left_to_right(server, page):
    url, _ = server
    visit(page, url + "/provenance/chains?_size=20", "chains-table")
    arabic = page.locator("td.col-publisher").first
    latin = page.locator("td.col-publisher_en").first
    assert arabic.inner_text() and latin.inner_text().isascii()
    a, b = arabic.evaluate(TEXT_BOX), latin.evaluate(TEXT_BOX)
    assert a["right"] < 2 and a["left"] > 5  # Arabic: flush right
    assert b["left"] < 2 and b["right"] > 5  # Latin: flush left
    numbers = page.locator("td.col-attribution_id").first.evaluate(TEXT_BOX)
    assert numbers["right"] < 2  # ids line up on the right


def test_a_chain_page_draws_linked_nodes_from_publisher_to_origin(server, page):
    url, db = server
    relay = sqlite3.connect(db).execute("SELECT id FROM attributions WHERE path = 'هاف بوست عراقي ← رويترز ← دبلوماسيين'").fetchone()[0]
    visit(page, f"{url}/chain/{relay}", "chain")
    nodes = page.locator("ol.chain li.node")
    assert nodes.count() == 3
    assert [nodes.nth(i).locator("a.name").inner_text() for i in range(3)] == ["هاف بوست عراقي", "رويترز", "دبلوماسيين"]
    xs = [nodes.nth(i).bounding_box()["x"] for i in range(3)]
    assert xs[0] > xs[1] > xs[2]  # publisher on the right, origin on the left
    assert all(nodes.nth(i).locator("a.name").get_attribute("href").startswith("/source/") for i in range(3))
    assert page.locator("blockquote.paragraph .hl-cue").inner_text() == "ونقلت"
    assert page.locator("blockquote.paragraph").evaluate("e => getComputedStyle(e).direction") == "rtl"
    page.locator("ol.chain li.node").nth(1).locator("a.name").click()
    assert page.locator("h1").inner_text().startswith("رويترز")
    page.screenshot(path=str(ARTIFACTS / "source.png"))


def test_a_reuse_page_puts_the_two_copies_side_by_side(server, page):
    url, db = server
    pair = sqlite3.connect(db).execute(
        "SELECT r.id FROM reuse_pairs r JOIN articles a ON a.id = r.article_a JOIN articles b ON b.id = r.article_b"
        " WHERE a.doc_id LIKE '000%' AND b.doc_id LIKE '003%' ORDER BY r.a_start DESC"
    ).fetchone()[0]
    visit(page, f"{url}/reuse/{pair}", "reuse")
    sides = page.locator("section.side")
    assert sides.count() == 2
    first, second = sides.nth(0).bounding_box(), sides.nth(1).bounding_box()
    assert abs(first["y"] - second["y"]) < 2 and first["x"] > second["x"]  # side by side, the first on the right
    assert page.locator("section.side .hl-diff").count() >= 2
    assert "منسوب" in sides.nth(0).inner_text()


def test_an_article_page_marks_its_attributions(server, page):
    url, db = server
    article = sqlite3.connect(db).execute("SELECT id FROM articles WHERE doc_id LIKE '000%'").fetchone()[0]
    visit(page, f"{url}/article/{article}", "article")
    assert page.locator("article.article-text .hl-cue a").count() >= 10
    assert page.locator("article.article-text .hl-passage").count() >= 2
