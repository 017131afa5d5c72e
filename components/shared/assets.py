"""The app's own CSS and JavaScript, kept as files beside the code that uses them so they can be
linted and diffed, and read through this one helper.

Nothing from answers or links goes into them as text. A value a script needs goes in only as
JSON (with ``<`` escaped, so it cannot close the script), in place of a marked ``/*name*/null``
in the file, which keeps the file valid JavaScript.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]  # components/


@functools.cache
def read(path: str) -> str:
    """A file of components/ by its path there, e.g. ``shared/base.css``, read once."""
    return (ROOT / path).read_text(encoding="utf-8")


def style(path: str) -> str:
    """A stylesheet as a ``<style>`` block."""
    return f"<style>\n{read(path)}</style>"


def script(path: str, **values: Any) -> str:
    """A script as a ``<script>`` block, each ``/*name*/null`` replaced by ``values[name]`` as JSON."""
    return f"<script>\n{fill(read(path), **values)}</script>"


def fill(code: str, **values: Any) -> str:
    for name, value in values.items():
        marker = f"/*{name}*/null"
        if marker not in code:
            raise ValueError(f"no {marker} in the script")
        code = code.replace(marker, json.dumps(value).replace("<", "\\u003c"))
    return code
