"""A soft body outline drawn as inline SVG; chosen places of spread are filled in.

The SVG is built only from the fixed shapes below, the fixed site vocabulary, the place names
of the rule set (sites.yaml, in its language) and an escaped label, so no text from a link can
reach the page. Each place is a group with a <title>, so pointing at it names it.
"""

from __future__ import annotations

from html import escape
from typing import Iterable, Mapping

import streamlit as st

from ..shared import assets
from ..shared.icon_shapes import MAIN

ON, OFF, OFF_LINE = "#c2185b", "#e4edef", "#9db2b7"
SKIN = "#fdf7f3"

# The left half of the outline (the person's right side; they face you), from the neck down
# to between the legs, as cubic segments (two control points and an end point each).
_START = (89, 60)
_LEFT = (
    ((89, 72), (87, 78), (80, 80)),  # neck into the shoulder
    ((66, 83), (54, 86), (49, 98)),  # rounded shoulder
    ((44, 110), (43, 132), (41, 152)),  # upper arm
    ((39, 172), (37, 194), (37, 210)),  # forearm
    ((37, 221), (40, 226), (45, 226)),  # hand
    ((50, 226), (52, 221), (52, 212)),
    ((53, 192), (56, 170), (58, 152)),  # inside of the arm
    ((60, 136), (62, 124), (65, 114)),  # armpit
    ((65, 138), (64, 162), (68, 182)),  # side, in to the waist
    ((71, 198), (64, 212), (64, 230)),  # hip
    ((63, 262), (67, 300), (70, 328)),  # outside of the leg
    ((70, 337), (75, 342), (83, 342)),  # foot
    ((91, 342), (94, 337), (94, 328)),
    ((94, 296), (96, 262), (97, 246)),  # inside of the leg
    ((98, 240), (99, 238), (100, 238)),
)


def _outline() -> str:
    def pt(p: tuple[float, float], mirror: bool = False) -> str:
        return f"{200 - p[0] if mirror else p[0]:g} {p[1]:g}"

    d = [f"M{pt(_START)}"] + [f"C{pt(a)} {pt(b)} {pt(c)}" for a, b, c in _LEFT]
    starts = [_START] + [seg[2] for seg in _LEFT[:-1]]
    for (a, b, _), start in zip(reversed(_LEFT), reversed(starts)):  # the right half, walked back up
        d.append(f"C{pt(b, True)} {pt(a, True)} {pt(start, True)}")
    return "".join(d) + "Z"


SILHOUETTE = (
    f'<g fill="{SKIN}" stroke="{MAIN}" stroke-width="2.5" stroke-linejoin="round">'
    f'<path d="{_outline()}"/><ellipse cx="100" cy="40" rx="24" ry="27"/></g>'
)


def _pair(shape: str) -> str:
    """A shape and its mirror image across the middle of the body."""
    return f'{shape}<g transform="matrix(-1 0 0 1 200 0)">{shape}</g>'


# Drawn in this order: the chest wall behind the bones, the organs on top of the bones.
SHAPES = {
    "skin": ('<path d="M66 98C68 88 82 83 100 83C118 83 132 88 134 98V136C134 148 124 154 113 151C107 149 103 147 100 144'
             'C97 147 93 149 87 151C76 154 66 148 66 136Z"/>'),
    "bone": ('<rect x="97" y="76" width="6" height="140" rx="3"/>'
             '<path d="M72 214C84 204 116 204 128 214C130 226 121 238 112 237L100 230L88 237C79 238 70 226 72 214Z"/>'
             + _pair('<rect x="79" y="242" width="7" height="80" rx="3.5"/>'
                     '<rect x="60" y="83" width="34" height="5" rx="2.5" transform="rotate(-14 77 85.5)"/>')),
    "lung": _pair('<path d="M95 94C85 89 73 100 72 121C71 133 75 139 84 138C91 137 95 134 95 129Z"/>'),
    "liver": '<path d="M68 158C82 151 104 151 118 157C113 173 92 182 73 177C66 173 65 164 68 158Z"/>',
    "lymph_nodes": _pair('<circle cx="90" cy="72" r="3.5"/><circle cx="67" cy="106" r="4.5"/>'
                         '<circle cx="70" cy="117" r="3.5"/>'),
    "brain": ('<path d="M100 20C88 18 79 24 79 34C78 44 86 52 100 50C114 52 122 44 121 34C121 24 112 18 100 20Z"/>'
              '<path d="M100 21V49" fill="none" stroke-linecap="round"/>'),
    "other": ('<circle cx="170" cy="40" r="15"/>'
              '<path d="M165 35.5a5.5 5.5 0 1 1 7.7 5c-1.5.7-2.7 1.8-2.7 3.5V45" fill="none" stroke="{mark}" '
              'stroke-width="2.5" stroke-linecap="round"/><circle cx="170" cy="50.5" r="1.8" fill="{mark}" stroke="none"/>'),
}

def svg(chosen: Iterable[str], label: str, names: Mapping[str, str]) -> str:
    """The picture as an SVG string whose accessible name lists the chosen places; ``names``
    gives each place's name (what pointing at it says)."""
    chosen = set(chosen)
    parts = []
    for site, shape in SHAPES.items():
        on = site in chosen
        colour, line = (ON, "#ffffff") if on else (OFF, OFF_LINE)
        if site == "other":
            shape = shape.format(mark="#ffffff" if on else OFF_LINE)
        parts.append(f'<g data-place="{site}" fill="{colour}" stroke="{line}" stroke-width="1.5">'
                     f'<title>{escape(names[site])}</title>{shape}</g>')
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 360" role="img" aria-label="{escape(label)}" '
        f'style="width:100%;height:auto;display:block">{SILHOUETTE}{"".join(parts)}</svg>'
    )


# One listener on the document, installed once: it survives reruns that redraw the picture.
# A tap on a place in the picture presses the button for that place (same order as the buttons).
TAP_CSS = "<style>.st-key-body_pick [data-place] { cursor: pointer; }</style>"


def tap_to_choose(places: list[str]) -> None:
    """Let a tap on the picture choose a place; ``places`` in the order of the buttons."""
    st.html(TAP_CSS + assets.script("explainer/body_tap.js", places=places),
            unsafe_allow_javascript=True)
