"""The layers and the rooms of components/ keep to their order, so there are no import circles.

Content and engine (``knowledge/``) never import the screens; in ``components/`` each folder
imports only the folders it may build on.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
COMPONENTS = ROOT / "components"
# Which other folders of components/ each folder may import.
ALLOWED = {
    "shared": set(),
    "kiosk": {"shared"},
    "take_home": {"shared"},
    "teaching": {"shared"},
    "explainer": {"shared", "take_home"},
}


def folders_imported(path: Path) -> set[str]:
    """The folders of components/ that one module imports (relative imports resolved)."""
    package = path.relative_to(ROOT).parts[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name.split(".") for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = list(package[: len(package) - node.level + 1]) if node.level else []
            module = base + (node.module.split(".") if node.module else [])
            targets = [module + [alias.name] for alias in node.names]
        else:
            continue
        found |= {target[1] for target in targets if target[0] == "components" and len(target) > 1}
    return found


def test_every_module_of_components_sits_in_a_room_of_its_own():
    loose = [p.name for p in COMPONENTS.glob("*.py") if p.name != "__init__.py"]
    assert not loose, f"put these in a folder by concern: {loose}"
    assert {p.name for p in COMPONENTS.iterdir() if p.is_dir() and p.name != "__pycache__"} == set(ALLOWED)


@pytest.mark.parametrize("folder", sorted(ALLOWED))
def test_each_folder_imports_only_the_folders_below_it(folder):
    wrong = {}
    for path in sorted((COMPONENTS / folder).rglob("*.py")):
        extra = folders_imported(path) - ALLOWED[folder] - {folder}
        if extra:
            wrong[str(path.relative_to(ROOT))] = sorted(extra)
    assert not wrong, wrong


def test_content_and_engine_never_import_the_screens():
    found = {path.name: folders_imported(path) for path in sorted((ROOT / "knowledge").rglob("*.py"))}
    assert {name: used for name, used in found.items() if used} == {}
    streamlit = [p.name for p in (ROOT / "knowledge").rglob("*.py") if "streamlit" in p.read_text(encoding="utf-8")]
    assert not streamlit, f"the knowledge core never uses Streamlit: {streamlit}"


def knowledge_modules_imported(path: Path) -> set[str]:
    """The modules of knowledge/ that one module of it imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            found |= {node.module} if node.module else {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("knowledge."):
            found.add(node.module.split(".")[1])
    return found


def test_the_knowledge_core_has_no_import_circle():
    graph = {p.stem: knowledge_modules_imported(p) for p in (ROOT / "knowledge").glob("*.py")}

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for nxt in graph.get(start, ()):
            if nxt == goal or (nxt not in seen and reaches(nxt, goal, seen | {nxt})):
                return True
        return False

    circles = sorted(m for m in graph if reaches(m, m, {m}))
    assert not circles, f"modules on an import circle: {circles}"
    assert "gate" in graph["loader"] and "engine" not in graph["loader"]  # the check itself sees this edge


def test_the_check_sees_relative_imports():
    """The check itself: a relative import from explainer/ resolves to the folder it names."""
    results = COMPONENTS / "explainer" / "results.py"
    assert {"shared", "take_home", "explainer"} <= folders_imported(results)
