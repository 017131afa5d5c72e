"""A simple body outline drawn as inline SVG; chosen places of spread are filled in.

The SVG is built only from the fixed shapes below, the fixed site vocabulary and an
escaped label, so no text from a link can reach the page.
"""

from __future__ import annotations

from html import escape
from typing import Iterable

ON, OFF, OFF_LINE = "#c2185b", "#e3e8ef", "#8a96a3"
LINE, SKIN = "#4a5568", "#f7f9fc"

# The person faces you, so their right side is on your left. viewBox 0 0 200 360.
SILHOUETTE = (
    f'<g fill="{SKIN}" stroke="{LINE}" stroke-width="2">'
    '<rect x="38" y="82" width="20" height="128" rx="10" transform="rotate(6 48 82)"/>'
    '<rect x="142" y="82" width="20" height="128" rx="10" transform="rotate(-6 152 82)"/>'
    '<rect x="68" y="206" width="30" height="140" rx="13"/><rect x="102" y="206" width="30" height="140" rx="13"/>'
    '<rect x="92" y="54" width="16" height="22" rx="4"/>'
    '<rect x="60" y="72" width="80" height="150" rx="24"/>'
    '<circle cx="100" cy="34" r="24"/></g>'
)
# Drawn in this order, so organs sit on top of the bones.
SHAPES = {
    "skin": '<rect x="60" y="72" width="80" height="150" rx="24" fill="none" stroke-width="5"/>',
    "bone": ('<rect x="97" y="78" width="6" height="128" rx="3"/>'
             '<path d="M76 204 Q100 190 124 204 L120 218 Q100 210 80 218 Z"/>'
             '<rect x="79" y="222" width="8" height="110" rx="4"/><rect x="113" y="222" width="8" height="110" rx="4"/>'
             '<rect x="44" y="92" width="6" height="100" rx="3" transform="rotate(6 47 92)"/>'
             '<rect x="150" y="92" width="6" height="100" rx="3" transform="rotate(-6 153 92)"/>'),
    "lung": '<ellipse cx="82" cy="112" rx="13" ry="25"/><ellipse cx="118" cy="112" rx="13" ry="25"/>',
    "liver": '<path d="M66 146 Q94 136 114 146 Q106 166 72 164 Z"/>',
    "lymph_nodes": ('<circle cx="66" cy="86" r="5"/><circle cx="134" cy="86" r="5"/>'
                    '<circle cx="90" cy="66" r="4"/><circle cx="110" cy="66" r="4"/>'),
    "brain": '<ellipse cx="100" cy="30" rx="17" ry="13"/>',
    "other": ('<circle cx="170" cy="36" r="15"/>'
              '<text x="170" y="43" font-size="20" font-family="sans-serif" text-anchor="middle" '
              'fill="#fff" stroke="none">?</text>'),
}


def svg(chosen: Iterable[str], label: str) -> str:
    """The picture as an SVG string whose accessible name lists the chosen places."""
    chosen = set(chosen)
    parts = []
    for site, shape in SHAPES.items():
        on = site in chosen
        parts.append(f'<g fill="{ON if on else OFF}" stroke="{ON if on else OFF_LINE}" stroke-width="1.5">'
                     f'{shape}</g>')
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 360" role="img" aria-label="{escape(label)}" '
        f'style="width:100%;height:auto;display:block">{SILHOUETTE}{"".join(parts)}</svg>'
    )
