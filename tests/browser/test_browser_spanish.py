"""The explainer in Spanish in a real, offline Chromium: the whole flow at tablet and phone size,
the page's language, no stray English, the accessibility audit on every screen, links and printout."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page, expect

from browser_helpers import (
    assert_accessible, choose, close_settings, link_cleared, open_card, ready, shot, tap, tap_places,
)

ROOT = Path(__file__).resolve().parents[2]
ES_SIZES = ("tablet-landscape", "phone")  # 1024x768 and 390x844


def _leaves(node) -> list[str]:
    if isinstance(node, dict):
        return [leaf for value in node.values() for leaf in _leaves(value)]
    if isinstance(node, list):
        return [leaf for value in node for leaf in _leaves(value)]
    return [str(node)]


def _english_ui() -> tuple[set[str], set[str]]:
    """English UI phrases and single words (from text_en.yaml, Streamlit's own words included)
    that must not show on a Spanish screen; anything the Spanish file also uses is allowed."""
    en = _leaves(yaml.safe_load((ROOT / "components" / "shared" / "text_en.yaml").read_text(encoding="utf-8"))["en"])
    es = set(_leaves(yaml.safe_load((ROOT / "components" / "shared" / "text_es.yaml").read_text(encoding="utf-8"))["es"]))
    phrases, words = set(), set()
    for value in en:
        plain = re.sub(r"\{\w+\}", "", value).strip(" .:…()\"")
        if not plain or plain in es:
            continue
        if " " in plain and len(plain) >= 8:
            phrases.add(plain)
            phrases.update(s.strip() for s in re.split(r"(?<=[.!?])\s+", plain) if len(s.strip()) >= 12)
        elif " " not in plain and len(plain) >= 4 and plain.isalpha():
            words.add(plain)
    return phrases, words


ENGLISH_PHRASES, ENGLISH_WORDS = _english_ui()

# Every visible text and every accessible name or hint on the page. Left out: links to sources
# (published English titles), the share link (its parameter names are codes), and parts marked
# as another language (the "English" choice, the sources and changelog kept as published).
_VISIBLE = """() => { const out = [];
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (w.nextNode()) { const n = w.currentNode; const t = n.textContent.trim(); if (!t) continue;
    const e = n.parentElement; if (e.closest('style, script, a[href^="http"], [data-testid=stCode]')) continue;
    const part = e.closest('[lang]'); if (part && part !== document.documentElement && part.lang !== 'es') continue;
    const r = e.getBoundingClientRect(); if (!r.width || !r.height) continue; out.push(t); }
  for (const e of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
    for (const a of ['aria-label', 'title', 'placeholder', 'alt']) { const v = e.getAttribute(a); if (v) out.push(v); } }
  return out; }"""


def stray_english(page: Page) -> list[str]:
    found = []
    for text in page.evaluate(_VISIBLE):
        found += [f"{p!r} in {text[:60]!r}" for p in ENGLISH_PHRASES if p in text]
        found += [f"{w!r} in {text[:60]!r}" for w in ENGLISH_WORDS if re.search(rf"\b{re.escape(w)}\b", text)]
    return sorted(set(found))


def open_app(make_page, base: str, size: str = "tablet-landscape", query: str = "") -> Page:
    page = make_page(size)
    page.goto(base + "/" + query)
    # The first visit to a fresh server also loads the rule set in Spanish: allow it more time.
    expect(page.locator("[data-testid='stApp'][data-test-script-state='notRunning']")).to_be_attached(timeout=30_000)
    ready(page)
    return page


def heading(page: Page, name: str, level: int = 1) -> None:
    expect(page.get_by_role("heading", name=name, level=level)).to_be_visible()


def switch_language(page: Page, name: str, code: str) -> None:
    choice = page.get_by_role("radio", name=name, exact=True)
    if not choice.is_visible():  # after the start screen the language sits behind the settings button
        page.locator(".st-key-settings button").first.click()
        expect(choice).to_be_visible()
    choice.click()
    expect(page.locator("html")).to_have_attribute("lang", code)
    ready(page)
    close_settings(page)  # as a person would


def check_screen(page: Page, where: str) -> None:
    """The page says it is Spanish, shows no English UI text, and passes the audit."""
    expect(page.locator("html")).to_have_attribute("lang", "es")
    assert not stray_english(page), f"English on the Spanish {where}: {stray_english(page)}"
    assert_accessible(page, f"the Spanish {where}")
    overflow = page.evaluate("""() => [...document.querySelectorAll('button, [role=tab], summary')]
        .filter(e => e.getBoundingClientRect().width && e.scrollWidth > e.clientWidth + 1)
        .map(e => e.innerText.trim().slice(0, 40))""")
    assert not overflow, f"labels cut off on the Spanish {where}: {overflow}"


@pytest.mark.parametrize("size", ES_SIZES)
def test_spanish_flow_at_tablet_and_phone_size(app_server, make_page, size):
    base, _ = app_server
    page = open_app(make_page, base, size)
    expect(page.get_by_role("button", name="Start", exact=True)).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("radio", name="Español", exact=True)).to_have_attribute("lang", "es")
    switch_language(page, "Español", "es")
    heading(page, "Tratamientos para el cáncer de mama que se diseminó")
    expect(page.get_by_role("radio", name="English", exact=True)).to_have_attribute("lang", "en")
    check_screen(page, f"start ({size})")
    shot(page, f"es-{size}-1-start")

    tap(page, "Empezar")

    choose(page, "Una mujer")

    tap(page, "Siguiente")
    heading(page, "Receptores hormonales")
    choose(page, "Positivos")
    check_screen(page, f"hormone receptor step ({size})")
    shot(page, f"es-{size}-2-hr")

    tap(page, "Siguiente")
    heading(page, "HER2")
    choose(page, "Bajo")
    page.get_by_text("No lo sé: dónde encontrarlo").click()
    ready(page)
    check_screen(page, f"HER2 step ({size})")
    shot(page, f"es-{size}-3-her2")

    tap(page, "Siguiente")
    heading(page, "Dónde se ha diseminado")
    tap_places(page, ("Huesos", "Hígado", "Cerebro"))
    expect(page.get_by_role("img", name="Dibujo del cuerpo. Lugares elegidos: huesos, cerebro, hígado.")).to_be_visible()
    check_screen(page, f"sites step ({size})")
    shot(page, f"es-{size}-4-sites")

    tap(page, "Siguiente")
    heading(page, "Más datos de mi informe")
    choose(page, "Sí")
    page.get_by_text("Pruebas de genes y marcadores (opcional)").click()
    ready(page)
    check_screen(page, f"more details step ({size})")
    shot(page, f"es-{size}-5-more")

    tap(page, "Ver mis resultados")
    heading(page, "Qué significa esto para usted")
    expect(page.get_by_text("Esto es información educativa general, no consejo médico").first).to_be_visible()
    for place in ("Huesos", "Hígado", "Cerebro"):  # every sign says its place, in Spanish
        expect(page.locator(".st-key-warning_signs").get_by_text(f"{place}:", exact=True).first).to_be_visible()
    open_card(page)
    expect(page.get_by_text("Qué puede causar").first).to_be_visible()
    expect(page.locator("[data-testid='stCode']")).to_contain_text("lang=es")
    check_screen(page, f"results ({size})")
    shot(page, f"es-{size}-6-results")

    switch_language(page, "English", "en")  # the small switch on a later screen
    heading(page, "What this means for you")
    switch_language(page, "Español", "es")
    heading(page, "Qué significa esto para usted")
    page.get_by_role("button", name="Empezar de nuevo", exact=True).last.click()
    page.get_by_role("dialog").get_by_role("button", name="Borrar mis respuestas", exact=True).click()
    ready(page)
    expect(page.get_by_role("button", name="Empezar", exact=True)).to_be_visible()  # Start over keeps Spanish
    expect(page.locator("html")).to_have_attribute("lang", "es")


def test_spanish_glossary_and_about(app_server, make_page):
    base, _ = app_server
    page = open_app(make_page, base, query="?lang=es")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    page.get_by_role("link", name="Palabras explicadas").click()
    ready(page)
    heading(page, "Palabras explicadas")
    search = page.get_by_label("Buscar una palabra")
    search.fill("letrozol")
    expect(page.get_by_text("Presione Enter para aplicar")).to_be_visible()  # Streamlit's hint, in Spanish
    check_screen(page, "glossary while typing")
    shot(page, "es-tablet-landscape-7-glossary-typing")
    search.press("Enter")
    ready(page)
    expect(page.get_by_text("Se dice: le-tro-ZOL")).to_be_visible()
    search.fill("")
    search.press("Enter")
    ready(page)
    check_screen(page, "glossary")
    shot(page, "es-tablet-landscape-7-glossary")
    page.get_by_role("link", name="Acerca de").click()
    ready(page)
    heading(page, "Acerca de esta guía")
    check_screen(page, "about page")
    shot(page, "es-tablet-landscape-8-about")


def test_spanish_link_reopens_in_spanish_and_a_bad_language_is_noted(app_server, make_page):
    base, _ = app_server
    page = open_app(make_page, base, "phone", "?lang=es&hr=positive&her2=low&site=bone&site=liver&esr1=positive&sex=female")
    heading(page, "Qué significa esto para usted")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_text("Estos resultados se abrieron desde un enlace compartido.")).to_have_count(0)
    link_cleared(page, "lang=")
    shot(page, "es-phone-9-shared-link")

    bad = open_app(make_page, base, "phone", "?lang=klingon&hr=positive&sex=female")
    heading(bad, "What this means for you")
    expect(bad.locator("html")).to_have_attribute("lang", "en")
    expect(bad.get_by_text("could not be read, so they were left out: the language")).to_be_visible()


def test_spanish_printout_is_spanish_and_one_page(app_server, make_page):
    base, _ = app_server
    page = open_app(make_page, base, "tablet-portrait", "?lang=es&hr=negative&her2=zero&site=brain&site=bone"
                                                        "&site=lung&pdl1=positive&sex=female")
    heading(page, "Qué significa esto para usted")
    with page.context.expect_page() as opened:
        page.get_by_role("link", name="Abrir mi resumen para imprimir").first.click()
    printout = opened.value
    printout.wait_for_load_state()
    html = printout.content()
    assert '<html lang="es" dir="ltr">' in html and "<script" not in html
    expect(printout.get_by_role("heading", level=1)).to_contain_text("Mi resumen")
    expect(printout.get_by_role("img", name="Código cuadrado (código QR) que abre estos resultados")).to_be_visible()
    assert not stray_english(printout), stray_english(printout)
    pdf = ROOT / "test-artifacts" / "resumen.pdf"
    printout.pdf(path=str(pdf), format="A4")
    printout.screenshot(path=str(ROOT / "test-artifacts" / "screenshots" / "es-printout.png"), full_page=True)
    pages = pdf.read_bytes().count(b"/Type /Page") - pdf.read_bytes().count(b"/Type /Pages")
    assert pages == 1, f"the Spanish take-home summary should fit on one page, got {pages}"
