"""Through deploy/nginx.conf: a link far longer than any the app makes leaves the address bar too.

nginx refuses a request line over 8 KB itself (414), before serve.py sees it; its own error page
would leave the link's answers in the address bar. The config answers with the same small page
serve.py gives, which replaces the address and opens the app with the gentle note.
"""

from __future__ import annotations

from playwright.sync_api import expect

from test_kiosk_browser import first_ready
from test_kiosk_nginx import fetch, proxied_kiosk  # noqa: F401  (fixture)

NOTE = "Some parts of the link could not be read"


def test_a_very_long_link_through_nginx_leaves_the_address_and_gets_the_note(proxied_kiosk, make_page):  # noqa: F811
    base, prefix, _ = proxied_kiosk
    status, headers, body = fetch(base + "/?hr=positive&z=" + "y" * 20_000)
    assert status == 414 and b'location.replace("/?unreadable")' in body and b"yyyy" not in body
    assert headers["Referrer-Policy"] == "no-referrer"
    assert fetch(base + "/.long-address")[0] == 404  # only nginx itself uses that page

    page = make_page("tablet-landscape")
    page.goto(base + "/?hr=positive&her2=low&sex=female&z=" + "y" * 100_000)
    first_ready(page)
    expect(page.get_by_text(NOTE, exact=False)).to_be_visible()
    expect(page).to_have_url(base + "/", timeout=10_000)
    for _ in range(page.evaluate("() => history.length") - 1):
        page.evaluate("() => history.back()")
        page.wait_for_timeout(400)
        assert "hr=" not in page.url and "yyyy" not in page.url, page.url[:200]
    access = (prefix / "logs" / "access.log").read_text()
    assert "hr=" not in access and "yyyy" not in access
