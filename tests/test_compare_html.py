"""The HTML comparison report (issue #4): self-contained, escaped, complete — and, in a real headless
Chromium, a click on a value opens the source panel with the fact highlighted in its sentence."""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

import pytest
from lxml import html as lxml_html

from policyparse.compare import build_matrix, compare, load_document
from policyparse.compare.html import render_html
from policyparse.compare.model import Comparison
from policyparse.profile.model import (
    CATEGORY_LABELS,
    CATEGORY_ORDER,
    NoticeInfo,
    PolicyProfile,
    Provenance,
    Slot,
)

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("POLICYPARSE_CHROMIUM", "/usr/bin/chromium"))  # Debian's; no browser download
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


@pytest.fixture(scope="module")
def docs():
    return [load_document(p) for p in sorted((REPO / "corpora").glob("*.txt"))]


@pytest.fixture(scope="module")
def cmp5(docs) -> Comparison:
    return compare(docs)


@pytest.fixture(scope="module")
def cmp_pairs(docs) -> Comparison:
    """重庆 2020 vs 常州 2023 (amounts, thresholds, periods, lists change) and 重庆 2020 vs 2022."""
    return compare(docs, pairs=[(0, 2), (0, 1)])


def _tree(page: str):
    return lxml_html.fromstring(page)


def _sources(tree) -> dict:
    (block,) = tree.xpath('//script[@type="application/json"][@id="pp-sources"]')
    return json.loads(block.text)


def _changzhou(comparison: Comparison) -> str:
    (nid,) = [n.id for n in comparison.notices if "常州" in (n.jurisdiction or "")]
    return nid


# ------------------------------------------------------------------------------ synthetic input


def _slot(key: str, display: str, number: float | None, doc: str, sentence: str, fact: str,
          *, category: str = "funding", label: str = "每项目资助", kind: str = "money", section: str | None = "五") -> Slot:
    start = sentence.index(fact)
    prov = Provenance(document=doc, span=(100 + start, 100 + start + len(fact)), text=fact, section=section,
                      sentence=sentence, highlight=(start, start + len(fact)))
    return Slot(key=key, category=category, label=label, kind=kind, value={"amount": number},
                display=display, number=number, provenance=(prov,))


def _profile(nid: str, label: str, slots: list[Slot], **info) -> PolicyProfile:
    return PolicyProfile(notice=NoticeInfo(id=nid, label=label, **info), slots={s.key: s for s in slots})


def _synthetic() -> Comparison:
    """Three notices whose per-project funding is 10万, 20万 and 100万 (the last an outlier)."""
    profiles = [
        _profile("a", "甲市 2021", [_slot("funding.per_project", "10万元/项目", 100_000, "a",
                                         "每个项目给予10万元资助。", "10万元")], jurisdiction="甲市", year=2021),
        _profile("b", "乙市 2022", [_slot("funding.per_project", "20万元/项目", 200_000, "b",
                                         "每个项目给予20万元资助。", "20万元")], jurisdiction="乙市", year=2022),
        _profile("c", "丙市 2023", [_slot("funding.per_project", "100万元/项目", 1_000_000, "c",
                                         "每个项目给予100万元资助。", "100万元")], jurisdiction="丙市", year=2023),
    ]
    return Comparison(notices=tuple(p.notice for p in profiles), matrix=build_matrix(profiles))


# ----------------------------------------------------------------------------------- unit tests


def test_self_contained(cmp5, cmp_pairs):
    for comparison in (cmp5, cmp_pairs):
        page = render_html(comparison)
        assert page.startswith("<!DOCTYPE html>")
        assert not re.search(r"""(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//""", page, re.IGNORECASE)
        assert not re.search(r"<link\b", page, re.IGNORECASE)
        assert not re.search(r"@import|url\(\s*['\"]?\s*(?:https?:)?//", page, re.IGNORECASE)
        tree = _tree(page)
        assert tree.xpath("//script[@src]") == []
        assert tree.xpath("//img[not(starts-with(@src, 'data:'))]") == []
        # inline style and script are there, and a CSP forbids any fetch
        assert tree.xpath("//style") and tree.xpath("//script[not(@type)]")
        (csp,) = tree.xpath('//meta[@http-equiv="Content-Security-Policy"]/@content')
        assert "default-src 'none'" in csp


def test_every_matrix_cell_is_present_with_its_source(cmp5):
    tree = _tree(render_html(cmp5))
    sources = _sources(tree)
    cells = tree.xpath('//table[contains(@class, "matrix")]//td[contains(concat(" ", @class, " "), " cell ")]')
    assert len(cells) == len(cmp5.matrix.rows) * len(cmp5.notices)
    by_hook = {(td.get("data-key"), td.get("data-notice")): td for td in cells}
    assert len(by_hook) == len(cells)
    for row in cmp5.matrix.rows:
        for nid, slot in row.cells.items():
            td = by_hook[(row.key, nid)]
            if slot is None:
                assert "empty" in td.get("class") and td.get("data-src") is None
                continue
            assert td.text_content().strip().startswith(slot.display)
            assert td.get("tabindex") == "0" and td.get("title")
            entry = sources[td.get("data-src")]
            assert (entry["key"], entry["display"], entry["document"]) == (slot.key, slot.display, nid)
            marks = [seg[0] for src in entry["sources"] for sentence in src["sentences"] for seg in sentence if seg[1]]
            sentences = {"".join(seg[0] for seg in sentence) for src in entry["sources"] for sentence in src["sentences"]}
            assert sentences == {p.sentence for p in slot.provenance}
            # one mark per fact (facts overlapping in one sentence share a mark)
            assert 1 <= len(marks) <= len(slot.provenance)
            assert all(any(p.text in m for m in marks) for p in slot.provenance)


def test_matrix_groups_follow_category_order(cmp5):
    tree = _tree(render_html(cmp5))
    groups = tree.xpath('//table[contains(@class, "matrix")]//tr[contains(@class, "group")]')
    cats = [g.get("data-category") for g in groups]
    assert cats == [c for c in CATEGORY_ORDER if c in {r.category for r in cmp5.matrix.rows}]
    for g in groups:
        assert CATEGORY_LABELS[g.get("data-category")] in g.text_content()
        assert g.xpath("./th/@colspan") == [str(len(cmp5.notices) + 2)]
    # header: slot column, one column per notice, the range column
    head = tree.xpath('//table[contains(@class, "matrix")]/thead/tr/th')
    assert len(head) == len(cmp5.notices) + 2
    assert [th.get("data-notice") for th in head[1:-1]] == [n.id for n in cmp5.notices]
    # each row: label and key in the first column, range in the last
    for row in cmp5.matrix.rows:
        (tr,) = tree.xpath(f'//table[contains(@class, "matrix")]//tr[@data-key="{row.key}"]')
        assert row.label in tr.xpath("./th")[0].text_content() and row.key in tr.xpath("./th")[0].text_content()
        rng = tr.xpath('./td[contains(@class, "range")]')[0].text_content()
        if row.range:
            assert row.range.min_display in rng and row.range.max_display in rng
        else:
            assert rng.strip() == "—"


def test_header_lists_the_notices(cmp5):
    tree = _tree(render_html(cmp5))
    table = tree.xpath('//table[contains(@class, "notices")]')[0]
    for n in cmp5.notices:
        (tr,) = table.xpath(f'.//tr[@data-notice="{n.id}"]')
        text = tr.text_content()
        for value in (n.label, n.jurisdiction, n.title, n.doc_number, n.year):
            if value is not None:
                assert str(value) in text
    assert any(n.doc_number for n in cmp5.notices)  # 渝府办发〔2022〕41号 is shown


def test_outliers_are_marked():
    comparison = _synthetic()
    assert comparison.matrix.rows[0].outliers == ("c",)
    tree = _tree(render_html(comparison))
    (td,) = tree.xpath('//td[contains(@class, "cell")][@data-key="funding.per_project"][@data-notice="c"]')
    assert "outlier" in td.get("class").split()
    assert "Outlier" in td.get("title") and "more than twice" in td.get("title")
    others = tree.xpath('//td[contains(@class, "cell")][@data-notice!="c"]')
    assert others and all("outlier" not in t.get("class").split() for t in others)
    rng = tree.xpath('//tr[@data-key="funding.per_project"]/td[contains(@class, "range")]')[0].text_content()
    assert "10万元/项目" in rng and "100万元/项目" in rng


def test_pairwise_diffs(cmp_pairs):
    page = render_html(cmp_pairs)
    tree = _tree(page)
    sections = tree.xpath('//section[contains(@class, "diff-section")]')
    assert len(sections) == len(cmp_pairs.diffs) == 2
    sources = _sources(tree)
    for section, diff in zip(sections, cmp_pairs.diffs):
        assert (section.get("data-a"), section.get("data-b")) == (diff.a.id, diff.b.id)
        rows = section.xpath('.//tr[contains(@class, "change-row")]')
        expected = sorted(diff.changes, key=lambda c: CATEGORY_ORDER.index(c.category))  # grouped, stable
        assert [(r.get("data-key"), r.get("data-change")) for r in rows] == [(c.key, c.change) for c in expected]
        for tr, change in zip(rows, expected):
            text = tr.text_content()
            assert change.label in text and change.key in text
            assert tr.get("data-direction") == (change.direction or "")
            if change.direction:
                assert tr.xpath(f'.//span[contains(@class, "dir-{change.direction}")]')
            if change.ratio is not None:
                assert "×" in text
            for item in change.added + change.removed:
                assert item in text
            if change.note:
                assert change.note in text
            for slot, notice in ((change.before, diff.a), (change.after, diff.b)):
                if slot is None:
                    continue
                (val,) = tr.xpath(f'.//span[contains(@class, "val")][@data-notice="{notice.id}"]')
                assert val.text_content() == slot.display
                assert sources[val.get("data-src")]["document"] == notice.id
    # the 重庆 → 常州 diff has the typed changes the brief names
    first = {r.get("data-key"): r for r in sections[0].xpath('.//tr[contains(@class, "change-row")]')}
    assert first["funding.per_project"].get("data-direction") == "up"
    assert "×2" in first["funding.per_project"].text_content()
    assert first["eligibility.enterprise.valid_patents"].get("data-direction") == "stricter"
    assert first["contact.people"].xpath('.//li[contains(@class, "item-added")]')
    assert first["contact.people"].xpath('.//li[contains(@class, "item-removed")]')


def test_text_is_escaped_and_embedded_json_cannot_close_the_script():
    evil = '<script>alert("x")</script>'
    sentence = f"每个项目给予10万元资助{evil}&amp;</script><!--"
    slot = _slot("funding.per_project", f"10万元 {evil}", 100_000, "a&b", sentence, "10万元",
                 label=f"标签{evil}", section=f"五{evil}")
    profiles = [_profile("a&b", f"<b>甲</b>{evil}", [slot], title=f"标题{evil}", doc_number="〔2021〕<i>1</i>号"),
                _profile("c", "乙", [])]
    comparison = Comparison(notices=tuple(p.notice for p in profiles), matrix=build_matrix(profiles))
    page = render_html(comparison)
    assert "<script>alert" not in page and "<b>甲" not in page and "<i>1" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    tree = _tree(page)
    # exactly the two script elements of the template: the JSON data and the code
    assert len(tree.xpath("//script")) == 2
    (block,) = tree.xpath('//script[@id="pp-sources"]')
    raw = page[page.index('id="pp-sources">'):]
    raw = raw[raw.index(">") + 1:raw.index("</script>")]
    assert "</" not in raw and "<!--" not in raw and "<" not in raw
    entry = next(iter(json.loads(block.text).values()))
    assert entry["display"] == f"10万元 {evil}"
    (src,) = entry["sources"]
    assert src["section"] == f"五{evil}" and src["document"] == "a&b"
    assert "".join(seg[0] for seg in src["sentences"][0]) == sentence
    assert [seg[0] for seg in src["sentences"][0] if seg[1]] == ["10万元"]
    (td,) = tree.xpath('//td[contains(@class, "cell")][@data-notice="a&b"]')
    assert td.get("data-key") == "funding.per_project" and evil in td.text_content()


def test_deterministic(cmp_pairs):
    assert render_html(cmp_pairs) == render_html(cmp_pairs)


# -------------------------------------------------------------------------------- real browser


@pytest.fixture(scope="module")
def chromium():
    """Debian's Chromium driven by Playwright. Skipped only when the browser is absent and CI has not
    asked for it (POLICYPARSE_REQUIRE_BROWSER); a missing driver package always fails."""
    required = bool(os.environ.get("POLICYPARSE_REQUIRE_BROWSER"))
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} not found (apt-get install chromium)"
        if required:
            pytest.fail(f"POLICYPARSE_REQUIRE_BROWSER is set but {message}")
        pytest.skip(f"{message}; set POLICYPARSE_REQUIRE_BROWSER=1 to make this a failure")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as err:  # pragma: no cover - depends on the environment
        pytest.fail(f"{CHROMIUM} is installed but the playwright package is missing ({err}); "
                    "install the test extra: pip install -e '.[test]'")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def test_click_opens_source_panel_in_chromium(chromium, cmp5, tmp_path):
    started = time.perf_counter()
    report = tmp_path / "report.html"
    report.write_text(render_html(cmp5), encoding="utf-8")
    nid = _changzhou(cmp5)
    slot = next(r for r in cmp5.matrix.rows if r.key == "funding.per_project").cells[nid]
    assert slot is not None and slot.display == "≤100万元/项目"
    (prov,) = slot.provenance
    assert prov.text == "100万元"

    page = chromium.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    requests: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: requests.append(r.url))
    page.goto(report.as_uri())

    panel = page.locator("#source-panel")
    assert panel.is_hidden()
    cell = page.locator(f'td.cell[data-key="funding.per_project"][data-notice="{nid}"]')
    assert cell.inner_text().strip() == slot.display
    cell.click()
    panel.wait_for(state="visible", timeout=5000)
    assert panel.locator("mark").all_inner_texts() == [prov.text]
    text = panel.inner_text()
    assert prov.sentence in text.replace("\n", "")
    label = next(n.label for n in cmp5.notices if n.id == nid)
    assert label in text and prov.section in text and slot.display in text
    # the panel sits in the viewport
    box = panel.bounding_box()
    assert box and box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= 1400 and box["y"] + box["height"] <= 900

    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot))
    assert shot.exists() and shot.stat().st_size > 10_000
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    # keyboard: Esc closes and gives focus back; Enter on a focused cell opens
    page.keyboard.press("Escape")
    panel.wait_for(state="hidden", timeout=5000)
    assert page.evaluate("document.activeElement.dataset.key") == "funding.per_project"
    other = page.locator('td.cell.has-src').nth(3)
    other.focus()
    page.keyboard.press("Enter")
    panel.wait_for(state="visible", timeout=5000)
    assert panel.locator("mark").count() >= 1
    page.keyboard.press("Escape")
    panel.wait_for(state="hidden", timeout=5000)

    # long tables stay readable: sticky header row and first column
    sticky = page.evaluate("""() => [
        getComputedStyle(document.querySelector('table.matrix thead th')).position,
        getComputedStyle(document.querySelector('table.matrix tbody th.slot')).position]""")
    assert sticky == ["sticky", "sticky"]

    assert errors == []
    assert all(u.startswith(("file:", "data:", "about:")) for u in requests), requests
    page.close()
    assert time.perf_counter() - started < 60


def test_diff_values_open_source_panel_in_chromium(chromium, cmp_pairs, tmp_path):
    report = tmp_path / "diff.html"
    report.write_text(render_html(cmp_pairs), encoding="utf-8")
    nid = _changzhou(cmp_pairs)
    page = chromium.new_page(viewport={"width": 1400, "height": 900})
    page.goto(report.as_uri())
    val = page.locator(f'#diff-0 .val[data-key="eligibility.enterprise.valid_patents"][data-notice="{nid}"]')
    val.scroll_into_view_if_needed()
    val.click()
    panel = page.locator("#source-panel")
    panel.wait_for(state="visible", timeout=5000)
    assert panel.locator("mark").count() >= 1
    # a click outside closes it
    page.mouse.click(5, 5)
    panel.wait_for(state="hidden", timeout=5000)
    page.screenshot(path=str(tmp_path / "diff.png"), full_page=True)
    assert (tmp_path / "diff.png").stat().st_size > 10_000
    page.close()
