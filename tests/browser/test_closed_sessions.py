"""When a tab closes, its session (answers included) and the printout it served go away within
seconds, not whenever the server next happens to be busy."""

from __future__ import annotations

import time
import urllib.error
import urllib.parse
import urllib.request

from playwright.sync_api import expect

from test_kiosk_browser import first_ready
from tests.servers import streamlit_server


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as err:
        return err.code


def test_the_printout_address_stops_working_soon_after_its_tab_closes(browser):
    with streamlit_server("serve.py", env={"EXPLAINER_MODE": ""}) as server:
        context = browser.new_context(viewport={"width": 1024, "height": 768}, locale="en-US")
        page = context.new_page()
        page.set_default_timeout(30_000)
        page.goto(server.url + "/?hr=positive&her2=low&site=bone&sex=female")
        first_ready(page)
        link = page.locator(".st-key-print_action a").first
        expect(link).to_be_visible()
        url = urllib.parse.urljoin(server.url + "/", link.get_attribute("href"))
        assert "/media/" in url and status(url) == 200
        context.close()  # the tab closes; nothing else happens on the server
        deadline = time.monotonic() + 60
        while status(url) == 200 and time.monotonic() < deadline:
            time.sleep(1)
        assert status(url) == 404, "the printout is still downloadable a minute after its tab closed"
