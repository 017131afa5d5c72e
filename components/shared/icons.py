"""Pictures for treatments and places: this app's own line icons.

``icon_svg(name, label, size_px)`` draws one of the app's icons as an inline SVG string. The
names are the kinds of treatment (vocabulary.yaml, ``kinds``), the ways a treatment
is given (knowledge.schema.WAYS) and the places of spread (knowledge.profile.SITE_VALUES). The
drawing comes only from the fixed shapes in :mod:`components.shared.icon_shapes`; the only
outside text is the label, which is escaped. How an option is given is content (its ``given:``
list), never decided here. The emoji that marks a kind in headings is content too.
"""

from __future__ import annotations

import functools
from html import escape

from knowledge.schema import WAYS  # noqa: F401  (each way has an icon; tests check it)

from .icon_shapes import MAIN, SHAPES


def icon_names() -> tuple[str, ...]:
    """Every name icon_svg can draw."""
    return tuple(SHAPES)


@functools.lru_cache(maxsize=256)
def icon_svg(name: str, label: str = "", size_px: int = 40) -> str:
    """The icon called ``name`` as an inline SVG string, ``size_px`` wide and high.

    With a label it is a picture with that accessible name (role="img", aria-label, escaped);
    without one it is decoration that screen readers skip (aria-hidden="true").
    Raises ValueError for a name that has no icon.
    """
    shape = SHAPES.get(name)
    if shape is None:
        raise ValueError(f"no icon called {name!r}")
    size = min(max(int(size_px), 8), 512)
    if label:
        a11y = f'role="img" aria-label="{escape(label, quote=True)}"'
    else:
        a11y = 'aria-hidden="true"'
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" width="{size}" height="{size}" '
        f'fill="none" stroke="{MAIN}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" '
        f'focusable="false" {a11y}>{shape}</svg>'
    )
