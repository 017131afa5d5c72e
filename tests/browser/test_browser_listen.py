"""Read aloud in a real Chromium, with a recording stand-in for the browser's speech synthesis
(speech_stub.js): what each Listen control says and in which language, Pause, Resume and Stop,
stopping on a page change, Start over and the shared stop event, the message when the device
has no voice, the slower speed, and the accessibility audit with the controls on the screen."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page, expect

from browser_helpers import assert_accessible, choose, close_settings, open_settings, pick_setting, ready, shot
from knowledge import explain
from knowledge.profile import Profile

HERE = Path(__file__).resolve().parent
STUB = HERE / "speech_stub.js"
TEXT = {lang: yaml.safe_load((HERE.parents[1] / "components" / "shared" / f"text_{lang}.yaml").read_text(encoding="utf-8"))[lang]
        for lang in ("en", "es")}
QUERY = "?hr=positive&her2=low&site=bone&site=liver&sex=female"
VOICE = {"en": "Test English", "es": "Test Spanish"}


def open_page(make_page, base: str, query: str = "", voices: str = "both", csp: bool = False) -> Page:
    page = make_page("tablet-portrait", csp=csp)
    page.context.add_init_script(f"window.__speechVoices = {voices!r};")
    page.context.add_init_script(path=str(STUB))
    page.goto(base + "/" + query)
    expect(page.locator("[data-testid='stApp'][data-test-script-state='notRunning']")).to_be_attached(timeout=30_000)
    ready(page)
    return page


def listen(page: Page, name: str) -> list[dict]:
    """Tap one Listen control; every utterance it queued (they are queued together)."""
    before = page.evaluate("window.__speech.spoken.length")
    page.get_by_role("button", name=name, exact=True).click()
    page.wait_for_function("n => window.__speech.spoken.length > n", arg=before)
    return page.evaluate("n => window.__speech.spoken.slice(n)", before)


def said(text: str, kb) -> str:
    """A text as the voice should say it: each glossary word that has a ``say``, said that way."""
    for term in kb.glossary:
        if term.say:
            text = re.sub(rf"(?<![\w]){re.escape(term.term)}(?!\w)", term.say, text, flags=re.IGNORECASE)
    return text


def open_groups_and_card(page: Page, heading: str) -> None:
    """Every group's switch, then the card whose line starts with this heading, as a person taps them."""
    for switch in page.locator("[class*='st-key-group_'] [data-testid='stCheckbox'] input").all():
        if not switch.is_checked():
            switch.click(force=True)
            ready(page)
    page.locator("[class*='st-key-card_'] summary").filter(has_text=heading).first.click()
    ready(page)


def speaking(page: Page) -> bool:
    return page.evaluate("window.speechSynthesis.speaking")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_each_listen_control_reads_its_own_part_in_the_page_language(app_server, make_page, kb_en, kb_es, lang):
    kb = {"en": kb_en, "es": kb_es}[lang]
    words = TEXT[lang]
    base, _ = app_server
    page = open_page(make_page, base, QUERY + ("&lang=es" if lang == "es" else ""))
    explanation = explain(Profile.create(hr="positive", her2="low", sites=["bone", "liver"], sex="female"), kb)
    label = words["listen"]["label"]

    def check(name: str, must: list[str], must_not: list[str] = ()) -> str:
        spoken = listen(page, label.format(name=name))
        assert {u["lang"][:2] for u in spoken} == {lang}, spoken
        assert {u["voice"] for u in spoken} == {VOICE[lang]}
        assert {u["rate"] for u in spoken} == {1}
        text = " ".join(u["text"] for u in spoken)
        for part in must:
            assert said(part, kb) in text, (name, part, text)
        for part in must_not:
            assert part not in text, (name, part, text)
        expect(page.locator(".listen-reading")).to_have_count(1)  # the part being read is marked
        return text

    # The first-screen card: its heading first, what treatment aims to do; not the Change
    # button, not the next section.
    check(words["results"]["heading"], [words["results"]["heading"], kb.support.aims],
          [words["results"]["change_who"] + ".", words["results"]["first_heading"]])
    # A treatment card, once opened: its heading and why it is shown, HER2 as the glossary says it;
    # never the glossary's hidden definitions, nor its closed evidence.
    option = next(r.option for r in explanation.options if "HER2" in r.option.why and r.status == "applies")
    open_groups_and_card(page, option.heading)
    card = check(option.heading, [option.heading, option.why],
                 [words["glossary"]["say_it"].split("{")[0].strip(), option.details.how_it_works])
    assert "HER2" not in card
    assert {"en": "her two", "es": "jer dos"}[lang] in card.lower()
    # Every warning sign, in both tiers, with the place each belongs to; not what a place means
    # (folded, so not read).
    bone = next(s.site for s in explanation.sites if s.site.id == "bone")
    check(words["results"]["signs_heading"], [bone.name, *bone.urgent_signs.emergency, *bone.urgent_signs.today,
                                              *explanation.general_urgent_signs.emergency],
          [bone.what_it_means])
    check(words["takehome"]["heading"], [words["takehome"]["heading"], words["takehome"]["open_print_help"]])
    shot(page, f"listen-results-{lang}")


def test_a_question_step_reads_its_heading_question_and_answers(app_server, make_page, kb_en):
    base, _ = app_server
    page = open_page(make_page, base)
    page.get_by_role("button", name="Start", exact=True).click()
    ready(page)
    sex = kb_en.inputs["sex"]
    expect(page.get_by_role("radio", name="A woman")).to_be_visible()
    text = " ".join(u["text"] for u in listen(page, "Listen: Question 1 of 5"))
    for part in ("Question 1 of 5", TEXT["en"]["steps"]["sex_heading"], sex.question, "A woman", "A man"):
        assert part in text, (part, text)
    assert "Next" not in text and "Back" not in text  # the buttons to move on are not read
    choose(page, "A woman")  # answering on the same screen does not stop the reading
    assert speaking(page)
    page.get_by_role("button", name="Next", exact=True).click()  # the next question stops it
    ready(page)
    expect(page.get_by_role("radio", name="Positive")).to_be_visible()
    assert not speaking(page)
    assert page.evaluate("window.__speech.calls").count("cancel") == 1
    spoken = listen(page, "Listen: Question 2 of 5")
    assert "Hormone receptors." in [u["text"] for u in spoken]


def test_pause_resume_and_stop_call_through_and_the_buttons_follow(app_server, make_page):
    base, _ = app_server
    page = open_page(make_page, base, QUERY)
    control = page.locator(".listen[data-part='warning_signs']")
    listen(page, "Listen: Warning signs")
    part = page.locator(".st-key-warning_signs")
    expect(part).to_have_class(re.compile("listen-reading"))
    expect(control.get_by_role("button", name="Listen: Warning signs")).to_be_hidden()
    expect(control.get_by_role("button", name="Pause")).to_be_focused()  # focus moves with the control
    assert page.evaluate("window.__speech.activity") >= 1  # listening counts as activity

    control.get_by_role("button", name="Pause").click()
    expect(control.get_by_role("button", name="Resume")).to_be_visible()
    control.get_by_role("button", name="Resume").click()
    expect(control.get_by_role("button", name="Pause")).to_be_visible()
    control.get_by_role("button", name="Stop").click()
    expect(control.get_by_role("button", name="Listen: Warning signs")).to_be_focused()
    expect(part).not_to_have_class(re.compile("listen-reading"))
    assert page.evaluate("window.__speech.calls").count("speak") > 3
    assert [c for c in page.evaluate("window.__speech.calls") if c != "speak"] == ["pause", "resume", "cancel"]
    assert not speaking(page)

    listen(page, "Listen: Warning signs")  # to the end: the control goes back to Listen by itself
    page.evaluate("window.__speech.finishAll()")
    expect(control.get_by_role("button", name="Listen: Warning signs")).to_be_visible()
    expect(page.locator(".listen-reading")).to_have_count(0)


@pytest.mark.parametrize("how", ["another page", "start over", "stop event", "page hidden"])
def test_speech_stops_when_the_screen_changes_or_is_reset(app_server, make_page, how):
    base, _ = app_server
    page = open_page(make_page, base, QUERY)
    listen(page, "Listen: What this means for you")
    assert speaking(page)
    if how == "another page":
        page.get_by_role("link", name="Words explained").click()
        ready(page)
    elif how == "start over":
        page.get_by_role("button", name="Start over").first.click()
        page.get_by_role("dialog").get_by_role("button", name="Clear my answers", exact=True).click()
        ready(page)
        expect(page.get_by_role("button", name="Start", exact=True)).to_be_visible()
    elif how == "stop event":  # what the kiosk sends on a reset or when the screen is hidden
        page.evaluate("window.dispatchEvent(new Event('explainer-stop'))")
    else:
        page.evaluate("window.dispatchEvent(new Event('pagehide'))")
    page.wait_for_function("!window.speechSynthesis.speaking")
    assert "cancel" in page.evaluate("window.__speech.calls")
    expect(page.locator(".listen-reading")).to_have_count(0)


@pytest.mark.parametrize("lang, voices", [("en", "none"), ("en", "online"), ("es", "none")])
def test_without_a_voice_on_the_device_the_control_says_so(app_server, make_page, lang, voices):
    """"online": the browser has only a voice that speaks through a server; it is never used."""
    base, _ = app_server
    page = open_page(make_page, base, QUERY + ("&lang=es" if lang == "es" else ""), voices=voices)
    words = TEXT[lang]
    name = words["listen"]["label"].format(name=words["results"]["heading"])
    page.get_by_role("button", name=name, exact=True).click()
    note = page.locator(".listen[data-part='summary'] [role='status']")
    expect(note).to_have_text(words["listen"]["no_voice"], timeout=5000)
    assert page.evaluate("window.__speech.spoken") == []
    expect(page.get_by_role("button", name=name, exact=True)).to_be_visible()
    assert_accessible(page, f"results with the no-voice message ({lang})")


def test_a_voice_that_arrives_after_the_tap_is_used(app_server, make_page):
    base, _ = app_server
    page = open_page(make_page, base, QUERY, voices="none")
    page.get_by_role("button", name="Listen: Warning signs", exact=True).click()
    page.evaluate("window.__speech.setVoices('both')")  # the browser's voiceschanged
    page.wait_for_function("window.__speech.spoken.length > 0")
    assert page.evaluate("window.__speech.spoken[0]")["voice"] == "Test English"


def test_slower_reading_speed_lowers_the_rate(app_server, make_page):
    base, _ = app_server
    page = open_page(make_page, base, QUERY)
    pick_setting(page, "Slower")
    assert {u["rate"] for u in listen(page, "Listen: Warning signs")} == {0.8}
    page.evaluate("window.__speech.finishAll()")
    open_settings(page)
    page.get_by_role("radio", name="Normal", exact=True).last.check(force=True)
    ready(page)
    close_settings(page)
    assert {u["rate"] for u in listen(page, "Listen: Warning signs")} == {1}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_controls_pass_the_audit_while_idle_and_while_reading(app_server, make_page, lang):
    base, _ = app_server
    page = open_page(make_page, base, QUERY + ("&lang=es" if lang == "es" else ""))
    words = TEXT[lang]
    assert_accessible(page, f"results with Listen controls ({lang})")
    listen(page, words["listen"]["label"].format(name=words["results"]["heading"]))
    expect(page.get_by_role("button", name=words["listen"]["pause"], exact=True)).to_be_visible()
    assert_accessible(page, f"results while reading aloud ({lang})")
    shot(page, f"listen-reading-{lang}")


def test_read_aloud_works_under_the_servers_content_security_policy(make_page):
    """The hardened server's policy in force (other tests bypass it): nothing had to change."""
    from tests.servers import streamlit_server

    with streamlit_server("serve.py", env={"PYTHONUNBUFFERED": "1"}) as server:
        page = open_page(make_page, server.url, QUERY, csp=True)
        spoken = listen(page, "Listen: Warning signs")
        assert spoken[0]["text"] == "Warning signs."
