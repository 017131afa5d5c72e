"""The body picture on the places-of-spread step answers a tap: a tap on a place chooses it (the
button beside it shows it as chosen), a second tap clears it; by touch on a tablet and a phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser_helpers import choose, ready, shot, tap


@pytest.mark.parametrize("size", ["tablet-portrait", "phone"])
def test_a_tap_on_the_picture_chooses_and_clears_a_place(app_server, make_page, size):
    base, _ = app_server
    page = make_page(size)
    page.goto(base + "/")
    ready(page)
    tap(page, "Start")
    for answer in ("A woman", "Positive", "Low"):
        choose(page, answer)
        tap(page, "Next")
    liver_button = page.get_by_role("button", name="Liver", exact=True)
    expect(liver_button).to_have_attribute("aria-pressed", "false")

    liver = page.locator(".st-key-body_pick [data-place='liver']")
    liver.scroll_into_view_if_needed()
    liver.click()
    expect(liver_button).to_have_attribute("aria-pressed", "true")
    ready(page)
    expect(page.get_by_role("img", name="Body picture. Places chosen: liver.")).to_be_visible()
    expect(page.get_by_text("You chose: liver.")).to_be_visible()
    shot(page, f"sites-picture-tapped-{size}")

    page.locator(".st-key-body_pick [data-place='liver']").click()  # the picture was drawn again
    expect(liver_button).to_have_attribute("aria-pressed", "false")
    ready(page)
    expect(page.get_by_text("No places chosen yet.")).to_be_visible()
