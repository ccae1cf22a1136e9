"""The review site as a reader gets it: the seeds' pages opened from file:// in headless Chromium.

Skipped when no Chromium is installed (`make test` installs Debian's when apt is there). The screenshots it
takes are the ones the README shows.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from extractor.review import build_site

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = next((p for p in (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")) if p), None)
sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (apt-get install chromium)")


def evidence_texts(release: dict) -> list[str]:
    """Every evidence span of a release output, read from the JSON itself rather than through the site's code."""
    found = [a["evidence"] for a in release["agreements"]]
    found += [a["budget"]["evidence"] for a in release["agreements"] if a.get("budget")]
    for c in release["clusters"]:
        found += [c["evidence"], *(f["evidence"] for f in c["figures"])]
    found += [p["evidence"] for p in release["people"]] + [c["evidence"] for c in release["contacts"]]
    return sorted(e["text"] for e in found if e)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("site") / "outputs"
    folder.mkdir()
    for path in (ROOT / "outputs").glob("*.json"):
        shutil.copy(path, folder / path.name)
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(ROOT)  # the outputs name their sources relative to the repository, as `make demo` wrote them
        return build_site(folder).parent


@pytest.fixture(scope="module")
def page(site: Path):
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        yield page
        browser.close()


def test_every_page_works_offline(site, page):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for html in sorted(site.rglob("*.html")):
        page.goto(html.as_uri())
    assert requested and all(url.startswith("file://") for url in requested)


def test_index_lists_every_release_and_sorts(site, page):
    page.goto((site / "index.html").as_uri())
    ids = page.locator("#releases tbody tr td:first-child").all_text_contents()
    assert sorted(ids) == sorted(p.stem for p in (ROOT / "outputs").glob("0*.json"))
    page.get_by_role("searchbox").fill("xx-no-such-release")
    assert page.locator("#releases tbody tr:visible").count() == 0
    page.get_by_role("searchbox").fill("")
    page.locator("th", has_text="date").click()
    dates = page.locator("#releases tbody tr td:nth-child(4)").all_text_contents()
    assert dates == sorted(dates)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "index.png"), full_page=True)


@pytest.mark.parametrize("release", sorted(p.stem for p in (ROOT / "outputs").glob("0*.json")))
def test_every_evidence_span_is_highlighted_in_the_source(site, page, release):
    data = json.loads((ROOT / "outputs" / f"{release}.json").read_text(encoding="utf-8"))
    page.goto((site / "releases" / f"{release}.html").as_uri())
    shown = page.evaluate("""() => [...document.querySelectorAll('.record')].map((card) => {
        const marks = [...document.querySelectorAll(`mark[data-spans~="${card.id.slice(4)}"]`)];
        const painted = marks.every((m) => { const s = getComputedStyle(m);
            return s.backgroundColor !== 'rgba(0, 0, 0, 0)' || s.borderBottomStyle !== 'none'; });
        return {text: marks.map((m) => m.textContent).join(''), painted, kind: card.dataset.kind};
    })""")
    highlighted = sorted(s["text"] for s in shown if s["kind"] not in ("flag", "date"))
    assert highlighted == evidence_texts(data)
    assert all(s["text"] for s in shown if s["kind"] == "date")
    assert all(s["painted"] for s in shown)


def test_a_flag_links_to_its_spans_side_by_side(site, page):
    page.goto((site / "releases" / "001_4705eb67459d9180.html").as_uri())
    flag = page.locator(".flag[data-code=contradictory_figures]")
    assert flag.locator(".side a b").all_text_contents() == ["260", "250"]
    flag.get_by_text("show all in the text").click()
    assert page.locator("mark.focus").all_text_contents() == ["260", "250"]
    page.screenshot(path=str(SHOTS / "release-001-flag.png"), full_page=True)
    page.locator("mark.focus").first.hover()
    assert "members" in (page.locator("#tip").text_content() or "")


def test_cluster_chart_shows_each_figure_with_its_qualifier(site, page):
    page.goto((site / "clusters" / "polepharma.html").as_uri())
    members = page.locator("#metric-members svg .point")
    clusters = json.loads((ROOT / "outputs" / "clusters.json").read_text(encoding="utf-8"))
    series = next(c for c in clusters["clusters"] if c["name"] == "Polepharma")["series"]["members"]
    assert members.count() == len(series)
    shown = sorted(members.nth(i).get_attribute("data-qualifier") or "" for i in range(members.count()))
    assert shown == sorted(o["qualifier"] for o in series)
    assert any("+" in t for t in page.locator("#metric-members svg .label").all_text_contents())
    box = page.locator("#metric-members").bounding_box()
    assert box is not None
    page.screenshot(path=str(SHOTS / "cluster-polepharma.png"), clip={"x": 0, "y": 0, "width": 1000, "height": box["y"] + box["height"]})
