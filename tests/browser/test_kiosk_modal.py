"""The kiosk never interrupts a reader and never clears a person's place by one stray tap.

Chromium with touch emulation against the hardened server (serve.py) in kiosk mode, with the
shortest idle time a clinic can set (45 seconds: the warning shows for the last 20).
"""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import Page, expect

from browser_helpers import SHOTS, audit, choose, open_by_touch, pick_setting, ready, shot
from tests.servers import streamlit_server

KIOSK_ENV = {"EXPLAINER_MODE": "kiosk", "EXPLAINER_KIOSK_LANGUAGES": "es", "EXPLAINER_IDLE_SECONDS": "45",
             "EXPLAINER_PUBLIC_URL": "https://explainer.clinic.example/", "PYTHONUNBUFFERED": "1"}
IDLE = 45
SLOW = 20_000  # ms: a results page can take a while on a busy machine
WORDS = {
    "en": {"progress": "Question {n} of 5", "start": "Start", "woman": "A woman", "positive": "Positive", "unsure": "I'm not sure", "next": "Next", "bones": "Bones",
           "show": "Show my results", "results": "What this means for you", "start_over": "Start over",
           "title": "Start again?", "body": "This clears your answers.", "clear": "Clear my answers",
           "back": "Go back", "largest": "Largest", "hide": "Hide my screen", "hidden": "Your screen is hidden",
           "unhide": "Show my screen", "still_here": "I'm still here", "still": "Are you still there?"},
    "es": {"progress": "Pregunta {n} de 5", "start": "Empezar", "woman": "Una mujer", "positive": "Positivos", "unsure": "No lo sé", "next": "Siguiente", "bones": "Huesos",
           "show": "Ver mis resultados", "results": "Qué significa esto para usted",
           "start_over": "Empezar de nuevo", "title": "¿Empezar de nuevo?", "body": "Esto borra sus respuestas.",
           "clear": "Borrar mis respuestas", "back": "Volver", "largest": "Muy grande",
           "hide": "Ocultar mi pantalla", "hidden": "Su pantalla está oculta", "unhide": "Mostrar mi pantalla",
           "still_here": "Sigo aquí", "still": "¿Sigue ahí?"},
}
# Counts the "explainer-stop" events the kiosk sends (read aloud stops on them).
COUNT_STOPS = "window.__stops = 0; window.addEventListener('explainer-stop', () => { window.__stops += 1; });"
ANSWER_WORDS = ("Hormone receptors: positive", "Receptores hormonales: positivo", "What this means for you",
                "Qué significa esto para usted")


@pytest.fixture(scope="module")
def kiosk_url():
    SHOTS.mkdir(parents=True, exist_ok=True)
    with streamlit_server("serve.py", env=KIOSK_ENV) as server:
        yield server.url


def open_kiosk(make_page, base: str, size: str = "tablet-portrait", query: str = "") -> Page:
    return open_by_touch(make_page, base, size, query, COUNT_STOPS)


def tap(page: Page, name: str, role: str = "button") -> None:
    page.get_by_role(role, name=name, exact=True).first.tap()
    ready(page, SLOW)


def at_question(page: Page, words: dict, n: int) -> None:
    expect(page.get_by_text(words["progress"].format(n=n), exact=True)).to_be_visible()
    ready(page)


def to_results(page: Page, words: dict) -> None:
    tap(page, words["start"])
    at_question(page, words, 1)
    choose(page, words["woman"])
    tap(page, words["next"])
    at_question(page, words, 2)
    choose(page, words["positive"])
    tap(page, words["next"])
    at_question(page, words, 3)
    choose(page, words["unsure"])  # the receptor questions wait for an answer
    tap(page, words["next"])
    at_question(page, words, 4)
    tap(page, words["bones"])
    tap(page, words["next"])
    at_question(page, words, 5)
    tap(page, words["show"])
    expect(page.get_by_role("heading", name=words["results"])).to_be_visible(timeout=20_000)
    ready(page)


def set_largest(page: Page, words: dict) -> None:
    pick_setting(page, words["largest"])
    expect(page.locator("html")).to_have_css("font-size", "28px")


def no_axe(page: Page, where: str) -> None:
    violations = audit(page)
    assert not violations, f"axe violations on {where}: {violations}"


def body_text(page: Page) -> str:
    return page.evaluate("() => document.body.innerText")


@pytest.mark.parametrize("lang, size", [("es", "tablet-portrait"), ("en", "phone")])
def test_start_over_asks_first_go_back_keeps_everything_and_confirming_keeps_size_and_language(
        lang, size, kiosk_url, make_page):
    words = WORDS[lang]
    page = open_kiosk(make_page, kiosk_url, size, f"?lang={lang}")
    set_largest(page, words)
    to_results(page, words)
    expect(page.locator("html")).to_have_css("font-size", "28px")
    tap(page, words["start_over"])
    dialog = page.get_by_role("dialog", name=words["title"])
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text(words["body"])
    expect(dialog.get_by_role("button", name=words["clear"], exact=True)).to_be_visible()
    no_axe(page, f"the Start over question ({lang})")
    shot(page, f"kiosk-start-over-question-{lang}-{size}")

    dialog.get_by_role("button", name=words["back"], exact=True).tap()
    ready(page)
    expect(dialog).to_have_count(0)
    expect(page.get_by_role("heading", name=words["results"])).to_be_visible()  # nothing was cleared
    assert page.evaluate("() => window.__stops") == 0

    tap(page, words["start_over"])
    page.get_by_role("dialog").get_by_role("button", name=words["clear"], exact=True).tap()
    expect(page.get_by_role("button", name=words["start"], exact=True)).to_be_visible()
    ready(page)
    text = body_text(page)
    assert not [w for w in ANSWER_WORDS if w in text], "the answers are cleared"
    expect(page.locator("html")).to_have_attribute("lang", lang)  # the same person keeps the language
    expect(page.locator("html")).to_have_css("font-size", "28px")  # and the text size
    assert page.evaluate("() => window.__stops") >= 1, "read aloud is told to stop"
    no_axe(page, f"the start screen after Start over ({lang})")
    shot(page, f"kiosk-after-start-over-{lang}-{size}")


def test_reading_is_never_interrupted_then_stillness_warns_in_a_modal_and_resets(kiosk_url, make_page):
    words = WORDS["en"]
    page = open_kiosk(make_page, kiosk_url, "tablet-portrait")
    to_results(page, words)
    warning = page.locator(".st-key-idle_warning")
    end = time.monotonic() + 2 * IDLE  # reading: scrolling up and down for twice the idle time, no taps
    direction = 1
    page.mouse.move(300, 600)
    while time.monotonic() < end:
        page.mouse.wheel(0, 400 * direction)
        direction = -direction if page.evaluate(
            "() => { const m = document.querySelector('[data-testid=stMain]');"
            " return m.scrollTop < 10 || m.scrollTop + m.clientHeight > m.scrollHeight - 10; }") else direction
        page.wait_for_timeout(700)
        assert warning.count() == 0, "the warning interrupted a person who was scrolling"

    expect(warning).to_be_visible(timeout=40_000)  # stillness: the warning after 25 quiet seconds
    dialog = page.get_by_role("alertdialog", name=words["still"])
    expect(dialog).to_be_visible()
    expect(dialog).to_have_attribute("aria-modal", "true")
    still_here = page.get_by_role("button", name=words["still_here"], exact=True)
    expect(still_here).to_be_focused()
    assert page.evaluate("() => !!document.querySelector('[data-testid=stMain] h1').closest('[inert]')"), \
        "the page behind the warning is inert"
    assert page.evaluate("() => !document.querySelector('.st-key-idle_warning').closest('[inert]')")
    live = dialog.locator("[aria-live='polite']")
    expect(live).to_have_count(1)
    said = live.inner_text()
    countdown = page.locator(".st-key-idle_countdown")
    shown = countdown.inner_text()
    expect(countdown).not_to_have_text(shown, timeout=5_000)  # the visible count moves every second
    seconds = int("".join(c for c in countdown.inner_text() if c.isdigit()))
    if seconds > 10 and int("".join(c for c in said if c.isdigit())) - seconds < 10:
        assert live.inner_text() == said, "the spoken countdown is not repeated every second"
    no_axe(page, "the idle warning")
    page.screenshot(path=str(SHOTS / "kiosk-idle-warning-modal.png"))

    expect(page.get_by_role("button", name=words["start"], exact=True)).to_be_visible(timeout=40_000)
    ready(page)
    # The page script releases the page within a moment of the warning going (it looks every 0.2 s).
    page.wait_for_function("() => document.querySelectorAll('[inert]').length === 0", timeout=3_000)
    assert page.evaluate("() => window.__stops") >= 1
    for move in (page.go_back, page.go_forward, page.go_back):  # nothing of the last person comes back
        move()
        ready(page)
        page.wait_for_timeout(500)
        text = body_text(page)
        assert not [w for w in ANSWER_WORDS if w in text], f"after {move.__name__}: {text[:300]}"
    no_axe(page, "the start screen after the idle reset")


def test_hide_my_screen_covers_everything_at_once_comes_back_with_one_tap_and_resets_after_the_idle_time(
        kiosk_url, make_page):
    words = WORDS["es"]
    page = open_kiosk(make_page, kiosk_url, "tablet-landscape", "?lang=es")
    to_results(page, words)
    scrolled = "() => document.querySelector('[data-testid=stMain]').scrollTop"
    page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollTo(0, 60)")  # the top row still in view
    assert page.evaluate(scrolled) > 30
    page.get_by_role("button", name=words["hide"], exact=True).tap()
    # At once, before the server answers: whatever is in the middle of the screen is the cover.
    covered = page.evaluate("""() => { const e = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
        return !!(e && (e.id === 'explainer-cover' || e.closest('.st-key-hide_cover'))); }""")
    assert covered, "the screen is not covered at once"
    cover = page.get_by_role("dialog", name=words["hidden"])
    expect(cover).to_be_visible(timeout=SLOW)
    expect(page.get_by_role("button", name=words["unhide"], exact=True)).to_be_focused()
    ready(page)
    for point in ((10, 10), (500, 300), (1000, 700)):
        hit = page.evaluate("([x, y]) => !!document.elementFromPoint(x, y)?.closest('.st-key-hide_cover')", point)
        assert hit, f"the page shows through the cover at {point}"
    assert page.evaluate("() => window.__stops") >= 1, "read aloud is told to stop"
    page.screenshot(path=str(SHOTS / "kiosk-hidden-screen.png"))

    tap(page, words["unhide"])  # one tap brings it back, where the person was
    expect(cover).to_have_count(0)
    expect(page.get_by_role("heading", name=words["results"])).to_be_visible()
    assert page.evaluate(scrolled) > 30, "the person comes back to the same place on the page"

    tap(page, words["hide"])  # hidden again, and the person does not come back
    expect(cover).to_be_visible(timeout=SLOW)
    no_axe(page, "the hidden screen")
    expect(page.get_by_role("button", name="Start", exact=True)).to_be_visible(timeout=IDLE * 1000 + SLOW)
    ready(page)
    expect(page.locator(".st-key-hide_cover")).to_have_count(0)
    expect(page.locator("html")).to_have_attribute("lang", "en")  # the next person gets the defaults
    text = body_text(page)
    assert not [w for w in ANSWER_WORDS if w in text]
