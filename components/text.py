"""UI strings, read once from ``text_<lang>.yaml``. Clinical words come from the content, not here."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

LANGUAGE = "en"
_HERE = Path(__file__).parent


@functools.cache
def strings(lang: str = LANGUAGE) -> dict[str, Any]:
    """All strings for one language, as nested dicts."""
    with open(_HERE / f"text_{lang}.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)[lang]


def t(key: str, lang: str = LANGUAGE, **values: object) -> Any:
    """The string (or list) at a dotted key such as ``"results.more"``, with ``{placeholders}`` filled."""
    node: Any = strings(lang)
    for part in key.split("."):
        node = node[part]
    if isinstance(node, str) and values:
        return node.format(**values)
    return node
