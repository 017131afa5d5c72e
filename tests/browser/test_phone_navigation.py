"""On a phone: a labelled Menu that closes after a choice, and Back/Forward through the question steps.

Chromium with touch emulation at 390x844. The history entries must hold no answer, and the
address bar must never show one.
"""

from __future__ import annotations

import json

from playwright.sync_api import Page, expect

from browser_helpers import audit, choose, open_by_touch, ready, shot

# Records every history entry the page writes (its state and address), so a test can prove
# that no answer was ever written into the history or the address bar.
RECORD_HISTORY = """(() => {
  window.__entries = [];
  for (const name of ['pushState', 'replaceState']) {
    const original = history[name].bind(history);
    history[name] = (state, title, url) => {
      window.__entries.push([name, JSON.stringify(state), String(url)]);
      return original(state, title, url);
    };
  }
})();"""
ANSWERS = ("female", "male", "positive", "negative", "low", "zero", "bone", "hr=", "sex=", "her2=")


def open_phone(make_page, base: str, query: str = "") -> Page:
    return open_by_touch(make_page, base, "phone", query, RECORD_HISTORY)


def tap(page: Page, name: str, role: str = "button") -> None:
    page.get_by_role(role, name=name, exact=True).tap()
    ready(page)


def at_question(page: Page, n: int, words: str = "Question {n} of 5") -> None:
    expect(page.get_by_text(words.format(n=n), exact=True)).to_be_visible()
    ready(page)
    # The page records a step in the history when the run that drew it ends (navigation.js);
    # the text can show a moment before that, so the test waits for the entry too.
    page.wait_for_function("n => history.state && history.state.explainer && history.state.explainer.step === n",
                           arg=n)


def test_phone_back_and_forward_move_through_the_questions_and_keep_the_answers(app_server, make_page):
    base, log = app_server
    page = open_phone(make_page, base)
    tap(page, "Start")
    at_question(page, 1)
    choose(page, "A man")
    tap(page, "Next")
    at_question(page, 2)
    choose(page, "Positive")
    tap(page, "Next")
    at_question(page, 3)
    choose(page, "Low")

    page.go_back()  # the phone's Back button
    at_question(page, 2)
    expect(page.get_by_role("radio", name="Positive", exact=True)).to_be_checked()
    page.go_back()
    at_question(page, 1)
    expect(page.get_by_role("radio", name="A man", exact=True)).to_be_checked()
    shot(page, "phone-back-to-question-1")
    page.go_forward()
    at_question(page, 2)
    expect(page.get_by_role("radio", name="Positive", exact=True)).to_be_checked()
    page.go_forward()
    at_question(page, 3)
    expect(page.get_by_role("radio", name="Low", exact=True)).to_be_checked()
    page.go_back()
    at_question(page, 2)
    page.go_back()
    at_question(page, 1)
    page.go_back()  # before the first question: the start screen, still in the app
    expect(page.get_by_role("button", name="Start", exact=True)).to_be_visible(timeout=15_000)
    page.go_forward()
    at_question(page, 1)
    expect(page.get_by_role("radio", name="A man", exact=True)).to_be_checked()

    entries = page.evaluate("() => window.__entries")
    assert entries, "each step should be a history entry"
    for kind, state, url in entries:
        assert set(json.loads(state)) <= {"explainer"}, f"unexpected history state: {state}"
        assert set(json.loads(state)["explainer"]) == {"step", "gen"}, state
        for word in ANSWERS:
            assert word not in state and word not in url, f"an answer in the history: {kind} {state} {url}"
    assert not [w for w in ANSWERS if w in page.url], page.url
    server_log = log.read_text()
    assert "hr=" not in server_log and "positive" not in server_log


def test_phone_menu_is_labelled_in_the_chosen_language_closes_after_a_choice_and_has_big_links(
        app_server, make_page):
    base, _ = app_server
    for lang, words in (("en", ("Menu", "Words explained", "About", "Words explained")),
                        ("es", ("Menú", "Palabras explicadas", "Acerca de", "Palabras explicadas"))):
        page = open_phone(make_page, base, f"?lang={lang}")
        menu = page.get_by_role("button", name=words[0], exact=True)
        expect(menu).to_be_visible()
        word = menu.locator("p")
        expect(word).to_have_text(words[0])
        assert word.bounding_box()["width"] > 20, "the word itself is shown, not only an icon"
        expect(page.locator("[data-testid='stExpandSidebarButton'], [data-testid='stSidebar']")).to_have_count(0)
        expect(page.get_by_label("Expand sidebar")).to_have_count(0)
        menu.tap()
        links = page.locator("[data-testid='stPopoverBody'] a")
        expect(links).to_have_count(4)  # Explainer, Words explained, About, For teachers
        heights = links.evaluate_all("links => links.map(a => a.getBoundingClientRect().height)")
        assert min(heights) >= 44, f"menu links under 44px: {heights}"
        violations = audit(page)
        assert not violations, f"axe violations with the {lang} menu open: {violations}"
        shot(page, f"phone-menu-open-{lang}")
        page.locator("[data-testid='stPopoverBody']").get_by_role("link", name=words[1], exact=True).tap()
        page.wait_for_url("**/glossary")
        ready(page)
        expect(page.locator("[data-testid='stPopoverBody']")).to_have_count(0)  # closed after the choice
        expect(page.get_by_role("heading", level=1)).to_have_text(words[3])
        assert not audit(page)
        page.get_by_role("button", name=words[0], exact=True).tap()
        page.locator("[data-testid='stPopoverBody']").get_by_role("link", name=words[2], exact=True).tap()
        page.wait_for_url("**/about")
        ready(page)
        expect(page.locator("[data-testid='stPopoverBody']")).to_have_count(0)
        page.context.close()
