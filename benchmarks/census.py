"""Take a census of the app's element tree, so the floor app can draw the same page with no logic.

Runs the real app once under AppTest on a rich share link (results page) and once with no link
(start page), walks the element tree and saves its shape: every element's type, nesting,
widget labels and text *length*. Body text is replaced by fixed filler of the same length and
the same Markdown structure (list markers, bold, links), so the floor carries no clinical
content and does no knowledge-base work. Run: python benchmarks/census.py
"""

from __future__ import annotations

import itertools
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.machine import RESULTS  # noqa: E402

APP = str(ROOT / "streamlit_app.py")
CENSUS = RESULTS / "census.json"
COMMITTED = ROOT / "benchmarks" / "floor_census.json"  # used by the floor app if no fresh census exists
# A rich profile: three places of spread, known and unknown markers (the share link of docs/using-the-app.md, widened).
RICH_QUERY = "hr=positive&her2=low&site=bone&site=liver&site=brain&menopause=post&sex=female&esr1=positive&pik3ca=unknown"
FILLER = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore"


def scramble(text: str) -> str:
    """Same length, same punctuation, spacing and Markdown marks; every ASCII letter replaced by filler."""
    letters = itertools.cycle(c for c in FILLER if c.isalpha())
    return re.sub(r"[A-Za-z]", lambda m: (lambda c: c.upper() if m.group().isupper() else c)(next(letters)), text)


def _query_params(query: str) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    for pair in query.split("&"):
        if pair:
            name, _, value = pair.partition("=")
            params.setdefault(name, []).append(value)
    return params


def run_app(query: str = "", reruns: int = 1):
    """The real app under AppTest after its first run plus ``reruns`` more; returns (AppTest, download sizes)."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    sizes: list[int] = []
    original = st.download_button

    def recording(label, data, *args, **kwargs):
        sizes.append(len(data.encode() if isinstance(data, str) else data))
        return original(label, data, *args, **kwargs)

    os.environ.pop("EXPLAINER_CONTENT_DIR", None)
    st.download_button = recording
    try:
        at = AppTest.from_file(APP, default_timeout=60)
        for name, values in _query_params(query).items():
            at.query_params[name] = values if len(values) > 1 else values[0]
        at.run()
        for _ in range(reruns):
            sizes.clear()
            at.run()
    finally:
        st.download_button = original
    assert not at.exception, f"the app raised: {at.exception}"
    return at, list(sizes)


def _inert_script(length: int) -> str:
    head, tail = "<script>/* ", " */</script>"
    return head + (FILLER * (length // len(FILLER) + 1))[:max(0, length - len(head) - len(tail))] + tail


def _sub(proto: Any, name: str) -> Any:
    """A block's own sub-message, whether AppTest kept the whole Block proto or only its part."""
    return getattr(proto, name) if hasattr(proto, name) else proto


def _node(node: Any, sizes: list[int]) -> dict[str, Any] | None:
    kind = node.type
    proto = getattr(node, "proto", None)
    children = [c for c in (_node(ch, sizes) for ch in getattr(node, "children", {}).values()) if c]
    if kind in ("markdown", "caption"):
        body = proto.body
        return {"t": kind, "text": body if proto.allow_html else scramble(body), "html": proto.allow_html}
    if kind in ("title", "header", "subheader"):
        return {"t": kind, "text": proto.body if kind == "title" else scramble(proto.body)}
    if kind in ("info", "error", "warning", "success"):
        return {"t": kind, "text": scramble(proto.body), "icon": proto.icon}
    if kind == "code":
        return {"t": "code", "text": scramble(proto.code_text)}
    if kind == "html":
        if proto.unsafe_allow_javascript:  # the app's own script is its work: the floor gets an inert one
            return {"t": "html", "text": _inert_script(len(proto.body)), "js": True}
        return {"t": "html", "text": proto.body, "js": False}
    if kind == "button":
        return {"t": "button", "label": proto.label, "icon": proto.icon, "type": proto.type}
    if kind == "download_button":
        return {"t": "download_button", "label": proto.label, "icon": proto.icon, "type": proto.type,
                "bytes": sizes.pop(0) if sizes else 1000}
    if kind == "link_button":  # the app's own page behind it is its work; the floor links to a fixed one
        return {"t": "link_button", "label": proto.label, "icon": proto.icon, "type": proto.type}
    if kind == "page_link":  # the floor draws a link with the same words to a fixed local address
        return {"t": "page_link", "label": proto.label}
    if kind == "checkbox":
        return {"t": "checkbox", "label": scramble(proto.label), "value": proto.default}
    if kind == "toggle":
        return {"t": "toggle", "label": proto.label, "value": proto.default}
    if kind == "text_input":
        return {"t": "text_input", "label": proto.label, "max_chars": proto.max_chars}
    if kind == "button_group":
        return {"t": "button_group", "label": proto.label, "key": proto.id.split("-", 2)[-1],
                "options": [o.content for o in proto.options], "default": list(proto.default)}
    if kind in ("expandable", "expander"):
        return {"t": "expander", "label": scramble(_sub(proto, "expandable").label), "icon": _sub(proto, "expandable").icon,
                "children": children}
    if kind == "popover":
        return {"t": "popover", "label": _sub(proto, "popover").label, "icon": _sub(proto, "popover").icon,
                "children": children}
    if kind == "column":
        return {"t": "container", "border": False, "horizontal": False, "children": children}
    if kind in ("tab_container", "tabs"):
        return {"t": "tabs", "children": children}
    if kind == "tab":
        return {"t": "tab", "label": scramble(_sub(proto, "tab").label), "children": children}
    if kind in ("flex_container", "vertical", "horizontal", "container"):
        flex = _sub(proto, "flex_container") if proto is not None else None
        border = bool(flex is not None and flex.border)
        horizontal = bool(flex is not None and flex.direction == flex.HORIZONTAL)
        return {"t": "container", "border": border, "horizontal": horizontal, "children": children}
    if kind in ("main", "root"):
        return {"t": kind, "children": children}
    if kind in ("sidebar", "event", "bottom"):
        return None  # empty layout roots the page does not fill
    raise ValueError(f"census: no floor element for {kind!r}; add one to census.py and floor_app.py")


def _page(at: Any, sizes: list[int]) -> dict[str, Any]:
    """The main area, preceded by the invisible event area (where style-only st.html goes)."""
    roots = {node.type: node for node in at._tree.children.values()}
    children = []
    for name in ("event", "main"):
        if name in roots:
            children += [c for c in (_node(ch, sizes) for ch in roots[name].children.values()) if c]
    return {"t": "main", "children": children}


def counts(tree: dict[str, Any]) -> Counter:
    """How many elements of each type a census tree holds (containers included)."""
    c: Counter = Counter()
    stack = [tree]
    while stack:
        n = stack.pop()
        if n["t"] not in ("main", "root"):
            c[n["t"]] += 1
        stack.extend(n.get("children", []))
    return c


def first_view(tree: dict[str, Any]) -> dict[str, Any]:
    """The part of the results page before its first section header ("Take this home"): what
    the reader meets first (meaning, what comes first, when to get help), as its own tree."""
    top: list[dict[str, Any]] = []
    for node in tree.get("children", []):
        if node["t"] == "header":
            break
        top.append(node)
    return {"t": "main", "children": top}


def text_chars(tree: dict[str, Any]) -> int:
    stack, total = [tree], 0
    while stack:
        n = stack.pop()
        total += len(n.get("text", "")) + len(n.get("label", ""))
        stack.extend(n.get("children", []))
    return total


def take(query: str = RICH_QUERY) -> dict[str, Any]:
    at, sizes = run_app(query)
    assert at.session_state["step"] == "results", "the rich link must open the results page"
    results = _page(at, sizes)
    start_at, start_sizes = run_app("")
    start = _page(start_at, start_sizes)
    return {"query": query, "results": results, "start": start,
            "counts": {"results": dict(counts(results)), "start": dict(counts(start)),
                       "first_view": dict(counts(first_view(results)))},
            "text_chars": {"results": text_chars(results), "start": text_chars(start)}}


def save(census: dict[str, Any], path: Path = CENSUS) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(census, indent=1, ensure_ascii=False))
    return path


def main() -> None:
    census = take()
    path = save(census)
    if "--commit" in sys.argv:
        save(census, COMMITTED)
    print(f"results page: {sum(census['counts']['results'].values())} elements "
          f"({sum(census['counts']['first_view'].values())} before the first section), "
          f"{census['text_chars']['results']} characters of text -> {path}")
    for kind, n in sorted(census["counts"]["results"].items(), key=lambda kv: -kv[1]):
        print(f"  {kind:<16} {n:>5}")


if __name__ == "__main__":
    main()
