"""In a real (offline) Chromium: tap to updated results, and cold start, for the app and the floor app.

* Tap: both servers run side by side, each with a page open on the results page of a rich share
  link. A round taps the text-size control (a results-page control that reruns the whole page)
  to the next size and back, on the app and on the floor in alternating order. Timed inside the
  page from the pointer going down to (a) the first frame showing the new text size and (b) the
  script state returning to notRunning; the results heading is then checked to be visible.
* Cold start: from launching ``streamlit run`` to the start page's Start button being visible in a
  fresh browser context (and, separately, to /_stcore/health answering), app and floor alternating.
Prints tables and writes benchmarks/results/browser.json.
Run: python benchmarks/bench_browser.py [--rounds 15] [--cold 3]
Target: the app at most 1.3x the floor.
"""

from __future__ import annotations

import argparse
import contextlib
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import census, machine  # noqa: E402
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.servers import streamlit_server  # noqa: E402

TARGET = 1.3
SCRIPTS = {"app": "streamlit_app.py", "floor": "benchmarks/floor_app.py"}

# From each pointer-down, polls every animation frame for (a) the first frame whose root font size
# differs from the one before the tap and (b) the script state: once it has been seen running, the
# first frame it reads notRunning again. A MutationObserver on the whole document also catches a run
# shorter than a frame. Times are page-clock milliseconds after the pointer went down.
PROBE = """() => {
  const b = window.__bench = {t0: 0, painted: 0, ran: false, finished: 0};
  const state = () => (document.querySelector('[data-testid="stApp"]') || {getAttribute: () => ''})
    .getAttribute('data-test-script-state');
  new MutationObserver(rs => { const t = performance.now();
      for (const r of rs) if (b.t0 && r.oldValue === 'running') { b.ran = true; if (!b.finished) b.finished = t; } })
    .observe(document.documentElement, {subtree: true, attributes: true, attributeOldValue: true,
             attributeFilter: ['data-test-script-state']});
  document.addEventListener('pointerdown', () => {
    Object.assign(b, {t0: performance.now(), painted: 0, ran: false, finished: 0});
    const before = getComputedStyle(document.documentElement).fontSize;
    const watch = () => { const now = performance.now();
      if (!b.painted && getComputedStyle(document.documentElement).fontSize !== before) b.painted = now;
      const s = state();
      if (s === 'running') b.ran = true;
      else if (b.ran && s === 'notRunning' && !b.finished) b.finished = now;
      if (!(b.painted && b.finished) && now - b.t0 < 30000) requestAnimationFrame(watch); };
    requestAnimationFrame(watch);
  }, true);
}"""
DONE = "() => window.__bench.painted > 0 && window.__bench.finished > 0"
READ = "() => { const b = window.__bench; return {painted_ms: b.painted - b.t0, finished_ms: b.finished - b.t0}; }"


def launch(playwright):
    if not Path(CHROMIUM).is_file():
        raise SystemExit(f"Chromium not found at {CHROMIUM}; set CHROMIUM_PATH")
    # Everything but localhost goes to a closed port, so nothing can leave the machine.
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
                                      proxy={"server": "http://127.0.0.1:9"})


def ready(page, timeout: float = 60_000) -> None:
    page.wait_for_selector("[data-testid='stApp'][data-test-connection-state='CONNECTED']", state="attached",
                           timeout=timeout)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", state="attached",
                           timeout=timeout)


def tap_size(page, label: str, heading: str) -> dict:
    # The text size is the first choice in the settings (the reading speed, after it, also has "Normal").
    button = page.get_by_test_id("stButtonGroup").locator("button").filter(
        has_text=re.compile(f"^{re.escape(label)}$")).first
    if not button.is_visible():  # the text size sits behind the settings button (app and floor alike)
        for popover in page.locator("[data-testid='stPopover'] button:visible").all():  # the Menu is one too
            popover.click()
            try:
                button.wait_for(state="visible", timeout=3_000)
                break
            except Exception:  # not this one: close it and try the next
                page.keyboard.press("Escape")
        button.wait_for(state="visible")
    button.click()
    try:
        page.wait_for_function(DONE, timeout=30_000)
    except Exception as exc:
        state = page.evaluate("() => JSON.stringify({...window.__bench, size: getComputedStyle(document.documentElement)"
                              ".fontSize, now: performance.now()})")
        raise RuntimeError(f"tap on {label!r} never finished: {state}") from exc
    timing = page.evaluate(READ)
    ready(page)
    page.get_by_role("heading", name=heading, exact=True).wait_for(state="visible")
    return timing


def tap_rounds(browser, urls: dict, rounds: int, taken: dict) -> list[dict]:
    sizes = next(n for n in _walk(taken["results"]) if n["t"] == "button_group" and "text_size" in n["key"])["options"]
    heading = next(n for n in _walk(taken["results"]) if n["t"] == "title")["text"]
    pages = {}
    for name, url in urls.items():
        context = browser.new_context(viewport={"width": 1024, "height": 768}, locale="en-US")
        page = context.new_page()
        page.goto(f"{url}/?{census.RICH_QUERY}")
        ready(page)
        page.get_by_role("heading", name=heading, exact=True).wait_for(state="visible")
        page.evaluate(PROBE)
        pages[name] = page
    for page in pages.values():  # warm up
        tap_size(page, sizes[1], heading), tap_size(page, sizes[0], heading)
    samples = []
    for r in range(rounds):
        for name in (("app", "floor") if r % 2 == 0 else ("floor", "app")):
            for label in (sizes[1], sizes[0]):
                samples.append({"variant": name, "round": r, **tap_size(pages[name], label, heading),
                                "load_1min": machine.load()[0]})
    for page in pages.values():
        page.context.close()
    return samples


def cold_starts(browser, repeats: int, start_label: str, floor_env: dict) -> list[dict]:
    samples = []
    for r in range(repeats):
        for name in (("app", "floor") if r % 2 == 0 else ("floor", "app")):
            t0 = time.perf_counter()
            with streamlit_server(SCRIPTS[name], env=floor_env) as server:
                healthy = time.perf_counter() - t0
                context = browser.new_context(viewport={"width": 1024, "height": 768}, locale="en-US")
                page = context.new_page()
                page.goto(server.url + "/")
                page.get_by_role("button", name=start_label, exact=True).wait_for(state="visible", timeout=60_000)
                usable = time.perf_counter() - t0
                context.close()
            samples.append({"variant": name, "repeat": r, "healthy_s": healthy, "usable_s": usable,
                            "load_1min": machine.load()[0]})
    return samples


def summary(samples: list[dict], keys: list[str]) -> list[dict]:
    rows = []
    for name in ("app", "floor"):
        mine = [s for s in samples if s["variant"] == name]
        row = {"variant": name, "n": len(mine)}
        for key in keys:
            row[f"{key} median"] = statistics.median(s[key] for s in mine)
            row[f"{key} p90"] = machine.percentile([s[key] for s in mine], 0.9)
        rows.append(row)
    for key in keys:
        rows[0][f"{key} ratio"] = round(rows[0][f"{key} median"] / rows[1][f"{key} median"], 2)
    return rows


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15, help="tap rounds (each taps twice per app)")
    parser.add_argument("--cold", type=int, default=3, help="cold starts per app (0: skip)")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    taken = census.take()
    floor_env = {"FLOOR_CENSUS": str(census.save(taken))}
    start_label = next(n["label"] for n in _walk(taken["start"]) if n["t"] == "button" and n["type"] == "primary")
    with sync_playwright() as p:
        browser = launch(p)
        with contextlib.ExitStack() as stack:
            urls = {name: stack.enter_context(streamlit_server(script, env=floor_env)).url
                    for name, script in SCRIPTS.items()}
            taps = tap_rounds(browser, urls, args.rounds, taken)
        colds = cold_starts(browser, args.cold, start_label, floor_env)
        browser.close()
    tap_rows = summary(taps, ["painted_ms", "finished_ms"])
    cold_rows = summary(colds, ["healthy_s", "usable_s"]) if colds else [{"variant": "app", "usable_s ratio": 0.0}]
    print(machine.header(f"Browser (Chromium, 1024x768): tap on the text-size control of the results page, "
                         f"{args.rounds} alternating rounds x 2 taps"))
    print(machine.table(tap_rows))
    if colds:
        print(f"\nCold start: launch to Start button visible, {args.cold} alternating starts each; "
              f"load average {machine.load()}")
        print(machine.table(cold_rows))
    result = {"tap_ratio_painted": tap_rows[0]["painted_ms ratio"], "tap_ratio_finished": tap_rows[0]["finished_ms ratio"],
              "cold_ratio_usable": cold_rows[0]["usable_s ratio"], "target": TARGET}
    result["met"] = all(v <= TARGET for k, v in result.items() if k.endswith(("painted", "finished", "usable")))
    print(f"app / floor: tap to new text {result['tap_ratio_painted']}x, tap to script done "
          f"{result['tap_ratio_finished']}x, cold start {result['cold_ratio_usable']}x; target <= {TARGET}x: "
          f"{'met' if result['met'] else 'MISSED'}")
    machine.write("browser", {"rounds": args.rounds, "cold": args.cold, "tap": tap_rows, "cold_start": cold_rows,
                              **result, "tap_samples": taps, "cold_samples": colds})
    return {**result, "tap": tap_rows}


def _walk(node: dict):
    yield node
    for child in node.get("children", []):
        yield from _walk(child)


if __name__ == "__main__":
    main()
